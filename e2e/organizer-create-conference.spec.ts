import { expect, test } from '@playwright/test';
import { fillCreateForm, uniqueConference } from './support/organizer';
import { snap } from './support/snap';

test('the create form explains what is wrong and refuses a taken slug', async ({ page }, testInfo) => {
  await page.goto('/organizer');
  await expect(page.getByRole('heading', { level: 1, name: 'Organizer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await snap(page, testInfo, 'organizer start page');
  await page.getByRole('link', { name: 'Create conference' }).click();
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByText('Your name is required.')).toBeVisible();
  await expect(page.getByLabel('Conference name')).toHaveAccessibleDescription('Conference name is required.');
  await expect(page.getByRole('button', { name: 'Create conference' })).toBeEnabled();

  await fillCreateForm(page, { ...uniqueConference('taken'), slug: 'cqrs-summit' });
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That slug is already taken.' })).toBeVisible();
  await expect(page.getByText('Your name is required.')).toHaveCount(0);
  await expect(page.getByLabel('Slug', { exact: true })).toHaveAccessibleDescription(/That slug is already taken\./);
  await expect(page.getByLabel('Location', { exact: true })).toHaveValue('Lisbon');
  await snap(page, testInfo, 'create conference with a taken slug');
});

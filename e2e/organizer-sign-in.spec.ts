import { expect, test } from '@playwright/test';
import { createConference, uniqueConference } from './support/organizer';
import { snap } from './support/snap';

test('an organizer signs out and back in with the access code; a wrong code is refused', async ({ page }, testInfo) => {
  const conference = uniqueConference('signin');
  const code = await createConference(page, conference);
  await snap(page, testInfo, 'dashboard');

  await page.getByRole('link', { name: 'Edit details' }).click();
  await expect(page.getByLabel('Conference name')).toHaveValue(conference.name);
  await page.getByLabel('Conference name').fill(`${conference.name} renamed`);
  await page.getByLabel('End date').fill('2031-05-01');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByLabel('End date')).toHaveAccessibleDescription('The end date cannot be before the start date.');
  await snap(page, testInfo, 'edit details with an error');
  await page.getByLabel('End date').fill('2031-05-14');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${conference.name} renamed` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/organizer/conferences/${conference.slug}$`));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  const response = await page.goto(`/organizer/conferences/${conference.slug}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Conference not found' })).toBeVisible();

  await page.goto('/organizer');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(conference.email);
  await page.getByLabel('Access code').fill(code === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'No conference matches that email and access code.' })).toBeVisible();
  await snap(page, testInfo, 'sign in refused');

  await page.getByLabel('Access code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${conference.name} renamed` })).toBeVisible();
  await expect(page.getByTestId('organizer-access-code')).toHaveText(code);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

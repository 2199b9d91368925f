import { expect, test } from '@playwright/test';
import { chooseSeats, demoConference, fillRegistrant, orderNow, snap } from './support/registrant';

test('invalid registrant details are explained next to each field and nothing is paid', async ({ page }, testInfo) => {
  await page.goto(`/conferences/${demoConference.slug}/register`);
  await chooseSeats(page, { 'Cocktail party': 1 });
  await orderNow(page);

  await page.getByRole('button', { name: 'Proceed to payment' }).click();
  const firstName = page.getByLabel('First name', { exact: true });
  await expect(firstName).toHaveAccessibleDescription('First name is required.');
  await expect(firstName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Last name', { exact: true })).toHaveAccessibleDescription('Last name is required.');
  await expect(page.getByLabel('Email', { exact: true })).toHaveAccessibleDescription('Enter a valid email address.');
  await expect(page.getByRole('alert').filter({ hasText: 'First name is required.' })).toBeVisible();
  await snap(page, testInfo, 'empty registrant form');

  await fillRegistrant(page, { firstName: 'Mary', lastName: 'Shelley', email: 'mary@example.com', confirmEmail: 'marie@example.com' });
  await page.getByRole('button', { name: 'Proceed to payment' }).click();
  await expect(page.getByLabel('Confirm email', { exact: true })).toHaveAccessibleDescription('Emails do not match.');
  await expect(page.getByText('First name is required.')).toHaveCount(0);
  // What was typed stays in the form.
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Mary');
  await snap(page, testInfo, 'emails do not match');

  await page.getByLabel('Confirm email', { exact: true }).fill('mary@example.com');
  await page.getByRole('button', { name: 'Proceed to payment' }).click();
  await expect(page.getByRole('heading', { name: 'Simulated payment processor' })).toBeVisible();
});

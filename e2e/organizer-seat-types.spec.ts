import { expect, test, type Page } from '@playwright/test';
import { createConference, uniqueConference } from './support/organizer';
import { snap } from './support/snap';

/** The id an Edit button opens, read from its form (the URL it navigates to). */
const editId = (page: Page) => page.getByRole('row', { name: /Early bird/ }).locator('input[name="edit"]').inputValue();

test('seat types can be edited and removed before publishing, one form at a time', async ({ page }, testInfo) => {
  const conference = uniqueConference('seats');
  await createConference(page, conference);
  await page.goto(`/organizer/conferences/${conference.slug}/seat-types`);
  await expect(page.getByText('No seat types yet.')).toBeVisible();
  for (const [name, quantity, price] of [['Early bird', '20', '99'], ['Student', '15', '15.10']] as const) {
    await page.getByRole('link', { name: 'Add seat type' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Quantity', { exact: true }).fill(quantity);
    await page.getByLabel('Price', { exact: true }).fill(price);
    await page.getByRole('button', { name: 'Save seat type' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }
  for (const column of ['Seat type', 'Quantity', 'Price']) {
    await expect(page.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('row', { name: /Student/ })).toContainText('$15.10');

  await page.getByRole('link', { name: 'Add seat type' }).click();
  await page.getByLabel('Quantity', { exact: true }).fill('-1');
  await page.getByRole('button', { name: 'Save seat type' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Name must be 2 to 70 characters.');
  await expect(page.getByText('The quantity cannot be negative.')).toBeVisible();
  await expect(page.getByLabel('Price', { exact: true })).toHaveAccessibleDescription(/Enter a price\./);
  await snap(page, testInfo, 'seat type form with errors');

  await page.getByRole('row', { name: /Early bird/ }).getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('button', { name: 'Save seat type' })).toHaveCount(1);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Early bird');
  await page.getByLabel('Price', { exact: true }).fill('1197');
  await page.getByRole('button', { name: 'Save seat type' }).click();
  await expect(page.getByRole('row', { name: /Early bird/ })).toContainText('$1,197.00');

  await page.getByRole('row', { name: /Student/ }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('row', { name: /Student/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Early bird/ })).toBeVisible();
  await snap(page, testInfo, 'seat types');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/organizer/conferences/${conference.slug}/seat-types?edit=${await editId(page)}`);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Early bird');
  await snap(page, testInfo, 'seat types on a phone');
});

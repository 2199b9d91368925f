import { expect, test } from '@playwright/test';
import { shortTtlURL } from '../playwright.config';
import { createPublishedConference } from './support/organizer';
import { chooseSeats, openRegisterPage, openRegisterPageSoldOut, orderNow, snap } from './support/registrant';

// This server holds reservations for 8 seconds.
test.use({ baseURL: shortTtlURL });

test('an unpaid reservation expires and its seats are on sale again', { tag: '@server' }, async ({ page, browser }, testInfo) => {
  const conference = await createPublishedConference(browser, shortTtlURL, 'brief-hold', [
    { name: 'Standing', quantity: 3, price: '25' },
  ]);
  await openRegisterPage(page, conference.slug, 'Standing');
  await chooseSeats(page, { Standing: 3 });
  await orderNow(page);
  const orderUrl = page.url();
  await expect(page.getByTestId('order-total')).toHaveText('$75.00');
  await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^00:0\d$/);

  // While held, nobody else can have the seats (looked at first: the hold lasts 8 seconds).
  const other = await browser.newContext({ baseURL: shortTtlURL });
  const otherPage = await other.newPage();
  await openRegisterPageSoldOut(otherPage, conference.slug, 'Standing');
  await snap(page, testInfo, 'reservation counting down');

  await expect(page.getByRole('alert').filter({ hasText: 'Your reservation has expired' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('First name', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Proceed to payment' })).toHaveCount(0);
  await snap(page, testInfo, 'reservation expired');

  // Reloading after expiry says the same, and the seats are available again.
  await page.goto(orderUrl);
  await expect(page.getByRole('alert').filter({ hasText: 'Your reservation has expired' })).toBeVisible();
  await expect(async () => {
    await otherPage.reload();
    await expect(otherPage.getByRole('row', { name: /Standing/ }).getByRole('cell').nth(2)).toHaveText('3', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(otherPage.getByLabel('Quantity of Standing')).toBeVisible();
  await snap(otherPage, testInfo, 'seats back on sale');
  await other.close();
});

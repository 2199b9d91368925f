import { expect, test } from '@playwright/test';
import { createPublishedConference } from './support/organizer';
import { chooseSeats, openRegisterPage, openRegisterPageSoldOut, orderNow, seatsTable, snap } from './support/registrant';

test('seats bought out by someone else while choosing: partial, then sold out, then a smaller order', { tag: '@server' }, async ({ page, browser, baseURL }, testInfo) => {
  const conference = await createPublishedConference(browser, baseURL!, 'tiny-conf', [
    { name: 'Front row', quantity: 2, price: '300' },
    { name: 'Balcony', quantity: 10, price: '40' },
  ]);
  // The first registrant opens the register page and starts choosing.
  await openRegisterPage(page, conference.slug, 'Front row');
  await expect(page.getByRole('row', { name: /Front row/ }).getByRole('cell').nth(2)).toHaveText('2');
  await chooseSeats(page, { 'Front row': 2, Balcony: 1 });

  // Meanwhile another registrant takes both front-row seats.
  const rival = await browser.newContext({ baseURL });
  const rivalPage = await rival.newPage();
  await openRegisterPage(rivalPage, conference.slug, 'Front row');
  await chooseSeats(rivalPage, { 'Front row': 2 });
  await orderNow(rivalPage);
  await expect(rivalPage.getByTestId('order-total')).toHaveText('$600.00');

  // The first page did not change while choosing; the order reports what could not be had.
  await expect(page.getByLabel('Quantity of Front row')).toHaveValue('2');
  await orderNow(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not reserve all the requested seats.' })).toContainText('Front row');
  await expect(seatsTable(page).getByRole('row', { name: /Balcony/ })).toBeVisible();
  await expect(seatsTable(page).getByRole('row', { name: /Front row/ })).toHaveCount(0);
  await expect(page.getByTestId('order-total')).toHaveText('$40.00');
  await snap(page, testInfo, 'partially reserved');

  // A third registrant sees the front row sold out.
  const late = await browser.newContext({ baseURL });
  const latePage = await late.newPage();
  await openRegisterPageSoldOut(latePage, conference.slug, 'Front row');
  await expect(latePage.getByLabel('Quantity of Front row')).toHaveCount(0);
  await snap(latePage, testInfo, 'register page with a sold-out seat type');

  // Change seats of the first order: front row is gone for them, a smaller order goes through.
  await page.getByRole('link', { name: 'Change seats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Front row/ })).toContainText('Sold out');
  await expect(page.getByLabel('Quantity of Balcony')).toHaveValue('1');
  await chooseSeats(page, { Balcony: 3 });
  await orderNow(page);
  await expect(page.getByText('Could not reserve all the requested seats.')).toHaveCount(0);
  await expect(seatsTable(page).getByRole('row', { name: /Balcony/ })).toContainText('3');
  await expect(page.getByTestId('order-total')).toHaveText('$120.00');
  await expect(page.getByRole('button', { name: 'Proceed to payment' })).toBeVisible();
  await snap(page, testInfo, 'smaller order reserved');
  await Promise.all([rival.close(), late.close()]);
});

test('an order for seats that are all gone says sold out and offers no payment', { tag: '@server' }, async ({ page, browser, baseURL }, testInfo) => {
  const conference = await createPublishedConference(browser, baseURL!, 'one-seat', [
    { name: 'Only seat', quantity: 1, price: '10' },
  ]);
  await openRegisterPage(page, conference.slug, 'Only seat');
  await chooseSeats(page, { 'Only seat': 1 });

  const rival = await browser.newContext({ baseURL });
  const rivalPage = await rival.newPage();
  await openRegisterPage(rivalPage, conference.slug, 'Only seat');
  await chooseSeats(rivalPage, { 'Only seat': 1 });
  await orderNow(rivalPage);
  await expect(rivalPage.getByTestId('order-total')).toHaveText('$10.00');
  await rival.close();

  await orderNow(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not reserve all the requested seats.' });
  await expect(alert).toContainText('Sold out');
  await expect(page.getByTestId('order-total')).toHaveText('$0.00');
  await expect(page.getByLabel('First name', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Proceed to payment|Complete registration/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Change seats' })).toBeVisible();
  await snap(page, testInfo, 'nothing reserved');
});

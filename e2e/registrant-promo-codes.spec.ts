import { expect, test, type Browser, type Page } from '@playwright/test';
import { createPublishedConference, type PromoCodeSpec } from './support/organizer';
import { chooseSeats, fillRegistrant, openRegisterPage, orderNow, snap, uniqueEmail } from './support/registrant';

// The RI's discount scenarios: a conference of General admission ($199) and a CQRS Workshop ($500).
const seatTypes = [
  { name: 'General admission', quantity: 50, price: '199' },
  { name: 'CQRS Workshop', quantity: 50, price: '500' },
];

const withCodes = (browser: Browser, baseURL: string | undefined, promoCodes: readonly PromoCodeSpec[]) =>
  createPublishedConference(browser, baseURL!, 'promo', seatTypes, promoCodes);

async function orderWithCode(page: Page, slug: string, quantities: Record<string, number>, code: string) {
  await openRegisterPage(page, slug, 'CQRS Workshop');
  await chooseSeats(page, quantities);
  await page.getByLabel('Promo code').fill(code);
}

const discountRow = (page: Page, code: string) => page.getByRole('row', { name: new RegExp(`^Discount \\(${code}\\)`) });

test('a 100 % code makes the order free: no payment step', async ({ page, browser, baseURL }, testInfo) => {
  const conference = await withCodes(browser, baseURL, [{ code: 'speaker123', type: 'Percent', discount: '100' }]);
  await orderWithCode(page, conference.slug, { 'General admission': 2 }, 'speaker123');
  await orderNow(page);

  await expect(discountRow(page, 'SPEAKER123')).toContainText('-$398.00');
  await expect(page.getByTestId('order-total')).toHaveText('$0.00');
  await expect(page.getByRole('button', { name: 'Proceed to payment' })).toHaveCount(0);
  await fillRegistrant(page, { firstName: 'Sam', lastName: 'Speaker', email: uniqueEmail('sam') });
  await snap(page, testInfo, 'free with a promo code');
  await page.getByRole('button', { name: 'Complete registration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await expect(page.getByTestId('order-total')).toHaveText('$0.00');
});

test('a percent code takes its percent off the seat type it covers only', async ({ page, browser, baseURL }) => {
  const conference = await withCodes(browser, baseURL, [{ code: 'COPRESENTER', type: 'Percent', discount: '10', appliesTo: 'CQRS Workshop' }]);
  await orderWithCode(page, conference.slug, { 'General admission': 1, 'CQRS Workshop': 1 }, 'COPRESENTER');
  await orderNow(page);

  await expect(discountRow(page, 'COPRESENTER')).toContainText('-$50.00');
  await expect(page.getByTestId('order-total')).toHaveText('$649.00');
  await expect(page.getByRole('button', { name: 'Proceed to payment' })).toBeVisible();
});

test('an amount code takes its amount off each seat it covers', async ({ page, browser, baseURL }) => {
  const conference = await withCodes(browser, baseURL, [{ code: 'WS10', type: 'Amount', discount: '20', appliesTo: 'CQRS Workshop' }]);
  await orderWithCode(page, conference.slug, { 'CQRS Workshop': 2 }, 'ws10');
  await orderNow(page);

  await expect(discountRow(page, 'WS10')).toContainText('-$40.00');
  await expect(page.getByTestId('order-total')).toHaveText('$960.00');
});

test('a single-use code serves one registrant and is refused to the next', async ({ page, browser, baseURL }, testInfo) => {
  const conference = await withCodes(browser, baseURL, [{ code: '1TIMEPRECON', type: 'Percent', discount: '100', appliesTo: 'CQRS Workshop', uses: 1 }]);
  await orderWithCode(page, conference.slug, { 'CQRS Workshop': 1 }, '1TIMEPRECON');
  await orderNow(page);
  await expect(discountRow(page, '1TIMEPRECON')).toContainText('-$500.00');

  const other = await browser.newContext({ baseURL });
  try {
    const second = await other.newPage();
    await orderWithCode(second, conference.slug, { 'CQRS Workshop': 1 }, '1TIMEPRECON');
    await second.getByRole('button', { name: 'Order now' }).click();
    await expect(second.getByText('That promo code is not valid.')).toBeVisible();
    await expect(second).toHaveURL(new RegExp(`/conferences/${conference.slug}/register`));
    await snap(second, testInfo, 'a used-up promo code');
  } finally {
    await other.close();
  }
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import { addSeatType, createConference, uniqueConference } from './support/organizer';
import { chooseSeats, fillRegistrant, openRegisterPage, orderNow, snap, uniqueEmail } from './support/registrant';

const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Conference sections' }).getByRole('link', { name, exact: true }).click();

/** The registrant's side, in a browser of its own: reserve, then pay. */
async function registrant(browser: Browser, baseURL: string, slug: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await openRegisterPage(page, slug, 'Workshop');
  await chooseSeats(page, { Workshop: 2 });
  await orderNow(page);
  return { context, page };
}

test('an organizer creates, sells, watches, edits and unpublishes a conference', { tag: '@server' }, async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const conference = uniqueConference('lifecycle');
  await createConference(page, conference);
  await expect(page.getByText('Not published', { exact: true })).toBeVisible();
  await expect(page.getByTestId('organizer-access-code')).toHaveText(/^[ABCDEFGHJKMNPQRSTUVWXYZ1-9]{6}$/);

  await section(page, 'Seat types');
  await expect(page.getByRole('heading', { level: 1, name: 'Seat types' })).toBeVisible();
  await addSeatType(page, conference.slug, { name: 'General', quantity: 100, price: '199' });
  await addSeatType(page, conference.slug, { name: 'Workshop', quantity: 10, price: '499.50' });
  await addSeatType(page, conference.slug, { name: 'Party', quantity: 50, price: '0' });
  await expect(page.getByRole('row', { name: /Workshop/ })).toContainText('$499.50');
  await expect(page.getByRole('row', { name: /Party/ })).toContainText('$0.00');
  await expect(page.getByRole('row', { name: /General/ }).getByRole('button', { name: 'Remove' })).toBeVisible();
  await snap(page, testInfo, 'seat types before publishing');

  await section(page, 'Dashboard');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();
  await snap(page, testInfo, 'dashboard published');

  await section(page, 'Allocation');
  const allocation = page.getByRole('table');
  for (const column of ['Seat type', 'Quota', 'Reserved', 'Sold', 'Available']) {
    await expect(allocation.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  await expect(allocation.getByRole('row', { name: /Workshop/ })).toHaveText(/Workshop\s*10\s*0\s*0\s*10/);

  // A registrant reserves two workshop seats; the open Allocation page shows them without a reload.
  const buyer = await registrant(browser, baseURL!, conference.slug);
  await expect(allocation.getByRole('row', { name: /Workshop/ })).toHaveText(/Workshop\s*10\s*2\s*0\s*8/);
  await expect(page.getByText(/Updated \d+\.\d s after the last booking/)).toBeVisible();
  await snap(page, testInfo, 'allocation with a reservation');

  const email = uniqueEmail('rita');
  await fillRegistrant(buyer.page, { firstName: 'Rita', lastName: 'Registrant', email });
  await buyer.page.getByRole('button', { name: 'Proceed to payment' }).click();
  await buyer.page.getByRole('button', { name: 'Accept payment' }).click();
  await expect(buyer.page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  const orderCode = (await buyer.page.getByTestId('access-code').textContent()) ?? '';
  await expect(allocation.getByRole('row', { name: /Workshop/ })).toHaveText(/Workshop\s*10\s*0\s*2\s*8/);

  await section(page, 'Orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  for (const column of ['Access code', 'Status', 'Total', 'Registrant', 'Email', 'Attendees']) {
    await expect(page.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  const order = page.getByRole('row', { name: new RegExp(orderCode) });
  await expect(order.getByRole('cell').nth(1)).toHaveText('Paid');
  await expect(order).toContainText('$999.00');
  await expect(order).toContainText('Rita Registrant');
  await expect(order).toContainText(email);
  await snap(page, testInfo, 'orders');

  // A second order shows up on the open Orders page by itself.
  const second = await registrant(browser, baseURL!, conference.slug);
  await expect(page.getByRole('row').filter({ hasText: 'Reserved' })).toHaveCount(1);
  await expect(page.getByRole('row').nth(1)).toContainText('Reserved');
  await second.context.close();

  await section(page, 'History');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toContainText(`Conference “${conference.name}” created`);
  await expect(page.getByRole('row', { name: new RegExp(`2 × Workshop reserved for order ${orderCode}`) })).toBeVisible();
  await snap(page, testInfo, 'history');
  // As of publishing (which put the seats on sale), all of them were still available.
  const published = page.getByRole('row', { name: /Conference published/ });
  await published.getByRole('button', { name: 'As of this event' }).click();
  const asOf = page.getByRole('region', { name: 'Allocation as of' });
  await expect(asOf.getByRole('heading', { name: 'Allocation as of' })).toBeVisible();
  await expect(asOf.getByRole('row', { name: /Workshop/ })).toHaveText(/Workshop\s*10\s*0\s*0\s*10/);
  await snap(page, testInfo, 'history as of publishing');

  // Quotas can change after publishing, and the register page offers the new number.
  await section(page, 'Seat types');
  const general = page.getByRole('row', { name: /General/ });
  await expect(general.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  await general.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('General');
  await expect(page.getByLabel('Price', { exact: true })).toHaveValue('199.00');
  await page.getByLabel('Quantity', { exact: true }).fill('120');
  await page.getByRole('button', { name: 'Save seat type' }).click();
  await expect(page.getByRole('row', { name: /General/ })).toContainText('120');
  await expect(page.getByRole('button', { name: 'Save seat type' })).toHaveCount(0);
  await snap(page, testInfo, 'seat types after publishing');
  await expect(async () => {
    await buyer.page.goto(`/conferences/${conference.slug}/register`);
    await expect(buyer.page.getByRole('row', { name: /General/ })).toContainText('120', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  // Unpublished: gone from the home page, and its registrant pages say so.
  await section(page, 'Dashboard');
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByText('Not published', { exact: true })).toBeVisible();
  await buyer.page.goto('/');
  await expect(buyer.page.getByRole('heading', { level: 1, name: 'Conferences' })).toBeVisible();
  await expect(buyer.page.getByRole('link', { name: conference.name })).toHaveCount(0);
  const response = await buyer.page.goto(`/conferences/${conference.slug}`);
  expect(response?.status()).toBe(404);
  await expect(buyer.page.getByRole('heading', { name: 'Conference not found' })).toBeVisible();
  await buyer.context.close();
});

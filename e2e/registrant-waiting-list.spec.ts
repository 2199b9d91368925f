import { expect, test, type Page } from '@playwright/test';
import { rowOf, signInToOps } from './support/ops';
import { addSeatType, createConference, publish, uniqueConference } from './support/organizer';
import { chooseSeats, openRegisterPage, openRegisterPageSoldOut, orderNow, snap, uniqueEmail } from './support/registrant';

const seatType = 'Front row';

async function joinWaitingList(page: Page, slug: string, person: { firstName: string; lastName: string; email: string }) {
  await openRegisterPageSoldOut(page, slug, seatType);
  await page.getByRole('row', { name: new RegExp(seatType) }).getByRole('link', { name: 'Join the waiting list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Join the waiting list' })).toBeVisible();
  await page.getByLabel('First name', { exact: true }).fill(person.firstName);
  await page.getByLabel('Last name', { exact: true }).fill(person.lastName);
  await page.getByLabel('Email', { exact: true }).fill(person.email);
}

test('a sold-out seat type has a waiting list; freed seats are offered by e-mail, and the link opens the order to pay', async ({ page, browser, baseURL }, testInfo) => {
  // The organizer's browser stays signed in: it raises the quota later.
  const conference = uniqueConference('waiting');
  const organizer = await (await browser.newContext({ baseURL })).newPage();
  await createConference(organizer, conference);
  await addSeatType(organizer, conference.slug, { name: seatType, quantity: 1, price: '300' });
  await publish(organizer, conference.slug);

  // Someone holds the only seat.
  await openRegisterPage(page, conference.slug, seatType);
  await chooseSeats(page, { [seatType]: 1 });
  await orderNow(page);

  const waiter = await (await browser.newContext({ baseURL })).newPage();
  const person = { firstName: 'Wanda', lastName: 'Waiting', email: uniqueEmail('wanda') };
  await joinWaitingList(waiter, conference.slug, { ...person, email: 'not-an-address' });
  await waiter.getByRole('button', { name: 'Join waiting list' }).click();
  await expect(waiter.getByText('Enter a valid email address.')).toBeVisible();
  await expect(waiter.getByRole('alert').filter({ hasText: 'Select at least one seat.' })).toBeVisible();
  await waiter.getByLabel('Email', { exact: true }).fill(person.email);
  await waiter.getByRole('button', { name: 'Join waiting list' }).click();
  await expect(waiter.getByText('Enter a valid email address.')).toHaveCount(0);
  await expect(waiter.getByRole('alert').filter({ hasText: 'Select at least one seat.' })).toBeVisible();
  await waiter.getByLabel(`Quantity of ${seatType}`).selectOption('1');
  await snap(waiter, testInfo, 'joining the waiting list');
  await waiter.getByRole('button', { name: 'Join waiting list' }).click();
  await expect(waiter.getByRole('status')).toHaveText('You are on the waiting list');
  await expect(waiter.getByTestId('waiting-list-position')).toHaveText('1');
  await snap(waiter, testInfo, 'on the waiting list');

  await organizer.goto(`/organizer/conferences/${conference.slug}`);
  await organizer.getByRole('link', { name: 'Waiting list' }).click();
  await expect(organizer.getByRole('heading', { level: 1, name: 'Waiting list' })).toBeVisible();
  for (const column of ['Position', 'Name', 'Email', 'Seat type', 'Quantity', 'Status']) {
    await expect(organizer.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  const entryRow = organizer.getByRole('row', { name: new RegExp(person.email) });
  await expect(entryRow).toContainText(`1Wanda Waiting${person.email}${seatType}1Waiting`);
  await snap(organizer, testInfo, 'the organizer’s waiting list');

  // A raised quota frees a seat: it goes to the first in line, not back on sale.
  await organizer.goto(`/organizer/conferences/${conference.slug}/seat-types`);
  await organizer.getByRole('row', { name: new RegExp(seatType) }).getByRole('button', { name: 'Edit' }).click();
  await organizer.getByLabel('Quantity', { exact: true }).fill('2');
  await organizer.getByRole('button', { name: 'Save seat type' }).click();
  await expect(organizer.getByRole('row', { name: new RegExp(seatType) })).toContainText('2');
  await organizer.goto(`/organizer/conferences/${conference.slug}/waiting-list`);
  await expect(entryRow.getByText('Offered')).toBeVisible({ timeout: 20_000 });
  await expect(waiter.getByRole('status')).toContainText('Seats are available for you', { timeout: 10_000 });
  await page.goto(`/conferences/${conference.slug}/register`);
  await expect(page.getByRole('row', { name: new RegExp(seatType) })).toContainText('Sold out');

  // The offer arrives in the Mailbox; its link alone opens the order, with the seat held and the details filled in.
  const operator = await (await browser.newContext({ baseURL })).newPage();
  await signInToOps(operator);
  await operator.getByRole('link', { name: 'Mailbox' }).click();
  await expect(operator.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
  await expect(async () => {
    await operator.reload();
    await expect(rowOf(operator.getByRole('table'), person.email)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await rowOf(operator.getByRole('table'), person.email).getByRole('link', { name: `Seats are available for ${conference.name}` }).click();
  const link = await operator.getByRole('link', { name: /\/orders\/[0-9a-f-]{36}\/offer\// }).getAttribute('href');

  const inbox = await (await browser.newContext({ baseURL })).newPage();
  await inbox.goto(link!);
  await expect(inbox).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(inbox.getByRole('heading', { name: 'Your order' })).toBeVisible();
  await expect(inbox.getByTestId('order-total')).toHaveText('$300.00');
  await expect(inbox.getByLabel('Email', { exact: true })).toHaveValue(person.email);
  await snap(inbox, testInfo, 'offered order');
  await inbox.getByRole('button', { name: 'Proceed to payment' }).click();
  await inbox.getByRole('button', { name: 'Accept payment' }).click();
  await expect(inbox.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await expect(entryRow.getByText('Booked')).toBeVisible({ timeout: 20_000 });

  // A made-up key opens nothing.
  const stranger = await (await browser.newContext({ baseURL })).newPage();
  await stranger.goto(link!.replace(/offer\/[^/]+$/, 'offer/not-the-key'));
  await expect(stranger.getByRole('heading', { name: 'Your order' })).toHaveCount(0);
  await Promise.all([organizer, waiter, operator, inbox, stranger].map((p) => p.context().close()));
});

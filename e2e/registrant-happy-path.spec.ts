import { expect, test } from '@playwright/test';
import { chooseSeats, demoConference, fillRegistrant, orderNow, seatsTable, snap, uniqueEmail } from './support/registrant';

test('a registrant books two seat types, pays, assigns both seats and finds the order again', { tag: '@server' }, async ({ page, browser, baseURL }, testInfo) => {
  await page.goto('/');
  await page.getByRole('link', { name: demoConference.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: demoConference.name })).toBeVisible();
  await snap(page, testInfo, 'conference page');

  await page.getByRole('link', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register' })).toBeVisible();
  for (const column of ['Seat type', 'Price', 'Available', 'Quantity']) {
    await expect(page.getByRole('columnheader', { name: column })).toBeVisible();
  }
  await chooseSeats(page, { 'General admission': 1, 'CQRS Workshop': 1 });
  await expect(page.getByText('Estimated total')).toContainText('$699.00');
  await snap(page, testInfo, 'register page');

  await orderNow(page);
  const lines = seatsTable(page);
  await expect(lines.getByRole('row', { name: /General admission/ })).toContainText('$199.00');
  await expect(lines.getByRole('row', { name: /CQRS Workshop/ })).toContainText('$500.00');
  await expect(page.getByTestId('order-total')).toHaveText('$699.00');
  await expect(page.getByRole('timer', { name: 'Time left' })).toHaveText(/^\d\d:\d\d$/);
  await snap(page, testInfo, 'order page');

  const email = uniqueEmail('ada');
  await fillRegistrant(page, { firstName: 'Ada', lastName: 'Lovelace', email });
  await page.getByRole('button', { name: 'Proceed to payment' }).click();
  await expect(page.getByRole('heading', { name: 'Simulated payment processor' })).toBeVisible();
  await expect(page.getByText('$699.00')).toBeVisible();
  await snap(page, testInfo, 'payment page');
  await page.getByRole('button', { name: 'Accept payment' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  const accessCode = page.getByTestId('access-code');
  await expect(accessCode).toHaveText(/^[ABCDEFGHJKMNPQRSTUVWXYZ1-9]{6}$/);
  const code = (await accessCode.textContent()) ?? '';
  await expect(page.getByTestId('order-total')).toHaveText('$699.00');
  await snap(page, testInfo, 'confirmed order');

  await page.getByRole('link', { name: 'Assign seats to attendees' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assign seats' })).toBeVisible();
  const attendees = [
    { seat: 'General admission 1', first: 'Grace', last: 'Hopper', email: uniqueEmail('grace') },
    { seat: 'CQRS Workshop 1', first: 'Alan', last: 'Turing', email: uniqueEmail('alan') },
  ];
  for (const { seat, first, last, email: attendeeEmail } of attendees) {
    await page.getByLabel(`First name for ${seat}`).fill(first);
    await page.getByLabel(`Last name for ${seat}`).fill(last);
    await page.getByLabel(`Email for ${seat}`).fill(attendeeEmail);
  }
  await page.getByRole('button', { name: 'Save assignments' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assignments saved' })).toBeVisible();
  await snap(page, testInfo, 'assign seats');
  await page.reload();
  for (const { seat, first, email: attendeeEmail } of attendees) {
    await expect(page.getByLabel(`First name for ${seat}`)).toHaveValue(first);
    await expect(page.getByLabel(`Email for ${seat}`)).toHaveValue(attendeeEmail);
  }

  // An emptied e-mail unassigns the seat, and that survives a reload too.
  await page.getByLabel('Email for CQRS Workshop 1').fill('');
  await page.getByRole('button', { name: 'Save assignments' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assignments saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Email for CQRS Workshop 1')).toHaveValue('');
  await expect(page.getByLabel('Email for General admission 1')).toHaveValue(attendees[0]!.email);

  const elsewhere = await browser.newContext({ baseURL });
  const other = await elsewhere.newPage();
  await other.goto('/');
  await other.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Find my order' }).click();
  await other.getByLabel('Email', { exact: true }).fill(email);
  await other.getByLabel('Access code').fill(code.toLowerCase());
  await snap(other, testInfo, 'find my order');
  await other.getByRole('button', { name: 'Find order' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await expect(other.getByTestId('access-code')).toHaveText(code);
  await elsewhere.close();
});

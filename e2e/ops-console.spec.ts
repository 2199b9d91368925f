import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { deadLettersTable, expectAllCaughtUp, rowOf, subscriptionCell, signInToOps, subscriptionsTable } from './support/ops';
import { bookAndPay, chooseSeats, demoConference, fillRegistrant, openRegisterPage, uniqueEmail } from './support/registrant';
import { snap } from './support/snap';

test('an operator signs in with the token, after a wrong one is refused, and sees every subscription running with lag 0', async ({ page }, testInfo) => {
  await page.goto('/ops');
  await expect(page.getByRole('heading', { name: 'Operations' })).toHaveCount(0);
  await page.getByLabel('Operator token').fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That token is not valid.' })).toBeVisible();
  await snap(page, testInfo, 'sign-in refused');

  await signInToOps(page);
  const table = subscriptionsTable(page);
  for (const column of ['Subscription', 'Checkpoint', 'Lag', 'Status']) {
    await expect(table.getByRole('columnheader', { name: column })).toBeVisible();
  }
  await expect(rowOf(table, 'orders')).toBeVisible();
  await expectAllCaughtUp(page);
  await expect(deadLettersTable(page).locator('tbody tr')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Mailbox' })).toBeVisible();
  await snap(page, testInfo, 'operations');

  // The console is the operator's alone: its JSON and its Mailbox answer nobody else.
  const stranger = await page.context().browser()!.newContext();
  expect((await stranger.request.get(new URL('/api/ops/status', page.url()).toString())).status()).toBe(401);
  const mailbox = await stranger.newPage();
  await mailbox.goto(new URL('/ops/mailbox', page.url()).toString());
  await expect(mailbox).toHaveURL(/\/ops$/);
  await expect(mailbox.getByLabel('Operator token')).toBeVisible();
  await stranger.close();
});

test('a registrant’s confirmation mail appears in the Mailbox, and its link opens the order', async ({ page }, testInfo) => {
  const email = uniqueEmail('mailbox');
  const { orderUrl, accessCode } = await bookAndPay(page, email);

  await signInToOps(page);
  await page.getByRole('link', { name: 'Mailbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
  const mailbox = page.getByRole('table');
  for (const column of ['To', 'Subject', 'Sent']) await expect(mailbox.getByRole('columnheader', { name: column })).toBeVisible();
  // The mail is written by a reactor and delivered by the sender, a moment after the payment.
  await expect(async () => {
    await page.reload();
    await expect(rowOf(page.getByRole('table'), email)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await snap(page, testInfo, 'mailbox');

  await rowOf(page.getByRole('table'), email).getByRole('link', { name: 'Your registration is confirmed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your registration is confirmed' })).toBeVisible();
  await expect(page.getByText(`Your access code is ${accessCode}.`)).toBeVisible();
  await snap(page, testInfo, 'message');
  await page.getByRole('link', { name: orderUrl }).click();
  await expect(page).toHaveURL(orderUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
});

// The fault is put into the database itself (a trigger refusing some outbox rows), so this runs
// on server PostgreSQL only: `npm run test:e2e` runs it in its server pass.
test('a poison event appears in Dead letters, and Retry clears it once the fault is removed', { tag: '@server-only' }, async ({ page }, testInfo) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => undefined });
  const email = uniqueEmail('poison');
  try {
    await sql.unsafe(`
      CREATE OR REPLACE FUNCTION e2e_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.recipient LIKE 'poison.%' THEN RAISE EXCEPTION 'the mail relay refuses %', NEW.recipient; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER e2e_refuse_poison BEFORE INSERT ON outbox_mail FOR EACH ROW EXECUTE FUNCTION e2e_refuse_poison();`);
    await bookAndPay(page, email);

    await signInToOps(page);
    const letter = rowOf(deadLettersTable(page), 'outbox-mail');
    await expect(letter).toContainText(`the mail relay refuses ${email}`, { timeout: 30_000 });
    await expect(letter).toContainText('OrderConfirmed');
    await expect(subscriptionCell(rowOf(subscriptionsTable(page), 'outbox-mail'), 'Status')).toHaveText(/^Stopped/);
    await snap(page, testInfo, 'dead letter');

    await sql.unsafe('DROP TRIGGER e2e_refuse_poison ON outbox_mail');
    await letter.getByRole('button', { name: 'Retry' }).click();
    await expect(deadLettersTable(page).locator('tbody tr')).toHaveCount(0);
    await expectAllCaughtUp(page);

    await page.getByRole('link', { name: 'Mailbox' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mailbox' })).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(rowOf(page.getByRole('table'), email)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await sql.unsafe('DROP TRIGGER IF EXISTS e2e_refuse_poison ON outbox_mail; DROP FUNCTION IF EXISTS e2e_refuse_poison()');
    await sql.end();
  }
});

// A transaction held open holds the feed back (DESIGN §3), so the rebuild is caught mid-way, on
// server PostgreSQL only, while a registrant's order waits for its reservation.
test('a rebuild shows its progress while a registrant books, and ends Running with lag 0', { tag: '@server-only' }, async ({ page, browser }, testInfo) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => undefined, connection: { application_name: 'e2e-holder' } });
  const registrant = await browser.newPage();
  const holder = await sql.reserve();
  let holding = true;
  try {
    await signInToOps(page);
    await holder.unsafe('BEGIN');
    await holder.unsafe('SELECT pg_current_xact_id()');

    await openRegisterPage(registrant, demoConference.slug, 'General admission');
    await chooseSeats(registrant, { 'General admission': 1 });
    await registrant.getByRole('button', { name: 'Order now' }).click();
    await expect(registrant).toHaveURL(/\/orders\/[0-9a-f-]{36}/);

    const orders = rowOf(subscriptionsTable(page), 'orders');
    await orders.getByRole('button', { name: 'Rebuild' }).click();
    await expect(orders.getByRole('progressbar', { name: 'Rebuilding orders' })).toBeVisible();
    await expect(subscriptionCell(orders, 'Status')).toHaveText('Rebuilding');
    await expect(page.getByTestId('oldest-transaction')).toContainText('e2e-holder');
    await snap(page, testInfo, 'rebuilding');

    await holder.unsafe('COMMIT');
    holding = false;
    await expect(orders.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
    await expectAllCaughtUp(page);
    await expect(page.getByTestId('oldest-transaction')).toHaveCount(0);

    await expect(registrant.getByRole('heading', { name: 'Your order' })).toBeVisible({ timeout: 30_000 });
    await fillRegistrant(registrant, { firstName: 'Ada', lastName: 'Lovelace', email: uniqueEmail('rebuild') });
    await registrant.getByRole('button', { name: 'Proceed to payment' }).click();
    await registrant.getByRole('button', { name: 'Accept payment' }).click();
    await expect(registrant.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  } finally {
    if (holding) await holder.unsafe('ROLLBACK');
    holder.release();
    await sql.end();
    await registrant.close();
  }
});

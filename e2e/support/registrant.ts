import { expect, type Page } from '@playwright/test';

export { snap } from './snap';

export const demoConference = { slug: 'cqrs-summit', name: 'CQRS Summit' } as const;

/** The register page, loaded again until `shows` holds: the read models it shows follow the writes a moment later. */
async function loadRegisterPageUntil(page: Page, slug: string, shows: () => Promise<void>) {
  await expect(async () => {
    await page.goto(`/conferences/${slug}/register`);
    await shows();
  }).toPass({ timeout: 20_000 });
}

/**
 * Opens the register page once the conference's seats are on sale: a just-published conference
 * reaches the read models a moment after the organizer pressed Publish.
 */
export const openRegisterPage = (page: Page, slug: string, seatTypeName: string) =>
  loadRegisterPageUntil(page, slug, async () => {
    await expect(page.getByRole('row', { name: new RegExp(seatTypeName) })).toBeVisible({ timeout: 1_000 });
    await expect(page.getByLabel(`Quantity of ${seatTypeName}`)).toBeVisible({ timeout: 1_000 });
  });

/**
 * The register page once a seat type shows sold out: the seat allocation is a read model of its
 * own, which may be a moment behind the order page that showed the seats reserved.
 */
export const openRegisterPageSoldOut = (page: Page, slug: string, seatTypeName: string) =>
  loadRegisterPageUntil(page, slug, () => expect(page.getByRole('row', { name: new RegExp(seatTypeName) })).toContainText('Sold out', { timeout: 1_000 }));

export async function chooseSeats(page: Page, quantities: Readonly<Record<string, number>>) {
  for (const [name, quantity] of Object.entries(quantities)) {
    await page.getByLabel(`Quantity of ${name}`).selectOption(String(quantity));
  }
}

/** Order now, then wait for the reservation to settle on the order page. */
export async function orderNow(page: Page) {
  await page.getByRole('button', { name: 'Order now' }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { name: 'Your order' })).toBeVisible();
}

export type RegistrantDetails = { firstName: string; lastName: string; email: string; confirmEmail?: string };

export async function fillRegistrant(page: Page, details: RegistrantDetails) {
  await page.getByLabel('First name', { exact: true }).fill(details.firstName);
  await page.getByLabel('Last name', { exact: true }).fill(details.lastName);
  await page.getByLabel('Email', { exact: true }).fill(details.email);
  await page.getByLabel('Confirm email', { exact: true }).fill(details.confirmEmail ?? details.email);
}

/** A unique address per test: orders are found again by e-mail and access code. */
export const uniqueEmail = (who: string) => `${who}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;

export const seatsTable = (page: Page) =>
  page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Quantity' }) });

/** One General admission seat of the demo conference, paid: the confirmed order's page, and its access code. */
export async function bookAndPay(page: Page, email: string) {
  await openRegisterPage(page, demoConference.slug, 'General admission');
  await chooseSeats(page, { 'General admission': 1 });
  await orderNow(page);
  await fillRegistrant(page, { firstName: 'Ada', lastName: 'Lovelace', email });
  await page.getByRole('button', { name: 'Proceed to payment' }).click();
  await page.getByRole('button', { name: 'Accept payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  return { orderUrl: page.url(), accessCode: (await page.getByTestId('access-code').textContent()) ?? '' };
}

import { expect, type Browser, type Page } from '@playwright/test';

export type SeatTypeSpec = { readonly name: string; readonly quantity: number; readonly price: string; readonly description?: string };
export type PromoCodeSpec = {
  readonly code: string;
  readonly type: 'Percent' | 'Amount';
  readonly discount: string;
  /** A seat type's name; all seat types when left out. */
  readonly appliesTo?: string;
  readonly uses?: number;
};
export type Conference = { readonly slug: string; readonly name: string; readonly email: string };

/** A slug, name and owner no other test (or run) uses: tests share one server and run in parallel. */
export function uniqueConference(prefix: string): Conference {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { slug: `${prefix}-${suffix}`.slice(0, 40), name: `${prefix.replace(/-/g, ' ')} ${suffix}`, email: `owner.${suffix}@example.com` };
}

export async function fillCreateForm(page: Page, conference: Conference) {
  const fields: Record<string, string> = {
    'Your name': 'Olga Organizer', 'Your email': conference.email, 'Conference name': conference.name, Slug: conference.slug,
    Tagline: 'A conference made by a browser test', Location: 'Lisbon', Description: 'Seats for a test, created through the organizer pages.',
    'Start date': '2031-05-12', 'End date': '2031-05-13',
  };
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** Creates a conference from the Organizer page; the browser is then its organizer. Answers its access code. */
export async function createConference(page: Page, conference: Conference): Promise<string> {
  await page.goto('/organizer');
  await page.getByRole('link', { name: 'Create conference' }).click();
  await fillCreateForm(page, conference);
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: conference.name })).toBeVisible();
  return (await page.getByTestId('organizer-access-code').textContent()) ?? '';
}

export async function addSeatType(page: Page, slug: string, seatType: SeatTypeSpec) {
  await page.goto(`/organizer/conferences/${slug}/seat-types`);
  await page.getByRole('link', { name: 'Add seat type' }).click();
  await page.getByLabel('Name', { exact: true }).fill(seatType.name);
  await page.getByLabel('Description', { exact: true }).fill(seatType.description ?? '');
  await page.getByLabel('Quantity', { exact: true }).fill(String(seatType.quantity));
  await page.getByLabel('Price', { exact: true }).fill(seatType.price);
  await page.getByRole('button', { name: 'Save seat type' }).click();
  await expect(page.getByRole('row', { name: new RegExp(seatType.name) })).toBeVisible();
}

/** Adds a promo code on the conference's Promo codes page, reached from the dashboard; its row then shows. */
export async function addPromoCode(page: Page, slug: string, promoCode: PromoCodeSpec) {
  await page.goto(`/organizer/conferences/${slug}`);
  await page.getByRole('link', { name: 'Promo codes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Promo codes' })).toBeVisible();
  await page.getByRole('link', { name: 'Add promo code' }).click();
  await page.getByLabel('Code', { exact: true }).fill(promoCode.code);
  await page.getByLabel('Discount type', { exact: true }).selectOption({ label: promoCode.type });
  await page.getByLabel('Discount', { exact: true }).fill(promoCode.discount);
  await page.getByLabel('Applies to', { exact: true }).selectOption({ label: promoCode.appliesTo ?? 'All seat types' });
  await page.getByLabel('Uses', { exact: true }).fill(promoCode.uses === undefined ? '' : String(promoCode.uses));
  await page.getByRole('button', { name: 'Save promo code' }).click();
  await expect(page.getByRole('row', { name: new RegExp(`^${promoCode.code.toUpperCase()}\\b`) })).toBeVisible();
}

export async function publish(page: Page, slug: string) {
  await page.goto(`/organizer/conferences/${slug}`);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published', { exact: true })).toBeVisible();
}

/**
 * Creates and publishes a conference through the organizer pages (UI-CONTRACT, Organizer), in a
 * browser context of its own so the organizer's session never mixes with a registrant's.
 */
export async function createPublishedConference(
  browser: Browser, baseURL: string, prefix: string, seatTypes: readonly SeatTypeSpec[], promoCodes: readonly PromoCodeSpec[] = [],
) {
  const conference = uniqueConference(prefix);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  try {
    await createConference(page, conference);
    for (const seatType of seatTypes) await addSeatType(page, conference.slug, seatType);
    for (const promoCode of promoCodes) await addPromoCode(page, conference.slug, promoCode);
    await publish(page, conference.slug);
  } finally {
    await context.close();
  }
  return conference;
}

import { expect, type Browser, type Page } from '@playwright/test';

export type SeatTypeSpec = { readonly name: string; readonly quantity: number; readonly price: string; readonly description?: string };
export type PublishedConference = { readonly slug: string; readonly name: string };

/** A slug and name no other test (or run) uses: tests share one server and run in parallel. */
export function uniqueConferenceName(prefix: string): PublishedConference {
  const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  return { slug: `${prefix}-${suffix}`.slice(0, 40), name: `${prefix.replace(/-/g, ' ')} ${suffix}` };
}

async function createConference(page: Page, { slug, name }: PublishedConference) {
  await page.goto('/organizer');
  await page.getByRole('link', { name: 'Create conference' }).click();
  const fields: Record<string, string> = {
    'Your name': 'Olga Organizer',
    'Your email': `${slug}@example.com`,
    'Conference name': name,
    Slug: slug,
    Tagline: 'A conference made by a browser test',
    Location: 'Lisbon',
    Description: 'Seats for a test, created through the organizer pages.',
    'Start date': '2031-05-12',
    'End date': '2031-05-13',
  };
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function addSeatType(page: Page, slug: string, seatType: SeatTypeSpec) {
  await page.goto(`/organizer/conferences/${slug}/seat-types`);
  await page.getByRole('link', { name: 'Add seat type' }).or(page.getByRole('button', { name: 'Add seat type' })).click();
  await page.getByLabel('Name', { exact: true }).fill(seatType.name);
  await page.getByLabel('Description', { exact: true }).fill(seatType.description ?? '');
  await page.getByLabel('Quantity', { exact: true }).fill(String(seatType.quantity));
  await page.getByLabel('Price', { exact: true }).fill(seatType.price);
  await page.getByRole('button', { name: 'Save seat type' }).click();
  await expect(page.getByRole('row', { name: new RegExp(seatType.name) })).toBeVisible();
}

/**
 * Creates and publishes a conference through the organizer pages (UI-CONTRACT, Organizer), in a
 * browser context of its own so the organizer's session never mixes with a registrant's.
 */
export async function createPublishedConference(
  browser: Browser,
  baseURL: string,
  prefix: string,
  seatTypes: readonly SeatTypeSpec[],
): Promise<PublishedConference> {
  const conference = uniqueConferenceName(prefix);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  try {
    await createConference(page, conference);
    for (const seatType of seatTypes) await addSeatType(page, conference.slug, seatType);
    await page.goto(`/organizer/conferences/${conference.slug}`);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByText('Published', { exact: true })).toBeVisible();
  } finally {
    await context.close();
  }
  return conference;
}

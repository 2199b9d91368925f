import { expect, test, type Page } from '@playwright/test';
import { snap } from './support/registrant';

type Conference = { readonly slug: string; readonly name: string; readonly email: string };

const unique = (prefix: string): Conference => {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { slug: `${prefix}-${suffix}`, name: `${prefix} ${suffix}`, email: `owner.${suffix}@example.com` };
};

async function fillCreateForm(page: Page, conference: Conference) {
  const fields: Record<string, string> = {
    'Your name': 'Otto Owner', 'Your email': conference.email, 'Conference name': conference.name, Slug: conference.slug,
    Tagline: '', Location: 'Ghent', Description: 'Access rules, tested in a browser.',
    'Start date': '2031-10-01', 'End date': '2031-10-03',
  };
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** Creates a conference and returns its access code, signed in as its organizer. */
async function createConference(page: Page, conference: Conference): Promise<string> {
  await page.goto('/organizer/new');
  await fillCreateForm(page, conference);
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('heading', { level: 1, name: conference.name })).toBeVisible();
  return (await page.getByTestId('organizer-access-code').textContent()) ?? '';
}

/** The id an Edit button opens, read from its form (the URL it navigates to). */
const editId = (page: Page) => page.getByRole('row', { name: /Early bird/ }).locator('input[name="edit"]').inputValue();

const pagesOf = (slug: string) =>
  ['', '/edit', '/seat-types', '/seat-types?add=1', '/orders', '/allocation', '/history'].map((path) => `/organizer/conferences/${slug}${path}`);

test('the create form explains what is wrong and refuses a taken slug', async ({ page }, testInfo) => {
  await page.goto('/organizer');
  await expect(page.getByRole('heading', { level: 1, name: 'Organizer' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await snap(page, testInfo, 'organizer start page');
  await page.getByRole('link', { name: 'Create conference' }).click();
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByText('Your name is required.')).toBeVisible();
  await expect(page.getByLabel('Conference name')).toHaveAccessibleDescription('Conference name is required.');
  await expect(page.getByRole('button', { name: 'Create conference' })).toBeEnabled();

  await fillCreateForm(page, { ...unique('taken'), slug: 'cqrs-summit' });
  await page.getByRole('button', { name: 'Create conference' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That slug is already taken.' })).toBeVisible();
  await expect(page.getByText('Your name is required.')).toHaveCount(0);
  await expect(page.getByLabel('Slug', { exact: true })).toHaveAccessibleDescription(/That slug is already taken\./);
  await expect(page.getByLabel('Location', { exact: true })).toHaveValue('Ghent');
  await snap(page, testInfo, 'create conference with a taken slug');
});

test('an organizer signs out and back in with the access code; a wrong code is refused', async ({ page }, testInfo) => {
  const conference = unique('signin');
  const code = await createConference(page, conference);
  await snap(page, testInfo, 'dashboard');

  await page.getByRole('link', { name: 'Edit details' }).click();
  await expect(page.getByLabel('Conference name')).toHaveValue(conference.name);
  await page.getByLabel('Conference name').fill(`${conference.name} renamed`);
  await page.getByLabel('End date').fill('2031-09-30');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByLabel('End date')).toHaveAccessibleDescription('The end date cannot be before the start date.');
  await snap(page, testInfo, 'edit details with an error');
  await page.getByLabel('End date').fill('2031-10-04');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${conference.name} renamed` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/organizer/conferences/${conference.slug}$`));

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  const response = await page.goto(`/organizer/conferences/${conference.slug}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Conference not found' })).toBeVisible();

  await page.goto('/organizer');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(conference.email);
  await page.getByLabel('Access code').fill(code === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'No conference matches that email and access code.' })).toBeVisible();
  await snap(page, testInfo, 'sign in refused');

  await page.getByLabel('Access code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${conference.name} renamed` })).toBeVisible();
  await expect(page.getByTestId('organizer-access-code')).toHaveText(code);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test("another organizer cannot open this conference's pages or API", async ({ page, browser, baseURL }, testInfo) => {
  const mine = unique('mine');
  const code = await createConference(page, mine);

  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  await createConference(other, unique('theirs'));
  for (const url of pagesOf(mine.slug)) {
    const response = await other.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(other.getByRole('heading', { name: 'Conference not found' })).toBeVisible();
    await expect(other.getByText(mine.name)).toHaveCount(0);
    await expect(other.getByText(code)).toHaveCount(0);
  }
  await snap(other, testInfo, 'conference not found');
  for (const api of ['allocation', 'orders']) {
    const response = await other.request.get(`/api/organizer/conferences/${mine.slug}/${api}`);
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain(mine.name);
  }
  await otherContext.close();

  // Nobody signed in at all gets the same answer.
  const anonymous = await browser.newContext({ baseURL });
  const response = await anonymous.request.get(`/api/organizer/conferences/${mine.slug}/allocation`);
  expect(response.status()).toBe(404);
  await anonymous.close();

  // The owner still sees everything.
  for (const url of pagesOf(mine.slug)) expect((await page.goto(url))?.status(), url).toBe(200);
});

test('seat types can be edited and removed before publishing, one form at a time', async ({ page }, testInfo) => {
  const conference = unique('seats');
  await createConference(page, conference);
  await page.goto(`/organizer/conferences/${conference.slug}/seat-types`);
  await expect(page.getByText('No seat types yet.')).toBeVisible();
  for (const [name, quantity, price] of [['Early bird', '20', '99'], ['Student', '15', '15.10']] as const) {
    await page.getByRole('link', { name: 'Add seat type' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Quantity', { exact: true }).fill(quantity);
    await page.getByLabel('Price', { exact: true }).fill(price);
    await page.getByRole('button', { name: 'Save seat type' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }
  for (const column of ['Seat type', 'Quantity', 'Price']) {
    await expect(page.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('row', { name: /Student/ })).toContainText('$15.10');

  await page.getByRole('link', { name: 'Add seat type' }).click();
  await page.getByLabel('Quantity', { exact: true }).fill('-1');
  await page.getByRole('button', { name: 'Save seat type' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Name must be 2 to 70 characters.');
  await expect(page.getByText('The quantity cannot be negative.')).toBeVisible();
  await expect(page.getByLabel('Price', { exact: true })).toHaveAccessibleDescription(/Enter a price\./);
  await snap(page, testInfo, 'seat type form with errors');

  await page.getByRole('row', { name: /Early bird/ }).getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('button', { name: 'Save seat type' })).toHaveCount(1);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Early bird');
  await page.getByLabel('Price', { exact: true }).fill('1197');
  await page.getByRole('button', { name: 'Save seat type' }).click();
  await expect(page.getByRole('row', { name: /Early bird/ })).toContainText('$1,197.00');

  await page.getByRole('row', { name: /Student/ }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('row', { name: /Student/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Early bird/ })).toBeVisible();
  await snap(page, testInfo, 'seat types');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/organizer/conferences/${conference.slug}/seat-types?edit=${await editId(page)}`);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Early bird');
  await snap(page, testInfo, 'seat types on a phone');
});

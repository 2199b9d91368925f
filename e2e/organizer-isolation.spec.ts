import { expect, test } from '@playwright/test';
import { createConference, uniqueConference } from './support/organizer';
import { snap } from './support/snap';

const pagesOf = (slug: string) =>
  ['', '/edit', '/seat-types', '/seat-types?add=1', '/orders', '/allocation', '/history'].map((path) => `/organizer/conferences/${slug}${path}`);

test("another organizer cannot open this conference's pages or API", async ({ page, browser, baseURL }, testInfo) => {
  const mine = uniqueConference('mine');
  const code = await createConference(page, mine);

  const otherContext = await browser.newContext({ baseURL });
  const other = await otherContext.newPage();
  await createConference(other, uniqueConference('theirs'));
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

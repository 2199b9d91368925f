import { expect, test } from '@playwright/test';

test('the home page lists the published demo conference on a fresh database', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Conferences', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CQRS Summit' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Site' });
  for (const name of ['Conferences', 'Find my order', 'Organizer']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
});

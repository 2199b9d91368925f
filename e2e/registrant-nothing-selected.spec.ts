import { expect, test } from '@playwright/test';
import { demoConference, snap } from './support/registrant';

test('ordering without choosing a seat says to select one and keeps the form usable', async ({ page }, testInfo) => {
  await page.goto(`/conferences/${demoConference.slug}/register`);
  await expect(page.getByText('Estimated total')).toContainText('$0.00');
  const orderNow = page.getByRole('button', { name: 'Order now' });
  await orderNow.click();
  // Next's route announcer is an (empty) alert too: pick ours by its words.
  await expect(page.getByRole('alert').filter({ hasText: 'Select at least one seat.' })).toHaveText('Select at least one seat.');
  await expect(page).toHaveURL(new RegExp(`/conferences/${demoConference.slug}/register$`));
  await expect(orderNow).toBeEnabled();
  await snap(page, testInfo, 'nothing selected');

  // The selection made afterwards is kept while the registrant goes on choosing.
  await page.getByLabel('Quantity of Cocktail party').selectOption('3');
  await expect(page.getByText('Estimated total')).toContainText('$150.00');
  await expect(page.getByLabel('Quantity of Cocktail party')).toHaveValue('3');
});

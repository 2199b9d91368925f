import { expect, test } from '@playwright/test';
import { addPromoCode, addSeatType, createConference, publish, uniqueConference } from './support/organizer';
import { chooseSeats, openRegisterPage, orderNow } from './support/registrant';
import { snap } from './support/snap';

test('an organizer adds promo codes, a taken code is refused, and each code shows how many orders hold it', async ({ page, browser, baseURL }, testInfo) => {
  const conference = uniqueConference('promo-organizer');
  await createConference(page, conference);
  await addSeatType(page, conference.slug, { name: 'CQRS Workshop', quantity: 20, price: '500' });
  await addPromoCode(page, conference.slug, { code: 'WS10', type: 'Amount', discount: '20', appliesTo: 'CQRS Workshop', uses: 5 });
  await addPromoCode(page, conference.slug, { code: 'volunteer', type: 'Percent', discount: '25' });
  for (const column of ['Code', 'Discount', 'Applies to', 'Used']) {
    await expect(page.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('row', { name: /^WS10\b/ })).toHaveText(/WS10\s*\$20\.00\s*CQRS Workshop\s*0 of 5/);
  await expect(page.getByRole('row', { name: /^VOLUNTEER\b/ })).toHaveText(/VOLUNTEER\s*25%\s*All seat types\s*0$/);

  await page.getByRole('link', { name: 'Add promo code' }).click();
  await page.getByLabel('Code', { exact: true }).fill('ws10');
  await page.getByLabel('Discount', { exact: true }).fill('10');
  await page.getByRole('button', { name: 'Save promo code' }).click();
  await expect(page.getByText('That code already exists.')).toBeVisible();
  await snap(page, testInfo, 'a taken promo code');

  await publish(page, conference.slug);
  const registrant = await browser.newContext({ baseURL });
  try {
    const other = await registrant.newPage();
    await openRegisterPage(other, conference.slug, 'CQRS Workshop');
    await chooseSeats(other, { 'CQRS Workshop': 1 });
    await other.getByLabel('Promo code').fill('WS10');
    await orderNow(other);
  } finally {
    await registrant.close();
  }
  await expect(async () => {
    await page.goto(`/organizer/conferences/${conference.slug}/promo-codes`);
    await expect(page.getByRole('row', { name: /^WS10\b/ })).toContainText('1 of 5', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});

import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseSeats, demoConference, fillRegistrant, orderNow, snap, uniqueEmail } from './support/registrant';

const phone = { width: 390, height: 844 };
test.use({ viewport: phone });

/** Nothing runs off the screen: the page does not scroll sideways, and each control is inside it. */
async function fitsTheScreen(page: Page, controls: Locator) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    expect(box, await control.getAttribute('aria-label') ?? 'control').not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(phone.width);
  }
}

test('a registrant books, pays and assigns seats on a 390 px wide phone with nothing cut off', async ({ page }, testInfo) => {
  await page.goto(`/conferences/${demoConference.slug}/register`);
  await expect(page.getByRole('heading', { level: 1, name: 'Register' })).toBeVisible();
  await fitsTheScreen(page, page.getByRole('combobox', { name: /^Quantity of / }));
  // A seat type's description sits in its own row, beside its name.
  await expect(page.getByRole('row', { name: /CQRS Workshop/ })).toContainText('A full-day, hands-on workshop');
  await snap(page, testInfo, 'register page on a phone');

  await chooseSeats(page, { 'General admission': 1, 'Cocktail party': 1 });
  await orderNow(page);
  await fitsTheScreen(page, page.getByRole('button', { name: 'Proceed to payment' }).or(page.getByRole('textbox')));
  await snap(page, testInfo, 'order page on a phone');

  await fillRegistrant(page, { firstName: 'Mary', lastName: 'Jackson', email: uniqueEmail('mary') });
  await page.getByRole('button', { name: 'Proceed to payment' }).click();
  await page.getByRole('button', { name: 'Accept payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await page.getByRole('link', { name: 'Assign seats to attendees' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assign seats' })).toBeVisible();
  await fitsTheScreen(page, page.getByRole('textbox').or(page.getByRole('button', { name: 'Save assignments' })));
  await snap(page, testInfo, 'assign seats on a phone');
});

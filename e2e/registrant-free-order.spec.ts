import { expect, test } from '@playwright/test';
import { createPublishedConference } from './support/organizer';
import { chooseSeats, fillRegistrant, openRegisterPage, orderNow, snap, uniqueEmail } from './support/registrant';

test('a free order is confirmed without a payment step', async ({ page, browser, baseURL }, testInfo) => {
  const conference = await createPublishedConference(browser, baseURL!, 'free-meetup', [
    { name: 'Community pass', quantity: 50, price: '0' },
  ]);
  await openRegisterPage(page, conference.slug, 'Community pass');
  await expect(page.getByRole('row', { name: /Community pass/ })).toContainText('$0.00');
  await chooseSeats(page, { 'Community pass': 2 });
  await expect(page.getByText('Estimated total')).toContainText('$0.00');
  await orderNow(page);

  await expect(page.getByTestId('order-total')).toHaveText('$0.00');
  await expect(page.getByRole('button', { name: 'Proceed to payment' })).toHaveCount(0);
  await fillRegistrant(page, { firstName: 'Linus', lastName: 'Free', email: uniqueEmail('linus') });
  await snap(page, testInfo, 'free order');
  await page.getByRole('button', { name: 'Complete registration' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await expect(page).toHaveURL(/\/orders\//);
  await expect(page.getByTestId('access-code')).toHaveText(/^[A-Z1-9]{6}$/);
  await expect(page.getByTestId('order-total')).toHaveText('$0.00');
  await snap(page, testInfo, 'free order confirmed');

  await page.getByRole('link', { name: 'Assign seats to attendees' }).click();
  await expect(page.getByLabel('Email for Community pass 1')).toBeVisible();
  await expect(page.getByLabel('Email for Community pass 2')).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { chooseSeats, demoConference, fillRegistrant, orderNow, snap, uniqueEmail } from './support/registrant';

test('a rejected payment keeps the order reserved and a second attempt confirms it', { tag: '@server' }, async ({ page }, testInfo) => {
  await page.goto(`/conferences/${demoConference.slug}/register`);
  await chooseSeats(page, { 'General admission': 2 });
  await orderNow(page);
  await expect(page.getByTestId('order-total')).toHaveText('$398.00');

  await fillRegistrant(page, { firstName: 'Rosalind', lastName: 'Franklin', email: uniqueEmail('rosalind') });
  await page.getByRole('button', { name: 'Proceed to payment' }).click();
  await expect(page.getByRole('heading', { name: 'Simulated payment processor' })).toBeVisible();
  await expect(page.getByText('$398.00')).toBeVisible();
  await page.getByRole('button', { name: 'Reject payment' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Payment was rejected.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Your order' })).toBeVisible();
  await expect(page.getByTestId('order-total')).toHaveText('$398.00');
  await expect(page.getByRole('timer', { name: 'Time left' })).toBeVisible();
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Rosalind');
  await snap(page, testInfo, 'payment rejected');

  await page.getByRole('button', { name: 'Proceed to payment' }).click();
  await expect(page.getByRole('heading', { name: 'Simulated payment processor' })).toBeVisible();
  await page.getByRole('button', { name: 'Accept payment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await expect(page.getByTestId('access-code')).toHaveText(/^[A-Z1-9]{6}$/);
  await snap(page, testInfo, 'paid on the second attempt');
});

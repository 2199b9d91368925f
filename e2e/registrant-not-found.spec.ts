import { expect, test } from '@playwright/test';
import { chooseSeats, demoConference, orderNow, snap } from './support/registrant';

test("someone else's order is not found, and neither is an unknown conference", async ({ page, browser, baseURL }, testInfo) => {
  await page.goto(`/conferences/${demoConference.slug}/register`);
  await chooseSeats(page, { 'Cocktail party': 1 });
  await orderNow(page);
  const orderPath = new URL(page.url()).pathname;

  const stranger = await browser.newContext({ baseURL });
  const strangerPage = await stranger.newPage();
  for (const path of [orderPath, `${orderPath}/seats`]) {
    const response = await strangerPage.goto(path);
    expect(response?.status()).toBe(404);
    await expect(strangerPage.getByRole('heading', { name: 'Order not found' })).toBeVisible();
    await expect(strangerPage.getByText('Cocktail party')).toHaveCount(0);
    await expect(strangerPage.getByTestId('order-total')).toHaveCount(0);
  }
  await snap(strangerPage, testInfo, 'order not found');
  const api = await strangerPage.request.get(`/api${orderPath}`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain('Cocktail');

  const unknown = await strangerPage.goto('/conferences/no-such-conference');
  expect(unknown?.status()).toBe(404);
  await expect(strangerPage.getByRole('heading', { name: 'Conference not found' })).toBeVisible();
  const unknownRegister = await strangerPage.goto('/conferences/no-such-conference/register');
  expect(unknownRegister?.status()).toBe(404);
  const badId = await strangerPage.goto('/orders/not-an-id');
  expect(badId?.status()).toBe(404);
  await stranger.close();
});

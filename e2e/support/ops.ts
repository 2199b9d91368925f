import { expect, type Locator, type Page } from '@playwright/test';
import { opsToken } from '../../playwright.config';

export async function signInToOps(page: Page) {
  await page.goto('/ops');
  await page.getByLabel('Operator token').fill(opsToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible();
}

/** A row of a table the contract names, found by its first cell. */
export const rowOf = (table: Locator, first: string) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: first, exact: true }) });

export const subscriptionsTable = (page: Page) => page.getByRole('table', { name: 'Subscriptions' });
export const deadLettersTable = (page: Page) => page.getByRole('table', { name: 'Dead letters' });

/** A subscription row's cell by column (the first column is the row's header, not a cell). */
export const subscriptionCell = (row: Locator, column: 'Checkpoint' | 'Lag' | 'Status') =>
  row.getByRole('cell').nth(['Checkpoint', 'Lag', 'Status'].indexOf(column));

/** Every subscription Running with lag 0: the console shows it live, so this waits for it. */
export async function expectAllCaughtUp(page: Page) {
  const rows = subscriptionsTable(page).locator('tbody tr');
  await expect(rows).not.toHaveCount(0);
  for (const row of await rows.all()) {
    await expect(subscriptionCell(row, 'Lag')).toHaveText('0', { timeout: 20_000 });
    await expect(subscriptionCell(row, 'Status')).toHaveText('Running');
  }
}

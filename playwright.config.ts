import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { dataDirInUse } from './infrastructure/db/pglite-lock';

// Every run starts on a fresh embedded database; the expiry server has a short reservation TTL.
process.env.E2E_RUN_ID ??= String(Date.now());
const run = process.env.E2E_RUN_ID;
// Earlier runs' databases (~40 MB each) go, never one a live server still holds.
for (const name of fs.existsSync('.data') ? fs.readdirSync('.data') : []) {
  const folder = path.join('.data', name);
  if (name.startsWith('e2e-') && !name.startsWith(`e2e-${run}-`) && !dataDirInUse(folder)) fs.rmSync(folder, { recursive: true, force: true });
}
// Two checkouts can run their suites side by side with E2E_BASE_PORT apart.
const basePort = Number(process.env.E2E_BASE_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${basePort}`;
export const shortTtlURL = `http://127.0.0.1:${basePort + 1}`;
/** The operator token of the suite's servers (/ops). */
export const opsToken = 'e2e-operator-token';

const server = (port: number, env: Record<string, string>) => ({
  command: 'node scripts/server.mjs',
  url: `http://127.0.0.1:${port}`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
  // E2E_DATABASE_URL runs the same specs on server PostgreSQL; by default, the embedded database.
  env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: process.env.E2E_DATABASE_URL ?? '', OPS_TOKEN: opsToken, LOG_LEVEL: 'warn', ...env },
});

export default defineConfig({
  testDir: 'e2e',
  // e2e/security holds vitest suites that speak HTTP to the built app without a browser.
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // This machine has no network: keep Chromium from trying to reach one.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    server(basePort, { DATA_DIR: `.data/e2e-${run}-main` }),
    server(basePort + 1, { DATA_DIR: `.data/e2e-${run}-short-ttl`, RESERVATION_TTL_SECONDS: '8' }),
  ],
});

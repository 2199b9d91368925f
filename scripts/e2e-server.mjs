// The e2e specs again, on server PostgreSQL: a fresh database next to TEST_DATABASE_URL's.
import { spawnSync } from 'node:child_process';
import postgres from 'postgres';

const testUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const name = `seatwise_e2e_${Date.now()}`;
const admin = postgres(testUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${name}`);
const url = new URL(testUrl);
url.pathname = `/${name}`;
const run = spawnSync('node_modules/.bin/playwright', ['test'], {
  stdio: 'inherit',
  env: { ...process.env, E2E_DATABASE_URL: url.toString(), E2E_RUN_ID: `${Date.now()}-server` },
});
await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.end();
process.exit(run.status ?? 1);

// The e2e specs whose outcome rests on the database's concurrency and timers (tagged @server),
// again on server PostgreSQL, and those that reach into the database itself (@server-only, run
// only here): a fresh database next to TEST_DATABASE_URL's. Every other suite of npm test
// already runs on server PostgreSQL; this keeps the whole under a quarter hour.
import { spawnSync } from 'node:child_process';
import postgres from 'postgres';

const testUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const name = `seatwise_e2e_${Date.now()}`;
const admin = postgres(testUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`CREATE DATABASE ${name}`);
const url = new URL(testUrl);
url.pathname = `/${name}`;
const run = spawnSync('node_modules/.bin/playwright', ['test', '--grep', '@server'], {
  stdio: 'inherit',
  env: { ...process.env, E2E_DATABASE_URL: url.toString(), E2E_RUN_ID: `${Date.now()}-server` },
});
await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.end();
process.exit(run.status ?? 1);

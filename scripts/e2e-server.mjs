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
const playwright = (args, pass) =>
  spawnSync('node_modules/.bin/playwright', ['test', ...args], {
    stdio: 'inherit',
    env: { ...process.env, E2E_DATABASE_URL: url.toString(), E2E_RUN_ID: `${Date.now()}-${pass}` },
  });
// Those that reach into the database hold the feed back or stop a subscription of the one server
// every spec of the pass shares: they run after the others, one at a time, never beside them.
const shared = playwright(['--grep', '@server', '--grep-invert', '@server-only'], 'server');
const reaching = shared.status === 0 ? playwright(['--grep', '@server-only', '--workers', '1'], 'server-only') : shared;
await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.end();
process.exit(reaching.status ?? 1);

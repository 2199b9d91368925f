import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { openPostgres, type Database } from '../db/client';
import { testDatabaseUrl } from './databases';
import { eventually } from './recording-projection';

export type AppServer = {
  readonly url: string;
  /** The server's own database, for assertions on what it stored. */
  readonly db: Database;
  readonly databaseUrl: string;
  stop(): Promise<void>;
};

export type AppServerOptions = {
  /** The app reaches its database through this port of 127.0.0.1 instead (a proxy the test can cut). */
  readonly databasePort?: number;
};

/** The built app (built here if there is no build yet), as `npm start` serves it, on a fresh server database. */
export async function startAppServer(env: Record<string, string> = {}, options: AppServerOptions = {}): Promise<AppServer> {
  if (!existsSync('.next/BUILD_ID')) {
    const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const name = `seatwise_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const appUrl = new URL(url);
  if (options.databasePort) {
    appUrl.hostname = '127.0.0.1';
    appUrl.port = String(options.databasePort);
  }
  const port = await freePort();
  const child = spawn('node', ['scripts/server.mjs'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: appUrl.toString(), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await eventually(() => fetch(`${base}/`).then((r) => r.status, () => 0), (status) => status === 200, 90_000);
  const db = openPostgres(url.toString(), { max: 4 });
  return {
    url: base,
    db,
    databaseUrl: url.toString(),
    async stop() {
      await stopProcess(child);
      await db.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

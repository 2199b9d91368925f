import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { benchDatabaseUrl } from '../support';

/** The process layouts measured: everything in one process, or web processes beside a worker. */
export type Layout = { readonly name: string; readonly web: number; readonly workers: number };
export const oneProcess: Layout = { name: '1 process', web: 1, workers: 0 };
export const twoWebOneWorker: Layout = { name: '2 web + 1 worker', web: 2, workers: 1 };

export type Cluster = {
  readonly urls: readonly string[];
  readonly sql: postgres.Sql;
  stop(): Promise<void>;
};

export function ensureBuild() {
  if (existsSync('.next/BUILD_ID')) return Promise.resolve();
  return run('node_modules/.bin/next', ['build']);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    spawn(command, args, { stdio: 'inherit' }).once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The layout on a fresh database of its own, as `npm start` runs it: the order rate limit per
 * client address is off (every simulated registrant comes from this one machine) and no demo.
 */
export async function startCluster(layout: Layout): Promise<Cluster> {
  const name = `seatwise_load_${Date.now()}`;
  const admin = postgres(benchDatabaseUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(benchDatabaseUrl);
  url.pathname = `/${name}`;
  const env = {
    ...process.env, DATABASE_URL: url.toString(), HOST: '127.0.0.1', NODE_ENV: 'production' as const,
    LOG_LEVEL: 'warn', SEED_DEMO: '0', ORDER_RATE_PER_MINUTE: '0', SESSION_SECRET: 'bench-secret-of-at-least-thirty-two-characters',
  };
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < layout.web; i++) {
    const port = await freePort();
    const runWorkers = layout.workers === 0 ? '1' : '0';
    children.push(spawn('node', ['scripts/server.mjs'], { env: { ...env, PORT: String(port), RUN_WORKERS: runWorkers }, stdio: ['ignore', 'ignore', 'inherit'] }));
    urls.push(`http://127.0.0.1:${port}`);
  }
  for (let i = 0; i < layout.workers; i++) {
    children.push(spawn('node_modules/.bin/tsx', ['infrastructure/worker.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
  }
  for (const base of urls) await until(async () => (await fetch(`${base}/api/ping`)).ok, base);
  const sql = postgres(url.toString(), { max: 2, onnotice: () => undefined });
  return {
    urls,
    sql,
    async stop() {
      await sql.end({ timeout: 5 });
      await Promise.all(children.map((child) => new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(null);
        child.once('exit', resolve);
        child.kill('SIGTERM');
      })));
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

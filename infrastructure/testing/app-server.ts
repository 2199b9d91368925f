import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import postgres from 'postgres';
import { openPostgres, type Database } from '../db/client';
import { testDatabaseUrl } from './databases';
import { freePort } from './ports';
import { eventually } from './recording-projection';

/** One process of the app, which a fault test may kill and start again (on the same port). */
export type AppProcess = {
  readonly role: 'web' | 'worker';
  /** A web process's address; empty for a worker. */
  readonly url: string;
  readonly pid: number | undefined;
  signal(signal: NodeJS.Signals): void;
  /** Kills it hard (if it still runs) and starts it again; resolves when it serves (web) or runs (worker). */
  restart(): Promise<void>;
};

export type AppServer = {
  readonly url: string;
  /** Every web process's address (the first is `url`), as a load balancer would spread over them. */
  readonly urls: readonly string[];
  readonly web: readonly AppProcess[];
  readonly workers: readonly AppProcess[];
  /** The server's own database, for assertions on what it stored. */
  readonly db: Database;
  readonly databaseUrl: string;
  stop(): Promise<void>;
};

export type AppLayout = {
  /** Web processes; each runs the subscriptions too unless there are workers. */
  readonly processes?: number;
  /** `npm run worker` processes beside them (then the web processes run none). */
  readonly workers?: number;
  /** The PostgreSQL server to create the app's database on (the test server by default). */
  readonly serverUrl?: string;
  /** The processes reach their database through this port of 127.0.0.1 instead (a proxy the test can cut). */
  readonly databasePort?: number;
};

/**
 * The built app (built here if there is no build yet), as `npm start` and `npm run worker` run it,
 * on a fresh database of its own: web processes, and workers that share the subscriptions with
 * each other by their leases.
 */
export async function startAppServer(env: Record<string, string> = {}, layout: AppLayout = {}): Promise<AppServer> {
  const { processes = 1, workers = 0, serverUrl = testDatabaseUrl } = layout;
  if (!existsSync('.next/BUILD_ID')) {
    const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const name = `seatwise_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const reached = new URL(url);
  if (layout.databasePort) {
    reached.hostname = '127.0.0.1';
    reached.port = String(layout.databasePort);
  }
  const common = productionEnv({ DATABASE_URL: reached.toString(), ...env });
  const web: Managed[] = [];
  for (let i = 0; i < processes; i++) {
    const port = await freePort();
    web.push(managed('web', `http://127.0.0.1:${port}`, ['scripts/server.mjs'], { ...common, PORT: String(port), ...(workers > 0 ? { RUN_WORKERS: '0' } : {}) }));
  }
  // node --import tsx, not the tsx command: that one runs the worker in a child, which a kill -9 of it would orphan.
  const worker = () => managed('worker', '', ['--import', 'tsx', 'infrastructure/worker.ts'], common);
  const workerProcesses = Array.from({ length: workers }, worker);
  await Promise.all([...web, ...workerProcesses].map((p) => p.started));
  const db = openPostgres(url.toString(), { max: 4 });
  return {
    url: web[0]!.url,
    urls: web.map((p) => p.url),
    web,
    workers: workerProcesses,
    db,
    databaseUrl: url.toString(),
    async stop() {
      await Promise.all([...web, ...workerProcesses].map((p) => p.stop()));
      await db.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** `npm start` as a fresh machine runs it: one process on the embedded database in `dataDir` (it holds the folder's lock). */
export type EmbeddedApp = { readonly url: string; readonly process: AppProcess; stop(): Promise<void> };

export async function startEmbeddedApp(dataDir: string, env: Record<string, string> = {}): Promise<EmbeddedApp> {
  const url = `http://127.0.0.1:${await freePort()}`;
  const app = managed('web', url, ['scripts/server.mjs'], productionEnv({ PORT: new URL(url).port, DATABASE_URL: '', DATA_DIR: dataDir, ...env }));
  await app.started;
  return { url, process: app, stop: () => app.stop() };
}

/** What every process of the app is started with: the built app, on loopback, quiet unless LOG_LEVEL says otherwise. */
const productionEnv = (env: Record<string, string>): NodeJS.ProcessEnv =>
  ({ ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env });

/** Whatever ends this process (a test run, a crashed chaos script) ends the app's processes too: none is left running. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

type Managed = AppProcess & { readonly started: Promise<void>; stop(): Promise<void> };

function managed(role: AppProcess['role'], url: string, args: string[], env: NodeJS.ProcessEnv): Managed {
  let child: ChildProcess;
  const launch = async () => {
    // APP_LOGS=1 shows the processes' own log lines (pino, on stdout) beside the test's.
    child = spawn('node', args, { env, stdio: ['ignore', process.env.APP_LOGS ? 'inherit' : 'ignore', 'inherit'] });
    running.add(child);
    child.once('exit', () => running.delete(child));
    // The page is read to its end: a response left unread holds its admission turn until the
    // socket gives up, and with MAX_IN_FLIGHT=1 the first requests of a test would be shed.
    // A process killed while it answers fails the read too: not up yet, like a refused connection.
    const status = () => fetch(`${url}/`).then(async (r) => (await r.arrayBuffer(), r.status)).catch(() => 0);
    if (role === 'web') await eventually(status, (answered) => answered === 200, 90_000);
  };
  return {
    role,
    url,
    get pid() {
      return child.pid;
    },
    started: launch(),
    signal: (signal) => child.kill(signal),
    async restart() {
      await ended(child, 'SIGKILL');
      await launch();
    },
    stop: () => ended(child, 'SIGTERM'),
  };
}

/** Ends the process with `signal`, and with SIGKILL if it has not ended after the app's own shutdown grace (10 s) and then some. */
function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill(signal);
    // A frozen process (SIGSTOP) hears nothing else until it runs again.
    child.kill('SIGCONT');
  });
}

import { openConfiguredDatabase, type Database } from './db/client';
import { logger } from './logger';
import { startRunner, type Runner } from './subscriptions/runner';
import { applicationSubscriptions, applicationTimers } from './subscriptions/application';
import { seedDemo } from './seed-demo';
import { sessionSecret } from './auth/secret';

type Runtime = { db: Database; runner: Runner | null };

const globalKey = Symbol.for('seatwise.runtime');
const holder = globalThis as unknown as Record<symbol, Promise<Runtime> | undefined>;

/**
 * One database client and one runner per process. Next bundles instrumentation and route code
 * apart, so the handle lives on globalThis: two PGlite openers in one process would lose data.
 */
export function runtime(): Promise<Runtime> {
  return (holder[globalKey] ??= boot().catch((error: unknown) => {
    holder[globalKey] = undefined;
    throw error;
  }));
}

export async function database(): Promise<Database> {
  return (await runtime()).db;
}

async function boot(): Promise<Runtime> {
  const started = Date.now();
  const db = await openConfiguredDatabase();
  let runner: Runner | null = null;
  try {
    await db.migrate();
    await sessionSecret(db);
    if ((process.env.RUN_WORKERS ?? '1') !== '0') {
      runner = startRunner({ db, subscriptions: applicationSubscriptions, timers: applicationTimers });
    }
    if ((process.env.SEED_DEMO ?? '1') !== '0') await seedDemo(db, { awaitSale: runner !== null });
  } catch (error) {
    // Close what was opened, or the next attempt finds the embedded database locked by us.
    await runner?.stop();
    await db.close();
    throw error;
  }
  // Stop cleanly: the runner finishes its batch, the embedded database flushes and unlocks.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown().finally(() => process.exit(0)));
  }
  logger.info({ kind: db.kind, runWorkers: runner !== null, ms: Date.now() - started }, 'runtime ready');
  return { db, runner };
}

export async function shutdown(): Promise<void> {
  const current = holder[globalKey];
  if (!current) return;
  holder[globalKey] = undefined;
  const { db, runner } = await current;
  await runner?.stop();
  await db.close();
}

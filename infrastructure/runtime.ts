import { noteQueryFailure } from './db/availability';
import { openConfiguredDatabase, type Database } from './db/client';
import { isConnectionError } from './db/errors';
import { surviveWriteAfterClose } from './db/postgres-write-after-close';
import { logger } from './logger';
import { startRunner, type Runner } from './subscriptions/runner';
import { applicationSubscriptions, applicationTimers } from './subscriptions/application';
import { seedDemo } from './seed-demo';
import { ConfigurationError, sessionSecret } from './auth/secret';
import { processWide } from './process-wide';
import { opsToken } from './auth/ops-token';
import { startMailSender, type MailSender } from './mail/sender';
import { ensureSubscriptions } from './subscriptions/checkpoints';
import { configuredTransport } from './mail/transports';
import { registerPageFingerprint } from './queries/seat-choices';

const shutdownGraceMs = 10_000;

type Runtime = { db: Database; runner: Runner | null; mailer: MailSender | null };

/** The process's runtime, booting at most once at a time; a failed boot is tried again on the next call. */
const current = processWide<{ runtime: Promise<Runtime> | undefined }>('runtime', () => ({ runtime: undefined }));

/** One database client and one runner per process (see processWide: two PGlite openers would lose data). */
export function runtime(): Promise<Runtime> {
  return (current.runtime ??= boot().catch((error: unknown) => {
    current.runtime = undefined;
    throw error;
  }));
}

/**
 * The runtime at process start. A setting it cannot run with stops the process, saying why:
 * serving requests that would all fail is worse than not starting. A database that does not
 * answer yet is not a reason to stop: the process serves its 503 and boots when it answers.
 */
export async function startRuntime(): Promise<void> {
  // The HTTP server in front of Next (scripts/page-cache.mjs) keeps a register page while this digest stays the same.
  processWide('register-page-fingerprint', () => async (slug: string) => registerPageFingerprint(await database(), slug));
  await runtime().catch((error: unknown) => {
    if (isConnectionError(error)) {
      logger.warn({ err: error }, 'database unreachable at start: unavailable until it answers');
      noteQueryFailure(error, runtime);
      return;
    }
    if (!(error instanceof ConfigurationError)) throw error;
    logger.fatal(error.message);
    process.exit(1);
  });
}

export async function database(): Promise<Database> {
  return (await runtime()).db;
}

async function boot(): Promise<Runtime> {
  const started = Date.now();
  surviveWriteAfterClose();
  const db = await openConfiguredDatabase();
  let runner: Runner | null = null;
  let mailer: MailSender | null = null;
  try {
    await db.migrate();
    await sessionSecret(db);
    await opsToken(db);
    // Listed even where no runner runs them (RUN_WORKERS=0): unrun, they show as stopped, not as absent.
    await ensureSubscriptions(db, applicationSubscriptions.map((s) => s.name));
    if ((process.env.RUN_WORKERS ?? '1') !== '0') {
      runner = startRunner({ db, subscriptions: applicationSubscriptions, timers: applicationTimers });
      mailer = startMailSender({ db, transport: configuredTransport() });
    }
    if ((process.env.SEED_DEMO ?? '1') !== '0') await seedDemo(db, { awaitSale: runner !== null });
  } catch (error) {
    // Close what was opened, or the next attempt finds the embedded database locked by us.
    await mailer?.stop();
    await runner?.stop();
    await db.close();
    throw error;
  }
  // Stop cleanly: the runner finishes its batch, the embedded database flushes and unlocks. A
  // batch stuck on a connection that died without a word must not keep the process from stopping.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      const deadline = new Promise((resolve) => setTimeout(resolve, shutdownGraceMs).unref());
      void Promise.race([shutdown(), deadline.then(() => logger.warn({ ms: shutdownGraceMs }, 'shutdown cut short'))]).finally(() => process.exit(0));
    });
  }
  logger.info({ kind: db.kind, runWorkers: runner !== null, ms: Date.now() - started }, 'runtime ready');
  return { db, runner, mailer };
}

export async function shutdown(): Promise<void> {
  const running = current.runtime;
  if (!running) return;
  current.runtime = undefined;
  const { db, runner, mailer } = await running;
  await mailer?.stop();
  await runner?.stop();
  await db.close();
}

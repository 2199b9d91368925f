import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client';
import { isTransientDatabaseError } from '../db/errors';
import type { UnitOfWork } from '../commands/handle';
import { readAll } from '../event-store/read';
import { ConcurrencyError, type StoredEvent } from '../event-store/types';
import { logger } from '../logger';
import { advance, deadLetter, ensureSubscriptions, takeLease } from './checkpoints';
import {
  deadLetterTimer, fireDueTimer, msUntilNextTimer, onScheduled, postponeFailedTimer, retryTimerSoon, TimerError, type TimerHandler,
} from './timers';
import { eventsAppended, onEventsAppended, wakeupChannel } from './wakeup';

export type Subscription = {
  readonly name: string;
  readonly batchSize?: number;
  /** Applies a batch inside the batch's transaction: read-model writes and commands alike. */
  apply(work: UnitOfWork, events: readonly StoredEvent[]): Promise<void>;
  /** Empties what the subscription built, for a rebuild from the start of the feed. */
  reset?(db: Database | UnitOfWork['db']): Promise<void>;
};

export type RunnerOptions = {
  readonly db: Database;
  readonly subscriptions: readonly Subscription[];
  readonly timers?: TimerHandler;
  readonly owner?: string;
  readonly leaseMs?: number;
  readonly pollMs?: number;
  /** Failures of one event before it is dead-lettered and its subscription stops. */
  readonly maxAttempts?: number;
  readonly retryBaseMs?: number;
  /** A failing timer is retried after 1 s, 2 s, 4 s… (at most 5 minutes), then dead-lettered. */
  readonly maxTimerAttempts?: number;
  readonly timerRetryBaseMs?: number;
};

class HandlerError extends Error {
  constructor(
    readonly failure: unknown,
    readonly events: readonly StoredEvent[],
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** Runs one batch of one subscription; null when another runner holds it (or it stopped). */
export async function runBatch(
  db: Database,
  subscription: Subscription,
  owner: string,
  options: { leaseMs: number; batchSize?: number },
): Promise<number | null> {
  const effects: (() => void)[] = [];
  let appended = false;
  const started = performance.now();
  const count = await db.transaction(async (tx) => {
    const lease = await takeLease(tx, subscription.name, owner);
    if (!lease) return null;
    const events = await readAll(tx, lease.checkpoint, options.batchSize ?? subscription.batchSize ?? 500);
    if (events.length > 0) {
      const work: UnitOfWork = {
        db: tx,
        afterCommit: (effect) => effects.push(effect),
        written: new Map(),
        appended: () => (appended = true),
      };
      await subscription.apply(work, events).catch((error: unknown) => {
        // A lost connection or a lost version race is retried as it is, never dead-lettered.
        const transient = isTransientDatabaseError(error) || error instanceof ConcurrencyError;
        throw transient ? error : new HandlerError(error, events);
      });
    }
    await advance(tx, subscription.name, owner, options.leaseMs, events.at(-1));
    return events.length;
  });
  for (const effect of effects) effect();
  // Only a batch that wrote events has news for the other subscriptions.
  if (appended) eventsAppended(db);
  if (count) logger.debug({ subscription: subscription.name, events: count, ms: Math.round(performance.now() - started) }, 'batch');
  return count;
}

export type Runner = { stop(): Promise<void>; readonly owner: string };

export function startRunner(options: RunnerOptions): Runner {
  const owner = options.owner ?? `runner-${randomUUID()}`;
  const settings = {
    leaseMs: options.leaseMs ?? 10_000,
    pollMs: options.pollMs ?? 1_000,
    maxAttempts: options.maxAttempts ?? 5,
    retryBaseMs: options.retryBaseMs ?? 200,
    maxTimerAttempts: options.maxTimerAttempts ?? 8,
    timerRetryBaseMs: options.timerRetryBaseMs ?? 1_000,
    timerRetryCapMs: 5 * 60_000,
  };
  const { db } = options;
  let stopped = false;
  const sleepers = new Set<() => void>();
  const wakeAll = () => sleepers.forEach((wake) => wake());
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });

  const unsubscribeLocal = onEventsAppended(wakeAll);
  const unsubscribeTimers = onScheduled(wakeAll);
  const unlisten = db.kind === 'postgres' ? db.listen(wakeupChannel, wakeAll).catch(() => null) : null;

  async function subscriptionLoop(subscription: Subscription) {
    const batchSize = subscription.batchSize ?? 500;
    let failures = 0;
    // After a batch failed, its events are taken one at a time until all are past: the poison
    // one is found in as many steps as it had predecessors, and is then retried alone.
    let isolate = 0;
    while (!stopped) {
      try {
        const size = failures > 0 || isolate > 0 ? 1 : batchSize;
        const count = await runBatch(db, subscription, owner, { leaseMs: settings.leaseMs, batchSize: size });
        if (count !== null && count > 0) {
          failures = 0;
          isolate = Math.max(0, isolate - count);
        }
        if (count === size) continue;
        await sleep(settings.pollMs);
      } catch (error) {
        if (!(error instanceof HandlerError)) {
          logger.warn({ subscription: subscription.name, err: error }, 'subscription batch failed');
          await sleep(settings.retryBaseMs);
          continue;
        }
        failures++;
        if (error.events.length > 1) isolate = error.events.length;
        const [poison] = error.events;
        logger.error(
          { subscription: subscription.name, attempt: failures, event: poison?.type, err: error.failure },
          'subscription handler failed',
        );
        if (failures >= settings.maxAttempts && error.events.length === 1 && poison) {
          // Parking can fail too (the database went away): then the event is tried again later.
          const parked = await deadLetter(db, subscription.name, poison, error.message, failures).then(
            () => true,
            (failure: unknown) => (logger.warn({ subscription: subscription.name, err: failure }, 'dead letter not written'), false),
          );
          if (parked) {
            logger.error({ subscription: subscription.name }, 'event dead-lettered, subscription stopped');
            return;
          }
        }
        await sleep(settings.retryBaseMs * 2 ** Math.min(failures, 5));
      }
    }
  }

  async function timerLoop(handler: TimerHandler) {
    while (!stopped) {
      try {
        const effects: (() => void)[] = [];
        const fired = await fireDueTimer(db, handler, (effect) => effects.push(effect));
        effects.forEach((effect) => effect());
        if (fired) {
          eventsAppended(db);
          continue;
        }
        const next = await msUntilNextTimer(db);
        await sleep(Math.min(next ?? settings.pollMs, settings.pollMs));
      } catch (error) {
        if (error instanceof TimerError) await timerFailed(error).catch((e: unknown) => logger.warn({ err: e }, 'timer not postponed'));
        else logger.warn({ err: error }, 'timer loop failed');
        await sleep(settings.retryBaseMs);
      }
    }
  }

  /**
   * A lost version race or a lost connection is not the timer's fault: it goes again soon,
   * uncounted. Anything else backs off (seconds, then minutes) and is dead-lettered at last.
   */
  async function timerFailed(error: TimerError) {
    if (error.failure instanceof ConcurrencyError || isTransientDatabaseError(error.failure)) {
      await retryTimerSoon(db, error, settings.retryBaseMs * (1 + Math.random()));
      return;
    }
    logger.warn({ timerId: error.timerId, err: error.failure }, 'timer failed');
    const attempts = await postponeFailedTimer(db, error, settings.timerRetryBaseMs, settings.timerRetryCapMs);
    if (attempts >= settings.maxTimerAttempts) await deadLetterTimer(db, error, attempts);
  }

  const loops = ensureSubscriptions(
    db,
    options.subscriptions.map((s) => s.name),
  ).then(() =>
    Promise.all([
      ...options.subscriptions.map(subscriptionLoop),
      ...(options.timers ? [timerLoop(options.timers)] : []),
    ]),
  );

  return {
    owner,
    async stop() {
      stopped = true;
      wakeAll();
      unsubscribeLocal();
      unsubscribeTimers();
      await loops.catch(() => undefined);
      const stopListening = await unlisten;
      await stopListening?.().catch(() => undefined);
    },
  };
}

import { randomUUID } from 'node:crypto';
import { isTransientDatabaseError } from '../db/errors';
import type { Database } from '../db/client';
import { ConcurrencyError } from '../event-store/types';
import { logger } from '../logger';
import { metrics } from '../metrics';
import { HandlerError, runBatch, type Subscription } from './batch';
import { deadLetter, ensureSubscriptions, releaseLeases } from './checkpoints';
import { createPoisonFinder } from './poison-finder';
import { swapWhenCaughtUp } from './rebuilds';
import { createSleeper, type Sleeper } from './sleeper';
import {
  deadLetterTimer, fireDueTimer, msUntilNextTimer, onScheduled, postponeFailedTimer, retryTimerSoon, TimerError, type TimerHandler,
} from './timers';
import { eventsAppended, onEventsAppended, typesInNotice, wakeupChannel, wants, type AppendedTypes } from './wakeup';

export { runBatch, type Subscription } from './batch';

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

type Settings = Required<Omit<RunnerOptions, 'db' | 'subscriptions' | 'timers' | 'owner'>> & { readonly timerRetryCapMs: number };
type Loop = { readonly db: Database; readonly owner: string; readonly settings: Settings; readonly sleeper: Sleeper; stopped(): boolean };

export type Runner = { stop(): Promise<void>; readonly owner: string };

/** Runs every subscription and the timers until stopped; any number of runners may share a database. */
export function startRunner(options: RunnerOptions): Runner {
  let stopped = false;
  const owner = options.owner ?? `runner-${randomUUID()}`;
  const settings = settingsOf(options);
  // Each loop sleeps on its own, woken only by appends of the types it reads; the timers by
  // appends of unknown types and by timers scheduled here.
  const sleepers: { sleeper: Sleeper; eventTypes: readonly string[] | undefined }[] = [];
  const loopReading = (eventTypes: readonly string[] | undefined): Loop => {
    const sleeper = createSleeper();
    sleepers.push({ sleeper, eventTypes });
    return { db: options.db, owner, settings, sleeper, stopped: () => stopped };
  };
  const wake = (types: AppendedTypes) => {
    for (const { sleeper, eventTypes } of sleepers) if (wants(eventTypes, types)) sleeper.wakeAll();
  };
  const timerLoop = loopReading([]);
  const unsubscribe = [onEventsAppended(wake), onScheduled(timerLoop.sleeper.wakeAll)];
  const unlisten = options.db.kind === 'postgres' ? options.db.listen(wakeupChannel, (payload) => wake(typesInNotice(payload))).catch(() => null) : null;
  const loops = ensureSubscriptions(options.db, options.subscriptions.map((s) => s.name)).then(() =>
    Promise.all([
      ...options.subscriptions.map((s) => runSubscription(loopReading(s.eventTypes), s)),
      // A rebuild's shadow idles (it has no row) until an operator starts one.
      ...options.subscriptions.flatMap((s) =>
        s.rebuild ? [runSubscription(loopReading(s.rebuild.shadow.eventTypes), s.rebuild.shadow, () => swapWhenCaughtUp(options.db, s))] : [],
      ),
      ...(options.timers ? [runTimers(timerLoop, options.timers)] : []),
    ]),
  );
  return {
    owner,
    async stop() {
      stopped = true;
      wake(null);
      unsubscribe.forEach((off) => off());
      await loops.catch(() => undefined);
      await (await unlisten)?.().catch(() => undefined);
      await releaseLeases(options.db, owner).catch((error: unknown) => logger.warn({ err: error }, 'leases not released'));
    },
  };
}

const settingsOf = (options: RunnerOptions): Settings => ({
  leaseMs: options.leaseMs ?? 10_000,
  pollMs: options.pollMs ?? 1_000,
  maxAttempts: options.maxAttempts ?? 5,
  retryBaseMs: options.retryBaseMs ?? 200,
  maxTimerAttempts: options.maxTimerAttempts ?? 8,
  timerRetryBaseMs: options.timerRetryBaseMs ?? 1_000,
  timerRetryCapMs: 5 * 60_000,
});

const minHeldBackMs = 2;
const afterLostRaceBatchSize = 25;
const claimedElsewhereMs = 20;

/**
 * Batches while there is work, sleeps (until woken) when there is none, and parks a poison event.
 * `caughtUp` runs after a batch that reached the end of the feed (a rebuild's swap).
 */
async function runSubscription(loop: Loop, subscription: Subscription, caughtUp?: () => Promise<boolean>) {
  const { db, owner, settings, sleeper } = loop;
  let poison = createPoisonFinder(subscription.batchSize ?? 500);
  // A batch whose group commit lost a race is done again command by command, so it cannot lose
  // again the same way, and only a few events of it: a long transaction that appends to a hot
  // stream would lose to whoever appends to it meanwhile (OutOfOrderAppend), again and again.
  let groupCommit = true;
  // Held back by a transaction still open, it looks again soon, then less and less often:
  // whoever holds the feed back may append nothing, so no wake-up would come when it ends.
  let heldBackMs = minHeldBackMs;
  while (!loop.stopped()) {
    const size = groupCommit ? poison.nextBatchSize() : Math.min(poison.nextBatchSize(), afterLostRaceBatchSize);
    const wakes = sleeper.wakes();
    try {
      const batch = await runBatch(db, subscription, owner, { leaseMs: settings.leaseMs, batchSize: size, groupCommit, followDecided: !poison.narrowing });
      groupCommit = true;
      poison.succeeded(batch?.events ?? 0);
      if (batch?.events === size) continue;
      if (batch && !batch.heldBack && caughtUp && (await caughtUp())) {
        logger.info({ subscription: subscription.name }, 'rebuilt tables swapped in');
        eventsAppended(db);
        continue;
      }
      if (!batch?.heldBack || batch.events > 0) heldBackMs = minHeldBackMs;
      if (!batch?.heldBack) {
        await sleeper.sleep(settings.pollMs, wakes);
        continue;
      }
      await sleeper.sleep(heldBackMs, wakes);
      heldBackMs = Math.min(heldBackMs * 2, settings.pollMs);
    } catch (error) {
      if (!(error instanceof HandlerError)) {
        groupCommit = !(error instanceof ConcurrencyError);
        logger.warn({ subscription: subscription.name, err: error }, 'subscription batch failed');
        await sleeper.sleep(settings.retryBaseMs);
        continue;
      }
      const culprit = poison.failed(error.events);
      logger.error({ subscription: subscription.name, attempt: poison.failures, event: error.events[0]?.type, err: error.failure }, 'subscription handler failed');
      if (culprit && poison.failures >= settings.maxAttempts && (await parked(loop, subscription, culprit, error, poison.failures))) {
        // Stopped, not ended: its batches find no lease until an operator retries or skips the event.
        poison = createPoisonFinder(subscription.batchSize ?? 500);
        continue;
      }
      await sleeper.sleep(settings.retryBaseMs * 2 ** Math.min(poison.failures, 5));
    }
  }
}

/** Dead-letters the event and stops the subscription; false when even that failed (tried again later). */
async function parked(loop: Loop, subscription: Subscription, event: HandlerError['events'][number], error: HandlerError, attempts: number) {
  try {
    await deadLetter(loop.db, subscription.name, event, { message: error.message, stack: error.failureStack }, attempts);
    metrics.deadLettered.inc({ subscription: subscription.name });
    logger.error({ subscription: subscription.name }, 'event dead-lettered, subscription stopped');
    return true;
  } catch (failure) {
    logger.warn({ subscription: subscription.name, err: failure }, 'dead letter not written');
    return false;
  }
}

/** Fires due timers one at a time, each in its own transaction, and sleeps until the next is due. */
async function runTimers(loop: Loop, handler: TimerHandler) {
  const { db, settings, sleeper } = loop;
  while (!loop.stopped()) {
    const wakes = sleeper.wakes();
    try {
      const effects: (() => void)[] = [];
      const fired = await fireDueTimer(db, handler, (effect) => effects.push(effect));
      effects.forEach((effect) => effect());
      if (fired) {
        metrics.timersFired.inc();
        eventsAppended(db);
        continue;
      }
      // A timer due but not fired here is being fired by another runner: look again shortly, not in a loop.
      const next = Math.max((await msUntilNextTimer(db)) ?? settings.pollMs, claimedElsewhereMs);
      await sleeper.sleep(Math.min(next, settings.pollMs), wakes);
    } catch (error) {
      if (error instanceof TimerError) await timerFailed(loop, error).catch((e: unknown) => logger.warn({ err: e }, 'timer not postponed'));
      else logger.warn({ err: error }, 'timer loop failed');
      await sleeper.sleep(settings.retryBaseMs);
    }
  }
}

/**
 * A lost version race or a lost connection is not the timer's fault: it goes again soon,
 * uncounted. Anything else backs off (seconds, then minutes) and is dead-lettered at last.
 */
async function timerFailed({ db, settings }: Loop, error: TimerError) {
  if (error.failure instanceof ConcurrencyError || isTransientDatabaseError(error.failure)) {
    await retryTimerSoon(db, error, settings.retryBaseMs * (1 + Math.random()));
    return;
  }
  logger.warn({ timerId: error.timerId, err: error.failure }, 'timer failed');
  const attempts = await postponeFailedTimer(db, error, settings.timerRetryBaseMs, settings.timerRetryCapMs);
  if (attempts >= settings.maxTimerAttempts && (await deadLetterTimer(db, error, attempts))) metrics.deadLettered.inc({ subscription: 'timers' });
}

import { fold, type Decider, type Message } from '@/domain/shared/decider';
import { DomainError } from '@/domain/shared/errors';
import type { Database, Db } from '../db/client';
import { appendToStream, priorResult, type AppendResult } from '../event-store/append';
import { readStream } from '../event-store/read';
import { loadSnapshot, saveSnapshot } from '../event-store/snapshots';
import { ConcurrencyError } from '../event-store/types';
import { logger } from '../logger';
import { eventsAppended } from '../subscriptions/wakeup';
import { createAggregateCache } from './aggregate-cache';
import { createKeyedQueue } from './keyed-queue';

/** A transaction someone else commits (a subscription batch); work waits for its commit. */
export type UnitOfWork = {
  readonly db: Db;
  afterCommit(effect: () => void): void;
  /**
   * States this transaction wrote, not yet committed: a batch sending many commands to one
   * stream folds each new event once, instead of re-reading the whole uncommitted tail each time.
   */
  readonly written?: Map<string, { version: number; state: unknown }>;
  /** Told when events were appended: whoever commits wakes the subscriptions then. */
  readonly appended?: () => void;
};

export type CommandContext = {
  readonly db: Database | UnitOfWork;
  readonly commandId: string;
  readonly actor: string;
  readonly now: Date;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Writes that must commit or fail with the events (a set rule such as a unique slug). */
  readonly alsoWrite?: (tx: Db, result: AppendResult) => Promise<void>;
};

export type HandleResult = Pick<AppendResult, 'streamId' | 'version' | 'events'>;

const maxAttempts = 12;
const globalKey = Symbol.for('seatwise.handle');
type Queue = ReturnType<typeof createKeyedQueue>;
const shared = ((globalThis as Record<symbol, unknown>)[globalKey] ??= {
  queues: new WeakMap<Database, Queue>(),
  cache: createAggregateCache(2_000),
}) as { queues: WeakMap<Database, Queue>; cache: ReturnType<typeof createAggregateCache> };

/** One queue per database handle: a process has one, so its commands to a stream never race. */
function queueFor(db: Database): Queue {
  let queue = shared.queues.get(db);
  if (!queue) shared.queues.set(db, (queue = createKeyedQueue()));
  return queue;
}

export const aggregateCache = shared.cache;

/**
 * The single entry point for every write: load (cache or snapshot + tail) → decide → append
 * at the loaded version → on a concurrency conflict reload and decide again. Deciders are pure,
 * so a retry is safe. Commands for one stream are queued inside this process.
 */
export function handle<C extends Message, E extends Message, S>(
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: CommandContext,
): Promise<HandleResult> {
  if ('afterCommit' in context.db) return attempt(decider, streamId, command, context, context.db);
  const db = context.db;
  return queueFor(db)(streamId, async () => {
    const started = performance.now();
    const result = await attempt(decider, streamId, command, context, { db, afterCommit: (f) => f() });
    if (result.events.length > 0) eventsAppended(db);
    logger.debug(
      { command: command.type, streamId, commandId: context.commandId, version: result.version, ms: Math.round(performance.now() - started) },
      'command',
    );
    return result;
  });
}

async function attempt<C extends Message, E extends Message, S>(
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: CommandContext,
  work: UnitOfWork,
): Promise<HandleResult> {
  for (let attemptNo = 1; ; attemptNo++) {
    const { state, version } = await load(work.db, decider, streamId, work.written);
    const events = decideOrReplay(decider, command, state);
    if (events instanceof DomainError || events.length === 0) {
      const prior = await priorResult(work.db, context.commandId, streamId);
      if (prior) return prior;
      if (events instanceof DomainError) throw events;
      return { streamId, version, events: [] };
    }
    try {
      const result = await write(work.db, decider, streamId, version, events, context);
      if (!result.duplicate) await remember(work, decider, streamId, version, result.version, fold(decider, events, state));
      return result;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attemptNo >= maxAttempts) throw error;
      shared.cache.delete(streamId);
      await backoff(attemptNo);
    }
  }
}

function decideOrReplay<C extends Message, E extends Message, S>(
  decider: Decider<C, E, S>,
  command: C,
  state: S,
): readonly E[] | DomainError {
  try {
    return decider.decide(command, state);
  } catch (error) {
    // A repeated command may break a rule only because it already happened: check before failing.
    if (error instanceof DomainError) return error;
    throw error;
  }
}

async function write<C extends Message, E extends Message, S>(
  db: Db,
  decider: Decider<C, E, S>,
  streamId: string,
  version: number,
  events: readonly E[],
  context: CommandContext,
): Promise<AppendResult> {
  const request = {
    streamId,
    streamType: decider.streamType,
    expected: version === 0 ? ('no-stream' as const) : version,
    commandId: context.commandId,
    events,
    metadata: {
      commandId: context.commandId,
      correlationId: context.correlationId ?? context.commandId,
      causationId: context.causationId ?? null,
      actor: context.actor,
      recordedAt: context.now.toISOString(),
    },
  };
  const alsoWrite = context.alsoWrite;
  if (!alsoWrite) return appendToStream(db, request);
  return db.transaction(async (tx) => {
    const result = await appendToStream(tx, request);
    if (!result.duplicate) await alsoWrite(tx, result);
    return result;
  });
}

/** The current state of an aggregate, for an application service's read-side checks. */
export async function loadAggregate<C extends Message, E extends Message, S>(
  db: Db,
  decider: Decider<C, E, S>,
  streamId: string,
): Promise<{ state: S; version: number }> {
  return load(db, decider, streamId);
}

async function load<C extends Message, E extends Message, S>(
  db: Db,
  decider: Decider<C, E, S>,
  streamId: string,
  written?: UnitOfWork['written'],
) {
  // This transaction appended to the stream and holds its row until commit: nobody else can
  // have written since, so its own state is the whole truth.
  const own = written?.get(streamId) as { version: number; state: S } | undefined;
  if (own) return own;
  let base = shared.cache.get(streamId) as { version: number; state: S } | undefined;
  if (!base && decider.snapshot) {
    base = (await loadSnapshot<S>(db, streamId, decider.snapshot.schemaVersion)) ?? undefined;
  }
  const from = base ?? { version: 0, state: decider.initialState };
  const tail = await readStream<E>(db, streamId, from.version);
  const last = tail.at(-1);
  return {
    state: fold(decider, tail, from.state),
    version: last ? last.streamPosition : from.version,
  };
}

async function remember<C extends Message, E extends Message, S>(
  work: UnitOfWork,
  decider: Decider<C, E, S>,
  streamId: string,
  fromVersion: number,
  version: number,
  state: S,
) {
  work.written?.set(streamId, { version, state });
  work.appended?.();
  work.afterCommit(() => shared.cache.set(streamId, version, state));
  const snapshot = decider.snapshot;
  if (snapshot && Math.floor(version / snapshot.every) > Math.floor(fromVersion / snapshot.every)) {
    await saveSnapshot(work.db, streamId, snapshot.schemaVersion, { version, state });
  }
}

const backoff = (attemptNo: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attemptNo)));

import { fold, type Decider, type Message } from '@/domain/shared/decider';
import { DomainError } from '@/domain/shared/errors';
import type { Database, Db } from '../db/client';
import { priorResult, type AppendResult } from '../event-store/append';
import { ConcurrencyError, type EventMetadata, type StoredEvent } from '../event-store/types';
import { logger } from '../logger';
import { metrics } from '../metrics';
import { perDatabase } from '../process-wide';
import { eventsAppended } from '../subscriptions/wakeup';
import { appendRequest, load, remember, write, type PrefetchedStream } from './aggregate-store';
import type { PendingWrites } from './pending-writes';
import { createKeyedQueue } from './keyed-queue';

export { aggregateCache, loadAggregate } from './aggregate-store';

/** A transaction someone else commits (a subscription batch); work waits for its commit. */
export type UnitOfWork = {
  readonly db: Db;
  afterCommit(effect: () => void): void;
  /**
   * States this transaction wrote, not yet committed: a batch sending many commands to one
   * stream folds each new event once, instead of re-reading the whole uncommitted tail each time.
   */
  readonly written?: Map<string, { version: number; state: unknown }>;
  /** The events this transaction's commands decided, in order, ids drawn: whoever commits wakes the subscriptions that read them. */
  readonly decided?: DecidedEvent[];
  /**
   * A process manager may react to `decided` in this same transaction. Not while the runner
   * narrows a failure down to one event: a failure in a reaction to a decided event would
   * otherwise be blamed on, and park, the event read that set the chain off.
   */
  readonly followDecided?: boolean;
  /** Set in a group-committed batch: its appends and timers wait here and are written together at its end. */
  readonly pending?: PendingWrites;
  /** Streams the batch read at its start in one query (short ones: orders, processes): no read each. */
  readonly prefetched?: ReadonlyMap<string, PrefetchedStream>;
};

/** An event decided in a unit of work, not yet committed. */
export type DecidedEvent<E extends Message = Message> = E & { readonly eventId: string; readonly metadata: EventMetadata };

/** Who sends a command and why: stamped on every event it writes. */
export type CommandMetadata = {
  readonly commandId: string;
  readonly actor: string;
  readonly now: Date;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Writes that must commit or fail with the events (a set rule such as a unique slug). */
  readonly alsoWrite?: (tx: Db, result: AppendResult) => Promise<void>;
  /**
   * The stream's id was drawn at random for this command just now: nothing can be stored under
   * it, so the first attempt decides on the initial state without a read. The append still
   * insists on a new stream: a wrong promise costs a conflict and a read, never a write.
   */
  readonly newStream?: boolean;
};
export type CommandContext = CommandMetadata & { readonly db: Database };

/** The stream's version after the command, and the events it wrote (a repeat: the first time's). */
export type HandleResult<E extends Message = Message> = Pick<AppendResult, 'streamId' | 'version'> & {
  readonly events: readonly StoredEvent<E>[];
};

const maxAttempts = 12;
/** One queue per database handle: a process has one, so its commands to a stream never race. */
const queueFor = perDatabase('commandQueues', (_db: Database) => createKeyedQueue());

/**
 * The write path of a command of its own: load (cache or snapshot + tail) → decide → append at
 * the loaded version, in its own transaction; on a concurrency conflict, load and decide again
 * (deciders are pure, so a retry is safe). Commands for one stream are queued in this process.
 */
export function handle<C extends Message, E extends Message, S>(
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  context: CommandContext,
): Promise<HandleResult<E>> {
  const { db } = context;
  return queueFor(db)(streamId, async () => {
    const result = await decideAndAppend(decider, streamId, command, context, { db, afterCommit: (effect) => effect() });
    if (result.events.length > 0) eventsAppended(db, result.events.map((event) => event.type));
    return result;
  });
}

/** What a command inside a batch wrote: its stream's new version (the events are written with the batch). */
export type Written = { readonly streamId: string; readonly version: number };

/** The same write path inside a subscription batch's transaction: it commits with the batch. */
export async function handleWithin<C extends Message, E extends Message, S>(
  work: UnitOfWork,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  metadata: CommandMetadata,
): Promise<Written> {
  const { version } = await decideAndAppend(decider, streamId, command, metadata, work);
  return { streamId, version };
}

/**
 * Every command, however it came, counted by type and outcome, timed, and logged as one line
 * with its ids, so one order can be followed across processes by its correlation id.
 */
async function decideAndAppend<C extends Message, E extends Message, S>(
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  metadata: CommandMetadata,
  work: UnitOfWork,
): Promise<HandleResult<E>> {
  const started = performance.now();
  const { commandId, correlationId, causationId } = metadata;
  const line = { command: command.type, streamId, commandId, correlationId, causationId };
  try {
    const result = await decideAndAppendRetrying(decider, streamId, command, metadata, work);
    metrics.commands.inc({ type: command.type, outcome: 'ok' });
    logger.info({ ...line, outcome: 'ok', version: result.version, ms: Math.round(performance.now() - started) }, 'command');
    return result;
  } catch (error) {
    const outcome = error instanceof DomainError ? 'refused' : 'failed';
    metrics.commands.inc({ type: command.type, outcome });
    logger.info({ ...line, outcome, code: error instanceof DomainError ? error.code : undefined, ms: Math.round(performance.now() - started) }, 'command');
    throw error;
  } finally {
    metrics.commandDuration.observe({ type: command.type }, (performance.now() - started) / 1000);
  }
}

async function decideAndAppendRetrying<C extends Message, E extends Message, S>(
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  metadata: CommandMetadata,
  work: UnitOfWork,
): Promise<HandleResult<E>> {
  for (let attemptNo = 1; ; attemptNo++) {
    const { state, version } =
      attemptNo === 1 && metadata.newStream ? { state: decider.initialState, version: 0 } : await load(work.db, decider, streamId, work);
    const events = decideOrRefuse(decider, command, state);
    if (events instanceof DomainError || events.length === 0) {
      // A repeated command may break a rule, or change nothing, only because it already happened.
      const prior = await priorResult<E>(work.db, metadata.commandId, streamId);
      if (prior) return prior;
      if (events instanceof DomainError) throw events;
      return { streamId, version, events: [] };
    }
    const request = appendRequest(decider, streamId, version, events, metadata);
    if (work.pending) {
      // Decided on this batch's own state: written with the rest of the batch, guarded the same way.
      const next = work.pending.add(request);
      await remember(work, decider, request, version, next, fold(decider, events, state));
      return { streamId, version: next, events: [] };
    }
    try {
      const result = await write(work.db, request, metadata.alsoWrite);
      if (!result.duplicate) await remember(work, decider, request, version, result.version, fold(decider, events, state));
      return result;
    } catch (error) {
      if (error instanceof ConcurrencyError) metrics.conflicts.inc();
      if (!(error instanceof ConcurrencyError) || attemptNo >= maxAttempts) throw error;
      metrics.retries.inc();
      await backoff(attemptNo);
    }
  }
}

function decideOrRefuse<C extends Message, E extends Message, S>(decider: Decider<C, E, S>, command: C, state: S): readonly E[] | DomainError {
  try {
    return decider.decide(command, state);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

const backoff = (attemptNo: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attemptNo)));

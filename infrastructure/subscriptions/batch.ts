import type { DecidedEvent, UnitOfWork } from '../commands/handle';
import type { Database } from '../db/client';
import { isTransientDatabaseError } from '../db/errors';
import { pipelined } from '../db/pipelined';
import { prefetch } from '../commands/aggregate-store';
import { createPendingWrites } from '../commands/pending-writes';
import { ConcurrencyError, type StoredEvent } from '../event-store/types';
import { logger } from '../logger';
import { metrics } from '../metrics';
import { advance, takeLeaseAndRead } from './checkpoints';
import { eventsAppended } from './wakeup';

export type Subscription = {
  readonly name: string;
  readonly batchSize?: number;
  /** Applies a batch inside the batch's transaction: read-model writes and commands alike. */
  apply(work: UnitOfWork, events: readonly StoredEvent[]): Promise<void>;
  /** Empties what the subscription built, for a rebuild from the start of the feed. */
  reset?(db: UnitOfWork['db']): Promise<void>;
  /**
   * The (short) streams a batch's commands will load: read at once before the batch is applied,
   * and its writes held and written together at its end (group commit).
   */
  streamsOf?(events: readonly StoredEvent[]): readonly string[];
  /** The event types it reads; the rest of the feed is skipped by the database (all when unset). */
  readonly eventTypes?: readonly string[];
  /** Set on a projection that can be rebuilt beside its live table: the table, and the subscription that builds its copy. */
  readonly rebuild?: { readonly table: string; readonly shadow: Subscription };
};

/** How many events a batch applied, and whether more were committed but held back (see readFeed). */
export type BatchResult = { readonly events: number; readonly heldBack: boolean };

/** The subscription itself failed on these events (not the connection, not a lost race). */
export class HandlerError extends Error {
  constructor(
    readonly failure: unknown,
    readonly events: readonly StoredEvent[],
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }

  /** Where it failed, for the operator reading the dead letter. */
  get failureStack(): string | null {
    return this.failure instanceof Error ? (this.failure.stack ?? null) : null;
  }
}

/**
 * Runs one batch of one subscription in one transaction: lease, read, apply, advance the
 * checkpoint. Null when another runner holds it (or it stopped).
 */
export async function runBatch(
  db: Database,
  subscription: Subscription,
  owner: string,
  options: { leaseMs: number; batchSize?: number; groupCommit?: boolean; followDecided?: boolean },
): Promise<BatchResult | null> {
  const effects: (() => void)[] = [];
  const decided: DecidedEvent[] = [];
  const started = performance.now();
  const batch = await db.transaction(async (tx) => {
    const taken = await takeLeaseAndRead(tx, subscription.name, owner, options.batchSize ?? subscription.batchSize ?? 500, subscription.eventTypes);
    if (!taken) return null;
    const { heldForMs, from, page: { events, through, heldBack } } = taken;
    // A batch with no news writes nothing while its lease is fresh: it draws no transaction id,
    // so polling a quiet feed holds no other reader back.
    const news = events.length > 0 || through !== null;
    const checkpoint = () =>
      news || heldForMs < options.leaseMs / 2 ? advance(tx, subscription.name, owner, options.leaseMs, { from, through, last: events.at(-1) }) : Promise.resolve();
    if (events.length > 0) {
      const grouped = options.groupCommit !== false && subscription.streamsOf !== undefined;
      const work: UnitOfWork = {
        db: tx, afterCommit: (effect) => effects.push(effect), written: new Map(), decided, followDecided: options.followDecided !== false,
        ...(grouped ? { pending: createPendingWrites(), prefetched: await prefetch(tx, [...new Set(subscription.streamsOf!(events))]) } : {}),
      };
      await subscription.apply(work, events).catch((error: unknown) => {
        // A lost connection or a lost version race is retried as it is, never dead-lettered.
        const transient = isTransientDatabaseError(error) || error instanceof ConcurrencyError;
        throw transient ? error : new HandlerError(error, events);
      });
      // Held writes and the checkpoint go out together, one round trip: the transaction id is drawn only now.
      await pipelined([work.pending?.flush(tx), checkpoint()]);
    } else {
      await checkpoint();
    }
    return { events: events.length, heldBack, correlationIds: [...new Set(events.map((e) => e.metadata.correlationId))].slice(0, 20) };
  });
  for (const effect of effects) effect();
  // Only a batch that wrote events has news for the other subscriptions.
  if (decided.length > 0) eventsAppended(db, decided.map((event) => event.type));
  if (batch?.events) {
    const ms = performance.now() - started;
    metrics.batchDuration.observe({ subscription: subscription.name }, ms / 1000);
    metrics.batchEvents.inc({ subscription: subscription.name }, batch.events);
    logger.info({ subscription: subscription.name, events: batch.events, correlationIds: batch.correlationIds, ms: Math.round(ms) }, 'batch');
  }
  return batch;
}

import { fold, type Decider, type Message } from '@/domain/shared/decider';
import type { Db } from '../db/client';
import { appendToStream, type AppendRequest, type AppendResult } from '../event-store/append';
import { readStream, readStreams } from '../event-store/read';
import { ConcurrencyError, type StoredEvent } from '../event-store/types';
import { loadSnapshot, saveSnapshot } from '../event-store/snapshots';
import { perDatabase, processWide } from '../process-wide';
import { createAggregateCache } from './aggregate-cache';
import type { CommandMetadata, UnitOfWork } from './handle';
import { newId } from './ids';
import { readsTogether } from '../event-store/reads-together';

/** What folds a stream into a state: an aggregate's decider, or a process manager. */
export type Folding<E extends Message, S> = Pick<Decider<Message, E, S>, 'streamType' | 'initialState' | 'evolve' | 'snapshot'>;

export const aggregateCache = processWide('aggregateCache', () => createAggregateCache(2_000));

/** A stream read from its cached state or snapshot, if any (`from`), and what was stored after it (`tail`). */
type SinceCached<E extends Message, S> = { readonly from: { readonly version: number; readonly state: S } | null; readonly tail: readonly StoredEvent<E>[] };
/** A stream as a batch read it at its start. */
export type PrefetchedStream = SinceCached<Message, unknown>;

/**
 * The streams a batch's commands will load, in one query. A stream cached here is read only past
 * its cached version: a process manager's own streams were mostly written by its last batch.
 */
export async function prefetch(db: Db, streamIds: readonly string[]): Promise<Map<string, PrefetchedStream>> {
  const cached = new Map(streamIds.map((streamId) => [streamId, aggregateCache.get(streamId) ?? null]));
  const tails = await readStreams(db, new Map([...cached].map(([streamId, entry]) => [streamId, entry?.version ?? 0])));
  return new Map([...cached].map(([streamId, from]) => [streamId, { from, tail: tails.get(streamId)! }]));
}

/**
 * A stream's state and version: this transaction's own writes, else what the batch read at its
 * start, else the cache or a snapshot, plus the tail read now.
 */
export async function load<E extends Message, S>(
  db: Db,
  folding: Folding<E, S>,
  streamId: string,
  work?: Pick<UnitOfWork, 'written' | 'prefetched'>,
): Promise<{ state: S; version: number }> {
  // This transaction appended to the stream and holds its row until commit: nobody else can
  // have written since, so its own state is the whole truth.
  const own = work?.written?.get(streamId) as { version: number; state: S } | undefined;
  if (own) return own;
  const { from, tail } = (work?.prefetched?.get(streamId) as SinceCached<E, S> | undefined) ?? (await readSinceCached(db, folding, streamId));
  const base = from ?? { version: 0, state: folding.initialState };
  const loaded = { state: fold(folding, tail, base.state), version: tail.at(-1)?.streamPosition ?? base.version };
  // What was committed (read outside a transaction) is the state at that version for good: the
  // next load reads only what comes after it.
  if (tail.length > 0 && !db.inTransaction) aggregateCache.set(streamId, loaded.version, loaded.state);
  return loaded;
}

async function readSinceCached<E extends Message, S>(db: Db, folding: Folding<E, S>, streamId: string): Promise<SinceCached<E, S>> {
  let from = aggregateCache.get(streamId) as { version: number; state: S } | undefined;
  if (!from && folding.snapshot) from = (await loadSnapshot<S>(db, streamId, folding.snapshot.schemaVersion)) ?? undefined;
  const after = from?.version ?? 0;
  // Outside a transaction, the loads of one stream that meet share a query: every order placed
  // loads its conference, and in a sale rush hundreds do at once.
  const tail = db.inTransaction ? await readStream<E>(db, streamId, after) : ((await tailReadsOf(db)(streamId, after)) as StoredEvent<E>[]);
  return { from: from ?? null, tail };
}

const tailReadsOf = perDatabase('tailReads', (db: Db) =>
  readsTogether((streamId: string, after: number) => `${after}:${streamId}`, (streamId, after) => readStream(db, streamId, after)),
);

/** The current state of an aggregate, for an application service's read-side checks. */
export async function loadAggregate<C extends Message, E extends Message, S>(db: Db, decider: Decider<C, E, S>, streamId: string) {
  return load(db, decider, streamId);
}

/** An append whose events' ids were drawn as they were decided. */
export type DecidedAppend<E extends Message = Message> = AppendRequest<E> & { readonly eventIds: readonly string[] };

/** An append at the version the decision was made on, stamped with the command's metadata. */
export function appendRequest<E extends Message, S>(
  folding: Folding<E, S>,
  streamId: string,
  version: number,
  events: readonly E[],
  metadata: CommandMetadata,
): DecidedAppend<E> {
  return {
    streamId,
    streamType: folding.streamType,
    expected: version === 0 ? 'no-stream' : version,
    commandId: metadata.commandId,
    events,
    eventIds: events.map(() => newId()),
    metadata: {
      commandId: metadata.commandId,
      correlationId: metadata.correlationId ?? metadata.commandId,
      causationId: metadata.causationId ?? null,
      actor: metadata.actor,
      recordedAt: metadata.now.toISOString(),
    },
  };
}

/**
 * Appends now, with the writes that must commit or fail with the events (`alsoWrite`), if any.
 * A conflict means this process's cached state of the stream is behind: it is forgotten, so
 * whoever tries again decides on what is stored.
 */
export async function write<E extends Message>(db: Db, request: AppendRequest<E>, alsoWrite?: CommandMetadata['alsoWrite']): Promise<AppendResult<E>> {
  const appended = alsoWrite
    ? db.transaction(async (tx) => {
        const result = await appendToStream(tx, request);
        if (!result.duplicate) await alsoWrite(tx, result);
        return result;
      })
    : appendToStream(db, request);
  return appended.catch((error: unknown) => {
    if (error instanceof ConcurrencyError) aggregateCache.delete(request.streamId);
    throw error;
  });
}

/**
 * The state after a write: for the rest of the transaction, cached once it commits, snapshotted
 * on schedule; its events told to the transaction's owner.
 */
export async function remember<E extends Message, S>(
  work: UnitOfWork,
  folding: Folding<E, S>,
  { streamId, events, eventIds, metadata }: DecidedAppend<E>,
  fromVersion: number,
  version: number,
  state: S,
) {
  work.written?.set(streamId, { version, state });
  work.decided?.push(...events.map((event, index) => ({ ...event, eventId: eventIds[index]!, metadata })));
  work.afterCommit(() => aggregateCache.set(streamId, version, state));
  const snapshot = folding.snapshot;
  if (snapshot && Math.floor(version / snapshot.every) > Math.floor(fromVersion / snapshot.every)) {
    if (work.pending) work.pending.snapshot(streamId, snapshot.schemaVersion, { version, state });
    else await saveSnapshot(work.db, streamId, snapshot.schemaVersion, { version, state });
  }
}

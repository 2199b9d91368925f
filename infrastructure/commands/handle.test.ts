import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fold, type Decider } from '@/domain/shared/decider';
import { conflict } from '@/domain/shared/errors';
import { engines, serverDatabase, type TestDatabase } from '../testing/databases';
import { readStream } from '../event-store/read';
import { ConcurrencyError } from '../event-store/types';
import type { Db } from '../db/client';
import { aggregateCache, handle, handleWithin, loadAggregate } from './handle';
import { load, prefetch } from './aggregate-store';
import { recordWithin } from './process-manager';
import { createPendingWrites } from './pending-writes';
import { appendToStream } from '../event-store/append';
import { GroupCommitRefused } from '../event-store/append-batch';
import { ensureSubscriptions } from '../subscriptions/checkpoints';
import type { Subscription } from '../subscriptions/runner';
import { schedule } from '../subscriptions/timers';
import { failingBatch, note, uniqueName } from '../testing/recording-projection';

const noteMetadata = () => ({ commandId: null, correlationId: randomUUID(), causationId: null, actor: 'test', recordedAt: new Date().toISOString() });

type Command = { type: 'Increment'; data: { by: number } } | { type: 'Close'; data: Record<string, never> };
type Event = { type: 'Incremented'; data: { by: number } } | { type: 'Closed'; data: Record<string, never> };
type State = { total: number; closed: boolean };

const counter: Decider<Command, Event, State> = {
  streamType: 'counter',
  initialState: { total: 0, closed: false },
  evolve: (state, event) =>
    event.type === 'Incremented' ? { ...state, total: state.total + event.data.by } : { ...state, closed: true },
  decide: (command, state) => {
    if (state.closed) throw conflict('CounterClosed');
    if (command.type === 'Close') return [{ type: 'Closed', data: {} }];
    return [{ type: 'Incremented', data: command.data }];
  },
  snapshot: { every: 10, schemaVersion: 1 },
};

const context = (db: TestDatabase | Awaited<ReturnType<(typeof engines)[1][1]>>, commandId = randomUUID()) => ({
  db,
  commandId,
  actor: 'test',
  now: new Date(),
});

describe.each(engines)('handle() on %s', (_engine, open) => {
  let db: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.drop());

  it('loads, decides and appends, returning the new version and events', async () => {
    const stream = `counter-${randomUUID()}`;
    await handle(counter, stream, { type: 'Increment', data: { by: 2 } }, context(db));
    const result = await handle(counter, stream, { type: 'Increment', data: { by: 3 } }, context(db));
    expect(result).toMatchObject({ streamId: stream, version: 2, events: [{ type: 'Incremented', data: { by: 3 } }] });
  });

  it('prefetches a cached stream for a batch from its cached version, and one not cached whole', async () => {
    const cachedStream = `counter-${randomUUID()}`;
    await handle(counter, cachedStream, { type: 'Increment', data: { by: 1 } }, context(db));
    // Written past the cache's back: only this is read.
    await appendToStream(db, { streamId: cachedStream, streamType: 'counter', expected: 1, events: [{ type: 'Incremented', data: { by: 10 } }], metadata: noteMetadata() });
    const uncached = `counter-${randomUUID()}`;
    const two = [{ type: 'Incremented', data: { by: 5 } }, { type: 'Incremented', data: { by: 6 } }];
    await appendToStream(db, { streamId: uncached, streamType: 'counter', expected: 'no-stream', events: two, metadata: noteMetadata() });

    const prefetched = await prefetch(db, [cachedStream, uncached, `counter-${randomUUID()}`]);
    expect([...prefetched.values()].map(({ from, tail }) => [from?.version ?? null, tail.map((event) => event.streamPosition)])).toEqual([
      [1, [2]], [null, [1, 2]], [null, []],
    ]);
    expect(await load(db, counter, cachedStream, { prefetched })).toEqual({ version: 2, state: { total: 11, closed: false } });
    expect(await load(db, counter, uncached, { prefetched })).toEqual({ version: 2, state: { total: 11, closed: false } });
  });

  it('forgets what it cached of a process stream once an append to it conflicts, so the batch tried again decides on what is stored', async () => {
    const stream = `counter-${randomUUID()}`;
    await appendToStream(db, { streamId: stream, streamType: 'counter', expected: 'no-stream', events: [{ type: 'Incremented', data: { by: 1 } }], metadata: noteMetadata() });
    aggregateCache.set(stream, 5, { total: 99, closed: false }); // a state the store does not hold
    const record = () =>
      db.transaction((tx) => recordWithin({ db: tx, afterCommit: () => undefined, written: new Map() }, counter, stream, [{ type: 'Incremented', data: { by: 2 } }], context(db)));
    await expect(record()).rejects.toBeInstanceOf(ConcurrencyError);
    expect(aggregateCache.get(stream)).toBeUndefined();
    await record();
    expect(await loadAggregate(db, counter, stream)).toEqual({ version: 2, state: { total: 3, closed: false } });
  });

  it('decides a command on a stream promised new without reading it, and a wrong promise costs a conflict, not a write', async () => {
    const stream = `counter-${randomUUID()}`;
    const created = await handle(counter, stream, { type: 'Increment', data: { by: 2 } }, { ...context(db), newStream: true });
    expect(created).toMatchObject({ version: 1, events: [{ type: 'Incremented', data: { by: 2 } }] });
    await handle(counter, stream, { type: 'Close', data: {} }, context(db));
    aggregateCache.clear();

    await expect(handle(counter, stream, { type: 'Increment', data: { by: 5 } }, { ...context(db), newStream: true })).rejects.toMatchObject({
      code: 'CounterClosed',
    });
    const stored = await readStream(db, stream, 0);
    expect(stored.map((event) => event.type)).toEqual(['Incremented', 'Closed']);
  });

  it('answers a repeated command id with its first result even when the rule now refuses it', async () => {
    const stream = `counter-${randomUUID()}`;
    const close = context(db);
    const first = await handle(counter, stream, { type: 'Close', data: {} }, close);
    const again = await handle(counter, stream, { type: 'Close', data: {} }, close);
    expect(again.version).toBe(first.version);
    expect(again.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    await expect(handle(counter, stream, { type: 'Close', data: {} }, context(db))).rejects.toMatchObject({
      code: 'CounterClosed',
    });
  });

  it('takes snapshots and folds the same state from a snapshot as from the whole stream', async () => {
    const stream = `counter-${randomUUID()}`;
    for (let i = 1; i <= 25; i++) await handle(counter, stream, { type: 'Increment', data: { by: i } }, context(db));
    const [snapshot] = await db.query<{ version: number; state: State }>(
      'SELECT version, state FROM snapshots WHERE stream_id = $1',
      [stream],
    );
    expect(snapshot).toEqual({ version: 20, state: { total: 210, closed: false } });
    const fromEvents = fold(counter, await readStream<Event>(db, stream));
    aggregateCache.clear();
    // Loaded from the snapshot at 20 plus the 5 events after it: the state the whole stream folds to.
    expect(await loadAggregate(db, counter, stream)).toEqual({ version: 25, state: fromEvents });
    expect(fromEvents).toEqual({ total: 325, closed: false });
  });
  it('in a group-committed batch, writes a stream\'s snapshot once, with the batch\'s other writes', async () => {
    const stream = `counter-${randomUUID()}`;
    const snapshotOf = (tx: Db) => tx.query<{ version: number }>('SELECT version FROM snapshots WHERE stream_id = $1', [stream]);
    await db.transaction(async (tx) => {
      const work = { db: tx, afterCommit: () => undefined, written: new Map(), pending: createPendingWrites() };
      for (let i = 1; i <= 25; i++) await handleWithin(work, counter, stream, { type: 'Increment', data: { by: i } }, context(db));
      expect(await snapshotOf(tx)).toEqual([]);
      await work.pending.flush(tx);
    });
    expect(await snapshotOf(db)).toEqual([{ version: 20 }]);
    aggregateCache.clear();
    expect(await loadAggregate(db, counter, stream)).toEqual({ version: 25, state: { total: 325, closed: false } });
  });
  it('surfaces a group commit that lost a race as a concurrency error, whatever else went out with it', async () => {
    await note(db);
    const name = uniqueName('racing');
    await ensureSubscriptions(db, [name]);
    // Several races: which of the statements sent together answers first is up to the connection.
    for (let race = 0; race < 8; race++) {
      const stream = `counter-${randomUUID()}`;
      const racing: Subscription = {
        name,
        streamsOf: () => [],
        async apply(work) {
          for (let i = 1; i <= 12; i++) await handleWithin(work, counter, stream, { type: 'Increment', data: { by: i } }, context(db));
          await schedule(work, { id: randomUUID(), dueAt: new Date(Date.now() + 60_000).toISOString(), message: { type: 'Ring', data: {} } });
          // Another writer moves the stream before the batch's held writes go out.
          const moved = { streamId: stream, streamType: 'counter', expected: 'no-stream' as const, events: [{ type: 'Incremented', data: { by: 100 } }], metadata: noteMetadata() };
          await appendToStream(work.db, moved);
        },
      };
      expect(await failingBatch(db, racing, 'racer', 10_000)).toBeInstanceOf(GroupCommitRefused);
      expect(await readStream(db, stream)).toEqual([]);
    }
  });
});

describe('handle() with writers in several processes (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  it('retries conflicts until every command of 4 competing processes is in the stream', async () => {
    const stream = `counter-${randomUUID()}`;
    const processes = Array.from({ length: 4 }, () => db.connect({ max: 5 }));
    await Promise.all(
      processes.flatMap((process) =>
        Array.from({ length: 10 }, () => handle(counter, stream, { type: 'Increment', data: { by: 1 } }, context(process as TestDatabase))),
      ),
    );
    const events = await readStream(db, stream);
    expect(events.map((e) => e.streamPosition)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('processes the same command id sent concurrently from two processes once', async () => {
    const stream = `counter-${randomUUID()}`;
    await handle(counter, stream, { type: 'Increment', data: { by: 1 } }, context(db));
    const commandId = randomUUID();
    const [a, b] = [db.connect({ max: 1 }), db.connect({ max: 1 })];
    const results = await Promise.all(
      [a, b].map((process) =>
        handle(counter, stream, { type: 'Increment', data: { by: 5 } }, context(process as TestDatabase, commandId)),
      ),
    );
    expect(await readStream(db, stream)).toHaveLength(2);
    expect(results[0]!.events.map((e) => e.eventId)).toEqual(results[1]!.events.map((e) => e.eventId));
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { eventually } from '../testing/recording-projection';
import { appendToStream } from './append';
import { appendBatch } from './append-batch';
import { checkpointOf, readAll, readStream } from './read';
import { ConcurrencyError, startOfFeed, type ExpectedVersion } from './types';

const request = (streamId: string) => ({
  streamId, streamType: 'test', commandId: randomUUID(), events: [{ type: 'Noted', data: {} }],
  metadata: { commandId: null, correlationId: randomUUID(), causationId: null, actor: 'test', recordedAt: new Date().toISOString() },
});

const append = (db: TestDatabase, streamId: string, expected: ExpectedVersion, commandId?: string) =>
  appendToStream(db, {
    streamId,
    streamType: 'test',
    expected,
    commandId,
    events: [{ type: 'Noted', data: {} }],
    metadata: { commandId: commandId ?? null, correlationId: randomUUID(), causationId: null, actor: 'test', recordedAt: new Date().toISOString() },
  });

describe('event store under concurrent writers (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  async function positionsAreDense() {
    const [row] = await db.query<{ count: number; max: number }>(
      'SELECT count(*)::int AS count, coalesce(max(global_position), 0)::int AS max FROM events',
    );
    return row!.count === row!.max;
  }

  it('lets exactly one of 50 appends at the same expected version win, burning no position', async () => {
    const stream = `race-${randomUUID()}`;
    await append(db, stream, 'no-stream');
    const writers = Array.from({ length: 50 }, () => db.connect({ max: 1 }));
    const outcomes = await Promise.allSettled(writers.map((writer) => append(writer as TestDatabase, stream, 1)));
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const error of lost) expect(error).toMatchObject({ name: 'ConcurrencyError', expected: 1, actual: 2 });
    expect(lost[0]).toBeInstanceOf(ConcurrencyError);
    expect((await readStream(db, stream)).map((e) => e.streamPosition)).toEqual([1, 2]);
    expect(await positionsAreDense()).toBe(true);
    await Promise.all(writers.map((writer) => writer.close()));
  });

  it('gives 50 concurrent appends at any version the versions 1..50', async () => {
    const stream = `any-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 50 }, () => append(db, stream, 'any')));
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect((await readStream(db, stream)).map((e) => e.streamPosition)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(await positionsAreDense()).toBe(true);
  });

  it('writes a command sent twice at once only once and answers both with the first result', async () => {
    for (const expected of ['any', 'no-stream'] as const) {
      const stream = `dup-${randomUUID()}`;
      const commandId = randomUUID();
      const settled = await Promise.allSettled([append(db, stream, expected, commandId), append(db, stream, expected, commandId)]);
      const events = await readStream(db, stream);
      expect(events).toHaveLength(1);
      // At 'no-stream' the loser sees a conflict: the command pipeline then answers the first result.
      const answered = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      expect(answered.length).toBeGreaterThanOrEqual(1);
      for (const result of answered) expect(result.events.map((e) => e.eventId)).toEqual([events[0]!.eventId]);
    }
  });

  it('bounds a reader that holds a transaction id by it, so the events it appends are read later', async () => {
    const before = await readAll(db, startOfFeed, 1_000_000);
    const from = before.length ? checkpointOf(before.at(-1)!) : startOfFeed;
    const other = db.connect({ max: 1 });
    const later = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_current_xact_id()'); // the reader now holds an id, as a reactor's batch does
      const appended = await append(other as TestDatabase, `later-${randomUUID()}`, 'no-stream');
      const seen = await readAll(tx, from, 1_000);
      expect(seen.map((e) => e.eventId)).not.toContain(appended.events[0]!.eventId);
      return appended.events[0]!.eventId;
    });
    // Once the reader's transaction is over, the event it could not see yet is in the feed.
    const after = await eventually(() => readAll(db, from, 1_000), (events) => events.some((e) => e.eventId === later));
    expect(after.map((e) => e.eventId)).toContain(later);
    await other.close();
  });

  it('refuses a command id already used on another stream as bad input (not a database error), leaving no empty stream', async () => {
    const commandId = randomUUID();
    await append(db, `first-${randomUUID()}`, 'no-stream', commandId);
    const other = `other-${randomUUID()}`;
    await expect(append(db, other, 'no-stream', commandId)).rejects.toMatchObject({ name: 'DomainError', code: 'CommandIdReused', kind: 'invalid' });
    expect(await db.query('SELECT 1 FROM streams WHERE stream_id = $1', [other])).toEqual([]);
  });

  it('refuses an append by a transaction older than the one that last appended to the stream, so the feed keeps every stream in order', async () => {
    const stream = `order-${randomUUID()}`;
    await append(db, stream, 'no-stream');
    const appendsLate = [
      (tx: TestDatabase, version: number) => append(tx, stream, version),
      (tx: TestDatabase, version: number) => appendBatch(tx, [{ ...request(stream), expected: version }]),
    ];
    for (const appendLate of appendsLate) {
      const refused = await db
        .transaction(async (tx) => {
          // Like a subscription batch or a timer: the transaction takes its id (its first write) before another appends and commits.
          await tx.query('SELECT pg_current_xact_id()');
          const version = (await readStream(db, stream)).length;
          await append(db, stream, version);
          await appendLate(tx as TestDatabase, version + 1);
        })
        .then(() => null, (error: unknown) => error);
      // At the right version, but after a newer transaction: refused, for the whole transaction to be tried again.
      expect(refused).toMatchObject({ name: 'OutOfOrderAppend', code: '40001' });
    }
    // Tried again in a new transaction, it is appended after the others.
    await db.transaction((tx) => append(tx as TestDatabase, stream, 3));
    // Another test file's open transaction may hold the feed back for a while.
    const inFeed = await eventually(
      () => readAll(db, startOfFeed, 100_000),
      (events) => events.filter((e) => e.streamId === stream).length === 4,
    );
    expect(inFeed.filter((e) => e.streamId === stream).map((e) => e.streamPosition)).toEqual([1, 2, 3, 4]);
  });

  it('answers a stale expected version with a plain conflict even when a newer transaction moved the stream, so a command of its own decides again', async () => {
    const stream = `stale-${randomUUID()}`;
    await append(db, stream, 'no-stream');
    const refused = await db
      .transaction(async (tx) => {
        // Like a command that took its id and then waited on the row lock while a newer one appended.
        await tx.query('SELECT pg_current_xact_id()');
        await append(db, stream, 1);
        await append(tx as TestDatabase, stream, 1);
      })
      .then(() => null, (error: unknown) => error);
    expect(refused).toBeInstanceOf(ConcurrencyError);
    expect(refused).toMatchObject({ expected: 1, actual: 2 });
  });
});

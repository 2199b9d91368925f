import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/domain/shared/errors';
import type { Db } from '../db/client';
import { engines, serverDatabase, type TestDatabase } from '../testing/databases';
import { appendToStream, type AppendRequest } from './append';
import { readStream } from './read';
import { ConcurrencyError, type ExpectedVersion } from './types';

const request = (streamId: string, expected: ExpectedVersion, commandId: string = randomUUID()): AppendRequest => ({
  streamId,
  streamType: 'test',
  expected,
  commandId,
  events: [{ type: 'Noted', data: { streamId } }],
  metadata: { commandId, correlationId: randomUUID(), causationId: null, actor: 'test', recordedAt: new Date().toISOString() },
});

/** Appends sent at once: more than go on their way together, so the later ones meet and travel as one statement. */
const atOnce = (db: Db, requests: readonly AppendRequest[]) =>
  Promise.allSettled(requests.map((r) => appendToStream(db, r)));

const fillers = (count: number) => Array.from({ length: count }, () => request(`s-${randomUUID()}`, 'no-stream'));

/** How many transactions wrote these streams' events: fewer than streams when appends went together. */
async function transactionsOf(db: Db, streamIds: readonly string[]): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id = ANY($1::text[])', [streamIds]);
  return row!.n;
}

/** Another connection's transaction that does `hold`, then stays open until the answered function ends it. */
async function openTransaction(db: TestDatabase, hold: (tx: Db) => Promise<unknown>, end: 'commit' | 'rollback') {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const isHolding = new Promise<void>((resolve) => (holding = resolve));
  const done = db
    .connect({ max: 1 })
    .transaction(async (tx) => {
      await hold(tx);
      holding();
      await released;
      if (end === 'rollback') throw new Error('rolled back on purpose');
    })
    .catch((error: unknown) => {
      if (end === 'commit') throw error;
    });
  await isHolding;
  return async () => {
    release();
    await done;
  };
}

/** `append` sent amid 20 others, so it travels in their group; answered once the others are. */
async function amongOthers(db: Db, append: AppendRequest) {
  const before = fillers(8);
  const after = fillers(12);
  const sent = [...before, append, ...after].map((r) => appendToStream(db, r));
  const contested = sent[before.length]!;
  void contested.catch(() => undefined);
  const others = await Promise.all(sent.filter((answer) => answer !== contested));
  return { contested, others, otherStreams: [...before, ...after].map((r) => r.streamId) };
}

describe.each(engines)('appends that meet on their way, on %s', (_engine, open) => {
  let db: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.drop());

  it('travel together, and each is answered as if it had gone alone', async () => {
    const requests = fillers(40);
    const results = await atOnce(db, requests);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    for (const [index, result] of results.entries()) {
      const { value } = result as PromiseFulfilledResult<Awaited<ReturnType<typeof appendToStream>>>;
      const stored = await readStream(db, requests[index]!.streamId);
      expect(value).toMatchObject({ streamId: requests[index]!.streamId, version: 1, duplicate: false });
      expect(value.events.map((e) => [e.eventId, e.globalPosition, e.transactionId])).toEqual(stored.map((e) => [e.eventId, e.globalPosition, e.transactionId]));
    }
    expect(await transactionsOf(db, requests.map((r) => r.streamId))).toBeLessThan(requests.length);
  });

  it('keeps each one its own outcome: a stale version, a repeated command, a command id of another stream', async () => {
    const existing = `s-${randomUUID()}`;
    const first = request(existing, 'no-stream');
    const placed = await appendToStream(db, first);
    const other = `s-${randomUUID()}`;
    await appendToStream(db, request(other, 'no-stream'));
    const stale = request(existing, 'no-stream');
    const repeated = request(existing, 1, first.commandId);
    const foreign = request(other, 1, first.commandId);
    const around = fillers(12);
    const results = await atOnce(db, [...around.slice(0, 6), stale, ...around.slice(6), repeated, foreign]);
    const [outcomeOfStale, outcomeOfRepeated, outcomeOfForeign] = [results[6], results[13], results[14]];
    expect(outcomeOfStale).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect(outcomeOfRepeated).toMatchObject({ status: 'fulfilled', value: { duplicate: true, version: 1 } });
    expect((outcomeOfRepeated as PromiseFulfilledResult<typeof placed>).value.events.map((e) => e.eventId)).toEqual(placed.events.map((e) => e.eventId));
    expect(outcomeOfForeign).toMatchObject({ status: 'rejected', reason: expect.any(DomainError) });
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(13);
    expect(await readStream(db, existing)).toHaveLength(1);
    expect(await readStream(db, other)).toHaveLength(1);
    for (const filler of around) expect(await readStream(db, filler.streamId)).toHaveLength(1);
  });
});

describe('appends that meet on their way, while another transaction holds one of their streams (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  it('do not wait for it: the held one goes alone, after the holder', async () => {
    const held = `s-${randomUUID()}`;
    await appendToStream(db, request(held, 'no-stream'));
    const release = await openTransaction(db, (tx) => tx.query('SELECT 1 FROM streams WHERE stream_id = $1 FOR UPDATE', [held]), 'commit');
    const { contested, others, otherStreams } = await amongOthers(db, request(held, 1));
    expect(others).toHaveLength(20);
    expect(await transactionsOf(db, otherStreams)).toBeLessThan(20);
    await release();
    expect(await contested).toMatchObject({ version: 2, duplicate: false });
  });

  it('wait a moment at most for a new stream another transaction is creating, then go alone', async () => {
    const stream = `s-${randomUUID()}`;
    const release = await openTransaction(db, (tx) => appendToStream(tx, request(stream, 'no-stream')), 'rollback');
    const { contested, others } = await amongOthers(db, request(stream, 'no-stream'));
    expect(others).toHaveLength(20);
    await release();
    // The holder rolled back: the stream is new after all, and the contested append made it.
    expect(await contested).toMatchObject({ version: 1, duplicate: false });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../testing/databases';
import { eventually } from '../testing/recording-projection';
import type { Database } from '../db/client';
import { appendToStream, priorResult, type AppendRequest } from './append';
import { appendBatch, GroupCommitRefused } from './append-batch';
import { readAll, readFeed, readStream, checkpointOf } from './read';
import { loadSnapshot, saveSnapshot } from './snapshots';
import { ConcurrencyError, startOfFeed, type ExpectedVersion } from './types';
import { registerUpcaster } from './upcasting';

const metadata = (commandId: string | null = null) => ({
  commandId,
  correlationId: randomUUID(),
  causationId: null,
  actor: 'test',
  recordedAt: new Date().toISOString(),
});

const append = (db: Database, streamId: string, expected: ExpectedVersion, count = 1, commandId?: string) =>
  appendToStream(db, {
    streamId,
    streamType: 'test',
    expected,
    commandId,
    events: Array.from({ length: count }, (_, i) => ({ type: 'Noted', data: { i } })),
    metadata: metadata(commandId ?? null),
  });

const request = (streamId: string, expected: ExpectedVersion, type = 'Noted', commandId = randomUUID()): AppendRequest => ({
  streamId, streamType: 'test', expected, commandId, events: [{ type, data: { streamId } }], metadata: metadata(commandId),
});

describe.each(engines)('event store on %s', (_engine, open) => {
  let db: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.drop());

  it('appends to a new stream and reads it back in order', async () => {
    const stream = `s-${randomUUID()}`;
    const result = await append(db, stream, 'no-stream', 3);
    expect(result.version).toBe(3);
    const events = await readStream(db, stream);
    expect(events.map((e) => [e.streamPosition, e.type, e.data])).toEqual([
      [1, 'Noted', { i: 0 }],
      [2, 'Noted', { i: 1 }],
      [3, 'Noted', { i: 2 }],
    ]);
    expect(events[0]!.metadata).toMatchObject({ actor: 'test' });
    expect((await readStream(db, stream, 2)).map((e) => e.streamPosition)).toEqual([3]);
  });

  it('refuses an append at a stale version with the expected and actual versions', async () => {
    const stream = `s-${randomUUID()}`;
    await append(db, stream, 'no-stream', 2);
    const error = await append(db, stream, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: stream, expected: 1, actual: 2 });
    await expect(append(db, stream, 'no-stream')).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await append(db, stream, 2)).version).toBe(3);
    expect((await append(db, stream, 'any')).version).toBe(4);
  });

  it('writes a repeated command id once and answers the first result', async () => {
    const stream = `s-${randomUUID()}`;
    const commandId = randomUUID();
    const first = await append(db, stream, 'no-stream', 2, commandId);
    const second = await append(db, stream, 'any', 2, commandId);
    expect(second.duplicate).toBe(true);
    expect(second.version).toBe(first.version);
    expect(second.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    expect(await readStream(db, stream)).toHaveLength(2);
    expect((await priorResult(db, commandId, stream))?.version).toBe(2);
    expect(await priorResult(db, commandId, `elsewhere-${stream}`)).toBeNull();
  });

  it('reads all events after a checkpoint in commit order', async () => {
    const a = `s-${randomUUID()}`;
    await append(db, a, 'no-stream', 2);
    await append(db, a, 2, 1);
    // Transactions still open anywhere on the server hold the feed back until they end.
    const all = await eventually(
      () => readAll(db, startOfFeed, 100_000),
      (events) => events.filter((e) => e.streamId === a).length === 3,
    );
    expect(all.filter((e) => e.streamId === a).map((e) => e.streamPosition)).toEqual([1, 2, 3]);
    const positions = all.map((e) => BigInt(e.globalPosition));
    expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : 1)));
    const rest = await readAll(db, checkpointOf(all.at(-1)!), 100_000);
    expect(rest.filter((e) => e.streamId === a)).toEqual([]);
  });

  it('reads every event in small batches across positions of different lengths (99 → 100)', async () => {
    const stream = `s-${randomUUID()}`;
    await append(db, stream, 'no-stream', 120);
    const read: string[] = [];
    let checkpoint = startOfFeed;
    // Transactions still open elsewhere on the server may hold the feed back: read until it is all there.
    await eventually(
      async () => {
        for (let batch = await readAll(db, checkpoint, 7); batch.length > 0; batch = await readAll(db, checkpoint, 7)) {
          read.push(...batch.filter((e) => e.streamId === stream).map((e) => String(e.streamPosition)));
          checkpoint = checkpointOf(batch.at(-1)!);
        }
        return read.length;
      },
      (count) => count >= 120,
    );
    expect(read).toEqual(Array.from({ length: 120 }, (_, i) => String(i + 1)));
  });

  it('writes a group commit to many streams, several appends to one in order, all at once', async () => {
    const [a, b] = [`s-${randomUUID()}`, `s-${randomUUID()}`];
    await append(db, a, 'no-stream', 2);
    await db.transaction((tx) => appendBatch(tx, [request(a, 2), request(b, 'no-stream'), request(a, 3)]));
    expect((await readStream(db, a)).map((e) => e.streamPosition)).toEqual([1, 2, 3, 4]);
    expect((await readStream(db, b)).map((e) => e.streamPosition)).toEqual([1]);
    expect((await append(db, a, 4)).version).toBe(5);
  });

  it('refuses a whole group commit when one stream moved or one command was processed before', async () => {
    const [a, b, taken] = [`s-${randomUUID()}`, `s-${randomUUID()}`, `s-${randomUUID()}`];
    await append(db, a, 'no-stream', 2);
    await append(db, taken, 'no-stream');
    const refusedBatch = (requests: AppendRequest[]) => db.transaction((tx) => appendBatch(tx, requests)).catch((e: unknown) => e);
    expect(await refusedBatch([request(b, 'no-stream'), request(a, 1)])).toBeInstanceOf(GroupCommitRefused);
    expect(await refusedBatch([request(b, 'no-stream'), request(taken, 'no-stream')])).toBeInstanceOf(GroupCommitRefused);
    const commandId = randomUUID();
    await append(db, a, 2, 1, commandId);
    expect(await refusedBatch([request(b, 'no-stream'), request(a, 3, 'Noted', commandId)])).toBeInstanceOf(GroupCommitRefused);
    expect(await readStream(db, b)).toEqual([]);
    expect(await readStream(db, a)).toHaveLength(3);
  });

  it('reads only the event types a reader asks for, and moves its checkpoint past the others', async () => {
    const stream = `s-${randomUUID()}`;
    await db.transaction((tx) => appendBatch(tx, [request(stream, 'no-stream', 'Skipped'), request(stream, 1, 'Wanted'), request(stream, 2, 'Skipped')]));
    await append(db, stream, 3);
    const last = (await readStream(db, stream)).at(-1)!;
    // Another test file's open transaction may hold the feed back for a while: wait until it passes the stream's last event.
    const page = await eventually(
      () => readFeed(db, startOfFeed, 100_000, ['Wanted']),
      ({ through }) => through !== null && BigInt(through.transactionId) >= BigInt(last.transactionId),
    );
    expect(page.events.filter((e) => e.streamId === stream).map((e) => [e.type, e.streamPosition])).toEqual([['Wanted', 2]]);
    expect(page.events.every((e) => e.type === 'Wanted')).toBe(true);
    const after = await readFeed(db, page.through!, 100_000, ['Wanted', 'Skipped']);
    expect(after.events.filter((e) => e.streamId === stream)).toEqual([]);
    const firstOnly = await readFeed(db, startOfFeed, 1, ['Wanted']);
    expect(firstOnly.through).toEqual(checkpointOf(firstOnly.events[0]!));
  });

  it('upcasts events written in an older shape when reading them', async () => {
    const stream = `s-${randomUUID()}`;
    const type = `Renamed${randomUUID().slice(0, 8)}`;
    await appendToStream(db, {
      streamId: stream,
      streamType: 'test',
      expected: 'no-stream',
      events: [{ type, data: { fullName: 'Ada Lovelace' } }],
      metadata: metadata(),
    });
    registerUpcaster(type, (data) => {
      const [firstName, lastName] = String((data as { fullName: string }).fullName).split(' ');
      return { firstName, lastName };
    });
    const [event] = await readStream(db, stream);
    expect(event).toMatchObject({ schemaVersion: 1, data: { firstName: 'Ada', lastName: 'Lovelace' } });
    const newer = await appendToStream(db, {
      streamId: stream,
      streamType: 'test',
      expected: 1,
      events: [{ type, data: { firstName: 'Grace', lastName: 'Hopper' } }],
      metadata: metadata(),
    });
    expect(newer.events[0]!.schemaVersion).toBe(2);
    expect((await readStream(db, stream, 1))[0]!.data).toEqual({ firstName: 'Grace', lastName: 'Hopper' });
  });

  it('keeps the newest snapshot and ignores one of another state shape', async () => {
    const stream = `s-${randomUUID()}`;
    await saveSnapshot(db, stream, 1, { version: 100, state: { n: 100 } });
    await saveSnapshot(db, stream, 1, { version: 50, state: { n: 50 } });
    expect(await loadSnapshot(db, stream, 1)).toEqual({ version: 100, state: { n: 100 } });
    expect(await loadSnapshot(db, stream, 2)).toBeNull();
  });
});

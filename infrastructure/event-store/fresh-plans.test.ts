import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import type { AppendRequest } from './append';
import { appendBatch } from './append-batch';
import { readStreams } from './read';

let db: TestDatabase;
beforeAll(async () => {
  db = await serverDatabase();
});
afterAll(() => db.drop());

const noted = (streamId: string, expected: number): AppendRequest => {
  const commandId = randomUUID();
  return {
    streamId, streamType: 'test', expected: expected === 0 ? 'no-stream' : expected, commandId, events: [{ type: 'Noted', data: {} }],
    metadata: { commandId, correlationId: commandId, causationId: null, actor: 'test', recordedAt: new Date().toISOString() },
  };
};

/** Sequential scans of the store's tables by this transaction so far. */
async function tableScans(tx: Db): Promise<number> {
  const [row] = await tx.query<{ scans: number }>(
    `SELECT coalesce(sum(seq_scan), 0)::int AS scans FROM pg_stat_xact_user_tables
     WHERE schemaname = current_schema() AND relname IN ('events', 'streams')`,
  );
  return row!.scans;
}

/**
 * A new database has no statistics: the planner sees small tables, and the plans a connection
 * caches then (a prepared statement's, a function's) are kept while the tables grow, until
 * autovacuum analyzes them, a minute or more later. A sale rush fills them in seconds.
 */
describe('a batch on a new database, with no statistics yet', () => {
  it('reads and appends its streams by key as the tables grow, never scanning a table', async () => {
    await db.transaction(async (tx) => {
      // One connection throughout: the plans it caches while the tables are small are the ones measured.
      const streamIds = ['hot', 'order-1', 'order-2'];
      let version = 0;
      const batch = async () => {
        await appendBatch(tx, streamIds.map((streamId) => noted(streamId, version)));
        version++;
        return readStreams(tx, new Map(streamIds.map((streamId) => [streamId, version - 1])));
      };
      for (let i = 0; i < 10; i++) await batch();
      await tx.query(`INSERT INTO streams (stream_id, stream_type, version) SELECT 'filler-' || g, 'test', 1 FROM generate_series(1, 30000) g`);
      await tx.query(
        `INSERT INTO events (stream_id, stream_position, event_id, type, data, metadata)
         SELECT 'filler-' || g, 1, gen_random_uuid(), 'Noted', '{}', '{}' FROM generate_series(1, 30000) g`,
      );
      const before = await tableScans(tx);
      const read = await batch();
      await batch();
      expect(await tableScans(tx)).toBe(before);
      expect([...read.values()].map((events) => events.map((event) => event.streamPosition))).toEqual([[11], [11], [11]]);
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../db/client';
import { appendToStream } from '../event-store/append';
import { ConcurrencyError } from '../event-store/types';
import { poll } from '../poll';
import { runBatch, type Subscription } from '../subscriptions/runner';

/** One `Noted` event on a stream of its own (or the one given), under a command id if one is given. */
export const note = (db: Db, streamId = `s-${randomUUID()}`, commandId?: string) =>
  appendToStream(db, {
    streamId,
    streamType: 'test',
    expected: 'any',
    commandId,
    events: [{ type: 'Noted', data: {} }],
    metadata: { commandId: commandId ?? null, correlationId: randomUUID(), causationId: null, actor: 'test', recordedAt: new Date().toISOString() },
  });

/** A name no other test uses: a prefix and 8 random hex digits, fit for a table name. */
export const uniqueName = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 8)}`;

/**
 * A projection that records each event it applies under a primary key on the event id, so
 * applying an event twice fails loudly, and counts events per stream.
 */
export function recordingProjection(
  name: string,
  options: { failOn?: (eventId: string) => boolean; batchSize?: number } = {},
): Subscription & { setup(db: Db): Promise<void> } {
  const applied = `${name}_applied`;
  const counts = `${name}_counts`;
  return {
    name,
    batchSize: options.batchSize,
    async setup(db) {
      await db.query(`CREATE TABLE ${applied} (event_id uuid PRIMARY KEY, global_position bigint NOT NULL)`);
      await db.query(`CREATE TABLE ${counts} (stream_id text PRIMARY KEY, events integer NOT NULL)`);
    },
    async apply(work, events) {
      const failing = events.find((event) => options.failOn?.(event.eventId));
      if (failing) throw new Error(`cannot apply ${failing.eventId}`);
      await work.db.query(
        `INSERT INTO ${applied} (event_id, global_position)
         SELECT * FROM unnest($1::uuid[], $2::bigint[])`,
        [events.map((e) => e.eventId), events.map((e) => e.globalPosition)],
      );
      await work.db.query(
        `INSERT INTO ${counts} (stream_id, events) SELECT stream_id, count(*) FROM unnest($1::text[]) AS stream_id
         GROUP BY stream_id
         ON CONFLICT (stream_id) DO UPDATE SET events = ${counts}.events + excluded.events`,
        [events.map((e) => e.streamId)],
      );
    },
    async reset(db) {
      await db.query(`TRUNCATE ${applied}, ${counts}`);
    },
  };
}

export async function appliedEventIds(db: Db, name: string): Promise<string[]> {
  const rows = await db.query<{ event_id: string }>(
    `SELECT event_id::text AS event_id FROM ${name}_applied ORDER BY event_id`,
  );
  return rows.map((row) => row.event_id);
}

export async function storedEventIds(db: Db): Promise<string[]> {
  const rows = await db.query<{ event_id: string }>('SELECT event_id::text AS event_id FROM events ORDER BY event_id');
  return rows.map((row) => row.event_id);
}

/** Polls `check` until it holds (see poll); a test fails when the deadline passes first. */
export async function eventually<T>(check: () => Promise<T>, until: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const { value, done } = await poll(check, until, { timeoutMs });
  if (!done) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value).slice(-2000)}`);
  return value;
}

/**
 * A batch run until it meets an event, expected to fail: a transaction of another test file may
 * hold the feed back a moment, and the batch then meets none and applies nothing. Answers its failure.
 */
export async function failingBatch(db: Database, subscription: Subscription, owner: string, leaseMs: number): Promise<unknown> {
  const outcome = await eventually(
    () => runBatch(db, subscription, owner, { leaseMs }).catch((error: unknown) => ({ failure: error })),
    (result) => result === null || 'failure' in result || result.events > 0,
  );
  return outcome && 'failure' in outcome ? outcome.failure : outcome;
}

/** One batch; as the runner does, one whose group commit lost a race is done again command by command. */
async function batchAsTheRunnerDoes(db: Database, subscription: Subscription, owner: string) {
  try {
    return await runBatch(db, subscription, owner, { leaseMs: 60_000 });
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    return runBatch(db, subscription, owner, { leaseMs: 60_000, groupCommit: false });
  }
}

/**
 * Runs a subscription's batches until it has applied every event committed so far. Transactions
 * still open elsewhere on the server can hold the feed back a moment, so an empty batch alone does
 * not mean caught up.
 */
export async function catchUp(db: Database, subscription: Subscription, owner: string): Promise<void> {
  const [last] = await db.query<{ tx: string; pos: string }>(
    `SELECT transaction_id::text AS tx, global_position::text AS pos FROM events
     ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
  );
  if (!last) return;
  await eventually(
    async () => {
      while (((await batchAsTheRunnerDoes(db, subscription, owner))?.events ?? 0) > 0);
      const [row] = await db.query<{ done: boolean }>(
        `SELECT (checkpoint_transaction_id, checkpoint_position) >= ($2::xid8, $3::bigint) AS done
         FROM subscriptions WHERE name = $1`,
        [subscription.name, last.tx, last.pos],
      );
      return row?.done ?? false;
    },
    (done) => done,
  );
}

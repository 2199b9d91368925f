import type { Message } from '@/domain/shared/decider';
import type { Db } from '../db/client';
import type { Checkpoint, EventMetadata, StoredEvent } from './types';
import { upcast } from './upcasting';

type EventRow = {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_position: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date | string;
};

/** The select list casts bigints to text: ORDER BY must name `events.` columns, not these. */
export const eventColumns = `global_position::text AS global_position, transaction_id::text AS transaction_id,
  stream_id, stream_position, event_id::text AS event_id, type, schema_version, data, metadata, recorded_at`;

export function toStoredEvent<E extends Message = Message>(row: EventRow): StoredEvent<E> {
  return {
    type: row.type,
    data: upcast(row.type, row.schema_version, row.data),
    eventId: row.event_id,
    streamId: row.stream_id,
    streamPosition: row.stream_position,
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    schemaVersion: row.schema_version,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_at),
  } as StoredEvent<E>;
}

/** A stream's events after `afterVersion`, in stream order. */
export async function readStream<E extends Message = Message>(
  db: Db,
  streamId: string,
  afterVersion = 0,
): Promise<StoredEvent<E>[]> {
  const rows = await db.query<EventRow>(
    `SELECT ${eventColumns} FROM events WHERE stream_id = $1 AND stream_position > $2 ORDER BY stream_position`,
    [streamId, afterVersion],
  );
  return rows.map((row) => toStoredEvent<E>(row));
}

/** Streams in one query, each from just after the version given for it, in stream order; one with nothing after reads as empty. */
export async function readStreams(db: Db, afterVersions: ReadonlyMap<string, number>): Promise<Map<string, StoredEvent[]>> {
  const streams = new Map<string, StoredEvent[]>([...afterVersions.keys()].map((id) => [id, []]));
  if (streams.size === 0) return streams;
  const rows = await db.query<EventRow>(
    `SELECT ${eventColumns} FROM seatwise_read_streams($1::text[], $2::integer[]) AS events ORDER BY events.stream_id, events.stream_position`,
    [[...afterVersions.keys()], [...afterVersions.values()]],
  );
  for (const row of rows) streams.get(row.stream_id)?.push(toStoredEvent(row));
  return streams;
}

/** A page of the feed, and how far its reader has looked. */
export type FeedPage = {
  readonly events: StoredEvent[];
  /** The checkpoint after this page: its last event, or, when the page is not full, the end of the visible feed. */
  readonly through: Checkpoint | null;
  /**
   * Events are committed past the end of the visible feed, held back by a transaction still open
   * (anyone's, not only an appender's): the reader should look again soon, not wait to be woken.
   */
  readonly heldBack: boolean;
};

const bigint = (text: string) => BigInt(text);
const after = (a: Checkpoint, b: Checkpoint) =>
  bigint(a.transactionId) > bigint(b.transactionId) || (a.transactionId === b.transactionId && bigint(a.position) > bigint(b.position));

/**
 * The events after `checkpoint` in commit order (only those of `types`, when given: the database
 * skips the others, and the checkpoint still moves past them), never skipping one that commits
 * late: global positions are drawn before commit, so a transaction still open may later commit a
 * lower one. Only transactions older than every running one (below the snapshot's xmin) are read,
 * ordered by (transaction id, position); no timeouts, no gap guessing. Page, end of the visible
 * feed and what lies beyond come from one statement, so from one snapshot.
 */
export async function readFeed(db: Db, checkpoint: Checkpoint, limit: number, types?: readonly string[]): Promise<FeedPage> {
  const page = await readFeedAfter(db, { sql: 'SELECT $1::xid8 AS transaction_id, $2::bigint AS position, true AS taken, NULL AS extra', params: [checkpoint.transactionId, checkpoint.position] }, limit, types);
  return page!.page;
}

/**
 * Where a feed page starts: SQL for one row (transaction_id, position, taken, and one more value
 * the caller wants back, extra) whose first two parameters are `params`. No row, or taken false,
 * reads nothing: so a subscription takes its lease and its page in one round trip.
 */
export type FeedStart = { readonly sql: string; readonly params: readonly [unknown, unknown] };

type FeedRow = Partial<EventRow> & {
  start_transaction_id: string;
  start_position: string;
  taken: boolean;
  start_extra: unknown;
  head_transaction_id: string | null;
  head_position: string | null;
  held_back: boolean;
};

/** The page after `start`, with where it started and the start row's extra; null when it has no row or was not taken. */
export async function readFeedAfter(
  db: Db,
  start: FeedStart,
  limit: number,
  types?: readonly string[],
): Promise<{ page: FeedPage; from: Checkpoint; extra: unknown } | null> {
  // The start is materialised: evaluated once, before any event is read (it may take a lock).
  const rows = await db.query<FeedRow>(
    `WITH start AS MATERIALIZED (${start.sql})
     SELECT page.*, start.taken, start.extra AS start_extra, start.transaction_id::text AS start_transaction_id, start.position::text AS start_position,
       head.transaction_id AS head_transaction_id, head.global_position AS head_position,
       COALESCE((SELECT max(transaction_id) FROM events) >= bound.xmin, false) AS held_back
     FROM start
     CROSS JOIN (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) bound
     LEFT JOIN LATERAL (
       SELECT transaction_id::text, global_position::text FROM events WHERE start.taken AND transaction_id < bound.xmin
       ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1
     ) head ON true
     LEFT JOIN LATERAL (
       SELECT ${eventColumns} FROM events
       WHERE start.taken AND (events.transaction_id, events.global_position) > (start.transaction_id, start.position)
         AND events.transaction_id < bound.xmin AND ($4::text[] IS NULL OR type = ANY($4::text[]))
       ORDER BY events.transaction_id, events.global_position LIMIT $3
     ) page ON true`,
    [...start.params, limit, types ?? null],
  );
  const [first] = rows;
  if (!first?.taken) return null;
  const checkpoint = { transactionId: first.start_transaction_id, position: first.start_position };
  const events = rows.filter((row) => row.event_id).map((row) => toStoredEvent(row as EventRow));
  const heldBack = first.held_back;
  if (events.length === limit) return { page: { events, through: checkpointOf(events.at(-1)!), heldBack }, from: checkpoint, extra: first.start_extra };
  const head = first.head_transaction_id ? { transactionId: first.head_transaction_id, position: first.head_position! } : null;
  return { page: { events, through: head && after(head, checkpoint) ? head : null, heldBack }, from: checkpoint, extra: first.start_extra };
}

/** Every event after `checkpoint`, as readFeed reads them. */
export async function readAll(db: Db, checkpoint: Checkpoint, limit: number): Promise<StoredEvent[]> {
  return (await readFeed(db, checkpoint, limit)).events;
}

export function checkpointOf(event: StoredEvent): Checkpoint {
  return { transactionId: event.transactionId, position: event.globalPosition };
}

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

/** Whole streams in one query, each in stream order; a stream with no events reads as empty. */
export async function readStreams(db: Db, streamIds: readonly string[]): Promise<Map<string, StoredEvent[]>> {
  const streams = new Map<string, StoredEvent[]>(streamIds.map((id) => [id, []]));
  if (streamIds.length === 0) return streams;
  const rows = await db.query<EventRow>(
    `SELECT ${eventColumns} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY events.stream_id, events.stream_position`,
    [streamIds],
  );
  for (const row of rows) streams.get(row.stream_id)?.push(toStoredEvent(row));
  return streams;
}

/**
 * All events after `checkpoint` in commit order, never skipping one that commits late: global
 * positions are drawn before commit, so a transaction still open may later commit a lower one.
 * Only transactions older than every running one (below the snapshot's xmin) are read, ordered
 * by (transaction id, position). No timeouts, no gap guessing.
 */
export async function readAll(db: Db, checkpoint: Checkpoint, limit: number): Promise<StoredEvent[]> {
  const rows = await db.query<EventRow>(
    `SELECT ${eventColumns} FROM events
     WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY events.transaction_id, events.global_position
     LIMIT $3`,
    [checkpoint.transactionId, checkpoint.position, limit],
  );
  return rows.map((row) => toStoredEvent(row));
}

export function checkpointOf(event: StoredEvent): Checkpoint {
  return { transactionId: event.transactionId, position: event.globalPosition };
}

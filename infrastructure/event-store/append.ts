import { v7 as uuidv7 } from 'uuid';
import type { Message } from '@/domain/shared/decider';
import { invalid } from '@/domain/shared/errors';
import type { Db } from '../db/client';
import { metrics } from '../metrics';
import { eventColumns, toStoredEvent } from './read';
import { ConcurrencyError, OutOfOrderAppend, type EventMetadata, type ExpectedVersion, type StoredEvent } from './types';
import { currentSchemaVersion } from './upcasting';

export type AppendRequest<E extends Message = Message> = {
  readonly streamId: string;
  readonly streamType: string;
  readonly expected: ExpectedVersion;
  /** Makes the append idempotent: a repeated id writes nothing and answers the first result. */
  readonly commandId?: string;
  readonly events: readonly E[];
  readonly metadata: EventMetadata;
};

export type AppendResult<E extends Message = Message> = {
  readonly streamId: string;
  /** The stream's version after the append: what read models will report once they caught up. */
  readonly version: number;
  readonly events: readonly StoredEvent<E>[];
  /** True when the command id had been processed before and this call wrote nothing. */
  readonly duplicate: boolean;
};

export const expectedCode = (expected: ExpectedVersion) =>
  expected === 'any' ? -1 : expected === 'no-stream' ? 0 : expected;

/** The events of an append as the store's function takes them: ids drawn, schema versions stamped. */
export const payloadOf = ({ events, metadata }: Pick<AppendRequest, 'events' | 'metadata'>) =>
  events.map((event) => ({ eventId: uuidv7(), type: event.type, schemaVersion: currentSchemaVersion(event.type), data: event.data, metadata }));

/** One round trip: the stream row is taken first, then the events are written (drizzle/0001). */
export async function appendToStream<E extends Message>(db: Db, request: AppendRequest<E>): Promise<AppendResult<E>> {
  const { streamId, streamType, expected, commandId, metadata } = request;
  const payload = payloadOf(request);
  const [row] = await db.query<{ outcome: string; from_version: number; to_version: number; positions: string[]; transaction_id: string }>(
    'SELECT outcome, from_version, to_version, global_positions::text[] AS positions, transaction_id FROM seatwise_append($1, $2, $3, $4, $5::jsonb)',
    [streamId, streamType, expectedCode(expected), commandId ?? null, payload],
  );
  if (!row) throw new Error(`Append to ${streamId} returned nothing`);
  if (row.outcome === 'conflict') throw new ConcurrencyError(streamId, expected, row.from_version);
  if (row.outcome === 'out_of_order') throw new OutOfOrderAppend(streamId);
  // Bad input, not a fault: refused like a broken rule, never retried or dead-lettered as an error.
  if (row.outcome === 'foreign') throw invalid('CommandIdReused', `Command ${commandId} was used on another stream`);
  if (row.outcome === 'duplicate') {
    return { ...(await readRange<E>(db, streamId, row.from_version, row.to_version)), duplicate: true };
  }
  const events = request.events.map((event, index): StoredEvent<E> => {
    const globalPosition = row.positions[index];
    if (globalPosition === undefined) throw new Error(`Append to ${streamId} placed fewer events than it was given`);
    const { eventId, schemaVersion } = payload[index]!;
    return {
      ...event, eventId, streamId, streamPosition: row.from_version + index + 1, globalPosition,
      transactionId: row.transaction_id, schemaVersion, metadata, recordedAt: new Date(metadata.recordedAt),
    };
  });
  metrics.appends.inc({ kind: 'single' });
  metrics.eventsAppended.inc(events.length);
  return { streamId, version: row.to_version, events, duplicate: false };
}

/** The first result of a command id on this stream, or null when it was never processed here. */
export async function priorResult<E extends Message>(db: Db, commandId: string, streamId: string): Promise<AppendResult<E> | null> {
  const [row] = await db.query<{ stream_id: string; from_version: number; to_version: number }>(
    'SELECT stream_id, from_version, to_version FROM processed_commands WHERE command_id = $1 AND stream_id = $2',
    [commandId, streamId],
  );
  if (!row) return null;
  return { ...(await readRange<E>(db, row.stream_id, row.from_version, row.to_version)), duplicate: true };
}

async function readRange<E extends Message>(db: Db, streamId: string, fromVersion: number, toVersion: number) {
  const rows = await db.query<Parameters<typeof toStoredEvent>[0]>(
    `SELECT ${eventColumns} FROM events
     WHERE stream_id = $1 AND stream_position > $2 AND stream_position <= $3 ORDER BY stream_position`,
    [streamId, fromVersion, toVersion],
  );
  return { streamId, version: toVersion, events: rows.map((r) => toStoredEvent<E>(r)) };
}

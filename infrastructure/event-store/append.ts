import type { Message } from '@/domain/shared/decider';
import { invalid } from '@/domain/shared/errors';
import { serverLimits, type Db } from '../db/client';
import { isConnectionError } from '../db/errors';
import { metrics } from '../metrics';
import { perDatabase } from '../process-wide';
import { newId } from '../commands/ids';
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
  /**
   * The events' ids, when drawn as they were decided (one each): a batch can then follow what
   * its own commands decided before it is stored. Drawn at the append otherwise.
   */
  readonly eventIds?: readonly string[];
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
export const payloadOf = ({ events, eventIds, metadata }: Pick<AppendRequest, 'events' | 'eventIds' | 'metadata'>) =>
  events.map((event, index) => ({
    eventId: eventIds?.[index] ?? newId(), type: event.type, schemaVersion: currentSchemaVersion(event.type), data: event.data, metadata,
  }));

type AppendRow = { outcome: string; from_version: number; to_version: number; positions: string[]; transaction_id: string };
type Payload = ReturnType<typeof payloadOf>;

/**
 * One round trip: the stream row is taken first, then the events are written (drizzle/0001).
 * Outside a transaction, appends that meet on their way share the round trip (see appendsTogether).
 */
export function appendToStream<E extends Message>(db: Db, request: AppendRequest<E>): Promise<AppendResult<E>> {
  return db.inTransaction ? appendAlone(db, request) : coalescerFor(db)(request) as Promise<AppendResult<E>>;
}

async function appendAlone<E extends Message>(db: Db, request: AppendRequest<E>): Promise<AppendResult<E>> {
  const payload = payloadOf(request);
  const [row] = await db.query<AppendRow>(
    'SELECT outcome, from_version, to_version, global_positions::text[] AS positions, transaction_id FROM seatwise_append($1, $2, $3, $4, $5::jsonb)',
    [request.streamId, request.streamType, expectedCode(request.expected), request.commandId ?? null, payload],
  );
  if (!row) throw new Error(`Append to ${request.streamId} returned nothing`);
  if (row.outcome === 'out_of_order') throw new OutOfOrderAppend(request.streamId);
  return answer(db, request, payload, row);
}

/** What an append's outcome means for its caller: its events as stored, or why there are none. */
async function answer<E extends Message>(db: Db, request: AppendRequest<E>, payload: Payload, row: AppendRow): Promise<AppendResult<E>> {
  const { streamId, expected, commandId, metadata } = request;
  if (row.outcome === 'conflict') throw new ConcurrencyError(streamId, expected, row.from_version);
  // Bad input, not a fault: refused like a broken rule, never retried or dead-lettered as an error.
  if (row.outcome === 'foreign') throw invalid('CommandIdReused', `Command ${commandId} was used on another stream`);
  if (row.outcome === 'duplicate') {
    return { ...(await readRange<E>(db, streamId, row.from_version, row.to_version)), duplicate: true };
  }
  if (row.outcome !== 'appended') throw new Error(`Append to ${streamId}: unexpected outcome ${row.outcome}`);
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

type Waiting = { readonly request: AppendRequest; resolve(result: AppendResult): void; reject(error: unknown): void };
type Coalescer = (request: AppendRequest) => Promise<AppendResult>;

/** At most this many statements of appends on their way at once; what comes meanwhile waits and goes together. */
const maxInFlight = 2;
const maxTogether = 100;
/** Longer than any statement may run on the server. */
const groupDeadlineMs = serverLimits.statement_timeout + 5_000;
const coalescerFor = perDatabase('appendCoalescers', (db: Db): Coalescer => appendsTogether(db));

/**
 * Group commit for commands of their own: while `maxInFlight` statements of appends are on their
 * way, the next appends wait and then go together, one statement and one commit for all
 * (drizzle/0012). Nobody waits for company: with a turn free, an append goes at once. Each is
 * answered as if it had gone alone; one the statement could not take at once (its stream's row
 * held elsewhere, or a newer transaction appended to it first) is appended alone, outside the
 * turns, as is every one of a statement the database refused.
 */
function appendsTogether(db: Db): Coalescer {
  const queue: Waiting[] = [];
  let inFlight = 0;
  const pump = () => {
    while (inFlight < maxInFlight && queue.length > 0) {
      const group = queue.splice(0, maxTogether);
      inFlight++;
      let deadline: NodeJS.Timeout | undefined;
      // A statement the database never answers (a connection lost without a word) must not hold
      // its turn for ever: past the server's statement timeout its callers hear of a lost connection.
      const unanswered = new Promise<never>((_, reject) => {
        deadline = setTimeout(() => reject(Object.assign(new Error('Appends together: no answer from the database'), { code: 'CONNECTION_UNANSWERED' })), groupDeadlineMs);
      });
      void Promise.race([appendGroup(db, group), unanswered])
        // Whatever went wrong, nobody is left waiting: an answered caller ignores a second one.
        .catch((error: unknown) => group.forEach((waiting) => waiting.reject(error)))
        .finally(() => {
          clearTimeout(deadline);
          inFlight--;
          pump();
        });
    }
  };
  return (request) =>
    new Promise((resolve, reject) => {
      queue.push({ request, resolve, reject });
      pump();
    });
}

async function appendGroup(db: Db, group: readonly Waiting[]): Promise<void> {
  // Appended alone outside the group's turn: one may wait for its stream's row, the others need not.
  const alone = (waiting: Waiting) => void appendAlone(db, waiting.request).then(waiting.resolve, waiting.reject);
  const payloads = group.map(({ request }) => payloadOf(request));
  let rows: (AppendRow & { request: number })[];
  try {
    rows = await db.query('SELECT request, outcome, from_version, to_version, global_positions::text[] AS positions, transaction_id FROM seatwise_append_many($1::jsonb)', [
      group.map(({ request }, index) => ({
        streamId: request.streamId, streamType: request.streamType, expected: expectedCode(request.expected), commandId: request.commandId ?? null, events: payloads[index],
      })),
    ]);
  } catch (error) {
    // A cut connection leaves unknown whether the group committed: each caller hears it, as alone.
    if (isConnectionError(error)) return group.forEach((waiting) => waiting.reject(error));
    // Refused by the database, nothing of it was written: each goes again on its own, and meets its own fault, if any.
    return group.forEach(alone);
  }
  if (group.length > 1) metrics.coalescedAppends.observe(group.length);
  if (rows.length !== group.length) throw new Error(`Appends together: ${rows.length} answers for ${group.length} appends`);
  await Promise.all(
    rows.map((row) => {
      const waiting = group[row.request - 1]!;
      if (row.outcome === 'busy' || row.outcome === 'out_of_order') return alone(waiting);
      return answer(db, waiting.request, payloads[row.request - 1]!, row).then(waiting.resolve, waiting.reject);
    }),
  );
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

import type { Db } from '../db/client';
import { metrics } from '../metrics';
import { payloadOf, type AppendRequest } from './append';
import { ConcurrencyError, OutOfOrderAppend } from './types';

/** A group commit was refused (a lost version race, or a command already processed): none of it is written. */
export class GroupCommitRefused extends ConcurrencyError {
  constructor(readonly reason: string) {
    super('(batch)', 'any', -1);
    this.message = `Group commit refused: ${reason}`;
    this.name = 'GroupCommitRefused';
  }
}

type Stream = { stream_id: string; stream_type: string; expected: number; version: number };

/**
 * Appends to many streams in one round trip and a few set-based statements (drizzle/0005): the
 * appends of one stream (in order, each from the version the previous one left) become one
 * update of its row, each command id is recorded, and all events are inserted at once.
 * All or nothing: a stream that moved, or a command processed before, writes none of it.
 */
export async function appendBatch(db: Db, requests: readonly AppendRequest[]): Promise<void> {
  if (requests.length === 0) return;
  const streams = new Map<string, Stream>();
  const commands: { command_id: string | null; stream_id: string; from_version: number; to_version: number }[] = [];
  const events: Record<string, unknown>[] = [];
  for (const request of requests) {
    // A batch decides against the versions it read, so it always knows which it expects.
    if (request.expected === 'any') throw new Error(`Group commit to ${request.streamId} without an expected version`);
    const expected = request.expected === 'no-stream' ? 0 : request.expected;
    const stream = streams.get(request.streamId) ?? { stream_id: request.streamId, stream_type: request.streamType, expected, version: expected };
    if (stream.version !== expected) throw new GroupCommitRefused(`${request.streamId} appended out of order`);
    const payload = payloadOf(request);
    payload.forEach(({ eventId, type, schemaVersion, data, metadata }, index) =>
      events.push({ stream_id: request.streamId, stream_position: expected + index + 1, event_id: eventId, type, schema_version: schemaVersion, data, metadata }));
    commands.push({ command_id: request.commandId ?? null, stream_id: request.streamId, from_version: expected, to_version: expected + payload.length });
    streams.set(request.streamId, { ...stream, version: expected + payload.length });
  }
  const [row] = await db
    .query<{ outcome: string }>('SELECT seatwise_append_batch($1::jsonb, $2::jsonb, $3::jsonb) AS outcome', [
      [...streams.values()],
      commands.filter((command) => command.command_id !== null),
      events,
    ])
    .catch((error: unknown) => {
      const { code, message } = error as { code?: string; message?: string };
      // Out of order: a new transaction, not the same batch command by command, can append.
      if (code === '40001' && message?.includes('newer transaction')) throw new OutOfOrderAppend('(batch)');
      // The function's "a stream moved under the batch": the version race an append would lose.
      throw code === '40001' ? new GroupCommitRefused('a stream moved under the batch') : error;
    });
  if (row?.outcome !== 'appended') throw new GroupCommitRefused(row?.outcome ?? 'no answer');
  metrics.appends.inc({ kind: 'group' }, requests.length);
  metrics.eventsAppended.inc(events.length);
}

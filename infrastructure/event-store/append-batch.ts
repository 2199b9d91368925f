import type { Db } from '../db/client';
import { expectedCode, payloadOf, type AppendRequest } from './append';
import { ConcurrencyError } from './types';

/** A group commit was refused (a lost version race, or a command already processed): none of it is written. */
export class GroupCommitRefused extends ConcurrencyError {
  constructor(streamId: string, readonly outcome: string) {
    super(streamId, 'any', -1);
    this.message = `Group commit refused at ${streamId}: ${outcome}`;
    this.name = 'GroupCommitRefused';
  }
}

/**
 * Appends to many streams in one round trip (drizzle/0005), each with its expected version and
 * command id. All or nothing: the first append that is not written fails the whole batch, which
 * its transaction then rolls back.
 */
export async function appendBatch(db: Db, requests: readonly AppendRequest[]): Promise<void> {
  if (requests.length === 0) return;
  const appends = requests.map((request) => ({
    streamId: request.streamId,
    streamType: request.streamType,
    expected: expectedCode(request.expected),
    commandId: request.commandId ?? null,
    events: payloadOf(request),
  }));
  const rows = await db.query<{ item: number; outcome: string }>('SELECT item, outcome FROM seatwise_append_batch($1::jsonb)', [appends]);
  const refused = rows.find((row) => row.outcome !== 'appended');
  if (refused || rows.length !== appends.length) {
    throw new GroupCommitRefused(appends[(refused?.item ?? rows.length + 1) - 1]?.streamId ?? '?', refused?.outcome ?? 'missing');
  }
}

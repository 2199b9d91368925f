import type { Db } from '../db/client';
import { pipelined } from '../db/pipelined';
import type { AppendRequest } from '../event-store/append';
import { appendBatch } from '../event-store/append-batch';
import { saveSnapshot, type Snapshot } from '../event-store/snapshots';
import { insertTimers, type ScheduledMessage } from '../subscriptions/timers';

/**
 * A batch's writes, held until its end and then written in one round trip (group commit): N
 * reactions in a batch cost what one costs. Every append keeps its expected version and command
 * id, so a lost race still fails the batch (which is then tried again, command by command).
 */
export function createPendingWrites() {
  const appends: AppendRequest[] = [];
  const timers: ScheduledMessage[] = [];
  const snapshots = new Map<string, { schemaVersion: number; snapshot: Snapshot<unknown> }>();
  return {
    /** Queues an append; answers the stream's version after it. */
    add(request: AppendRequest): number {
      appends.push(request);
      const expected = request.expected === 'no-stream' ? 0 : Number(request.expected);
      return expected + request.events.length;
    },
    schedule(timer: ScheduledMessage) {
      timers.push(timer);
    },
    /** A stream's snapshot; a later one of the same stream in the batch replaces it, so a hot stream is written once. */
    snapshot(streamId: string, schemaVersion: number, snapshot: Snapshot<unknown>) {
      snapshots.set(streamId, { schemaVersion, snapshot });
    },
    get appendsEvents() {
      return appends.length > 0;
    },
    /** Writes everything at once; issued together, the statements travel as one round trip. */
    async flush(db: Db): Promise<void> {
      await pipelined([
        appendBatch(db, appends),
        insertTimers(db, timers),
        ...[...snapshots].map(([streamId, { schemaVersion, snapshot }]) => saveSnapshot(db, streamId, schemaVersion, snapshot)),
      ]);
    },
  };
}

export type PendingWrites = ReturnType<typeof createPendingWrites>;

import type { Message } from '@/domain/shared/decider';
import type { Db } from '../db/client';
import type { UnitOfWork } from '../commands/handle';
import { EventEmitter } from 'node:events';

export type ScheduledMessage = { readonly id: string; readonly dueAt: string; readonly message: Message };
export type TimerHandler = (work: UnitOfWork, message: Message, timerId: string) => Promise<void>;

const globalKey = Symbol.for('seatwise.timers');
const scheduled = ((globalThis as Record<symbol, unknown>)[globalKey] ??= new EventEmitter()) as EventEmitter;

/** Idempotent by id: a redelivered reaction schedules nothing new. */
export async function schedule(work: UnitOfWork, timer: ScheduledMessage): Promise<void> {
  await work.db.query(
    `INSERT INTO scheduled_commands (id, due_at, message) VALUES ($1::uuid, $2::timestamptz, $3::jsonb)
     ON CONFLICT (id) DO NOTHING`,
    [timer.id, timer.dueAt, timer.message],
  );
  work.afterCommit(() => scheduled.emit('scheduled'));
}

export function onScheduled(listener: () => void): () => void {
  scheduled.on('scheduled', listener);
  return () => scheduled.off('scheduled', listener);
}

/**
 * Fires due timers. A timer is claimed (SKIP LOCKED), handled and marked fired in one
 * transaction, so with any number of runners each fires exactly once.
 */
export async function fireDueTimers(db: Db, handler: TimerHandler, afterCommit: (f: () => void) => void) {
  return db.transaction(async (tx) => {
    const due = await tx.query<{ id: string; message: Message }>(
      `SELECT id::text AS id, message FROM scheduled_commands
       WHERE fired_at IS NULL AND due_at <= clock_timestamp()
       ORDER BY due_at LIMIT 50 FOR UPDATE SKIP LOCKED`,
    );
    for (const timer of due) {
      await handler({ db: tx, afterCommit }, timer.message, timer.id);
      await tx.query('UPDATE scheduled_commands SET fired_at = clock_timestamp() WHERE id = $1::uuid', [
        timer.id,
      ]);
    }
    return due.length;
  });
}

/** Milliseconds until the next unfired timer is due (0 when one is overdue), or null. */
export async function msUntilNextTimer(db: Db): Promise<number | null> {
  const [row] = await db.query<{ ms: number | null }>(
    `SELECT greatest(0, extract(epoch FROM min(due_at) - clock_timestamp()) * 1000)::float8 AS ms
     FROM scheduled_commands WHERE fired_at IS NULL`,
  );
  return row?.ms ?? null;
}

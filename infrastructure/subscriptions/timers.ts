import type { Message } from '@/domain/shared/decider';
import type { Db } from '../db/client';
import type { UnitOfWork } from '../commands/handle';
import { EventEmitter } from 'node:events';
import { processWide } from '../process-wide';

export type ScheduledMessage = { readonly id: string; readonly dueAt: string; readonly message: Message };
export type TimerHandler = (work: UnitOfWork, message: Message, timerId: string) => Promise<void>;

const scheduled = processWide('timers', () => new EventEmitter());

/** Idempotent by id: a redelivered reaction schedules nothing new. In a group-committed batch, written with it. */
export async function schedule(work: UnitOfWork, timer: ScheduledMessage): Promise<void> {
  if (work.pending) work.pending.schedule(timer);
  else await insertTimers(work.db, [timer]);
  work.afterCommit(() => scheduled.emit('scheduled'));
}

/** Timers in one statement; an id scheduled before is left as it is. */
export async function insertTimers(db: Db, timers: readonly ScheduledMessage[]): Promise<void> {
  if (timers.length === 0) return;
  await db.query(
    `INSERT INTO scheduled_commands (id, due_at, message)
     SELECT id, due_at, message FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, due_at timestamptz, message jsonb)
     ON CONFLICT (id) DO NOTHING`,
    [timers.map(({ id, dueAt, message }) => ({ id, due_at: dueAt, message }))],
  );
}

export function onScheduled(listener: () => void): () => void {
  scheduled.on('scheduled', listener);
  return () => scheduled.off('scheduled', listener);
}

export class TimerError extends Error {
  constructor(
    readonly timerId: string,
    readonly messageType: string,
    readonly failure: unknown,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }

  get failureStack(): string | null {
    return this.failure instanceof Error ? (this.failure.stack ?? null) : null;
  }
}

/**
 * Fires the earliest due timer. It is claimed (SKIP LOCKED), handled and marked fired in one
 * transaction, so with any number of runners each fires exactly once; one at a time, so a
 * failing timer holds up no other.
 */
export async function fireDueTimer(db: Db, handler: TimerHandler, afterCommit: (f: () => void) => void) {
  return db.transaction(async (tx) => {
    // statement_timestamp(), not clock_timestamp(): a volatile bound cannot limit the index scan,
    // which would then read every pending timer (a reservation's expiry each) to find none due.
    const [timer] = await tx.query<{ id: string; message: Message }>(
      `SELECT id::text AS id, message FROM scheduled_commands
       WHERE fired_at IS NULL AND due_at <= statement_timestamp()
       ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    if (!timer) return false;
    await handler({ db: tx, afterCommit }, timer.message, timer.id).catch((error: unknown) => {
      throw new TimerError(timer.id, timer.message.type, error);
    });
    await tx.query('UPDATE scheduled_commands SET fired_at = clock_timestamp() WHERE id = $1::uuid', [timer.id]);
    return true;
  });
}

/** A timer that failed through no fault of its own (a lost race, a lost connection) goes again soon. */
export async function retryTimerSoon(db: Db, failed: TimerError, delayMs: number): Promise<void> {
  await db.query(
    `UPDATE scheduled_commands SET due_at = clock_timestamp() + $2::integer * interval '1 millisecond'
     WHERE id = $1::uuid AND fired_at IS NULL`,
    [failed.timerId, Math.round(delayMs)],
  );
}

/**
 * A timer whose handler failed is postponed (doubling from `baseMs`, at most `capMs`), so that it
 * holds up no other; its failures are counted in its row, shared by every process and kept
 * across restarts. Returns the failures so far.
 */
export async function postponeFailedTimer(db: Db, failed: TimerError, baseMs: number, capMs: number): Promise<number> {
  const [row] = await db.query<{ attempts: number }>(
    `UPDATE scheduled_commands
     SET attempts = attempts + 1, last_error = $2,
         due_at = clock_timestamp() + least($4::float8, $3::float8 * power(2, attempts)) * interval '1 millisecond'
     WHERE id = $1::uuid AND fired_at IS NULL RETURNING attempts`,
    [failed.timerId, failed.message, baseMs, capMs],
  );
  return row?.attempts ?? 0;
}

/** A timer whose handler keeps failing is parked beside the dead events and no longer due; false when another runner fired it. */
export async function deadLetterTimer(db: Db, failed: TimerError, attempts: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Another runner may have fired it after all in the meantime: then there is nothing to park.
    const parked = await tx.query(
      'UPDATE scheduled_commands SET fired_at = clock_timestamp() WHERE id = $1::uuid AND fired_at IS NULL RETURNING id',
      [failed.timerId],
    );
    if (parked.length === 0) return false;
    await tx.query(
      `INSERT INTO dead_letters (subscription, global_position, event_id, event_type, error, stack, attempts)
       VALUES ('timers', 0, $1::uuid, $2, $3, $4, $5)`,
      [failed.timerId, failed.messageType, failed.message, failed.failureStack, attempts],
    );
    return true;
  });
}

/** Milliseconds until the next unfired timer is due (0 when one is overdue), or null when there is none. */
export async function msUntilNextTimer(db: Db): Promise<number | null> {
  const [row] = await db.query<{ ms: number | null }>(
    `SELECT (extract(epoch FROM min(due_at) - clock_timestamp()) * 1000)::float8 AS ms
     FROM scheduled_commands WHERE fired_at IS NULL`,
  );
  return row?.ms == null ? null : Math.max(0, row.ms);
}

import type { Db } from '../db/client';

export type DeadLetterRow = {
  readonly id: string;
  readonly subscription: string;
  readonly globalPosition: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly error: string;
  readonly stack: string | null;
  readonly attempts: number;
  readonly createdAt: string;
};

/** Timers park their failing message under this name (see deadLetterTimer). */
const timers = 'timers';

const columns = `id::text AS id, subscription, global_position::text AS "globalPosition", event_id::text AS "eventId",
  event_type AS "eventType", error, stack, attempts, created_at::text AS "createdAt"`;

/** The parked events no operator has decided on yet, oldest first. */
export function openDeadLetters(db: Db): Promise<DeadLetterRow[]> {
  return db.query<DeadLetterRow>(`SELECT ${columns} FROM dead_letters WHERE resolved_at IS NULL ORDER BY id`);
}

export async function openDeadLetter(db: Db, id: string): Promise<DeadLetterRow | null> {
  const [row] = await db.query<DeadLetterRow>(`SELECT ${columns} FROM dead_letters WHERE id = $1::bigint AND resolved_at IS NULL`, [id]);
  return row ?? null;
}

/**
 * Carries out an operator's decision, in the transaction that records it as an event. Retry:
 * the subscription runs again from where it stopped, so the event is tried again (a timer is
 * due again at once). Skip: the checkpoint moves past the event first, and only forward.
 */
export async function applyDeadLetterDecision(tx: Db, letter: DeadLetterRow, decision: 'retry' | 'skip'): Promise<void> {
  await tx.query(`UPDATE dead_letters SET resolved_at = clock_timestamp(), resolution = $2 WHERE id = $1::bigint`, [letter.id, decision]);
  if (letter.subscription === timers) {
    if (decision === 'retry') {
      await tx.query(`UPDATE scheduled_commands SET fired_at = NULL, attempts = 0, last_error = NULL, due_at = clock_timestamp() WHERE id = $1::uuid`, [letter.eventId]);
    }
    return;
  }
  if (decision === 'skip') {
    await tx.query(
      `UPDATE subscriptions s SET checkpoint_transaction_id = e.transaction_id, checkpoint_position = e.global_position
       FROM events e
       WHERE s.name = $1 AND e.global_position = $2::bigint
         AND (s.checkpoint_transaction_id, s.checkpoint_position) < (e.transaction_id, e.global_position)`,
      [letter.subscription, letter.globalPosition],
    );
  }
  await tx.query(
    `UPDATE subscriptions SET status = 'running', last_error = NULL, lease_owner = NULL, lease_expires_at = NULL, updated_at = clock_timestamp()
     WHERE name = $1 AND status = 'stopped'`,
    [letter.subscription],
  );
}

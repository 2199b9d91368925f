import type { Db } from '../db/client';
import type { Checkpoint, StoredEvent } from '../event-store/types';

export type Lease = { readonly checkpoint: Checkpoint };

export async function ensureSubscriptions(db: Db, names: readonly string[]): Promise<void> {
  await db.query(
    `INSERT INTO subscriptions (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`,
    [names],
  );
}

/**
 * Takes the subscription's row for this batch: locked for the transaction (another runner
 * mid-batch is skipped, not waited for) and leased to `owner` past it, so that between batches
 * the subscription stays with one runner until its lease runs out (a crashed runner's does).
 */
export async function takeLease(db: Db, name: string, owner: string): Promise<Lease | null> {
  const [row] = await db.query<{ transaction_id: string; position: string }>(
    `SELECT checkpoint_transaction_id::text AS transaction_id, checkpoint_position::text AS position
     FROM subscriptions
     WHERE name = $1 AND status = 'running'
       AND (lease_owner IS NULL OR lease_owner = $2 OR lease_expires_at < clock_timestamp())
     FOR UPDATE SKIP LOCKED`,
    [name, owner],
  );
  return row ? { checkpoint: { transactionId: row.transaction_id, position: row.position } } : null;
}

export async function advance(
  db: Db,
  name: string,
  owner: string,
  leaseMs: number,
  last: StoredEvent | undefined,
): Promise<void> {
  await db.query(
    `UPDATE subscriptions SET lease_owner = $2,
       lease_expires_at = clock_timestamp() + $3::integer * interval '1 millisecond',
       checkpoint_transaction_id = coalesce($4::xid8, checkpoint_transaction_id),
       checkpoint_position = coalesce($5::bigint, checkpoint_position),
       last_event_recorded_at = coalesce($6::timestamptz, last_event_recorded_at),
       updated_at = clock_timestamp()
     WHERE name = $1`,
    [name, owner, leaseMs, last?.transactionId ?? null, last?.globalPosition ?? null, last?.recordedAt ?? null],
  );
}

/** Parks a poison event and stops the subscription: an ordered read model must not skip it. */
export async function deadLetter(
  db: Db,
  name: string,
  event: StoredEvent,
  error: string,
  attempts: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO dead_letters (subscription, global_position, event_id, event_type, error, attempts)
       VALUES ($1, $2::bigint, $3::uuid, $4, $5, $6)`,
      [name, event.globalPosition, event.eventId, event.type, error, attempts],
    );
    await tx.query(
      `UPDATE subscriptions SET status = 'stopped', last_error = $2, lease_owner = NULL,
         updated_at = clock_timestamp() WHERE name = $1`,
      [name, `${event.type} at ${event.globalPosition}: ${error}`],
    );
  });
}

/** Back to the start of the feed (the subscription's own tables are reset by the caller). */
export async function resetCheckpoint(db: Db, name: string): Promise<void> {
  await db.query(
    `UPDATE subscriptions SET checkpoint_transaction_id = '0'::xid8, checkpoint_position = 0,
       status = 'running', last_error = NULL, updated_at = clock_timestamp() WHERE name = $1`,
    [name],
  );
}

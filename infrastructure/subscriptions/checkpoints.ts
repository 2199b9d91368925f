import type { Db } from '../db/client';
import { readFeedAfter, type FeedPage } from '../event-store/read';
import type { Checkpoint, StoredEvent } from '../event-store/types';

export async function ensureSubscriptions(db: Db, names: readonly string[]): Promise<void> {
  await db.query(
    `INSERT INTO subscriptions (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING`,
    [names],
  );
}

/**
 * The lease was taken over (this runner was frozen or cut off past it), or the checkpoint moved
 * while the batch ran (a rebuilt table swapped in, a runner that read it just before another
 * committed): its batch must not commit.
 */
export class LeaseLost extends Error {
  constructor(readonly subscription: string) {
    super(`The lease of ${subscription} is no longer this runner's, or its checkpoint moved during the batch`);
    this.name = 'LeaseLost';
  }
}

/**
 * Takes the subscription for this batch, and reads its next page in the same round trip: an
 * advisory lock for the transaction (another runner mid-batch is skipped, not waited for) and the
 * lease, which keeps it with one runner between batches until it runs out (a crashed runner's
 * does). Nothing here writes, so the batch draws no transaction id until it writes at its end: a
 * batch in progress holds no reader of the feed back.
 */
export async function takeLeaseAndRead(
  db: Db,
  name: string,
  owner: string,
  limit: number,
  types?: readonly string[],
): Promise<{ page: FeedPage; from: Checkpoint; heldForMs: number } | null> {
  const read = await readFeedAfter(
    db,
    {
      sql: `SELECT checkpoint_transaction_id AS transaction_id, checkpoint_position AS position,
              pg_try_advisory_xact_lock(hashtextextended(current_schema() || '/subscription/' || name, 0)) AS taken,
              CASE WHEN lease_owner = $2 THEN greatest(0, extract(epoch FROM lease_expires_at - clock_timestamp()) * 1000)::float8 ELSE 0 END AS extra
            FROM subscriptions
            WHERE name = $1 AND status = 'running'
              AND (lease_owner IS NULL OR lease_owner = $2 OR lease_expires_at < clock_timestamp())`,
      params: [name, owner],
    },
    limit,
    types,
  );
  if (!read) return null;
  // How long this runner's lease still runs (0 when it had none): a batch with no news renews only a fading one.
  return { page: read.page, from: read.from, heldForMs: Number(read.extra) };
}

/** A runner stopping hands its subscriptions over at once instead of when its leases run out. */
export async function releaseLeases(db: Db, owner: string): Promise<void> {
  await db.query(`UPDATE subscriptions SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = $1`, [owner]);
}

/**
 * Moves the checkpoint past the batch and renews the lease, only while the lease is still this
 * runner's and the checkpoint is where the batch read it (fencing): a runner that was frozen past
 * its lease finds another holds it, and a batch that read a checkpoint since moved (its read
 * began just before another batch or a rebuild's swap committed) finds it elsewhere. Either
 * batch is rolled back instead of committing what was done already, or moving the checkpoint back.
 */
export async function advance(
  db: Db,
  name: string,
  owner: string,
  leaseMs: number,
  { from, through, last }: { from: Checkpoint; through: Checkpoint | null; last: StoredEvent | undefined },
): Promise<void> {
  const updated = await db.query(
    `UPDATE subscriptions SET lease_owner = $2,
       lease_expires_at = clock_timestamp() + $3::integer * interval '1 millisecond',
       checkpoint_transaction_id = coalesce($4::xid8, checkpoint_transaction_id),
       checkpoint_position = coalesce($5::bigint, checkpoint_position),
       last_event_recorded_at = coalesce($6::timestamptz, last_event_recorded_at),
       updated_at = clock_timestamp()
     WHERE name = $1 AND status = 'running' AND (lease_owner IS NULL OR lease_owner = $2 OR lease_expires_at < clock_timestamp())
       AND checkpoint_transaction_id = $7::xid8 AND checkpoint_position = $8::bigint
     RETURNING 1`,
    [name, owner, leaseMs, through?.transactionId ?? null, through?.position ?? null, last?.recordedAt ?? null, from.transactionId, from.position],
  );
  if (updated.length === 0) throw new LeaseLost(name);
}

/** Parks a poison event and stops the subscription: an ordered read model must not skip it. */
export async function deadLetter(
  db: Db,
  name: string,
  event: StoredEvent,
  failure: { readonly message: string; readonly stack: string | null },
  attempts: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO dead_letters (subscription, global_position, event_id, event_type, error, stack, attempts)
       VALUES ($1, $2::bigint, $3::uuid, $4, $5, $6, $7)`,
      [name, event.globalPosition, event.eventId, event.type, failure.message, failure.stack, attempts],
    );
    await tx.query(
      `UPDATE subscriptions SET status = 'stopped', last_error = $2, lease_owner = NULL,
         updated_at = clock_timestamp() WHERE name = $1`,
      [name, `${event.type} at ${event.globalPosition}: ${failure.message}`],
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

import type { Db } from '../db/client';
import type { Subscription } from './batch';

/** A rebuild's shadow subscription: the same projection, writing into tables beside the live ones. */
export const shadowName = (name: string) => `${name}:next`;
export const shadowTable = (table: string) => `${table}_next`;

/** The advisory lock a batch of this subscription holds (see takeLeaseAndRead). */
const batchLock = `pg_try_advisory_xact_lock(hashtextextended(current_schema() || '/subscription/' || $1, 0))`;

export class RebuildInProgress extends Error {
  override name = 'RebuildInProgress';
}

/**
 * Starts a blue/green rebuild: an empty copy of the live table (same columns and indexes) and a
 * shadow subscription from the start of the feed. The live table keeps serving and keeps being
 * updated until the shadow has caught up, when `swapWhenCaughtUp` puts the new table in its place.
 */
export async function startRebuild(db: Db, subscription: Subscription): Promise<void> {
  const { table } = subscription.rebuild ?? {};
  if (!table) throw new Error(`${subscription.name} cannot be rebuilt`);
  await db.transaction(async (tx) => {
    const [running] = await tx.query(`SELECT 1 FROM subscriptions WHERE rebuild_of = $1`, [subscription.name]);
    if (running) throw new RebuildInProgress(`${subscription.name} is being rebuilt already`);
    await tx.query(`DROP TABLE IF EXISTS ${shadowTable(table)}`);
    await tx.query(`CREATE TABLE ${shadowTable(table)} (LIKE ${table} INCLUDING ALL)`);
    await tx.query(`INSERT INTO subscriptions (name, rebuild_of) VALUES ($1, $2)`, [shadowName(subscription.name), subscription.name]);
  });
}

type Checkpoints = { shadow_ahead: boolean | null };

/**
 * Puts the rebuilt table in place of the live one, in one transaction, once the shadow is at or
 * past the live subscription's checkpoint: no batch of either runs meanwhile (their locks are
 * held here), and the live subscription goes on from the shadow's checkpoint. The new table and
 * its indexes take the live ones' names, so later migrations find what they expect. False when
 * it is not the moment (behind, a batch running, a reader holding the table past the lock timeout).
 */
export async function swapWhenCaughtUp(db: Db, subscription: Subscription): Promise<boolean> {
  const { table } = subscription.rebuild ?? {};
  if (!table) return false;
  const [live, shadow] = [subscription.name, shadowName(subscription.name)];
  return db
    .transaction(async (tx) => {
      const [locked] = await tx.query<{ live: boolean; shadow: boolean }>(
        `SELECT ${batchLock} AS live, ${batchLock.replace('$1', '$2')} AS shadow`,
        [live, shadow],
      );
      if (!locked?.live || !locked.shadow) return false;
      const [position] = await tx.query<Checkpoints>(
        `SELECT (s.checkpoint_transaction_id, s.checkpoint_position) >= (l.checkpoint_transaction_id, l.checkpoint_position) AS shadow_ahead
         FROM subscriptions s, subscriptions l WHERE s.name = $2 AND s.status = 'running' AND l.name = $1 FOR UPDATE`,
        [live, shadow],
      );
      if (!position?.shadow_ahead) return false;
      await tx.query(`SET LOCAL lock_timeout = '2s'`);
      const renames = await indexRenames(tx, table);
      await tx.query(`DROP TABLE ${table}`);
      await tx.query(`ALTER TABLE ${shadowTable(table)} RENAME TO ${table}`);
      for (const { built, original } of renames) await tx.query(`ALTER INDEX ${built} RENAME TO ${original}`);
      await tx.query(
        `UPDATE subscriptions l SET checkpoint_transaction_id = s.checkpoint_transaction_id, checkpoint_position = s.checkpoint_position,
           last_event_recorded_at = s.last_event_recorded_at, updated_at = clock_timestamp()
         FROM subscriptions s WHERE l.name = $1 AND s.name = $2`,
        [live, shadow],
      );
      await tx.query(`DELETE FROM subscriptions WHERE name = $1`, [shadow]);
      return true;
    })
    .catch((error: unknown) => {
      // 55P03: a reader held the table past the lock timeout; the next caught-up batch tries again.
      if ((error as { code?: string }).code === '55P03') return false;
      throw error;
    });
}

/** Each index of the shadow table with the name of the live index it matches by definition. */
function indexRenames(tx: Db, table: string) {
  const anonymous = `regexp_replace(indexdef, 'INDEX \\S+ ON \\S+', 'INDEX ON')`;
  return tx.query<{ built: string; original: string }>(
    `SELECT n.indexname AS built, o.indexname AS original
     FROM pg_indexes o JOIN pg_indexes n ON n.schemaname = o.schemaname AND n.tablename = $2
       AND ${anonymous.replace('indexdef', 'n.indexdef')} = ${anonymous.replace('indexdef', 'o.indexdef')}
     WHERE o.schemaname = current_schema() AND o.tablename = $1`,
    [table, shadowTable(table)],
  );
}

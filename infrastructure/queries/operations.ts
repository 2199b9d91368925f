import type { Database, Db } from '../db/client';
import { applicationSubscriptions } from '../subscriptions/application';
import { openDeadLetters } from '../subscriptions/dead-letters';

/** A blue/green rebuild under way: how much of the feed its shadow has applied, and when it should be done. */
export type RebuildProgress = { readonly done: number; readonly total: number; readonly etaSeconds: number | null };

export type SubscriptionState = {
  readonly name: string;
  readonly status: 'running' | 'stopped';
  /** Whether a runner holds its lease now (a running subscription nobody runs is not running). */
  readonly leased: boolean;
  readonly leaseOwner: string | null;
  readonly checkpointPosition: string;
  readonly lagEvents: number;
  readonly lagSeconds: number | null;
  readonly lastError: string | null;
  readonly rebuild: RebuildProgress | null;
  /** A projection that can be rebuilt beside its live tables. */
  readonly rebuildable: boolean;
};

/**
 * Stopped when parked on a dead letter, and also when no runner holds it: a subscription nobody
 * runs falls behind just the same. Rebuilding while a shadow builds its tables anew.
 */
export function statusOf(s: SubscriptionState): { status: 'running' | 'stopped' | 'rebuilding'; reason: string | null } {
  if (s.status === 'stopped') return { status: 'stopped', reason: s.lastError };
  if (!s.leased) return { status: 'stopped', reason: 'No runner holds it.' };
  return { status: s.rebuild ? 'rebuilding' : 'running', reason: null };
}

/** Each subscription reads only its own event types: its lag counts only those (a shadow's, its live one's). */
const eventTypesOf = () => applicationSubscriptions.map((s) => ({ name: s.name, types: s.eventTypes ?? null }));

type Row = Omit<SubscriptionState, 'rebuild' | 'rebuildable'> & { rebuildOf: string | null; totalEvents: number; elapsedSeconds: number };

function progressOf(shadow: Row | undefined): RebuildProgress | null {
  if (!shadow) return null;
  const done = shadow.totalEvents - shadow.lagEvents;
  const etaSeconds = done > 0 ? (shadow.lagEvents * shadow.elapsedSeconds) / done : null;
  return { done, total: shadow.totalEvents, etaSeconds };
}

/** Every subscription with its lag (events past its checkpoint, in commit order, and the oldest one's age) and any rebuild's progress. */
export async function subscriptionStates(db: Db): Promise<SubscriptionState[]> {
  const rows = await db.query<Row>(
    `SELECT s.name, s.status, s.lease_owner AS "leaseOwner", s.checkpoint_position::text AS "checkpointPosition",
       s.last_error AS "lastError", s.rebuild_of AS "rebuildOf",
       coalesce(s.lease_expires_at > clock_timestamp(), false) AS leased,
       extract(epoch FROM clock_timestamp() - s.started_at)::float8 AS "elapsedSeconds",
       lag.events AS "lagEvents", lag.seconds AS "lagSeconds", total.events AS "totalEvents"
     FROM subscriptions s
     LEFT JOIN jsonb_to_recordset($1::jsonb) AS t(name text, types text[]) ON t.name = coalesce(s.rebuild_of, s.name)
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS events, extract(epoch FROM clock_timestamp() - min(e.recorded_at))::float8 AS seconds
       FROM events e
       WHERE (e.transaction_id, e.global_position) > (s.checkpoint_transaction_id, s.checkpoint_position)
         AND (t.types IS NULL OR e.type = ANY(t.types))
     ) lag
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS events FROM events e WHERE s.rebuild_of IS NOT NULL AND (t.types IS NULL OR e.type = ANY(t.types))
     ) total
     ORDER BY s.name`,
    [eventTypesOf()],
  );
  const shadows = new Map(rows.filter((row) => row.rebuildOf).map((row) => [row.rebuildOf, row]));
  return rows
    .filter((row) => !row.rebuildOf)
    .map(({ rebuildOf: _, totalEvents: __, elapsedSeconds: ___, ...live }) => ({
      ...live,
      rebuild: progressOf(shadows.get(live.name)),
      rebuildable: applicationSubscriptions.some((s) => s.name === live.name && s.rebuild !== undefined),
    }));
}

export type OldestTransaction = { readonly pid: number; readonly ageSeconds: number; readonly applicationName: string };

/**
 * The oldest transaction holding a transaction id for more than a second: until it ends, no
 * reader of the feed sees what was committed after it began (DESIGN §3). Server PostgreSQL only.
 */
export async function oldestOpenTransaction(db: Database): Promise<OldestTransaction | null> {
  if (db.kind !== 'postgres') return null;
  const [row] = await db.query<OldestTransaction>(
    `SELECT pid, extract(epoch FROM clock_timestamp() - xact_start)::float8 AS "ageSeconds", application_name AS "applicationName"
     FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
       AND xact_start < clock_timestamp() - interval '1 second'
     ORDER BY xact_start LIMIT 1`,
  );
  return row ?? null;
}

export type TimerCounts = { readonly pending: number; readonly due: number; readonly overdue: number };

/** Timers not fired yet; overdue ones are past their time by more than the second expiry allows (DESIGN §8). */
export async function timerCounts(db: Db): Promise<TimerCounts> {
  const [row] = await db.query<TimerCounts>(
    `SELECT count(*)::int AS pending,
       count(*) FILTER (WHERE due_at <= clock_timestamp())::int AS due,
       count(*) FILTER (WHERE due_at < clock_timestamp() - interval '1 second')::int AS overdue
     FROM scheduled_commands WHERE fired_at IS NULL`,
  );
  return row ?? { pending: 0, due: 0, overdue: 0 };
}

/** Everything the operator's console shows, read at once. */
export async function operationsView(db: Database) {
  const [subscriptions, oldestTransaction, timers, deadLetters] = await Promise.all([
    subscriptionStates(db), oldestOpenTransaction(db), timerCounts(db), openDeadLetters(db),
  ]);
  return { subscriptions, oldestTransaction, timers, deadLetters };
}

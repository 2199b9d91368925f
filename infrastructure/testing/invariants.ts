import { seatsAvailabilityEvents } from '@/domain/registration/seats-availability';
import type { Db } from '../db/client';
import { checkpointOf, readAll } from '../event-store/read';
import { startOfFeed, type StoredEvent } from '../event-store/types';
import { conferencesProjection } from '../projections/conferences';
import { foldDocuments, type DocumentProjection, type VersionedDoc } from '../projections/document-projection';
import { ordersProjection } from '../projections/orders';
import { promoCodesProjection } from '../projections/promo-codes';
import { seatAllocationProjection, type AllocationDoc } from '../projections/seat-allocation';
import { seatAssignmentsProjection } from '../projections/seat-assignments';
import { waitingListProjection } from '../projections/waiting-list';

/**
 * What must hold after any run, however many processes were killed, frozen or cut off: checked
 * against the database, each a list of what breaks it (empty when it holds). Used by the fault
 * tests and by `npm run chaos`.
 */
export type Violations = Readonly<Record<string, readonly string[]>>;

/** Every acknowledged order is in the store exactly once. */
async function acknowledgedOnce(db: Db, acknowledged: readonly string[]) {
  const rows = await db.query<{ order_id: string; placed: number }>(
    `SELECT id AS order_id, (SELECT count(*)::int FROM events WHERE type = 'OrderPlaced' AND data->>'orderId' = id) AS placed
     FROM unnest($1::text[]) AS id`,
    [acknowledged],
  );
  return rows.filter((row) => row.placed !== 1).map((row) => `order ${row.order_id} placed ${row.placed} times`);
}

/** No command was applied twice: a command's events come from one transaction. */
async function commandsOnce(db: Db) {
  const rows = await db.query<{ command_id: string; transactions: number }>(
    `SELECT metadata->>'commandId' AS command_id, count(DISTINCT transaction_id)::int AS transactions
     FROM events WHERE metadata->>'commandId' IS NOT NULL GROUP BY 1 HAVING count(DISTINCT transaction_id) > 1`,
  );
  return rows.map((row) => `command ${row.command_id} applied in ${row.transactions} transactions`);
}

/**
 * Per seat type, no hold is ever granted past the quota: replayed event by event, after every
 * `SeatsReserved` or offer to the waiting line that took seats of a type, reserved + sold ≤ quota for it. (An organizer may
 * lower a quota below what is taken; that is not a sale.)
 */
function neverOversold(events: readonly StoredEvent[]) {
  const docs = new Map<string, AllocationDoc | null>();
  const violations: string[] = [];
  for (const event of events) {
    const key = seatAllocationProjection.keyOf(event);
    if (key === null) continue;
    const doc = seatAllocationProjection.evolve(docs.get(key) ?? null, event);
    docs.set(key, doc);
    if (!doc || !seatsAvailabilityEvents.is(event)) continue;
    const taken = event.type === 'SeatsReserved' ? event.data.availableSeatsChanged.filter((change) => change.quantity < 0)
      : event.type === 'SeatsOfferedToWaitingLine' ? event.data.seats : [];
    for (const row of doc.seatTypes) {
      const took = taken.some((change) => change.seatTypeId === row.seatTypeId);
      if (took && row.reserved + row.sold > row.quota) violations.push(`${key}/${row.seatTypeId} at ${event.globalPosition}: ${row.reserved} + ${row.sold} > ${row.quota}`);
    }
  }
  return violations;
}

/**
 * The feed gives every stream's events in the stream's own order (drizzle/0011): a reader that
 * folds a stream as the feed delivers it folds it as its aggregate did.
 */
function streamsInFeedOrder(events: readonly StoredEvent[]) {
  const last = new Map<string, number>();
  const violations: string[] = [];
  for (const event of events) {
    const previous = last.get(event.streamId) ?? 0;
    if (event.streamPosition !== previous + 1) violations.push(`${event.streamId} v${event.streamPosition} after v${previous} at ${event.globalPosition}`);
    last.set(event.streamId, event.streamPosition);
  }
  return violations;
}

/** The last event of the feed, in commit order: where every checkpoint ends up (the start when there is none). */
export async function feedHead(db: Db): Promise<{ tx: string; position: string }> {
  const [head] = await db.query<{ tx: string; position: string }>(
    'SELECT transaction_id::text AS tx, global_position::text AS position FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1',
  );
  return head ?? { tx: '0', position: '0' };
}

/** Every subscription runs, at the head of the feed, and nothing is dead-lettered (beyond what a run injected). */
async function caughtUp(db: Db, expectedDeadLetters: number) {
  const head = await feedHead(db);
  const behind = await db.query<{ name: string; status: string }>(
    `SELECT name, status FROM subscriptions WHERE status <> 'running' OR (checkpoint_transaction_id, checkpoint_position) < ($1::xid8, $2::bigint)`,
    [head.tx, head.position],
  );
  const [{ dead }] = (await db.query<{ dead: number }>('SELECT count(*)::int AS dead FROM dead_letters')) as [{ dead: number }];
  return [
    ...behind.map((row) => `subscription ${row.name} is ${row.status === 'running' ? 'behind the head' : row.status}`),
    ...(dead === expectedDeadLetters ? [] : [`${dead} dead letters, ${expectedDeadLetters} expected`]),
  ];
}

/**
 * Seats are held by the orders that hold them, and by no others: per seat type, the allocation's
 * reserved count is what the reserved orders hold (an expired order's seats went back).
 */
async function holdsAccountedFor(db: Db) {
  const rows = await db.query<{ conference_id: string; seat_type_id: string; allocated: number; held: number }>(
    `WITH allocated AS (
       SELECT a.conference_id, t->>'seatTypeId' AS seat_type_id, (t->>'reserved')::int AS allocated
       FROM rm_seat_allocation a, jsonb_array_elements(a.doc->'seatTypes') t),
     held AS (
       SELECT o.conference_id, r->>'seatTypeId' AS seat_type_id, sum((r->>'quantity')::int)::int AS held
       FROM rm_orders o, jsonb_array_elements(o.doc->'reserved') r WHERE o.status = 'reserved' GROUP BY 1, 2)
     SELECT allocated.*, coalesce(held.held, 0) AS held FROM allocated
     LEFT JOIN held USING (conference_id, seat_type_id) WHERE allocated.allocated <> coalesce(held.held, 0)`,
  );
  return rows.map((row) => `${row.conference_id}/${row.seat_type_id}: ${row.allocated} reserved, orders hold ${row.held}`);
}

/** Every timer fired or cancelled: none still due. */
async function timersDone(db: Db) {
  const rows = await db.query<{ id: string }>('SELECT id::text FROM scheduled_commands WHERE fired_at IS NULL AND due_at < clock_timestamp()');
  return rows.map((row) => `timer ${row.id} is overdue`);
}

const documentProjections: readonly { projection: DocumentProjection<VersionedDoc>; table: string; key: string }[] = [
  conferencesProjection, ordersProjection, seatAllocationProjection, seatAssignmentsProjection, promoCodesProjection, waitingListProjection,
].map((projection) => ({ projection: projection as unknown as DocumentProjection<VersionedDoc>, table: projection.table, key: projection.keyColumn }));

/** Every read model equals a rebuild from zero of the same events (folded here, in memory). */
async function readModelsRebuild(db: Db, events: readonly StoredEvent[]) {
  const differences: string[] = [];
  for (const { projection, table, key } of documentProjections) {
    const rebuilt = new Map<string, VersionedDoc | null>();
    foldDocuments(projection, rebuilt, events);
    const stored = new Map((await db.query<{ key: string; doc: VersionedDoc }>(`SELECT ${key} AS key, doc FROM ${table}`)).map((row) => [row.key, row.doc]));
    for (const id of new Set([...rebuilt.keys(), ...stored.keys()])) {
      const [a, b] = [withoutFeedPlace(rebuilt.get(id)), withoutFeedPlace(stored.get(id))];
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${table} ${id} differs from its rebuild`);
    }
  }
  return differences;
}

/** The document as the read model shows it; key order normalised, the feed bookkeeping left out. */
function withoutFeedPlace(doc: VersionedDoc | null | undefined): unknown {
  if (!doc) return null;
  const { through: _through, ...rest } = doc as VersionedDoc & { through?: unknown };
  return sorted(rest);
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]));
  return value;
}

/** The whole feed, in the order subscriptions read it. */
async function everyEvent(db: Db) {
  const events: StoredEvent[] = [];
  for (let page = await readAll(db, startOfFeed, 5_000); page.length > 0; page = await readAll(db, checkpointOf(page.at(-1)!), 5_000)) {
    events.push(...page);
  }
  return events;
}

export async function checkInvariants(db: Db, run: { acknowledgedOrders: readonly string[]; deadLetters?: number }): Promise<Violations> {
  const events = await everyEvent(db);
  return {
    'acknowledged orders stored exactly once': await acknowledgedOnce(db, run.acknowledgedOrders),
    'no command applied twice': await commandsOnce(db),
    'never oversold': neverOversold(events),
    'every stream in order in the feed': streamsInFeedOrder(events),
    'every subscription at the head, no unexpected dead letter': await caughtUp(db, run.deadLetters ?? 0),
    'every timer fired or cancelled': await timersDone(db),
    'expired orders hold no seats': await holdsAccountedFor(db),
    'read models equal a rebuild': await readModelsRebuild(db, events),
  };
}

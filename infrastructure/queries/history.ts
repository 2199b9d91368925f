import { conferenceEvents } from '@/domain/conference/conference';
import type { Db } from '../db/client';
import { eventColumns, toStoredEvent } from '../event-store/read';
import type { StoredEvent } from '../event-store/types';
import { conferenceStream, availabilityStream, promoCodesStream } from '../commands/router';
import { evolveAllocation, type AllocationDoc } from '../projections/seat-allocation';
import { describeEvent, type Names } from './history-words';

export type HistoryEntry = {
  readonly eventId: string;
  readonly position: string;
  readonly at: string;
  readonly text: string;
};

async function historyOf(db: Db, conferenceId: string): Promise<StoredEvent[]> {
  const rows = await db.query<Parameters<typeof toStoredEvent>[0]>(
    `SELECT ${eventColumns} FROM events
     WHERE stream_id = ANY($1::text[])
        OR stream_id IN (SELECT 'order-' || order_id FROM rm_orders WHERE conference_id = $2)
        OR stream_id IN (SELECT 'waiting-list-entry-' || entry_id FROM rm_waiting_list WHERE conference_id = $2)
     ORDER BY events.transaction_id, events.global_position`,
    [[conferenceStream(conferenceId), availabilityStream(conferenceId), promoCodesStream(conferenceId)], conferenceId],
  );
  return rows.map((row) => toStoredEvent(row));
}

async function namesOf(db: Db, conferenceId: string, events: readonly StoredEvent[]): Promise<Names> {
  const seatTypes = new Map<string, string>();
  let currency = 'USD';
  for (const event of events) {
    if (!conferenceEvents.is(event)) continue;
    if (event.type === 'SeatTypeAdded' || event.type === 'SeatTypeUpdated') seatTypes.set(event.data.seatTypeId, event.data.name);
    if (event.type === 'ConferenceCreated') currency = event.data.currency;
  }
  const orders = await db.query<{ order_id: string; access_code: string }>(
    'SELECT order_id, access_code FROM rm_orders WHERE conference_id = $1',
    [conferenceId],
  );
  const entries = await db.query<{ entry_id: string; name: string }>(
    `SELECT entry_id, doc->>'firstName' || ' ' || (doc->>'lastName') AS name FROM rm_waiting_list WHERE conference_id = $1`,
    [conferenceId],
  );
  return {
    seatTypes, currency,
    orders: new Map(orders.map((o) => [o.order_id, o.access_code])),
    entries: new Map(entries.map((e) => [e.entry_id, e.name])),
  };
}

/**
 * The allocation right after a past event: the projection's own evolve over the events up to
 * it, and over what it directly caused (publishing puts the seats on sale a moment later, in
 * the availability stream, but a person reads both as one step).
 */
function allocationAfter(events: readonly StoredEvent[], index: number): AllocationDoc | null {
  const { eventId } = events[index]!;
  const consequences = events.slice(index + 1).filter((event) => event.metadata.causationId === eventId);
  return [...events.slice(0, index + 1), ...consequences].reduce<AllocationDoc | null>(evolveAllocation, null);
}

export type ConferenceHistory = {
  readonly entries: readonly HistoryEntry[];
  readonly asOf: { readonly entry: HistoryEntry; readonly allocation: AllocationDoc | null } | null;
};

/**
 * The conference's and its orders' events in commit order, in words a person reads, and, for
 * the event `asOfEventId`, the allocation right after it: both from one read of the events.
 */
export async function conferenceHistory(db: Db, conferenceId: string, asOfEventId?: string): Promise<ConferenceHistory> {
  const events = await historyOf(db, conferenceId);
  const names = await namesOf(db, conferenceId, events);
  const entries: HistoryEntry[] = [];
  let asOf: ConferenceHistory['asOf'] = null;
  events.forEach((event, index) => {
    const text = describeEvent(event, names);
    if (!text) return;
    const entry = { eventId: event.eventId, position: event.globalPosition, at: event.recordedAt.toISOString(), text };
    entries.push(entry);
    if (event.eventId === asOfEventId) asOf = { entry, allocation: allocationAfter(events, index) };
  });
  return { entries, asOf };
}

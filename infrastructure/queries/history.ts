import type { Db } from '../db/client';
import { readStream, eventColumns, toStoredEvent } from '../event-store/read';
import type { StoredEvent } from '../event-store/types';
import { conferenceStream, availabilityStream } from '../commands/router';
import { evolveAllocation, type AllocationDoc } from '../projections/seat-allocation';
import { describeEvent, type Names } from './history-words';

export type HistoryEntry = {
  readonly eventId: string;
  readonly position: string;
  readonly at: string;
  readonly text: string;
};

async function conferenceEvents(db: Db, conferenceId: string): Promise<StoredEvent[]> {
  const rows = await db.query<Parameters<typeof toStoredEvent>[0]>(
    `SELECT ${eventColumns} FROM events
     WHERE stream_id = ANY($1::text[])
        OR stream_id IN (SELECT 'order-' || order_id FROM rm_orders WHERE conference_id = $2)
     ORDER BY events.transaction_id, events.global_position`,
    [[conferenceStream(conferenceId), availabilityStream(conferenceId)], conferenceId],
  );
  return rows.map((row) => toStoredEvent(row));
}

async function namesOf(db: Db, conferenceId: string): Promise<Names> {
  const seatTypes = new Map<string, string>();
  for (const event of await readStream(db, conferenceStream(conferenceId))) {
    const data = event.data as { seatTypeId?: string; name?: string };
    if ((event.type === 'SeatTypeAdded' || event.type === 'SeatTypeUpdated') && data.seatTypeId && data.name) {
      seatTypes.set(data.seatTypeId, data.name);
    }
  }
  const orders = await db.query<{ order_id: string; access_code: string }>(
    'SELECT order_id, access_code FROM rm_orders WHERE conference_id = $1',
    [conferenceId],
  );
  return { seatTypes, orders: new Map(orders.map((o) => [o.order_id, o.access_code])) };
}

/** The conference's and its orders' events, oldest first, in words a person reads. */
export async function conferenceHistory(db: Db, conferenceId: string): Promise<HistoryEntry[]> {
  const [events, names] = await Promise.all([conferenceEvents(db, conferenceId), namesOf(db, conferenceId)]);
  return events.flatMap((event) => {
    const text = describeEvent(event, names);
    return text ? [{ eventId: event.eventId, position: event.globalPosition, at: event.recordedAt.toISOString(), text }] : [];
  });
}

/**
 * The allocation right after a past event: the projection's own evolve over the events up to
 * it, and over what it directly caused (publishing puts the seats on sale a moment later, in
 * the availability stream, but a person reads both as one step).
 */
export async function allocationAsOf(db: Db, conferenceId: string, eventId: string): Promise<AllocationDoc | null> {
  const events = await conferenceEvents(db, conferenceId);
  const index = events.findIndex((event) => event.eventId === eventId);
  if (index < 0) return null;
  const consequences = events.slice(index + 1).filter((event) => event.metadata.causationId === eventId);
  return [...events.slice(0, index + 1), ...consequences].reduce<AllocationDoc | null>(evolveAllocation, null);
}

import { conferenceEvents, type ConferenceEvent } from '@/domain/conference/conference';
import {
  seatsAvailabilityEvents, type SeatQuantity, type SeatsAvailabilityEvent,
} from '@/domain/registration/seats-availability';
import type { StoredEvent } from '../event-store/types';
import { documentSubscription, type DocumentProjection } from './document-projection';

export type SeatAllocation = {
  readonly seatTypeId: string;
  readonly name: string;
  readonly quota: number;
  readonly reserved: number;
  readonly sold: number;
  /** quota − reserved − sold: negative when a quota was lowered below what is taken. */
  readonly available: number;
};

export type AllocationDoc = {
  /** The availability stream's version. */
  readonly version: number;
  readonly conferenceId: string;
  readonly seatTypes: readonly SeatAllocation[];
  readonly lastChangeAt: string | null;
};

type Change = Partial<Record<'quota' | 'reserved' | 'sold', number>>;

function apply(doc: AllocationDoc, seats: readonly SeatQuantity[], change: (quantity: number) => Change): AllocationDoc {
  const seatTypes = doc.seatTypes.map((row) => {
    const quantity = seats.find((s) => s.seatTypeId === row.seatTypeId)?.quantity ?? 0;
    if (quantity === 0) return row;
    const delta = change(quantity);
    const next = {
      ...row,
      quota: row.quota + (delta.quota ?? 0),
      reserved: row.reserved + (delta.reserved ?? 0),
      sold: row.sold + (delta.sold ?? 0),
    };
    return { ...next, available: next.quota - next.reserved - next.sold };
  });
  return { ...doc, seatTypes };
}

function evolveAvailability(doc: AllocationDoc, event: StoredEvent<SeatsAvailabilityEvent>): AllocationDoc {
  const stamped = { ...doc, version: event.streamPosition, lastChangeAt: event.recordedAt.toISOString() };
  switch (event.type) {
    case 'AvailableSeatsChanged':
      return apply(stamped, event.data.seats, (q) => ({ quota: q }));
    case 'SeatsReserved':
    case 'SeatsReservationCancelled':
      // A negative change of the remaining seats is a hold taken, a positive one a hold released.
      return apply(stamped, event.data.availableSeatsChanged, (q) => ({ reserved: -q }));
    case 'SeatsReservationCommitted':
      return apply(stamped, event.data.seats, (q) => ({ reserved: -q, sold: q }));
    case 'SeatsOfferedToWaitingLine':
      // Held for the entry's order until it is paid or lapses.
      return apply(stamped, event.data.seats, (q) => ({ reserved: q }));
    case 'WaitingLineJoined':
      return stamped;
  }
}

/** Seat type rows and names follow the conference; counts follow the availability stream. */
function evolveSeatTypes(doc: AllocationDoc, event: StoredEvent<ConferenceEvent>): AllocationDoc {
  switch (event.type) {
    case 'SeatTypeAdded': {
      const { seatTypeId, name } = event.data;
      if (doc.seatTypes.some((row) => row.seatTypeId === seatTypeId)) return doc;
      return { ...doc, seatTypes: [...doc.seatTypes, { seatTypeId, name, quota: 0, reserved: 0, sold: 0, available: 0 }] };
    }
    case 'SeatTypeUpdated': {
      const { seatTypeId, name } = event.data;
      return { ...doc, seatTypes: doc.seatTypes.map((row) => (row.seatTypeId === seatTypeId ? { ...row, name } : row)) };
    }
    case 'SeatTypeRemoved':
      // Only an unpublished conference's seat types can go, and those never had seats counted.
      return { ...doc, seatTypes: doc.seatTypes.filter((row) => row.seatTypeId !== event.data.seatTypeId) };
    default:
      return doc;
  }
}

const emptyAllocation = (conferenceId: string): AllocationDoc => ({
  version: 0,
  conferenceId,
  seatTypes: [],
  lastChangeAt: null,
});

/** Pure: also folds a conference's history up to any past event ("as of this event"). */
export function evolveAllocation(doc: AllocationDoc | null, event: StoredEvent): AllocationDoc | null {
  if (seatsAvailabilityEvents.is(event)) {
    return evolveAvailability(doc ?? emptyAllocation(event.data.conferenceId), event);
  }
  if (!conferenceEvents.is(event)) return doc;
  const current = doc ?? emptyAllocation(event.data.conferenceId);
  const next = evolveSeatTypes(current, event);
  return next === current ? doc ?? current : next;
}

export const seatAllocationProjection: DocumentProjection<AllocationDoc> = {
  name: 'seat-allocation',
  table: 'rm_seat_allocation',
  keyColumn: 'conference_id',
  columns: {},
  columnsOf: () => ({}),
  eventTypes: [...seatsAvailabilityEvents.names, ...conferenceEvents.names],
  keyOf: (event) => (seatsAvailabilityEvents.is(event) || conferenceEvents.is(event) ? event.data.conferenceId : null),
  evolve: evolveAllocation,
};

export const seatAllocationSubscription = documentSubscription(seatAllocationProjection);

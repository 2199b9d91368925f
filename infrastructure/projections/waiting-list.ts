import { seatsAvailabilityEvents, type SeatQuantity } from '@/domain/registration/seats-availability';
import { waitingListEvents } from '@/domain/registration/waiting-list';
import type { StoredEvent } from '../event-store/types';
import { documentSubscription, type DocumentProjection } from './document-projection';

/** `joining` until the entry has its place in line; then whether the seats held for it were sold or let go. */
export type WaitingListStatus = 'joining' | 'waiting' | 'offered' | 'booked' | 'lapsed';

export type WaitingListEntryDoc = {
  /** The entry's own stream version (what joining it produced). */
  readonly version: number;
  readonly entryId: string;
  readonly conferenceId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  /** What the entry waits for. */
  readonly seats: readonly SeatQuantity[];
  /** Where in the conference's line it joined (the availability stream's position): lower is earlier. */
  readonly linePosition: number | null;
  readonly status: WaitingListStatus;
  /** The seats offered to it, once they were. */
  readonly offered: readonly SeatQuantity[] | null;
  readonly joinedAt: string;
};

function evolve(doc: WaitingListEntryDoc | null, event: StoredEvent): WaitingListEntryDoc | null {
  if (waitingListEvents.is(event)) {
    const { entryId, conferenceId, firstName, lastName, email, seats } = event.data;
    return {
      version: event.streamPosition, entryId, conferenceId, firstName, lastName, email, seats,
      linePosition: null, status: 'joining', offered: null, joinedAt: event.recordedAt.toISOString(),
    };
  }
  if (!doc) return null;
  if (!seatsAvailabilityEvents.is(event)) return doc;
  switch (event.type) {
    case 'WaitingLineJoined': return { ...doc, linePosition: event.streamPosition, status: doc.status === 'joining' ? 'waiting' : doc.status };
    case 'SeatsOfferedToWaitingLine': return { ...doc, status: 'offered', offered: event.data.seats };
    // The offer's hold is the entry's id: sold when its order was paid, let go when it expired unpaid.
    case 'SeatsReservationCommitted': return doc.status === 'offered' ? { ...doc, status: 'booked' } : doc;
    case 'SeatsReservationCancelled': return doc.status === 'offered' ? { ...doc, status: 'lapsed' } : doc;
    default: return doc;
  }
}

/** The events that speak of an entry, keyed by it (the hold offered to it has the entry's id). */
function keyOf(event: StoredEvent): string | null {
  if (waitingListEvents.is(event)) return event.data.entryId;
  if (!seatsAvailabilityEvents.is(event)) return null;
  switch (event.type) {
    case 'WaitingLineJoined': case 'SeatsOfferedToWaitingLine': return event.data.entryId;
    case 'SeatsReservationCommitted': case 'SeatsReservationCancelled': return event.data.reservationId;
    default: return null;
  }
}

/** One document per entry; a conference's line is its entries by `line_position`. */
export const waitingListProjection: DocumentProjection<WaitingListEntryDoc> = {
  name: 'waiting-list',
  table: 'rm_waiting_list',
  keyColumn: 'entry_id',
  columns: { conference_id: 'text', line_position: 'bigint', status: 'text' },
  columnsOf: (doc) => ({ conference_id: doc.conferenceId, line_position: doc.linePosition, status: doc.status }),
  eventTypes: ['WaitingListJoined', 'WaitingLineJoined', 'SeatsOfferedToWaitingLine', 'SeatsReservationCommitted', 'SeatsReservationCancelled'],
  keyOf,
  evolve,
};

export const waitingListSubscription = documentSubscription(waitingListProjection);

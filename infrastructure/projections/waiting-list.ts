import { orderEvents } from '@/domain/registration/order';
import { seatsAvailabilityEvents, type SeatQuantity } from '@/domain/registration/seats-availability';
import { waitingListEvents } from '@/domain/registration/waiting-list';
import type { StoredEvent } from '../event-store/types';
import { documentSubscription, type DocumentProjection } from './document-projection';

/** `joining` until the entry has its place in line; its order (the entry's id) decides the rest. */
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
  if (seatsAvailabilityEvents.is(event)) {
    if (event.type === 'WaitingLineJoined') return { ...doc, linePosition: event.streamPosition, status: doc.status === 'joining' ? 'waiting' : doc.status };
    if (event.type === 'SeatsOfferedToWaitingLine') return { ...doc, status: 'offered', offered: event.data.seats };
    return doc;
  }
  if (orderEvents.is(event) && doc.status === 'offered') {
    if (event.type === 'OrderConfirmed') return { ...doc, status: 'booked' };
    if (event.type === 'OrderExpired') return { ...doc, status: 'lapsed' };
  }
  return doc;
}

/** The events that speak of an entry, keyed by it (an offered order's id is its entry's). */
function keyOf(event: StoredEvent): string | null {
  if (waitingListEvents.is(event)) return event.data.entryId;
  if (seatsAvailabilityEvents.is(event)) {
    return event.type === 'WaitingLineJoined' || event.type === 'SeatsOfferedToWaitingLine' ? event.data.entryId : null;
  }
  if (orderEvents.is(event)) return event.type === 'OrderConfirmed' || event.type === 'OrderExpired' ? event.data.orderId : null;
  return null;
}

/** One document per entry; a conference's line is its entries by `line_position`. */
export const waitingListProjection: DocumentProjection<WaitingListEntryDoc> = {
  name: 'waiting-list',
  table: 'rm_waiting_list',
  keyColumn: 'entry_id',
  columns: { conference_id: 'text', line_position: 'bigint', status: 'text' },
  columnsOf: (doc) => ({ conference_id: doc.conferenceId, line_position: doc.linePosition, status: doc.status }),
  eventTypes: ['WaitingListJoined', 'WaitingLineJoined', 'SeatsOfferedToWaitingLine', 'OrderConfirmed', 'OrderExpired'],
  keyOf,
  evolve,
};

export const waitingListSubscription = documentSubscription(waitingListProjection);

import { seatAssignmentsEvents, type Attendee, type SeatAssignmentsEvent } from '@/domain/registration/seat-assignments';
import type { StoredEvent } from '../event-store/types';
import { documentSubscription, type DocumentProjection } from './document-projection';

export type SeatAssignmentsDoc = {
  readonly version: number;
  readonly orderId: string;
  readonly seats: readonly { position: number; seatTypeId: string; attendee: Attendee | null }[];
};

function withAttendee(doc: SeatAssignmentsDoc, position: number, attendee: Attendee | null, version: number) {
  return { ...doc, version, seats: doc.seats.map((s) => (s.position === position ? { ...s, attendee } : s)) };
}

function evolve(doc: SeatAssignmentsDoc | null, event: StoredEvent<SeatAssignmentsEvent>): SeatAssignmentsDoc | null {
  const version = event.streamPosition;
  if (event.type === 'SeatAssignmentsCreated') {
    const { orderId, positions } = event.data;
    return { version, orderId, seats: positions.map((p) => ({ ...p, attendee: null })) };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'SeatAssigned':
    case 'SeatAssignmentUpdated':
      return withAttendee(doc, event.data.position, event.data.attendee, version);
    case 'SeatUnassigned':
      return withAttendee(doc, event.data.position, null, version);
  }
}

export const seatAssignmentsProjection: DocumentProjection<SeatAssignmentsDoc> = {
  name: 'seat-assignments',
  table: 'rm_seat_assignments',
  keyColumn: 'order_id',
  columns: {},
  columnsOf: () => ({}),
  eventTypes: seatAssignmentsEvents.names,
  keyOf: (event) => (seatAssignmentsEvents.is(event) ? event.data.orderId : null),
  evolve: (doc, event) => (seatAssignmentsEvents.is(event) ? evolve(doc, event) : doc),
};

export const seatAssignmentsSubscription = documentSubscription(seatAssignmentsProjection);

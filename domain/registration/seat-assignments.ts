import { unreachable, type Decider, type Message } from '../shared/decider';
import { eventTypes } from '../shared/event-types';
import { invalid, notFound } from '../shared/errors';
import { assertQuantities, type SeatQuantity } from '../shared/seats';
import { isPerson } from './rules';

export type Attendee = Readonly<{ firstName: string; lastName: string; email: string }>;
type OrderRef = Readonly<{ orderId: string }>;
type Position = OrderRef & Readonly<{ position: number }>;
type Seat = Position & Readonly<{ seatTypeId: string }>;

export type CreateSeatAssignments = Message<'CreateSeatAssignments', OrderRef & Readonly<{ seats: readonly SeatQuantity[] }>>;
export type AssignSeat = Message<'AssignSeat', Position & Readonly<{ attendee: Attendee }>>;
export type UnassignSeat = Message<'UnassignSeat', Position>;
export type SeatAssignmentsCommand = CreateSeatAssignments | AssignSeat | UnassignSeat;

export type SeatPosition = Readonly<{ position: number; seatTypeId: string }>;
export type SeatAssignmentsCreated = Message<'SeatAssignmentsCreated', OrderRef & Readonly<{ positions: readonly SeatPosition[] }>>;
export type SeatAssigned = Message<'SeatAssigned', Seat & Readonly<{ attendee: Attendee }>>;
export type SeatAssignmentUpdated = Message<'SeatAssignmentUpdated', Seat & Readonly<{ attendee: Attendee }>>;
export type SeatUnassigned = Message<'SeatUnassigned', Seat & Readonly<{ email: string }>>;
export type SeatAssignmentsEvent = SeatAssignmentsCreated | SeatAssigned | SeatAssignmentUpdated | SeatUnassigned;

/** The SeatAssignments events by name, all of them: readers of the feed use these. */
export const seatAssignmentsEvents = eventTypes<SeatAssignmentsEvent>()(
  'SeatAssignmentsCreated', 'SeatAssigned', 'SeatAssignmentUpdated', 'SeatUnassigned',
);

/** Seats indexed by position; `attendee` is null while the seat is unassigned. */
export type AssignedSeat = Readonly<{ seatTypeId: string; attendee: Attendee | null }>;
export type SeatAssignmentsState =
  | { readonly status: 'none' }
  | Readonly<{ status: 'created'; seats: readonly AssignedSeat[] }>;

function create(command: CreateSeatAssignments, state: SeatAssignmentsState): SeatAssignmentsEvent[] {
  if (state.status === 'created') return [];
  assertQuantities(command.data.seats);
  const positions = command.data.seats
    .flatMap(({ seatTypeId, quantity }) => Array.from({ length: quantity }, () => seatTypeId))
    .map((seatTypeId, position) => ({ position, seatTypeId }));
  return [{ type: 'SeatAssignmentsCreated', data: { orderId: command.data.orderId, positions } }];
}

function seatAt(state: SeatAssignmentsState, position: number): AssignedSeat {
  if (state.status === 'none') throw notFound('SeatAssignmentsNotFound');
  const seat = Number.isInteger(position) ? state.seats[position] : undefined;
  if (!seat) throw invalid('UnknownSeatPosition');
  return seat;
}

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sameAttendee = (a: Attendee, b: Attendee) =>
  a.firstName === b.firstName && a.lastName === b.lastName && a.email === b.email;

function assign(command: AssignSeat, state: SeatAssignmentsState): SeatAssignmentsEvent[] {
  const { orderId, position, attendee } = command.data;
  const { seatTypeId, attendee: current } = seatAt(state, position);
  if (!isPerson(attendee)) {
    throw invalid('InvalidAttendee', 'First name, last name and a valid e-mail are required');
  }
  const seat = { orderId, position, seatTypeId };
  if (!current) return [{ type: 'SeatAssigned', data: { ...seat, attendee } }];
  if (sameAttendee(current, attendee)) return [];
  if (sameEmail(current.email, attendee.email)) return [{ type: 'SeatAssignmentUpdated', data: { ...seat, attendee } }];
  // Another person now holds the seat: the previous attendee is told they lost it.
  return [
    { type: 'SeatUnassigned', data: { ...seat, email: current.email } },
    { type: 'SeatAssigned', data: { ...seat, attendee } },
  ];
}

function unassign(command: UnassignSeat, state: SeatAssignmentsState): SeatAssignmentsEvent[] {
  const { orderId, position } = command.data;
  const { seatTypeId, attendee } = seatAt(state, position);
  if (!attendee) return [];
  return [{ type: 'SeatUnassigned', data: { orderId, position, seatTypeId, email: attendee.email } }];
}

function decide(command: SeatAssignmentsCommand, state: SeatAssignmentsState): readonly SeatAssignmentsEvent[] {
  switch (command.type) {
    case 'CreateSeatAssignments': return create(command, state);
    case 'AssignSeat': return assign(command, state);
    case 'UnassignSeat': return unassign(command, state);
    default: return unreachable(command);
  }
}

function withAttendee(state: SeatAssignmentsState, position: number, attendee: Attendee | null): SeatAssignmentsState {
  if (state.status === 'none') return state;
  return { ...state, seats: state.seats.map((seat, index) => (index === position ? { ...seat, attendee } : seat)) };
}

function evolve(state: SeatAssignmentsState, event: SeatAssignmentsEvent): SeatAssignmentsState {
  switch (event.type) {
    case 'SeatAssignmentsCreated': return {
      status: 'created',
      seats: event.data.positions.map(({ seatTypeId }) => ({ seatTypeId, attendee: null })),
    };
    case 'SeatAssigned':
    case 'SeatAssignmentUpdated': {
      const { firstName, lastName, email } = event.data.attendee;
      return withAttendee(state, event.data.position, { firstName, lastName, email });
    }
    case 'SeatUnassigned': return withAttendee(state, event.data.position, null);
    default: return state;
  }
}

export const seatAssignments: Decider<SeatAssignmentsCommand, SeatAssignmentsEvent, SeatAssignmentsState> = {
  streamType: 'seat-assignments',
  initialState: { status: 'none' },
  evolve,
  decide,
};

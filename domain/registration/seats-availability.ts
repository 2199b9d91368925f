import { unreachable, type Decider, type Message } from '../shared/decider';
import { getEntry, setEntry, type BucketedRecord } from '../shared/bucketed-record';
import { eventTypes } from '../shared/event-types';
import { invalid } from '../shared/errors';
import { assertQuantities, lookup, normalizeSeats, quantityOf, type SeatQuantity } from '../shared/seats';

export type { SeatQuantity } from '../shared/seats';

type ConferenceRef = Readonly<{ conferenceId: string }>;
/** Someone in the waiting line, and the seats they wait for (up to these quantities). */
export type WaitingLineEntry = Readonly<{ entryId: string; seats: readonly SeatQuantity[] }>;
type ReservationRef = ConferenceRef & Readonly<{ reservationId: string }>;
type SeatChange = ConferenceRef & Readonly<{ seatTypeId: string; quantity: number }>;

export type AddSeats = Message<'AddSeats', SeatChange>;
export type RemoveSeats = Message<'RemoveSeats', SeatChange>;
export type MakeSeatReservation = Message<
  'MakeSeatReservation',
  ReservationRef & Readonly<{ requestId: string; seats: readonly SeatQuantity[] }>
>;
export type CommitSeatReservation = Message<'CommitSeatReservation', ReservationRef>;
export type CancelSeatReservation = Message<'CancelSeatReservation', ReservationRef>;
/** A waiting-list entry takes its place in line: it wants these seats when they free up. */
export type JoinWaitingLine = Message<'JoinWaitingLine', WaitingLineEntry & ConferenceRef>;
export type SeatsAvailabilityCommand =
  | AddSeats | RemoveSeats | MakeSeatReservation | CommitSeatReservation | CancelSeatReservation | JoinWaitingLine;

/** Every `availableSeatsChanged`/`seats` delta is a signed change of the remaining seats. */
export type AvailableSeatsChanged = Message<
  'AvailableSeatsChanged',
  ConferenceRef & Readonly<{ seats: readonly SeatQuantity[] }>
>;
export type SeatsReserved = Message<
  'SeatsReserved',
  ReservationRef & Readonly<{
    requestId: string;
    details: readonly SeatQuantity[];
    availableSeatsChanged: readonly SeatQuantity[];
  }>
>;
export type SeatsReservationCommitted = Message<
  'SeatsReservationCommitted',
  ReservationRef & Readonly<{ seats: readonly SeatQuantity[] }>
>;
export type SeatsReservationCancelled = Message<
  'SeatsReservationCancelled',
  ReservationRef & Readonly<{ availableSeatsChanged: readonly SeatQuantity[] }>
>;
export type WaitingLineJoined = Message<'WaitingLineJoined', WaitingLineEntry & ConferenceRef>;
/**
 * Freed seats held for the first in line before anyone else may take them: a reservation whose
 * id is the entry's (the order placed for the offer has that id), and the entry leaves the line.
 */
export type SeatsOfferedToWaitingLine = Message<'SeatsOfferedToWaitingLine', WaitingLineEntry & ConferenceRef>;
export type SeatsAvailabilityEvent =
  | AvailableSeatsChanged | SeatsReserved | SeatsReservationCommitted | SeatsReservationCancelled
  | WaitingLineJoined | SeatsOfferedToWaitingLine;

/** The SeatsAvailability events by name, all of them: readers of the feed use these. */
export const seatsAvailabilityEvents = eventTypes<SeatsAvailabilityEvent>()(
  'AvailableSeatsChanged', 'SeatsReserved', 'SeatsReservationCommitted', 'SeatsReservationCancelled',
  'WaitingLineJoined', 'SeatsOfferedToWaitingLine',
);

/**
 * One conference's seats. `remaining` may go negative when a quota is lowered below what is
 * held; sold seats are not tracked (nothing decides on them). Plain records: it is snapshotted.
 */
export type SeatsAvailabilityState = Readonly<{
  remaining: Readonly<Record<string, number>>;
  /** Pending reservations: what each holds, only seat types with quantity > 0. */
  reservations: BucketedRecord<readonly SeatQuantity[]>;
  /**
   * The waiting line, first in line first. Whoever waits for a seat type is offered its freed
   * seats before they go back on sale: while anyone waits for a type, none of it is on sale.
   */
  line: readonly WaitingLineEntry[];
}>;

function changeSeats(command: AddSeats | RemoveSeats): SeatsAvailabilityEvent[] {
  const { conferenceId, seatTypeId, quantity } = command.data;
  if (!Number.isInteger(quantity) || quantity < 0) throw invalid('InvalidQuantity');
  if (quantity === 0) return [];
  const delta = command.type === 'AddSeats' ? quantity : -quantity;
  return [{ type: 'AvailableSeatsChanged', data: { conferenceId, seats: [{ seatTypeId, quantity: delta }] } }];
}

const heldBy = (state: SeatsAvailabilityState, reservationId: string) =>
  getEntry(state.reservations, reservationId) ?? [];

/** Requested types first (request order), then held types the request dropped. */
function seatTypesInvolved(wanted: readonly SeatQuantity[], held: readonly SeatQuantity[]): string[] {
  return [...new Set([...wanted, ...held].map((seat) => seat.seatTypeId))];
}

/** granted = min(wanted, max(remaining, 0) + held): an upsert that never oversells. */
function grant(state: SeatsAvailabilityState, seatTypeId: string, wanted: number, held: number): number {
  const remaining = lookup(state.remaining, seatTypeId);
  if (remaining === undefined) return 0;
  return Math.min(wanted, Math.max(remaining, 0) + held);
}

function reserve(command: MakeSeatReservation, state: SeatsAvailabilityState): SeatsAvailabilityEvent[] {
  const { conferenceId, reservationId, requestId, seats } = command.data;
  assertQuantities(seats);
  const wanted = normalizeSeats(seats);
  const held = heldBy(state, reservationId);
  const granted = seatTypesInvolved(wanted, held).map((seatTypeId) => {
    const holding = quantityOf(held, seatTypeId);
    const quantity = grant(state, seatTypeId, quantityOf(wanted, seatTypeId), holding);
    return { seatTypeId, quantity, delta: holding - quantity };
  });
  // Emitted even when nothing is granted: the order must learn the outcome of its request.
  return [{
    type: 'SeatsReserved',
    data: {
      conferenceId, reservationId, requestId,
      details: granted.filter((seat) => seat.quantity > 0).map(({ seatTypeId, quantity }) => ({ seatTypeId, quantity })),
      availableSeatsChanged: granted.filter((seat) => seat.delta !== 0)
        .map(({ seatTypeId, delta }) => ({ seatTypeId, quantity: delta })),
    },
  }];
}

function commit(command: CommitSeatReservation, state: SeatsAvailabilityState): SeatsAvailabilityEvent[] {
  const seats = getEntry(state.reservations, command.data.reservationId);
  if (!seats) return [];
  return [{ type: 'SeatsReservationCommitted', data: { ...command.data, seats } }];
}

function cancel(command: CancelSeatReservation, state: SeatsAvailabilityState): SeatsAvailabilityEvent[] {
  const seats = getEntry(state.reservations, command.data.reservationId);
  if (!seats) return [];
  return [{ type: 'SeatsReservationCancelled', data: { ...command.data, availableSeatsChanged: seats } }];
}

function joinLine(command: JoinWaitingLine, state: SeatsAvailabilityState): SeatsAvailabilityEvent[] {
  const { conferenceId, entryId, seats } = command.data;
  assertQuantities(seats);
  const wanted = normalizeSeats(seats);
  if (wanted.length === 0) throw invalid('NoSeatsSelected');
  // Once in line or offered, an entry is where it is: joining again changes nothing.
  if (state.line.some((entry) => entry.entryId === entryId) || getEntry(state.reservations, entryId)) return [];
  return [{ type: 'WaitingLineJoined', data: { conferenceId, entryId, seats: wanted } }];
}

function decideCommand(command: SeatsAvailabilityCommand, state: SeatsAvailabilityState): SeatsAvailabilityEvent[] {
  switch (command.type) {
    case 'AddSeats':
    case 'RemoveSeats': return changeSeats(command);
    case 'MakeSeatReservation': return reserve(command, state);
    case 'CommitSeatReservation': return commit(command, state);
    case 'CancelSeatReservation': return cancel(command, state);
    case 'JoinWaitingLine': return joinLine(command, state);
    default: return unreachable(command);
  }
}

/**
 * Seats on sale that someone in line waits for go to them, in line order: each entry is offered
 * what there is of what it asked for, up to its quantities, and leaves the line.
 */
function offersToLine(conferenceId: string, state: SeatsAvailabilityState): SeatsOfferedToWaitingLine[] {
  const remaining = { ...state.remaining };
  const offers: SeatsOfferedToWaitingLine[] = [];
  for (const { entryId, seats: wanted } of state.line) {
    const seats = wanted
      .map(({ seatTypeId, quantity }) => ({ seatTypeId, quantity: Math.min(quantity, Math.max(lookup(remaining, seatTypeId) ?? 0, 0)) }))
      .filter((seat) => seat.quantity > 0);
    if (seats.length === 0) continue;
    for (const { seatTypeId, quantity } of seats) remaining[seatTypeId] = (lookup(remaining, seatTypeId) ?? 0) - quantity;
    offers.push({ type: 'SeatsOfferedToWaitingLine', data: { conferenceId, entryId, seats } });
  }
  return offers;
}

function decide(command: SeatsAvailabilityCommand, state: SeatsAvailabilityState): readonly SeatsAvailabilityEvent[] {
  const events = decideCommand(command, state);
  // With nobody in line (a sale's usual case) there is nothing to offer: no second fold.
  if (state.line.length === 0 && command.type !== 'JoinWaitingLine') return events;
  return [...events, ...offersToLine(command.data.conferenceId, events.reduce(evolve, state))];
}

function applyDeltas(state: SeatsAvailabilityState, deltas: readonly SeatQuantity[]): SeatsAvailabilityState {
  const remaining = { ...state.remaining };
  for (const { seatTypeId, quantity } of deltas) {
    remaining[seatTypeId] = (lookup(remaining, seatTypeId) ?? 0) + quantity;
  }
  return { ...state, remaining };
}

function withReservation(state: SeatsAvailabilityState, id: string, seats: readonly SeatQuantity[]): SeatsAvailabilityState {
  return { ...state, reservations: setEntry(state.reservations, id, seats.length > 0 ? seats : undefined) };
}

function evolve(state: SeatsAvailabilityState, event: SeatsAvailabilityEvent): SeatsAvailabilityState {
  switch (event.type) {
    case 'AvailableSeatsChanged': return applyDeltas(state, event.data.seats);
    case 'SeatsReserved': return withReservation(
      applyDeltas(state, event.data.availableSeatsChanged), event.data.reservationId, event.data.details);
    case 'SeatsReservationCommitted': return withReservation(state, event.data.reservationId, []);
    case 'SeatsReservationCancelled': return withReservation(
      applyDeltas(state, event.data.availableSeatsChanged), event.data.reservationId, []);
    case 'WaitingLineJoined': return { ...state, line: [...state.line, { entryId: event.data.entryId, seats: event.data.seats }] };
    case 'SeatsOfferedToWaitingLine': {
      const { entryId, seats } = event.data;
      const taken = applyDeltas(state, seats.map(({ seatTypeId, quantity }) => ({ seatTypeId, quantity: -quantity })));
      return { ...withReservation(taken, entryId, seats), line: state.line.filter((entry) => entry.entryId !== entryId) };
    }
    default: return state;
  }
}

export const seatsAvailability: Decider<SeatsAvailabilityCommand, SeatsAvailabilityEvent, SeatsAvailabilityState> = {
  streamType: 'seats-availability',
  initialState: { remaining: {}, reservations: [], line: [] },
  evolve,
  decide,
  // Version 3: the waiting line (older snapshots are ignored and the stream folded).
  snapshot: { every: 100, schemaVersion: 3 },
};

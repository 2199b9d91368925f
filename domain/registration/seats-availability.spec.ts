import { describe, expect, it } from 'vitest';
import { fold } from '../shared/decider';
import { given } from '../shared/testing';
import { seatsAvailability, type SeatsAvailabilityEvent, type SeatQuantity } from './seats-availability';

const conferenceId = 'c-1';
const seats = (quantity: number, seatTypeId = 'general'): SeatQuantity[] => [{ seatTypeId, quantity }];
const added = (quantity: number, seatTypeId = 'general'): SeatsAvailabilityEvent =>
  ({ type: 'AvailableSeatsChanged', data: { conferenceId, seats: seats(quantity, seatTypeId) } });
const reserve = (wanted: SeatQuantity[], requestId = 'r-2', reservationId = 'o-1') =>
  ({ type: 'MakeSeatReservation' as const, data: { conferenceId, reservationId, requestId, seats: wanted } });
const reserved = (
  details: SeatQuantity[], availableSeatsChanged: SeatQuantity[], requestId = 'r-2', reservationId = 'o-1',
): SeatsAvailabilityEvent =>
  ({ type: 'SeatsReserved', data: { conferenceId, reservationId, requestId, details, availableSeatsChanged } });
const ref = { conferenceId, reservationId: 'o-1' };

describe('given no seats', () => {
  it('adds seats to a seat type', () =>
    given(seatsAvailability).when({ type: 'AddSeats', data: { conferenceId, seatTypeId: 'general', quantity: 10 } })
      .then([added(10)]));

  it('ignores adding zero seats', () =>
    given(seatsAvailability).when({ type: 'AddSeats', data: { conferenceId, seatTypeId: 'general', quantity: 0 } })
      .then([]));

  it('refuses a negative quantity', () =>
    given(seatsAvailability).when({ type: 'AddSeats', data: { conferenceId, seatTypeId: 'general', quantity: -1 } })
      .thenThrows('InvalidQuantity'));

  it('grants nothing of an unknown seat type, and still replies', () =>
    given(seatsAvailability).when(reserve(seats(2, 'ghost'))).then([reserved([], [])]));
});

describe('given 10 remaining seats', () => {
  const history = [added(10)];

  it('reserves 4 of 4 wanted', () =>
    given(seatsAvailability, history).when(reserve(seats(4))).then([reserved(seats(4), seats(-4))]));

  it('reserves 10 of 11 wanted', () =>
    given(seatsAvailability, history).when(reserve(seats(11))).then([reserved(seats(10), seats(-10))]));

  it('reserves only the known seat type of a mixed request', () =>
    given(seatsAvailability, history).when(reserve([...seats(1, 'ghost'), ...seats(3)]))
      .then([reserved(seats(3), seats(-3))]));

  it('refuses a fractional quantity', () =>
    given(seatsAvailability, history).when(reserve(seats(1.5))).thenThrows('InvalidQuantity'));

  it('removes seats below zero', () =>
    given(seatsAvailability, history).when({ type: 'RemoveSeats', data: { conferenceId, seatTypeId: 'general', quantity: 12 } })
      .then([added(-12)]));

  it('ignores committing an unknown reservation', () =>
    given(seatsAvailability, history).when({ type: 'CommitSeatReservation', data: ref }).then([]));

  it('ignores cancelling an unknown reservation', () =>
    given(seatsAvailability, history).when({ type: 'CancelSeatReservation', data: ref }).then([]));
});

describe('given a reservation of 6 out of 10', () => {
  const history = [added(10), added(5, 'vip'), reserved(seats(6), seats(-6), 'r-1')];

  it('takes 2 more when changed to 8', () =>
    given(seatsAvailability, history).when(reserve(seats(8))).then([reserved(seats(8), seats(-2))]));

  it('releases 4 when changed to 2', () =>
    given(seatsAvailability, history).when(reserve(seats(2))).then([reserved(seats(2), seats(4))]));

  it('replies unchanged when asked the same again', () =>
    given(seatsAvailability, history).when(reserve(seats(6))).then([reserved(seats(6), [])]));

  it('releases the old seat type when switching to another', () =>
    given(seatsAvailability, history).when(reserve(seats(3, 'vip')))
      .then([reserved(seats(3, 'vip'), [...seats(-3, 'vip'), ...seats(6)])]));

  it('grants another reservation only what remains', () =>
    given(seatsAvailability, history).when(reserve(seats(5), 'r-9', 'o-2'))
      .then([reserved(seats(4), seats(-4), 'r-9', 'o-2')]));

  it('commits it: the seats are sold, remaining unchanged', () =>
    given(seatsAvailability, history).when({ type: 'CommitSeatReservation', data: ref })
      .then([{ type: 'SeatsReservationCommitted', data: { ...ref, seats: seats(6) } }]));

  it('cancels it, returning its seats', () =>
    given(seatsAvailability, history).when({ type: 'CancelSeatReservation', data: ref })
      .then([{ type: 'SeatsReservationCancelled', data: { ...ref, availableSeatsChanged: seats(6) } }]));

  it('leaves what remains of each type to another reservation', () =>
    given(seatsAvailability, history).when(reserve([...seats(9), ...seats(9, 'vip')], 'r-9', 'o-2'))
      .then([reserved([...seats(4), ...seats(5, 'vip')], [...seats(-4), ...seats(-5, 'vip')], 'r-9', 'o-2')]));
});

describe('given a quota lowered below what a reservation holds', () => {
  // 10 seats, 6 reserved, then the organizer removes 7: remaining is -3, the 6 stay reserved.
  const history = [added(10), reserved(seats(6), seats(-6), 'r-1'), added(-7)];

  it('grants a new seat only once more than the shortfall is added back', () => {
    given(seatsAvailability, [...history, added(3)]).when(reserve(seats(1), 'r-9', 'o-2')).then([reserved([], [], 'r-9', 'o-2')]);
    given(seatsAvailability, [...history, added(4)]).when(reserve(seats(1), 'r-9', 'o-2'))
      .then([reserved(seats(1), seats(-1), 'r-9', 'o-2')]);
  });

  it('keeps what the reservation holds when it asks for more', () =>
    given(seatsAvailability, history).when(reserve(seats(8))).then([reserved(seats(6), [])]));

  it('grants nothing to another reservation', () =>
    given(seatsAvailability, history).when(reserve(seats(1), 'r-9', 'o-2')).then([reserved([], [], 'r-9', 'o-2')]));

  it('still commits the reservation in full', () =>
    given(seatsAvailability, history).when({ type: 'CommitSeatReservation', data: ref })
      .then([{ type: 'SeatsReservationCommitted', data: { ...ref, seats: seats(6) } }]));
});

describe('given a committed reservation', () => {
  const history = [added(10), reserved(seats(6), seats(-6), 'r-1'),
    { type: 'SeatsReservationCommitted', data: { ...ref, seats: seats(6) } } as const];

  it('ignores cancelling it: sold seats are never returned', () =>
    given(seatsAvailability, history).when({ type: 'CancelSeatReservation', data: ref }).then([]));

  it('ignores committing it again', () =>
    given(seatsAvailability, history).when({ type: 'CommitSeatReservation', data: ref }).then([]));
});

describe('given a cancelled reservation', () => {
  const history = [added(10), reserved(seats(6), seats(-6), 'r-1'),
    { type: 'SeatsReservationCancelled', data: { ...ref, availableSeatsChanged: seats(6) } } as const];

  it('grants all 10 to the next order', () =>
    given(seatsAvailability, history).when(reserve(seats(10), 'r-9', 'o-2'))
      .then([reserved(seats(10), seats(-10), 'r-9', 'o-2')]));

  it('decides the same from a JSON snapshot of its state as from its events', () => {
    const state = fold(seatsAvailability, history);
    const fromSnapshot = JSON.parse(JSON.stringify(state)) as typeof state;
    const command = reserve(seats(11), 'r-9', 'o-2');
    expect(seatsAvailability.decide(command, fromSnapshot)).toEqual(seatsAvailability.decide(command, state));
  });
});

import { describe, it } from 'vitest';
import { given } from '../shared/testing';
import { seatsAvailability, type SeatQuantity, type SeatsAvailabilityEvent } from './seats-availability';

const conferenceId = 'c-1';
const seats = (quantity: number, seatTypeId = 'general'): SeatQuantity[] => [{ seatTypeId, quantity }];
const added = (quantity: number, seatTypeId = 'general'): SeatsAvailabilityEvent =>
  ({ type: 'AvailableSeatsChanged', data: { conferenceId, seats: seats(quantity, seatTypeId) } });
const reserved = (reservationId: string, quantity: number): SeatsAvailabilityEvent => ({
  type: 'SeatsReserved',
  data: { conferenceId, reservationId, requestId: `r-${reservationId}`, details: seats(quantity), availableSeatsChanged: seats(-quantity) },
});
const join = (entryId: string, wanted: SeatQuantity[]) => ({ type: 'JoinWaitingLine' as const, data: { conferenceId, entryId, seats: wanted } });
const joined = (entryId: string, wanted: SeatQuantity[]): SeatsAvailabilityEvent => ({ type: 'WaitingLineJoined', data: { conferenceId, entryId, seats: wanted } });
const offered = (entryId: string, granted: SeatQuantity[]): SeatsAvailabilityEvent =>
  ({ type: 'SeatsOfferedToWaitingLine', data: { conferenceId, entryId, seats: granted } });
const cancel = (reservationId: string) => ({ type: 'CancelSeatReservation' as const, data: { conferenceId, reservationId } });
const cancelled = (reservationId: string, quantity: number): SeatsAvailabilityEvent =>
  ({ type: 'SeatsReservationCancelled', data: { conferenceId, reservationId, availableSeatsChanged: seats(quantity) } });

/** Two seats, both held by order o-1: sold out. */
const soldOut = [added(2), reserved('o-1', 2)];

describe('joining the waiting line', () => {
  it('takes a place in line when the seats are sold out', () =>
    given(seatsAvailability, soldOut).when(join('w-1', seats(1))).then([joined('w-1', seats(1))]));

  it('is offered at once what is on sale, up to what was asked', () =>
    given(seatsAvailability, [added(2)]).when(join('w-1', seats(3))).then([joined('w-1', seats(3)), offered('w-1', seats(2))]));

  it('refuses an entry that asks for nothing', () =>
    given(seatsAvailability, soldOut).when(join('w-1', seats(0))).thenThrows('NoSeatsSelected'));

  it('refuses a negative quantity', () =>
    given(seatsAvailability, soldOut).when(join('w-1', seats(-1))).thenThrows('InvalidQuantity'));

  it('changes nothing for an entry already in line', () =>
    given(seatsAvailability, [...soldOut, joined('w-1', seats(1))]).when(join('w-1', seats(2))).then([]));

  it('changes nothing for an entry already offered seats', () =>
    given(seatsAvailability, [added(1), joined('w-1', seats(1)), offered('w-1', seats(1))]).when(join('w-1', seats(1))).then([]));
});

describe('freed seats go to the line before they go back on sale', () => {
  const line = [...soldOut, joined('w-1', seats(1)), joined('w-2', seats(1)), joined('w-3', seats(1))];

  it('offers the seats of an expired order to the first in line, in order', () =>
    given(seatsAvailability, line).when(cancel('o-1')).then([cancelled('o-1', 2), offered('w-1', seats(1)), offered('w-2', seats(1))]));

  it('offers seats added to a raised quota', () =>
    given(seatsAvailability, line).when({ type: 'AddSeats', data: { conferenceId, seatTypeId: 'general', quantity: 1 } })
      .then([added(1), offered('w-1', seats(1))]));

  it('offers the seats a smaller order gives back', () =>
    given(seatsAvailability, line)
      .when({ type: 'MakeSeatReservation', data: { conferenceId, reservationId: 'o-1', requestId: 'r-2', seats: seats(1) } })
      .then([
        { type: 'SeatsReserved', data: { conferenceId, reservationId: 'o-1', requestId: 'r-2', details: seats(1), availableSeatsChanged: seats(1) } },
        offered('w-1', seats(1)),
      ]));

  it('grants no seat to a new order while someone waits for that seat type', () =>
    given(seatsAvailability, [...line, cancelled('o-1', 2), offered('w-1', seats(1)), offered('w-2', seats(1))])
      .when({ type: 'MakeSeatReservation', data: { conferenceId, reservationId: 'o-9', requestId: 'r-9', seats: seats(1) } })
      .then([{ type: 'SeatsReserved', data: { conferenceId, reservationId: 'o-9', requestId: 'r-9', details: [], availableSeatsChanged: [] } }]));

  it('offers an entry what there is when fewer seats free up than it asked for', () =>
    given(seatsAvailability, [...soldOut, joined('w-1', seats(3))]).when(cancel('o-1')).then([cancelled('o-1', 2), offered('w-1', seats(2))]));

  it('passes over an entry waiting for another seat type, without skipping anyone waiting for this one', () =>
    given(seatsAvailability, [...soldOut, added(0, 'vip'), joined('w-1', seats(1, 'vip')), joined('w-2', seats(1))])
      .when(cancel('o-1')).then([cancelled('o-1', 2), offered('w-2', seats(1))]));

  it('passes the seats of a lapsed offer to the next in line', () =>
    given(seatsAvailability, [...line, cancelled('o-1', 2), offered('w-1', seats(1)), offered('w-2', seats(1))])
      .when(cancel('w-1')).then([cancelled('w-1', 1), offered('w-3', seats(1))]));

  it('sells an offered entry its seats like any order', () =>
    given(seatsAvailability, [...line, cancelled('o-1', 2), offered('w-1', seats(1)), offered('w-2', seats(1))])
      .when({ type: 'CommitSeatReservation', data: { conferenceId, reservationId: 'w-1' } })
      .then([{ type: 'SeatsReservationCommitted', data: { conferenceId, reservationId: 'w-1', seats: seats(1) } }]));

  it('keeps an offered entry its seats when its order asks for them again', () =>
    given(seatsAvailability, [...line, cancelled('o-1', 2), offered('w-1', seats(1)), offered('w-2', seats(1))])
      .when({ type: 'MakeSeatReservation', data: { conferenceId, reservationId: 'w-1', requestId: 'r-w1', seats: seats(1) } })
      .then([{ type: 'SeatsReserved', data: { conferenceId, reservationId: 'w-1', requestId: 'r-w1', details: seats(1), availableSeatsChanged: [] } }]));
});

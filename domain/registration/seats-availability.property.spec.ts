import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import {
  seatsAvailability, type SeatsAvailabilityCommand, type SeatsAvailabilityEvent, type SeatsAvailabilityState,
} from './seats-availability';

const conferenceId = 'c-1';
const seatTypeIds = ['general', 'vip'] as const;
const entryIds = ['w-1', 'w-2', 'w-3', 'w-4'] as const;
// Offered entries' reservations are expired and paid like any order's.
const reservationIds = ['o-1', 'o-2', 'o-3', 'o-4', ...entryIds] as const;
const seatRequest = fc.array(fc.record({ seatTypeId: fc.constantFrom(...seatTypeIds), quantity: fc.nat(6) }), { maxLength: 2 });

const command: fc.Arbitrary<SeatsAvailabilityCommand> = fc.oneof(
  fc.record({ seatTypeId: fc.constantFrom(...seatTypeIds), quantity: fc.nat(8), add: fc.boolean() }).map(({ seatTypeId, quantity, add }) =>
    ({ type: add ? 'AddSeats' : 'RemoveSeats', data: { conferenceId, seatTypeId, quantity } }) as const),
  fc.record({ entryId: fc.constantFrom(...entryIds), seats: seatRequest })
    .map(({ entryId, seats }) => ({ type: 'JoinWaitingLine', data: { conferenceId, entryId, seats } }) as const),
  fc.record({ reservationId: fc.constantFrom(...reservationIds), seats: seatRequest }).map(({ reservationId, seats }) => ({ type: 'MakeSeatReservation', data: { conferenceId, reservationId, requestId: 'r', seats } }) as const),
  fc.constantFrom(...reservationIds).map((reservationId) => ({ type: 'CommitSeatReservation', data: { conferenceId, reservationId } }) as const),
  fc.constantFrom(...reservationIds).map((reservationId) => ({ type: 'CancelSeatReservation', data: { conferenceId, reservationId } }) as const),
);

/** What the events say was granted: quota, seats held per reservation, seats sold, per seat type. */
function ledger(events: readonly SeatsAvailabilityEvent[]) {
  const quota = new Map<string, number>();
  const held = new Map<string, Map<string, number>>();
  const sold = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'AvailableSeatsChanged') for (const s of event.data.seats) quota.set(s.seatTypeId, (quota.get(s.seatTypeId) ?? 0) + s.quantity);
    if (event.type === 'SeatsReserved') held.set(event.data.reservationId, new Map(event.data.details.map((s) => [s.seatTypeId, s.quantity])));
    if (event.type === 'SeatsOfferedToWaitingLine') held.set(event.data.entryId, new Map(event.data.seats.map((s) => [s.seatTypeId, s.quantity])));
    if (event.type === 'SeatsReservationCancelled') held.delete(event.data.reservationId);
    if (event.type === 'SeatsReservationCommitted') {
      for (const s of event.data.seats) sold.set(s.seatTypeId, (sold.get(s.seatTypeId) ?? 0) + s.quantity);
      held.delete(event.data.reservationId);
    }
  }
  const taken = (seatTypeId: string) =>
    (sold.get(seatTypeId) ?? 0) + [...held.values()].reduce((sum, seats) => sum + (seats.get(seatTypeId) ?? 0), 0);
  return { quota: (seatTypeId: string) => quota.get(seatTypeId) ?? 0, taken };
}

const waitsFor = (state: SeatsAvailabilityState, seatTypeId: string) =>
  state.line.filter((entry) => entry.seats.some((seat) => seat.seatTypeId === seatTypeId)).map((entry) => entry.entryId);

/** Seats of a type went to an order only when nobody waited for that type, and to the line only in its order. */
function skipsInLine(before: SeatsAvailabilityState, decided: readonly SeatsAvailabilityEvent[], after: SeatsAvailabilityState): string[] {
  return decided.flatMap((event) => {
    if (event.type === 'SeatsReserved') {
      const took = event.data.availableSeatsChanged.filter((seat) => seat.quantity < 0);
      return took.filter((seat) => waitsFor(before, seat.seatTypeId).length > 0).map((seat) => `${event.data.reservationId} took ${seat.seatTypeId} from the line`);
    }
    if (event.type !== 'SeatsOfferedToWaitingLine') return [];
    return event.data.seats.flatMap(({ seatTypeId }) => {
      const ahead = waitsFor(before, seatTypeId).slice(0, waitsFor(before, seatTypeId).indexOf(event.data.entryId));
      return ahead.filter((entryId) => after.line.some((entry) => entry.entryId === entryId)).map((entryId) => `${event.data.entryId} went before ${entryId}`);
    });
  });
}

describe('seats availability under any sequence of commands', () => {
  it('never grants seats beyond the quota, and never skips anyone in the waiting line', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        const events: SeatsAvailabilityEvent[] = [];
        let state = seatsAvailability.initialState;
        for (const next of commands) {
          const before = ledger(events);
          let decided: readonly SeatsAvailabilityEvent[];
          try {
            decided = seatsAvailability.decide(next, state);
          } catch (error) {
            if (error instanceof DomainError) continue;
            throw error;
          }
          events.push(...decided);
          const previous = state;
          state = decided.reduce(seatsAvailability.evolve, state);
          const after = ledger(events);
          for (const seatTypeId of seatTypeIds) {
            // Lowering a quota may leave more taken than it (sold seats are never revoked); a grant may not.
            if (after.taken(seatTypeId) > before.taken(seatTypeId)) expect(after.taken(seatTypeId)).toBeLessThanOrEqual(after.quota(seatTypeId));
            // Nothing anyone waits for stays on sale.
            if (waitsFor(state, seatTypeId).length > 0) expect(state.remaining[seatTypeId] ?? 0).toBeLessThanOrEqual(0);
          }
          expect(skipsInLine(previous, decided, state)).toEqual([]);
        }
      }),
      { numRuns: 500, seed: 20261130 },
    );
  });
});

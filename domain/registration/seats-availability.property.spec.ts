import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { seatsAvailability, type SeatsAvailabilityCommand, type SeatsAvailabilityEvent } from './seats-availability';

const conferenceId = 'c-1';
const seatTypeIds = ['general', 'vip'] as const;
const reservationIds = ['o-1', 'o-2', 'o-3', 'o-4'] as const;

const command: fc.Arbitrary<SeatsAvailabilityCommand> = fc.oneof(
  fc.record({ seatTypeId: fc.constantFrom(...seatTypeIds), quantity: fc.nat(8), add: fc.boolean() }).map(({ seatTypeId, quantity, add }) =>
    ({ type: add ? 'AddSeats' : 'RemoveSeats', data: { conferenceId, seatTypeId, quantity } }) as const),
  fc.record({
    reservationId: fc.constantFrom(...reservationIds),
    seats: fc.array(fc.record({ seatTypeId: fc.constantFrom(...seatTypeIds), quantity: fc.nat(6) }), { maxLength: 2 }),
  }).map(({ reservationId, seats }) => ({ type: 'MakeSeatReservation', data: { conferenceId, reservationId, requestId: 'r', seats } }) as const),
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

describe('seats availability under any sequence of commands', () => {
  it('never grants seats beyond the quota: a grant that raises what is taken keeps it within the quota', () => {
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
          state = decided.reduce(seatsAvailability.evolve, state);
          const after = ledger(events);
          for (const seatTypeId of seatTypeIds) {
            // Lowering a quota may leave more taken than it (sold seats are never revoked); a grant may not.
            if (after.taken(seatTypeId) > before.taken(seatTypeId)) expect(after.taken(seatTypeId)).toBeLessThanOrEqual(after.quota(seatTypeId));
          }
        }
      }),
      { numRuns: 500, seed: 20261130 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { promoCodes, type PromoCodesCommand, type PromoCodesEvent, type PromoCodesState } from './promo-codes';

const conferenceId = 'c-1';
const codes = ['ONCE', 'TWICE'] as const;
const uses = { ONCE: 1, TWICE: 2 } as const;
const orderIds = ['o-1', 'o-2', 'o-3', 'o-4', 'o-5'] as const;

const command: fc.Arbitrary<PromoCodesCommand> = fc.oneof(
  fc.record({ code: fc.constantFrom(...codes), orderId: fc.constantFrom(...orderIds) })
    .map(({ code, orderId }) => ({ type: 'ReservePromoCodeUse', data: { conferenceId, code, orderId } }) as const),
  fc.constantFrom(...orderIds).map((orderId) => ({ type: 'ReleasePromoCodeUse', data: { conferenceId, orderId } }) as const),
);

/** Who holds a use of each code, as the events say. */
function holdersOf(events: readonly PromoCodesEvent[], code: string): Set<string> {
  const holders = new Set<string>();
  for (const event of events) {
    if (event.type === 'PromoCodeAdded' || event.data.code !== code) continue;
    if (event.type === 'PromoCodeUseReserved') holders.add(event.data.orderId);
    else holders.delete(event.data.orderId);
  }
  return holders;
}

function decideAndFold(state: PromoCodesState, next: PromoCodesCommand, events: PromoCodesEvent[]): PromoCodesState {
  try {
    const decided = promoCodes.decide(next, state);
    events.push(...decided);
    return decided.reduce(promoCodes.evolve, state);
  } catch (error) {
    if (error instanceof DomainError) return state;
    throw error;
  }
}

describe('promo codes under any interleaving of orders taking and giving back uses', () => {
  it('never lets more orders hold a code than it has uses, and every order holds one code at most', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 80 }), (commands) => {
        const events: PromoCodesEvent[] = codes.map((code) => ({
          type: 'PromoCodeAdded', data: { conferenceId, code, discountType: 'percent', discount: 10, seatTypeId: null, uses: uses[code] },
        }));
        let state = events.reduce(promoCodes.evolve, promoCodes.initialState);
        for (const next of commands) {
          state = decideAndFold(state, next, events);
          for (const code of codes) expect(holdersOf(events, code).size).toBeLessThanOrEqual(uses[code]);
          const holders = codes.flatMap((code) => [...holdersOf(events, code)]);
          expect(new Set(holders).size).toBe(holders.length);
        }
      }),
    );
  });

  it('refuses an order only when every use is held by others', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 80 }), (commands) => {
        const events: PromoCodesEvent[] = [{
          type: 'PromoCodeAdded', data: { conferenceId, code: 'TWICE', discountType: 'amount', discount: 100, seatTypeId: null, uses: 2 },
        }];
        let state = events.reduce(promoCodes.evolve, promoCodes.initialState);
        for (const next of commands.filter((candidate) => candidate.type !== 'ReservePromoCodeUse' || candidate.data.code === 'TWICE')) {
          const held = holdersOf(events, 'TWICE');
          const refused = next.type === 'ReservePromoCodeUse' && !held.has(next.data.orderId) && held.size >= 2;
          const before = events.length;
          state = decideAndFold(state, next, events);
          if (next.type === 'ReservePromoCodeUse') expect(events.length === before && !held.has(next.data.orderId)).toBe(refused);
        }
      }),
    );
  });
});

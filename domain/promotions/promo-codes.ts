import { unreachable, type Decider, type Message } from '../shared/decider';
import { eventTypes } from '../shared/event-types';
import { conflict, invalid } from '../shared/errors';
import { lookup } from '../shared/seats';

export type DiscountType = 'percent' | 'amount';
/**
 * What a code takes off: `discount` is a percent (1–100) or an amount in cents; `seatTypeId`
 * null covers every seat type. This is what an order is priced with.
 */
export type Promotion = Readonly<{ code: string; discountType: DiscountType; discount: number; seatTypeId: string | null }>;
/** `uses` null: unlimited. */
export type PromoCodeTerms = Promotion & Readonly<{ uses: number | null }>;

type ConferenceRef = Readonly<{ conferenceId: string }>;
type Use = ConferenceRef & Readonly<{ code: string; orderId: string }>;

/** `seatTypeIds`: the conference's seat types, which a code may be limited to. */
export type AddPromoCode = Message<'AddPromoCode', ConferenceRef & PromoCodeTerms & Readonly<{ seatTypeIds: readonly string[] }>>;
export type ReservePromoCodeUse = Message<'ReservePromoCodeUse', Use>;
export type ReleasePromoCodeUse = Message<'ReleasePromoCodeUse', ConferenceRef & Readonly<{ orderId: string }>>;
export type PromoCodesCommand = AddPromoCode | ReservePromoCodeUse | ReleasePromoCodeUse;

export type PromoCodeAdded = Message<'PromoCodeAdded', ConferenceRef & PromoCodeTerms>;
export type PromoCodeUseReserved = Message<'PromoCodeUseReserved', Use>;
export type PromoCodeUseReleased = Message<'PromoCodeUseReleased', Use>;
export type PromoCodesEvent = PromoCodeAdded | PromoCodeUseReserved | PromoCodeUseReleased;

/** The PromoCodes events by name, all of them: readers of the feed use these. */
export const promoCodesEvents = eventTypes<PromoCodesEvent>()('PromoCodeAdded', 'PromoCodeUseReserved', 'PromoCodeUseReleased');

/** One conference's codes and which order holds a use of which code (an order holds at most one). */
export type PromoCodesState = Readonly<{
  codes: Readonly<Record<string, PromoCodeTerms & Readonly<{ used: number }>>>;
  holders: Readonly<Record<string, string>>;
}>;

export const promoCodePattern = /^[A-Z0-9]{3,20}$/;
export const maxPromoCodeAmount = 5_000_000;
export const maxPromoCodeUses = 100_000;

const isWhole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

function assertTerms({ code, discountType, discount, seatTypeId, uses, seatTypeIds }: AddPromoCode['data']): void {
  if (!promoCodePattern.test(code)) throw invalid('InvalidPromoCode');
  const maxDiscount = discountType === 'percent' ? 100 : maxPromoCodeAmount;
  if (!isWhole(discount, 1, maxDiscount)) throw invalid('InvalidDiscount');
  if (seatTypeId !== null && !seatTypeIds.includes(seatTypeId)) throw invalid('UnknownSeatType');
  if (uses !== null && !isWhole(uses, 1, maxPromoCodeUses)) throw invalid('InvalidPromoCodeUses');
}

function add(command: AddPromoCode, state: PromoCodesState): PromoCodesEvent[] {
  assertTerms(command.data);
  const { conferenceId, code, discountType, discount, seatTypeId, uses } = command.data;
  if (lookup(state.codes, code)) throw conflict('PromoCodeTaken');
  return [{ type: 'PromoCodeAdded', data: { conferenceId, code, discountType, discount, seatTypeId, uses } }];
}

/** Like a seat: a use is held by one order, and never more holders than uses. */
function reserve(command: ReservePromoCodeUse, state: PromoCodesState): PromoCodesEvent[] {
  const { conferenceId, code, orderId } = command.data;
  const held = lookup(state.holders, orderId);
  if (held === code) return [];
  const terms = lookup(state.codes, code);
  if (!terms || (terms.uses !== null && terms.used >= terms.uses)) throw conflict('PromoCodeNotValid');
  const release: PromoCodesEvent[] = held === undefined ? [] : [{ type: 'PromoCodeUseReleased', data: { conferenceId, code: held, orderId } }];
  return [...release, { type: 'PromoCodeUseReserved', data: { conferenceId, code, orderId } }];
}

/** Releasing for an order that holds nothing is a no-op: expiry sends it whatever happened before. */
function release(command: ReleasePromoCodeUse, state: PromoCodesState): PromoCodesEvent[] {
  const { conferenceId, orderId } = command.data;
  const code = lookup(state.holders, orderId);
  if (code === undefined) return [];
  return [{ type: 'PromoCodeUseReleased', data: { conferenceId, code, orderId } }];
}

function decide(command: PromoCodesCommand, state: PromoCodesState): readonly PromoCodesEvent[] {
  switch (command.type) {
    case 'AddPromoCode': return add(command, state);
    case 'ReservePromoCodeUse': return reserve(command, state);
    case 'ReleasePromoCodeUse': return release(command, state);
    default: return unreachable(command);
  }
}

function countUse(state: PromoCodesState, code: string, delta: number): PromoCodesState['codes'] {
  const terms = lookup(state.codes, code);
  return terms ? { ...state.codes, [code]: { ...terms, used: terms.used + delta } } : state.codes;
}

function evolve(state: PromoCodesState, event: PromoCodesEvent): PromoCodesState {
  switch (event.type) {
    case 'PromoCodeAdded': {
      const { code, discountType, discount, seatTypeId, uses } = event.data;
      return { ...state, codes: { ...state.codes, [code]: { code, discountType, discount, seatTypeId, uses, used: 0 } } };
    }
    case 'PromoCodeUseReserved': {
      const { code, orderId } = event.data;
      return { codes: countUse(state, code, 1), holders: { ...state.holders, [orderId]: code } };
    }
    case 'PromoCodeUseReleased': {
      const { code, orderId } = event.data;
      const holders = Object.fromEntries(Object.entries(state.holders).filter(([holder]) => holder !== orderId));
      return { codes: countUse(state, code, -1), holders };
    }
    default: return state;
  }
}

/** Terms of a code as an order is priced with them, or null when the conference has no such code. */
export function promotionOf(state: PromoCodesState, code: string): Promotion | null {
  const terms = lookup(state.codes, code);
  if (!terms) return null;
  const { discountType, discount, seatTypeId } = terms;
  return { code, discountType, discount, seatTypeId };
}

export const promoCodes: Decider<PromoCodesCommand, PromoCodesEvent, PromoCodesState> = {
  streamType: 'promo-codes',
  initialState: { codes: {}, holders: {} },
  evolve,
  decide,
};

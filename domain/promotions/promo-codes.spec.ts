import { describe, expect, it } from 'vitest';
import { fold } from '../shared/decider';
import { given } from '../shared/testing';
import {
  promoCodes, promotionOf, type AddPromoCode, type PromoCodesCommand, type PromoCodesEvent, type PromoCodeTerms,
} from './promo-codes';

const conferenceId = 'c-1';
const seatTypeIds = ['general', 'workshop'];
const terms: PromoCodeTerms = { code: 'WS10', discountType: 'amount', discount: 2000, seatTypeId: 'workshop', uses: 2 };
const addCode = (changes: Partial<AddPromoCode['data']> = {}): PromoCodesCommand =>
  ({ type: 'AddPromoCode', data: { conferenceId, ...terms, seatTypeIds, ...changes } });
const codeAdded = (changes: Partial<PromoCodeTerms> = {}): PromoCodesEvent =>
  ({ type: 'PromoCodeAdded', data: { conferenceId, ...terms, ...changes } });
const reserveUse = (orderId: string, code = 'WS10'): PromoCodesCommand =>
  ({ type: 'ReservePromoCodeUse', data: { conferenceId, code, orderId } });
const useReserved = (orderId: string, code = 'WS10'): PromoCodesEvent =>
  ({ type: 'PromoCodeUseReserved', data: { conferenceId, code, orderId } });
const releaseUse = (orderId: string): PromoCodesCommand => ({ type: 'ReleasePromoCodeUse', data: { conferenceId, orderId } });
const useReleased = (orderId: string, code = 'WS10'): PromoCodesEvent =>
  ({ type: 'PromoCodeUseReleased', data: { conferenceId, code, orderId } });

describe('given no promo codes', () => {
  it('adds a code', () => given(promoCodes).when(addCode()).then([codeAdded()]));

  it('adds a code for every seat type with unlimited uses', () =>
    given(promoCodes).when(addCode({ code: 'SPEAKER123', discountType: 'percent', discount: 100, seatTypeId: null, uses: null }))
      .then([codeAdded({ code: 'SPEAKER123', discountType: 'percent', discount: 100, seatTypeId: null, uses: null })]));

  it.each<[string, Partial<AddPromoCode['data']>]>([
    ['InvalidPromoCode', { code: 'ab' }],
    ['InvalidPromoCode', { code: 'lowercase' }],
    ['InvalidPromoCode', { code: 'TWENTYONECHARACTERS12' }],
    ['InvalidPromoCode', { code: 'NO-DASH' }],
    ['InvalidDiscount', { discountType: 'percent', discount: 0 }],
    ['InvalidDiscount', { discountType: 'percent', discount: 101 }],
    ['InvalidDiscount', { discountType: 'amount', discount: 12.5 }],
    ['UnknownSeatType', { seatTypeId: 'ghost' }],
    ['InvalidPromoCodeUses', { uses: 0 }],
  ])('refuses %s', (code, changes) => given(promoCodes).when(addCode(changes)).thenThrows(code));

  it('refuses to reserve a use of a code it does not have', () =>
    given(promoCodes).when(reserveUse('o-1')).thenThrows('PromoCodeNotValid'));

  it('releases nothing for an order holding no use', () => given(promoCodes).when(releaseUse('o-1')).then([]));
});

describe('given a code with two uses', () => {
  it('refuses the same code again', () => given(promoCodes, [codeAdded()]).when(addCode({ uses: 5 })).thenThrows('PromoCodeTaken'));

  it('reserves a use for an order', () => given(promoCodes, [codeAdded()]).when(reserveUse('o-1')).then([useReserved('o-1')]));

  it('tells the terms an order is priced with', () =>
    expect(promotionOf(fold(promoCodes, [codeAdded()]), 'WS10'))
      .toEqual({ code: 'WS10', discountType: 'amount', discount: 2000, seatTypeId: 'workshop' }));

  it('knows no terms for another code', () => expect(promotionOf(fold(promoCodes, [codeAdded()]), 'WS20')).toBeNull());
});

describe('given a code with one use left', () => {
  const history = [codeAdded(), useReserved('o-1')];

  it('reserves the last use', () => given(promoCodes, history).when(reserveUse('o-2')).then([useReserved('o-2')]));

  it('changes nothing when the holder reserves it again', () => given(promoCodes, history).when(reserveUse('o-1')).then([]));

  it('moves an order that takes another code off its first one', () =>
    given(promoCodes, [...history, codeAdded({ code: 'CONFONLY', seatTypeId: 'general' })]).when(reserveUse('o-1', 'CONFONLY'))
      .then([useReleased('o-1'), useReserved('o-1', 'CONFONLY')]));
});

describe('given a code whose uses are all held', () => {
  const history = [codeAdded(), useReserved('o-1'), useReserved('o-2')];

  it('refuses another order', () => given(promoCodes, history).when(reserveUse('o-3')).thenThrows('PromoCodeNotValid'));

  it('releases the use of an expired order', () => given(promoCodes, history).when(releaseUse('o-1')).then([useReleased('o-1')]));

  it('serves another order once a use is released', () =>
    given(promoCodes, [...history, useReleased('o-1')]).when(reserveUse('o-3')).then([useReserved('o-3')]));

  it('releases a use once only', () =>
    given(promoCodes, [...history, useReleased('o-1')]).when(releaseUse('o-1')).then([]));
});

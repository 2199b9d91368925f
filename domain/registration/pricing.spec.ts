import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { priceOrder, type CatalogEntry } from './pricing';

const catalog: CatalogEntry[] = [
  { seatTypeId: 'general', name: 'General', price: 1510 },
  { seatTypeId: 'workshop', name: 'Workshop', price: 0 },
];

describe('pricing an order', () => {
  it('multiplies the unit price by the quantity: 3 × 1510 = 4530', () =>
    expect(priceOrder([{ seatTypeId: 'general', quantity: 3 }], catalog)).toEqual({
      lines: [{ seatTypeId: 'general', name: 'General', quantity: 3, unitPrice: 1510, lineTotal: 4530 }],
      total: 4530,
      isFreeOfCharge: false,
    }));

  it('rounds each line to whole cents', () =>
    expect(priceOrder([{ seatTypeId: 'odd', quantity: 3 }], [{ seatTypeId: 'odd', name: 'Odd', price: 1510.5 }]))
      .toEqual({
        lines: [{ seatTypeId: 'odd', name: 'Odd', quantity: 3, unitPrice: 1510.5, lineTotal: 4532 }],
        total: 4532,
        isFreeOfCharge: false,
      }));

  it('sums the lines and leaves out seat types with no seats', () => {
    const { lines, total } = priceOrder([
      { seatTypeId: 'general', quantity: 2 }, { seatTypeId: 'workshop', quantity: 0 },
    ], [...catalog, { seatTypeId: 'vip', name: 'VIP', price: 99 }]);
    expect({ lines: lines.map((line) => line.seatTypeId), total }).toEqual({ lines: ['general'], total: 3020 });
  });

  it('is free of charge when every line costs nothing', () =>
    expect(priceOrder([{ seatTypeId: 'workshop', quantity: 4 }], catalog)).toEqual({
      lines: [{ seatTypeId: 'workshop', name: 'Workshop', quantity: 4, unitPrice: 0, lineTotal: 0 }],
      total: 0,
      isFreeOfCharge: true,
    }));

  it('refuses an unknown seat type', () => {
    const price = () => priceOrder([{ seatTypeId: 'ghost', quantity: 1 }], catalog);
    expect(price).toThrow(DomainError);
    expect(price).toThrow(expect.objectContaining({ code: 'UnknownSeatType' }));
  });
});

describe('pricing an order with a promo code', () => {
  const seats = [{ seatTypeId: 'general', quantity: 2 }, { seatTypeId: 'vip', quantity: 1 }];
  const withVip: CatalogEntry[] = [...catalog, { seatTypeId: 'vip', name: 'VIP', price: 19900 }];
  const promotion = (discountType: 'percent' | 'amount', discount: number, seatTypeId: string | null = null) =>
    ({ code: 'SAVE', discountType, discount, seatTypeId });

  it('takes a percent off every line: 10 % of 3020 + 19900', () =>
    expect(priceOrder(seats, withVip, promotion('percent', 10))).toMatchObject({ total: 20628, discount: { code: 'SAVE', amount: 2292 } }));

  it('takes a percent off only the lines of the seat type it covers', () =>
    expect(priceOrder(seats, withVip, promotion('percent', 100, 'vip')))
      .toMatchObject({ total: 3020, isFreeOfCharge: false, discount: { code: 'SAVE', amount: 19900 } }));

  it('takes an amount once per covered seat', () =>
    expect(priceOrder(seats, withVip, promotion('amount', 1000, 'general'))).toMatchObject({ total: 20920, discount: { amount: 2000 } }));

  it('never takes more off a seat than it costs, nor goes below zero', () =>
    expect(priceOrder(seats, withVip, promotion('amount', 2000, 'general'))).toMatchObject({ total: 19900, discount: { amount: 3020 } }));

  it('makes the order free with 100 % off everything', () =>
    expect(priceOrder(seats, withVip, promotion('percent', 100)))
      .toMatchObject({ total: 0, isFreeOfCharge: true, discount: { code: 'SAVE', amount: 22920 } }));

  it('takes nothing off when it covers no seat of the order', () =>
    expect(priceOrder(seats, withVip, promotion('percent', 50, 'workshop'))).toMatchObject({ total: 22920, discount: { amount: 0 } }));
});

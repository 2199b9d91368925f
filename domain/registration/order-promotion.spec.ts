import { describe, it } from 'vitest';
import { given } from '../shared/testing';
import { order, type OrderEvent } from './order';
import {
  completed, confirm, confirmed, general, line, markReserved, orderId, orderPlaced, partial, place, startPayment, update, updated, vip,
} from './order.examples';

// 3 general at $15.10 and 1 VIP at $50.00, with promo codes.
const speaker = { code: 'SPEAKER123', discountType: 'percent', discount: 100, seatTypeId: null } as const;
const vipOff = { code: 'VIP20', discountType: 'amount', discount: 2000, seatTypeId: 'vip' } as const;
const generalTenPercent = { code: 'COPRESENTER', discountType: 'percent', discount: 10, seatTypeId: 'general' } as const;

const placedWith = (promotion: typeof speaker | typeof vipOff | typeof generalTenPercent): OrderEvent =>
  ({ ...orderPlaced, data: { ...orderPlaced.data, promotion } } as OrderEvent);
const discounted = (lines: ReturnType<typeof line>[], code: string, amount: number): OrderEvent => {
  const subtotal = lines.reduce((sum, { lineTotal }) => sum + lineTotal, 0);
  const total = subtotal - amount;
  return { type: 'OrderTotalsCalculated', data: { orderId, lines, total, isFreeOfCharge: total === 0, discount: { code, amount } } };
};

describe('given no order and a promo code whose use it holds', () => {
  it('places it with the code and takes an amount off each covered seat', () =>
    given(order).when(place({ promotion: vipOff }))
      .then([placedWith(vipOff), discounted([line('general', 3), line('vip', 1)], 'VIP20', 2000)]));

  it('takes a percent off the lines of the covered seat type only', () =>
    given(order).when(place({ promotion: generalTenPercent }))
      .then([placedWith(generalTenPercent), discounted([line('general', 3), line('vip', 1)], 'COPRESENTER', 453)]));
});

describe('given an order placed with a percent code', () => {
  const history = [placedWith(generalTenPercent), discounted([line('general', 3), line('vip', 1)], 'COPRESENTER', 453)];

  it('reprices a seat change with the same code', () =>
    given(order, history).when(update([general(2)]))
      .then([updated([general(2)]), discounted([line('general', 2)], 'COPRESENTER', 302)]));

  it('reprices a partial reservation with the same code', () =>
    given(order, history).when(markReserved([general(1), vip(1)]))
      .then([partial([general(1), vip(1)]), discounted([line('general', 1), line('vip', 1)], 'COPRESENTER', 151)]));
});

describe('given a fully reserved order that a 100 % code made free', () => {
  const history = [placedWith(speaker), discounted([line('general', 3), line('vip', 1)], 'SPEAKER123', 9530), completed];

  it('is confirmed without a payment', () =>
    given(order, history).when(confirm).then([{ ...confirmed(), data: { ...confirmed().data, total: 0 } } as OrderEvent]));

  it('refuses a payment: there is nothing to pay', () => given(order, history).when(startPayment()).thenThrows('OrderIsFree'));
});

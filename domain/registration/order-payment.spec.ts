import { describe, it } from 'vitest';
import { given } from '../shared/testing';
import { order, type OrderEvent } from './order';
import {
  assigned, completed, confirm, confirmed, general, line, orderId, orderPlaced, paidWith, paymentReleased, paymentStarted,
  placedTotals, registrant, releasePayment, startPayment, totals, update, updated,
} from './order.examples';

// One open payment per order, known to the order: it alone confirms the order, and seats wait for it.

describe('given a fully reserved order with an open payment', () => {
  const history = [orderPlaced, placedTotals, completed, assigned, paymentStarted()];

  it('ignores starting the same payment again', () => given(order, history).when(startPayment()).then([]));

  it('refuses a second payment while one is open', () =>
    given(order, history).when(startPayment('p-2')).thenThrows('PaymentInProgress'));

  it('refuses seat changes while the payment is open', () =>
    given(order, history).when(update()).thenThrows('PaymentInProgress'));

  it('is confirmed by its open payment with the registrant e-mail', () =>
    given(order, history).when(paidWith()).then([confirmed(registrant.email)]));

  it('refuses a payment of another amount than its total', () =>
    given(order, history).when(paidWith('p-1', 1)).thenThrows('PaymentDoesNotMatchOrder'));

  it('refuses a confirmation by another payment', () =>
    given(order, history).when(paidWith('p-2')).thenThrows('PaymentNotOpen'));

  it('releases the payment the processor rejected', () =>
    given(order, history).when(releasePayment()).then([paymentReleased()]));

  it('ignores the release of another payment', () => given(order, history).when(releasePayment('p-2')).then([]));
});

describe('given an order whose payment was rejected and released', () => {
  const history = [orderPlaced, placedTotals, completed, paymentStarted(), paymentReleased()];

  it('changes its seats again', () =>
    given(order, history).when(update()).then([updated([general(2)]), totals(line('general', 2))]));

  it('starts another payment', () => given(order, history).when(startPayment('p-2')).then([paymentStarted('p-2')]));

  it('is not confirmed by the released payment', () => given(order, history).when(paidWith()).thenThrows('PaymentNotOpen'));
});

describe('given a free order', () => {
  const free = { type: 'OrderTotalsCalculated', data: { orderId, lines: [], total: 0, isFreeOfCharge: true } } as OrderEvent;
  const history = [orderPlaced, free, completed];

  it('is confirmed without a payment', () =>
    given(order, history).when(confirm).then([{ ...confirmed(), data: { ...confirmed().data, total: 0 } } as OrderEvent]));

  it('takes no payment', () => given(order, history).when(startPayment()).thenThrows('OrderIsFree'));
});

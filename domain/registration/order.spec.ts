import { describe, expect, it } from 'vitest';
import { given } from '../shared/testing';
import { order, type OrderCommand, type OrderEvent } from './order';
import {
  assign, assigned, canBePaid, catalog, codeOf, completed, conferenceId, confirm, confirmed, expire, expired, general, line,
  markReserved, orderId, orderPlaced, paidWith, partial, paymentStarted, place, placedTotals, registrant, releasePayment,
  startPayment, totals, update, updated, vip,
} from './order.examples';

describe('given no order', () => {
  it('places it and prices it', () => given(order).when(place()).then([orderPlaced, placedTotals]));

  it('keeps one entry per seat type and drops zeros', () =>
    given(order).when(place({ seats: [general(1), vip(0), general(2)] })).then([
      { ...orderPlaced, data: { ...orderPlaced.data, seats: [general(3)] } } as OrderEvent,
      totals(line('general', 3)),
    ]));

  it.each([
    ['NoSeatsSelected', [general(0)]],
    ['NoSeatsSelected', []],
    ['InvalidQuantity', [general(-1)]],
    ['InvalidQuantity', [general(1.5)]],
    ['TooManySeats', [general(21)]],
    ['UnknownSeatType', [{ seatTypeId: 'ghost', quantity: 1 }]],
  ])('refuses %s', (code, seats) => given(order).when(place({ seats })).thenThrows(code));

  it('accepts 20 seats of a type', () =>
    given(order).when(place({ seats: [general(20)] }))
      .then([{ ...orderPlaced, data: { ...orderPlaced.data, seats: [general(20)] } } as OrderEvent, totals(line('general', 20))]));

  it('refuses an order for an unpublished conference', () =>
    given(order).when(place({ conferencePublished: false })).thenThrows('ConferenceNotPublished'));

  it('places an order for seats offered from the waiting line even once the conference was unpublished', () =>
    given(order).when(place({ conferencePublished: false, offered: true })).then([orderPlaced, placedTotals]));

  it('refuses an expiry that is not a timestamp', () =>
    given(order).when(place({ reservationExpiresAt: 'soon' })).thenThrows('InvalidReservationExpiry'));

  it.each<OrderCommand>([update(), markReserved(), expire, assign(), startPayment(), releasePayment(), confirm])(
    'refuses $type with OrderNotFound',
    (command) => given(order).when(command).thenThrows('OrderNotFound'),
  );

  it('cannot be paid', () => expect(codeOf(canBePaid([]))).toBe('OrderNotFound'));
});

describe('given a placed order awaiting its reservation', () => {
  const history = [orderPlaced, placedTotals];

  it('refuses to be placed again', () => given(order, history).when(place()).thenThrows('OrderAlreadyExists'));

  it('updates its seats and reprices them', () =>
    given(order, history).when(update()).then([updated([general(2)]), totals(line('general', 2))]));

  it('ignores an update to the same seats', () => given(order, history).when(update([vip(1), general(3)])).then([]));

  it('refuses an update once the conference is unpublished', () =>
    given(order, history).when(update(undefined, { conferencePublished: false })).thenThrows('ConferenceNotPublished'));

  it('refuses an update with too many seats', () =>
    given(order, history).when(update([vip(21)])).thenThrows('TooManySeats'));

  it('completes the reservation when every seat is reserved, without repricing', () =>
    given(order, history).when(markReserved([vip(1), general(3)]))
      .then([{ ...completed, data: { ...completed.data, seats: [vip(1), general(3)] } } as OrderEvent]));

  it('reserves partially and reprices the reserved seats', () =>
    given(order, history).when(markReserved([general(2)]))
      .then([partial([general(2)]), totals(line('general', 2))]));

  it('prices an update with the catalog it is given', () => {
    const repriced = [{ ...catalog[0]!, price: 9999 }];
    given(order, history).when({ type: 'UpdateOrderSeats', data: { ...update().data, catalog: repriced } })
      .then([updated([general(2)]), totals({ ...line('general', 2), unitPrice: 9999, lineTotal: 19998 })]);
  });

  it('records that nothing could be reserved', () =>
    given(order, history).when(markReserved([]))
      .then([partial([]), { type: 'OrderTotalsCalculated', data: { orderId, lines: [], total: 0, isFreeOfCharge: true } }]));

  it('refuses a reservation larger than requested', () =>
    given(order, history).when(markReserved([general(4)])).thenThrows('ReservationExceedsRequest'));

  // Taken, it would reprice the order at the old seats, and the reply to the latest request,
  // all of it reserved, would then leave the order holding more than it is charged for.
  it('ignores the reply to a request its seats were re-chosen since', () =>
    given(order, [...history, updated([general(3), vip(2)]), totals(line('general', 3), line('vip', 2))]).when(markReserved()).then([]));

  it('reprices a full reservation that follows a late partial reply to seats chosen again', () =>
    given(order, [...history, updated([general(1)]), totals(line('general', 1)), updated([general(3), vip(1)]), placedTotals,
      partial([general(2)]), totals(line('general', 2))])
      .when(markReserved())
      .then([completed, placedTotals]));

  it('takes the reply to its latest request', () =>
    given(order, [...history, updated([general(2)]), totals(line('general', 2))])
      .when(markReserved([general(1)], undefined, [general(2)])).then([partial([general(1)]), totals(line('general', 1))]));

  it('takes the registrant details', () => given(order, history).when(assign()).then([assigned]));

  it.each([{ firstName: ' ' }, { lastName: '' }, { email: 'ada' }])('refuses registrant %o', (change) =>
    given(order, history).when(assign(change)).thenThrows('InvalidRegistrant'));

  it('refuses confirmation', () => given(order, history).when(confirm).thenThrows('OrderNotReserved'));

  it('refuses a payment', () => given(order, history).when(startPayment()).thenThrows('OrderNotReserved'));

  it('cannot be paid yet', () => expect(codeOf(canBePaid(history))).toBe('OrderNotReserved'));

  it('expires', () => given(order, history).when(expire).then([expired]));
});

describe('given a partially reserved order', () => {
  const history = [orderPlaced, placedTotals, partial([general(2)]), totals(line('general', 2))];

  it('reprices a later partial reservation with the unit prices it was placed with', () =>
    given(order, [...history, updated([general(3), vip(1)])])
      .when(markReserved([general(1), vip(1)]))
      .then([partial([general(1), vip(1)]), totals(line('general', 1), line('vip', 1))]));

  it('retries the same seats, hoping for more', () =>
    given(order, history).when(update([general(3), vip(1)])).then([updated([general(3), vip(1)]), placedTotals]));

  it('ignores the same reservation reported again', () =>
    given(order, history).when(markReserved([general(2)])).then([]));

  it('can be paid', () => expect(codeOf(canBePaid(history))).toBeUndefined());

  it('confirms the reserved seats at the repriced total', () =>
    given(order, [...history, assigned, paymentStarted('p-1', 3020)]).when(paidWith('p-1', 3020)).then([{
      type: 'OrderConfirmed',
      data: { orderId, conferenceId, seats: [general(2)], accessCode: 'ABC123', email: registrant.email, total: 3020 },
    }]));
});

describe('given an order of which nothing could be reserved', () => {
  const history = [orderPlaced, placedTotals, partial([]), totals()];

  it('refuses confirmation', () => given(order, history).when(confirm).thenThrows('OrderHasNoReservedSeats'));

  it('refuses a payment', () => given(order, history).when(startPayment()).thenThrows('OrderHasNoReservedSeats'));

  it('cannot be paid', () => expect(codeOf(canBePaid(history))).toBe('OrderHasNoReservedSeats'));
});

describe('given a fully reserved order', () => {
  const history = [orderPlaced, placedTotals, completed];

  it('refuses confirmation without a payment: it is not free', () =>
    given(order, history).when(confirm).thenThrows('PaymentRequired'));

  it('starts a payment of its total', () => given(order, history).when(startPayment()).then([paymentStarted()]));

  it('refuses a confirmation by a payment it did not start', () =>
    given(order, history).when(paidWith()).thenThrows('PaymentNotOpen'));

  it('keeps its first expiry when its seats change: a hold is never extended', () =>
    given(order, history).when(update([general(1)])).then([updated([general(1)]), totals(line('general', 1))]));

  it('ignores identical registrant details', () => given(order, [...history, assigned]).when(assign()).then([]));

  it('ignores an update to the same seats', () => given(order, history).when(update([general(3), vip(1)])).then([]));

  it('can be paid', () => expect(codeOf(canBePaid(history))).toBeUndefined());

  it('ignores an expiry smuggled into a seat change: the hold keeps its first one', () => {
    const command = { type: 'UpdateOrderSeats', data: { ...update().data, reservationExpiresAt: '2099-01-01T00:00:00.000Z' } };
    given(order, history).when(command as OrderCommand).then([updated([general(2)]), totals(line('general', 2))]);
  });

  it('expires', () => given(order, history).when(expire).then([expired]));
});

describe('given a confirmed order', () => {
  const history = [orderPlaced, placedTotals, completed, paymentStarted(), confirmed()];

  it('ignores confirming it again', () => given(order, history).when(confirm).then([]));

  it('refuses to expire', () => given(order, history).when(expire).thenThrows('OrderAlreadyConfirmed'));

  it('refuses seat changes', () => given(order, history).when(update()).thenThrows('OrderAlreadyConfirmed'));

  it('ignores a late reservation reply', () => given(order, history).when(markReserved([general(1)])).then([]));

  it('refuses new registrant details: the confirmation was sent to them', () =>
    given(order, history).when(assign()).thenThrows('OrderAlreadyConfirmed'));

  it('starts no payment', () => given(order, history).when(startPayment('p-2')).thenThrows('OrderAlreadyConfirmed'));

  it('cannot be paid again', () => expect(codeOf(canBePaid(history))).toBe('OrderAlreadyConfirmed'));
});

describe('given an expired order', () => {
  const history = [orderPlaced, placedTotals, completed, expired];

  it('ignores expiring it again', () => given(order, history).when(expire).then([]));

  it('refuses confirmation', () => given(order, history).when(confirm).thenThrows('OrderExpired'));

  it('refuses seat changes', () => given(order, history).when(update()).thenThrows('OrderExpired'));

  it('refuses registrant details', () => given(order, history).when(assign()).thenThrows('OrderExpired'));

  it('ignores a late reservation reply', () => given(order, history).when(markReserved()).then([]));

  it('cannot be paid', () => expect(codeOf(canBePaid(history))).toBe('OrderExpired'));
});

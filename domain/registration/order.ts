import { unreachable, type Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/errors';
import { assertQuantities, normalizeSeats, quantityOf, sameSeats, type SeatQuantity } from '../shared/seats';
import { isTimestamp } from '../shared/validation';
import type {
  AssignRegistrantDetails, ConfirmOrder, MarkSeatsAsReserved, OrderCommand, OrderEvent, OrderState, PlaceOrder, PlacedOrder,
  ReleasePayment, StartPayment, UpdateOrderSeats,
} from './order-messages';
import type { Promotion } from '../promotions/promo-codes';
import { priceOrder, type CatalogEntry, type OrderTotals } from './pricing';
import { isPerson, maxSeatsPerSeatType } from './rules';


export * from './order-messages';

/** Guards a seat selection and prices it; returns the selection normalised (one entry per type, no zeros). */
function priceSelection(seats: readonly SeatQuantity[], catalog: readonly CatalogEntry[], promotion: Promotion | null) {
  assertQuantities(seats);
  const selection = normalizeSeats(seats);
  if (selection.length === 0) throw invalid('NoSeatsSelected');
  if (selection.some((seat) => seat.quantity > maxSeatsPerSeatType)) throw invalid('TooManySeats');
  return { selection, totals: priceOrder(selection, catalog, promotion) };
}

function assertExpiry(reservationExpiresAt: string): void {
  if (!isTimestamp(reservationExpiresAt)) throw invalid('InvalidReservationExpiry');
}

function placed(state: OrderState): PlacedOrder {
  if (state.status === 'none') throw notFound('OrderNotFound');
  return state;
}

/** Refuses changes to an order that is over; shared by seat updates and registrant details. */
function assertOpen(order: PlacedOrder): void {
  if (order.status === 'confirmed') throw conflict('OrderAlreadyConfirmed');
  if (order.status === 'expired') throw conflict('OrderExpired');
}

/** Throws unless a payment may start now: reserved, not expired, not confirmed, some seats held. */
export function assertOrderCanBePaid(state: OrderState): void {
  const order = placed(state);
  assertOpen(order);
  if (order.status === 'pending') throw conflict('OrderNotReserved', 'The seat reservation is still pending');
  if (order.reserved.length === 0) throw invalid('OrderHasNoReservedSeats');
}

function place(command: PlaceOrder, state: OrderState): OrderEvent[] {
  if (state.status !== 'none') throw conflict('OrderAlreadyExists');
  const { orderId, conferenceId, conferencePublished, seats, catalog, currency, reservationExpiresAt, accessCode, promotion, offered } = command.data;
  // Seats offered from the waiting line are already held for this order: an unpublication since does not take them back.
  if (!conferencePublished && !offered) throw conflict('ConferenceNotPublished');
  const { selection, totals } = priceSelection(seats, catalog, promotion ?? null);
  assertExpiry(reservationExpiresAt);
  if (!/^[A-Z]{3}$/.test(currency)) throw invalid('InvalidCurrency');
  const placedData = { orderId, conferenceId, seats: selection, reservationExpiresAt, accessCode, currency };
  return [
    { type: 'OrderPlaced', data: promotion ? { ...placedData, promotion } : placedData },
    { type: 'OrderTotalsCalculated', data: { orderId, ...totals } },
  ];
}

function updateSeats(command: UpdateOrderSeats, state: OrderState): OrderEvent[] {
  const order = placed(state);
  assertOpen(order);
  if (order.openPaymentId) throw conflict('PaymentInProgress');
  const { orderId, seats, catalog, conferencePublished } = command.data;
  if (conferencePublished === false) throw conflict('ConferenceNotPublished');
  const { selection, totals } = priceSelection(seats, catalog, order.promotion);
  const { reservationExpiresAt } = order;
  // Same seats again is satisfied unless a partial reservation is worth retrying.
  const fullyHeld = order.status === 'pending' || sameSeats(order.reserved, order.requested);
  if (sameSeats(selection, order.requested) && fullyHeld) return [];
  return [
    { type: 'OrderUpdated', data: { orderId, conferenceId: order.conferenceId, seats: selection, reservationExpiresAt } },
    { type: 'OrderTotalsCalculated', data: { orderId, ...totals } },
  ];
}

function markAsReserved(command: MarkSeatsAsReserved, state: OrderState): OrderEvent[] {
  const order = placed(state);
  // A reply that arrives once the order is over changes nothing: expiry already released the seats.
  if (order.status === 'confirmed' || order.status === 'expired') return [];
  const { orderId, seats, requested, reservationExpiresAt } = command.data;
  // The answer to seats since re-chosen says nothing of what the order asks now (repricing by
  // it would undercharge); the answer to the latest request is on its way.
  if (!sameSeats(normalizeSeats(requested), order.requested)) return [];
  assertQuantities(seats);
  const reserved = normalizeSeats(seats);
  if (reserved.some((seat) => seat.quantity > quantityOf(order.requested, seat.seatTypeId))) {
    throw invalid('ReservationExceedsRequest');
  }
  const unchanged = sameSeats(reserved, order.reserved) && reservationExpiresAt === order.reservationExpiresAt;
  if (order.status === 'reserved' && unchanged) return [];
  const data = { orderId, conferenceId: order.conferenceId, seats: reserved, reservationExpiresAt };
  const repriced = (): OrderEvent => ({ type: 'OrderTotalsCalculated', data: { orderId, ...priceOrder(reserved, order.prices, order.promotion) } });
  if (!sameSeats(reserved, order.requested)) return [{ type: 'OrderPartiallyReserved', data }, repriced()];
  const completed: OrderEvent = { type: 'OrderReservationCompleted', data };
  // Its totals are for these seats unless a late partial reply repriced it (its seats chosen A,
  // then B, then A again): it is charged for what it holds.
  return sameSeats(order.lines, reserved) ? [completed] : [completed, repriced()];
}

function expire(state: OrderState): OrderEvent[] {
  const order = placed(state);
  if (order.status === 'expired') return [];
  if (order.status === 'confirmed') throw conflict('OrderAlreadyConfirmed');
  return [{ type: 'OrderExpired', data: { orderId: order.orderId, conferenceId: order.conferenceId } }];
}

function assignRegistrant(command: AssignRegistrantDetails, state: OrderState): OrderEvent[] {
  const order = placed(state);
  assertOpen(order);
  const { firstName, lastName, email } = command.data;
  if (!isPerson(command.data)) {
    throw invalid('InvalidRegistrant', 'First name, last name and a valid e-mail are required');
  }
  const current = order.registrant;
  if (current?.firstName === firstName && current.lastName === lastName && current.email === email) return [];
  return [{ type: 'OrderRegistrantAssigned', data: command.data }];
}

function startPayment(command: StartPayment, state: OrderState): OrderEvent[] {
  assertOrderCanBePaid(state);
  const order = placed(state);
  const { orderId, paymentId } = command.data;
  if (order.openPaymentId === paymentId) return [];
  if (order.openPaymentId) throw conflict('PaymentInProgress');
  if (order.total === 0) throw invalid('OrderIsFree');
  return [{ type: 'OrderPaymentStarted', data: { orderId, paymentId, amount: order.total } }];
}

function releasePayment(command: ReleasePayment, state: OrderState): OrderEvent[] {
  const order = placed(state);
  if (order.openPaymentId !== command.data.paymentId) return [];
  return [{ type: 'OrderPaymentReleased', data: command.data }];
}

/** Only the open payment, paying the whole total, confirms; a free order needs none. */
function assertPaid(order: PlacedOrder, { paymentId, amountPaid }: ConfirmOrder['data']): void {
  if (paymentId === undefined) {
    if (order.total !== 0) throw conflict('PaymentRequired');
    return;
  }
  if (paymentId !== order.openPaymentId) throw conflict('PaymentNotOpen');
  if (amountPaid !== order.total) throw conflict('PaymentDoesNotMatchOrder');
}

function confirm(command: ConfirmOrder, state: OrderState): OrderEvent[] {
  if (state.status === 'confirmed') return [];
  assertOrderCanBePaid(state);
  const order = placed(state);
  assertPaid(order, command.data);
  const { orderId, conferenceId, reserved, accessCode, registrant, total } = order;
  const data = { orderId, conferenceId, seats: reserved, accessCode, email: registrant?.email ?? '', total };
  return [{ type: 'OrderConfirmed', data }];
}

function decide(command: OrderCommand, state: OrderState): readonly OrderEvent[] {
  switch (command.type) {
    case 'PlaceOrder': return place(command, state);
    case 'UpdateOrderSeats': return updateSeats(command, state);
    case 'MarkSeatsAsReserved': return markAsReserved(command, state);
    case 'ExpireOrder': return expire(state);
    case 'AssignRegistrantDetails': return assignRegistrant(command, state);
    case 'StartPayment': return startPayment(command, state);
    case 'ReleasePayment': return releasePayment(command, state);
    case 'ConfirmOrder': return confirm(command, state);
    default: return unreachable(command);
  }
}

function withTotals(order: PlacedOrder, { lines, total, isFreeOfCharge }: OrderTotals): PlacedOrder {
  const quoted = lines.map(({ seatTypeId, name, unitPrice }) => ({ seatTypeId, name, price: unitPrice }));
  const kept = order.prices.filter((entry) => !quoted.some((quote) => quote.seatTypeId === entry.seatTypeId));
  return { ...order, lines, total, isFreeOfCharge, prices: [...kept, ...quoted] };
}

function evolvePlaced(order: PlacedOrder, event: OrderEvent): PlacedOrder {
  switch (event.type) {
    case 'OrderUpdated': {
      const { seats, reservationExpiresAt } = event.data;
      return { ...order, status: 'pending', requested: seats, reservationExpiresAt };
    }
    case 'OrderPartiallyReserved':
    case 'OrderReservationCompleted': {
      const { seats, reservationExpiresAt } = event.data;
      return { ...order, status: 'reserved', reserved: seats, reservationExpiresAt };
    }
    case 'OrderTotalsCalculated': return withTotals(order, event.data);
    case 'OrderRegistrantAssigned': {
      const { firstName, lastName, email } = event.data;
      return { ...order, registrant: { firstName, lastName, email } };
    }
    case 'OrderPaymentStarted': return { ...order, openPaymentId: event.data.paymentId };
    case 'OrderPaymentReleased': return { ...order, openPaymentId: null };
    case 'OrderConfirmed': return { ...order, status: 'confirmed', openPaymentId: null };
    case 'OrderExpired': return { ...order, status: 'expired' };
    default: return order;
  }
}

function evolve(state: OrderState, event: OrderEvent): OrderState {
  if (event.type === 'OrderPlaced') {
    const { orderId, conferenceId, seats, accessCode, currency, reservationExpiresAt, promotion } = event.data;
    return {
      status: 'pending', orderId, conferenceId, requested: seats, reserved: [], prices: [], lines: [], total: 0,
      isFreeOfCharge: true, registrant: null, accessCode, currency, reservationExpiresAt, openPaymentId: null,
      promotion: promotion ?? null,
    };
  }
  return state.status === 'none' ? state : evolvePlaced(state, event);
}

export const order: Decider<OrderCommand, OrderEvent, OrderState> = {
  streamType: 'order',
  initialState: { status: 'none' },
  evolve,
  decide,
};

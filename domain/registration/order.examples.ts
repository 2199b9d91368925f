import { fold } from '../shared/decider';
import { DomainError } from '../shared/errors';
import { assertOrderCanBePaid, order, type OrderCommand, type OrderEvent, type PlaceOrder, type UpdateOrderSeats } from './order';
import type { CatalogEntry, OrderLine as Line } from './pricing';

// The orders the order specs speak of: one placed for 3 general + 1 VIP seat, its events and commands.

export const orderId = 'o-1';
export const conferenceId = 'c-1';
export const expiresAt = '2026-06-01T10:15:00.000Z';
export const catalog: CatalogEntry[] = [
  { seatTypeId: 'general', name: 'General', price: 1510 },
  { seatTypeId: 'vip', name: 'VIP', price: 5000 },
];
export type Seat = { seatTypeId: string; quantity: number };
export const general = (quantity: number): Seat => ({ seatTypeId: 'general', quantity });
export const vip = (quantity: number): Seat => ({ seatTypeId: 'vip', quantity });
export const line = (seatTypeId: 'general' | 'vip', quantity: number): Line => {
  const entry = catalog.find((candidate) => candidate.seatTypeId === seatTypeId)!;
  return { seatTypeId, name: entry.name, quantity, unitPrice: entry.price, lineTotal: entry.price * quantity };
};
export const totals = (...lines: Line[]): OrderEvent => {
  const total = lines.reduce((sum, { lineTotal }) => sum + lineTotal, 0);
  return { type: 'OrderTotalsCalculated', data: { orderId, lines, total, isFreeOfCharge: total === 0 } };
};

export const placeData = {
  orderId, conferenceId, conferencePublished: true, seats: [general(3), vip(1)], catalog, currency: 'EUR',
  reservationExpiresAt: expiresAt, accessCode: 'ABC123',
};
export const place = (changes: Partial<PlaceOrder['data']> = {}): OrderCommand =>
  ({ type: 'PlaceOrder', data: { ...placeData, ...changes } });
export const orderPlaced: OrderEvent = {
  type: 'OrderPlaced',
  data: { orderId, conferenceId, seats: [general(3), vip(1)], reservationExpiresAt: expiresAt, accessCode: 'ABC123', currency: 'EUR' },
};
export const placedTotals = totals(line('general', 3), line('vip', 1));
export const update = (seats = [general(2)], changes: { conferencePublished?: boolean } = {}): UpdateOrderSeats =>
  ({ type: 'UpdateOrderSeats', data: { orderId, seats, catalog, ...changes } });
export const updated = (seats: Seat[]): OrderEvent =>
  ({ type: 'OrderUpdated', data: { orderId, conferenceId, seats, reservationExpiresAt: expiresAt } });
/** The availability's reply to the request for `requested` (by default, the seats placed). */
export const markReserved = (seats = [general(3), vip(1)], reservationExpiresAt = expiresAt, requested = [general(3), vip(1)]): OrderCommand =>
  ({ type: 'MarkSeatsAsReserved', data: { orderId, requestId: 'r-1', seats, requested, reservationExpiresAt } });
export const completed: OrderEvent = {
  type: 'OrderReservationCompleted',
  data: { orderId, conferenceId, seats: [general(3), vip(1)], reservationExpiresAt: expiresAt },
};
export const partial = (seats: Seat[]): OrderEvent =>
  ({ type: 'OrderPartiallyReserved', data: { orderId, conferenceId, seats, reservationExpiresAt: expiresAt } });
export const registrant = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };
export const assign = (changes: Partial<typeof registrant> = {}): OrderCommand =>
  ({ type: 'AssignRegistrantDetails', data: { orderId, ...registrant, ...changes } });
export const assigned: OrderEvent = { type: 'OrderRegistrantAssigned', data: { orderId, ...registrant } };
export const confirm: OrderCommand = { type: 'ConfirmOrder', data: { orderId } };
export const startPayment = (paymentId = 'p-1'): OrderCommand => ({ type: 'StartPayment', data: { orderId, paymentId } });
export const paymentStarted = (paymentId = 'p-1', amount = 9530): OrderEvent =>
  ({ type: 'OrderPaymentStarted', data: { orderId, paymentId, amount } });
export const releasePayment = (paymentId = 'p-1'): OrderCommand => ({ type: 'ReleasePayment', data: { orderId, paymentId } });
export const paymentReleased = (paymentId = 'p-1'): OrderEvent => ({ type: 'OrderPaymentReleased', data: { orderId, paymentId } });
export const paidWith = (paymentId = 'p-1', amountPaid = 9530): OrderCommand =>
  ({ type: 'ConfirmOrder', data: { orderId, paymentId, amountPaid } });
export const expire: OrderCommand = { type: 'ExpireOrder', data: { orderId } };
export const expired: OrderEvent = { type: 'OrderExpired', data: { orderId, conferenceId } };
export const confirmed = (email = ''): OrderEvent => ({
  type: 'OrderConfirmed',
  data: { orderId, conferenceId, seats: [general(3), vip(1)], accessCode: 'ABC123', email, total: 9530 },
});
export const canBePaid = (history: OrderEvent[]) => () => assertOrderCanBePaid(fold(order, history));
/** The rule a guard breaks; anything but a DomainError is a bug and fails the test. */
export const codeOf = (run: () => void) => {
  try { run(); } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};

import type { Promotion } from '../promotions/promo-codes';
import type { Message } from '../shared/decider';
import { eventTypes } from '../shared/event-types';
import type { SeatQuantity } from '../shared/seats';
import type { CatalogEntry, OrderLine, OrderTotals } from './pricing';

// An order's commands, events and state: what the decider in order.ts works on.

type OrderRef = Readonly<{ orderId: string }>;
type Seats = Readonly<{ seats: readonly SeatQuantity[] }>;
type Expiry = Readonly<{ reservationExpiresAt: string }>;
type Priced = Seats & Expiry & Readonly<{ catalog: readonly CatalogEntry[] }>;
export type Registrant = Readonly<{ firstName: string; lastName: string; email: string }>;

/**
 * `promotion`: the terms of a promo code whose use the order already holds; it prices every change.
 * `offered`: placed for seats the waiting line was offered, which are held for it already.
 */
export type PlaceOrder = Message<'PlaceOrder', OrderRef & Priced & Readonly<{
  conferenceId: string; conferencePublished: boolean; currency: string; accessCode: string; promotion?: Promotion; offered?: true;
}>>;
/**
 * `conferencePublished` is optional here: when the caller knows it is `false`, updates are refused.
 * No expiry: a hold never outlives the order's first one, or re-choosing seats would hold them forever.
 */
export type UpdateOrderSeats = Message<'UpdateOrderSeats', OrderRef & Seats & Readonly<{
  catalog: readonly CatalogEntry[]; conferencePublished?: boolean;
}>>;
/**
 * `seats`: what the availability granted; `requested`: what the request it answers asked for,
 * so a reply to a request the order has since replaced (its seats changed) is told apart.
 */
export type MarkSeatsAsReserved = Message<'MarkSeatsAsReserved', OrderRef & Seats & Expiry & Readonly<{
  requestId: string; requested: readonly SeatQuantity[];
}>>;
export type ExpireOrder = Message<'ExpireOrder', OrderRef>;
export type AssignRegistrantDetails = Message<'AssignRegistrantDetails', OrderRef & Registrant>;
type PaymentRef = OrderRef & Readonly<{ paymentId: string }>;
/** The order's one open payment: while it is open, the seats (and so the amount) cannot change. */
export type StartPayment = Message<'StartPayment', PaymentRef>;
/** The processor rejected the open payment: the order can be changed or paid again. */
export type ReleasePayment = Message<'ReleasePayment', PaymentRef>;
/**
 * With a payment: it must be the order's open one and pay its total to the cent. Without one,
 * only a free order can be confirmed.
 */
export type ConfirmOrder = Message<'ConfirmOrder', OrderRef & Readonly<{ paymentId?: string; amountPaid?: number }>>;
export type OrderCommand =
  | PlaceOrder | UpdateOrderSeats | MarkSeatsAsReserved | ExpireOrder | AssignRegistrantDetails
  | StartPayment | ReleasePayment | ConfirmOrder;

type OfConference = OrderRef & Readonly<{ conferenceId: string }>;
export type OrderPlaced = Message<'OrderPlaced', OfConference & Seats & Expiry & Readonly<{
  accessCode: string; currency: string; promotion?: Promotion;
}>>;
export type OrderUpdated = Message<'OrderUpdated', OfConference & Seats & Expiry>;
export type OrderPartiallyReserved = Message<'OrderPartiallyReserved', OfConference & Seats & Expiry>;
export type OrderReservationCompleted = Message<'OrderReservationCompleted', OfConference & Seats & Expiry>;
export type OrderTotalsCalculated = Message<'OrderTotalsCalculated', OrderRef & OrderTotals>;
export type OrderRegistrantAssigned = Message<'OrderRegistrantAssigned', OrderRef & Registrant>;
export type OrderPaymentStarted = Message<'OrderPaymentStarted', PaymentRef & Readonly<{ amount: number }>>;
export type OrderPaymentReleased = Message<'OrderPaymentReleased', PaymentRef>;
export type OrderConfirmed = Message<'OrderConfirmed', OfConference & Seats & Readonly<{
  accessCode: string; email: string; total: number;
}>>;
export type OrderExpired = Message<'OrderExpired', OfConference>;
export type OrderEvent =
  | OrderPlaced | OrderUpdated | OrderPartiallyReserved | OrderReservationCompleted | OrderTotalsCalculated
  | OrderRegistrantAssigned | OrderPaymentStarted | OrderPaymentReleased | OrderConfirmed | OrderExpired;

/** The Order events by name, all of them: readers of the feed use these. */
export const orderEvents = eventTypes<OrderEvent>()(
  'OrderPlaced', 'OrderUpdated', 'OrderPartiallyReserved', 'OrderReservationCompleted', 'OrderTotalsCalculated',
  'OrderRegistrantAssigned', 'OrderPaymentStarted', 'OrderPaymentReleased', 'OrderConfirmed', 'OrderExpired',
);

export type OrderStatus = 'none' | 'pending' | 'reserved' | 'confirmed' | 'expired';
export type PlacedOrder = Readonly<{
  status: Exclude<OrderStatus, 'none'>;
  orderId: string;
  conferenceId: string;
  /** What the registrant asked for / what the availability holds for the order. */
  requested: readonly SeatQuantity[];
  reserved: readonly SeatQuantity[];
  /** Unit prices the order was priced with: a partial reservation is repriced with these. */
  prices: readonly CatalogEntry[];
  lines: readonly OrderLine[];
  total: number;
  isFreeOfCharge: boolean;
  registrant: Registrant | null;
  accessCode: string;
  currency: string;
  reservationExpiresAt: string;
  /** The payment at the processor now, if any: the only one that can confirm the order. */
  openPaymentId: string | null;
  promotion: Promotion | null;
}>;
export type OrderState = { readonly status: 'none' } | PlacedOrder;

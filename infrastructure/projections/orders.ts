import { paymentEvents, type PaymentEvent } from '@/domain/payments/payment';
import type { OrderDiscount, OrderLine } from '@/domain/registration/pricing';
import { orderEvents, type OrderEvent, type Registrant } from '@/domain/registration/order';
import type { SeatQuantity } from '@/domain/registration/seats-availability';
import type { StoredEvent } from '../event-store/types';
import { documentSubscription, type DocumentProjection } from './document-projection';

/** pending: the reservation is being made; the others are settled states the UI can show. */
export type OrderViewStatus = 'pending' | 'partiallyReserved' | 'reserved' | 'confirmed' | 'expired';
export type PaymentView = {
  readonly paymentId: string;
  readonly status: 'initiated' | 'completed' | 'rejected' | 'refunded';
  readonly amount: number;
  /** The payment stream's version. */
  readonly version: number;
  /** The order's one open payment: until it is released or confirms the order, no other can start. */
  readonly open: boolean;
};

export type OrderDoc = {
  /** The order stream's version. */
  readonly version: number;
  readonly orderId: string;
  readonly conferenceId: string;
  readonly status: OrderViewStatus;
  readonly requested: readonly SeatQuantity[];
  readonly reserved: readonly SeatQuantity[];
  readonly lines: readonly OrderLine[];
  readonly total: number;
  /** What a promo code took off the lines (absent from documents projected before promo codes). */
  readonly discount?: OrderDiscount | null;
  readonly isFreeOfCharge: boolean;
  readonly currency: string;
  readonly reservationExpiresAt: string;
  readonly registrant: Registrant | null;
  readonly accessCode: string;
  readonly placedAt: string;
  readonly payment: PaymentView | null;
};

function evolveOrder(doc: OrderDoc | null, event: StoredEvent<OrderEvent>): OrderDoc | null {
  const version = event.streamPosition;
  if (event.type === 'OrderPlaced') {
    const { orderId, conferenceId, seats, reservationExpiresAt, accessCode, currency } = event.data;
    return {
      version, orderId, conferenceId, status: 'pending', requested: seats, reserved: [], lines: [], total: 0,
      isFreeOfCharge: false, currency, reservationExpiresAt, registrant: null, accessCode,
      placedAt: event.recordedAt.toISOString(), payment: null,
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case 'OrderUpdated':
      return { ...doc, version, status: 'pending', requested: event.data.seats, reservationExpiresAt: event.data.reservationExpiresAt };
    case 'OrderPartiallyReserved':
    case 'OrderReservationCompleted': {
      const status = event.type === 'OrderPartiallyReserved' ? 'partiallyReserved' : 'reserved';
      return { ...doc, version, status, reserved: event.data.seats, reservationExpiresAt: event.data.reservationExpiresAt };
    }
    case 'OrderTotalsCalculated':
      return {
        ...doc, version, lines: event.data.lines, total: event.data.total, discount: event.data.discount ?? null,
        isFreeOfCharge: event.data.isFreeOfCharge,
      };
    case 'OrderRegistrantAssigned': {
      const { firstName, lastName, email } = event.data;
      return { ...doc, version, registrant: { firstName, lastName, email } };
    }
    case 'OrderPaymentStarted': {
      // Committed before the processor can answer: the payment's stream holds just its start.
      const { paymentId, amount } = event.data;
      return { ...doc, version, payment: { paymentId, amount, status: 'initiated', version: 1, open: true } };
    }
    case 'OrderPaymentReleased':
      return { ...doc, version, payment: doc.payment && { ...doc.payment, open: false } };
    case 'OrderConfirmed':
      return { ...doc, version, status: 'confirmed', payment: doc.payment && { ...doc.payment, open: false } };
    case 'OrderExpired':
      return { ...doc, version, status: 'expired' };
  }
}

/** Only the payment the order took as its own shows: another one is refused and refunded. */
function evolvePayment(doc: OrderDoc | null, event: StoredEvent<PaymentEvent>): OrderDoc | null {
  if (!doc?.payment || doc.payment.paymentId !== event.data.paymentId || event.type === 'PaymentInitiated') return doc;
  const status = ({ PaymentCompleted: 'completed', PaymentRejected: 'rejected', PaymentRefunded: 'refunded' } as const)[event.type];
  return { ...doc, payment: { ...doc.payment, status, version: event.streamPosition } };
}

export const ordersProjection: DocumentProjection<OrderDoc> = {
  name: 'orders',
  table: 'rm_orders',
  keyColumn: 'order_id',
  columns: { conference_id: 'text', access_code: 'text', email: 'text', status: 'text', placed_at: 'timestamptz' },
  columnsOf: (doc) => ({
    conference_id: doc.conferenceId,
    access_code: doc.accessCode,
    email: doc.registrant?.email.toLowerCase() ?? null,
    status: doc.status,
    placed_at: doc.placedAt,
  }),
  eventTypes: [...orderEvents.names, ...paymentEvents.names],
  keyOf: (event) => (orderEvents.is(event) || paymentEvents.is(event) ? event.data.orderId : null),
  evolve: (doc, event) => {
    if (orderEvents.is(event)) return evolveOrder(doc, event);
    return paymentEvents.is(event) ? evolvePayment(doc, event) : doc;
  },
};

export const ordersSubscription = documentSubscription(ordersProjection);

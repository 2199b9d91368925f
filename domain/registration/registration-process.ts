import { unreachable, type Message } from '../shared/decider';
import { eventTypes } from '../shared/event-types';
import type { SeatQuantity } from '../shared/seats';
import type { PaymentCompleted, PaymentRejected, RefundPayment } from '../payments/payment';
import type { ReleasePromoCodeUse } from '../promotions/promo-codes';
import type {
  ConfirmOrder, ExpireOrder, MarkSeatsAsReserved, OrderConfirmed, OrderPlaced, OrderUpdated, ReleasePayment,
} from './order';
import type { CreateSeatAssignments } from './seat-assignments';
import type {
  CancelSeatReservation, CommitSeatReservation, MakeSeatReservation, SeatsReserved,
} from './seats-availability';

type OrderRef = Readonly<{ orderId: string }>;
export type ReservationExpiryDue = Message<'ReservationExpiryDue', OrderRef & Readonly<{ requestId: string }>>;
export type RegistrationProcessMessage =
  | OrderPlaced | OrderUpdated | SeatsReserved | PaymentCompleted | PaymentRejected | OrderConfirmed | ReservationExpiryDue;
export type RegistrationProcessInput = Readonly<{ eventId: string; message: RegistrationProcessMessage }>;
/** The events of other streams it reacts to (its timeouts come back as ReservationExpiryDue). */
export const registrationProcessInputs = eventTypes<Exclude<RegistrationProcessMessage, ReservationExpiryDue>>()(
  'OrderPlaced', 'OrderUpdated', 'SeatsReserved', 'PaymentCompleted', 'PaymentRejected', 'OrderConfirmed',
);
export const registrationProcessTimeouts = eventTypes<ReservationExpiryDue>()('ReservationExpiryDue');

export type OutgoingCommand =
  | MakeSeatReservation | CommitSeatReservation | CancelSeatReservation
  | MarkSeatsAsReserved | ExpireOrder | ConfirmOrder | ReleasePayment | RefundPayment | CreateSeatAssignments
  | ReleasePromoCodeUse;
export type Timeout = Readonly<{ dueAt: string; message: ReservationExpiryDue }>;

/** `promoCode` when the order holds a use of one: its expiry gives the use back. */
export type RegistrationStarted = Message<'RegistrationStarted', OrderRef & Readonly<{ conferenceId: string; promoCode?: string }>>;
/** `requestId` is the id of the order event that asked: it correlates the availability's reply. */
export type SeatReservationRequested = Message<'SeatReservationRequested', OrderRef & Readonly<{
  requestId: string; seats: readonly SeatQuantity[]; expiresAt: string;
}>>;
export type SeatReservationAccepted = Message<'SeatReservationAccepted', OrderRef & Readonly<{
  requestId: string; seats: readonly SeatQuantity[];
}>>;
export type PaymentReceived = Message<'PaymentReceived', OrderRef & Readonly<{ paymentId: string }>>;
/** The order refused to be confirmed by a payment (it was refunded): the order is reserved again. */
export type PaymentRefusedByOrder = Message<'PaymentRefusedByOrder', OrderRef & Readonly<{ paymentId: string }>>;
export type RegistrationConfirmed = Message<'RegistrationConfirmed', OrderRef>;
export type RegistrationExpired = Message<'RegistrationExpired', OrderRef>;
/** A payment that completed once the registration was settled (expired, or already paid): refunded. */
export type LatePaymentRefunded = Message<'LatePaymentRefunded', OrderRef & Readonly<{ paymentId: string }>>;
export type RegistrationProcessEvent =
  | RegistrationStarted | SeatReservationRequested | SeatReservationAccepted | PaymentReceived | PaymentRefusedByOrder
  | RegistrationConfirmed | RegistrationExpired | LatePaymentRefunded;

/** The RegistrationProcess events by name, all of them: readers of the feed use these. */
export const registrationProcessEvents = eventTypes<RegistrationProcessEvent>()(
  'RegistrationStarted', 'SeatReservationRequested', 'SeatReservationAccepted', 'PaymentReceived', 'PaymentRefusedByOrder',
  'RegistrationConfirmed', 'RegistrationExpired', 'LatePaymentRefunded',
);

export type RegistrationStatus = 'none' | 'reserving' | 'reserved' | 'paid' | 'confirmed' | 'expired';
export type RegistrationProcessState =
  | { readonly status: 'none' }
  | Readonly<{
      status: Exclude<RegistrationStatus, 'none'>;
      orderId: string;
      conferenceId: string;
      /** Every reservation request sent, latest last: replays of an older one are recognised. */
      requestIds: readonly string[];
      /** The seats the latest request asked for. */
      requested: readonly SeatQuantity[];
      expiresAt: string;
      /** Payments already handled (confirmed or refunded). */
      paymentIds: readonly string[];
      holdsPromoCode: boolean;
    }>;
type Started = Exclude<RegistrationProcessState, { status: 'none' }>;

type Outcome = Readonly<{ events: readonly RegistrationProcessEvent[]; commands: readonly OutgoingCommand[] }>;
export type RegistrationReaction = Outcome & Readonly<{
  /** Commands are sent in order; when one is refused, the rest are not sent and `onRefusal` happens instead. */
  timeouts: readonly Timeout[];
  onRefusal?: Outcome;
}>;

const nothing: RegistrationReaction = { events: [], commands: [], timeouts: [] };
const latestRequest = (state: Started) => state.requestIds[state.requestIds.length - 1];

function requestSeats(
  conferenceId: string, requestId: string, data: OrderPlaced['data'] | OrderUpdated['data'],
): RegistrationReaction {
  const { orderId, seats, reservationExpiresAt: expiresAt } = data;
  return {
    events: [{ type: 'SeatReservationRequested', data: { orderId, requestId, seats, expiresAt } }],
    commands: [{ type: 'MakeSeatReservation', data: { conferenceId, reservationId: orderId, requestId, seats } }],
    timeouts: [{ dueAt: expiresAt, message: { type: 'ReservationExpiryDue', data: { orderId, requestId } } }],
  };
}

function onOrderPlaced(state: RegistrationProcessState, eventId: string, message: OrderPlaced): RegistrationReaction {
  if (state.status !== 'none') return nothing;
  const { orderId, conferenceId, promotion } = message.data;
  const request = requestSeats(conferenceId, eventId, message.data);
  const data = promotion ? { orderId, conferenceId, promoCode: promotion.code } : { orderId, conferenceId };
  return { ...request, events: [{ type: 'RegistrationStarted', data }, ...request.events] };
}

function onOrderUpdated(state: RegistrationProcessState, eventId: string, message: OrderUpdated): RegistrationReaction {
  if (state.status !== 'reserving' && state.status !== 'reserved') return nothing;
  if (state.requestIds.includes(eventId)) return nothing;
  return requestSeats(state.conferenceId, eventId, message.data);
}

function onSeatsReserved(state: RegistrationProcessState, message: SeatsReserved): RegistrationReaction {
  // Only the reply to the latest request counts: an older one describes seats since re-requested.
  if (state.status !== 'reserving' || message.data.requestId !== latestRequest(state)) return nothing;
  const { requestId, details: seats } = message.data;
  const { orderId, expiresAt: reservationExpiresAt, requested } = state;
  return {
    events: [{ type: 'SeatReservationAccepted', data: { orderId, requestId, seats } }],
    commands: [{ type: 'MarkSeatsAsReserved', data: { orderId, requestId, seats, requested, reservationExpiresAt } }],
    timeouts: [],
  };
}

function onPaymentCompleted(state: RegistrationProcessState, message: PaymentCompleted): RegistrationReaction {
  const { paymentId } = message.data;
  if (state.status === 'none' || state.paymentIds.includes(paymentId)) return nothing;
  const { orderId } = state;
  // Only a reserved order can take a payment: one that arrives while the seats are being
  // changed, or after the registration was settled, goes back to the payer.
  if (state.status !== 'reserved') {
    return {
      events: [{ type: 'LatePaymentRefunded', data: { orderId, paymentId } }],
      commands: [{ type: 'RefundPayment', data: { paymentId } }],
      timeouts: [],
    };
  }
  return {
    events: [{ type: 'PaymentReceived', data: { orderId, paymentId } }],
    commands: [{ type: 'ConfirmOrder', data: { orderId, paymentId, amountPaid: message.data.amount } }],
    timeouts: [],
    // The order refused it: the money goes back, and the order can be paid or changed again.
    onRefusal: {
      events: [{ type: 'PaymentRefusedByOrder', data: { orderId, paymentId } }],
      commands: [{ type: 'RefundPayment', data: { paymentId } }, { type: 'ReleasePayment', data: { orderId, paymentId } }],
    },
  };
}

/** A rejected payment is no longer the order's open one: the order decides whether it was. */
function onPaymentRejected(state: RegistrationProcessState, message: PaymentRejected): RegistrationReaction {
  if (state.status === 'none') return nothing;
  const { orderId, paymentId } = message.data;
  return { events: [], commands: [{ type: 'ReleasePayment', data: { orderId, paymentId } }], timeouts: [] };
}

function onOrderConfirmed(state: RegistrationProcessState, message: OrderConfirmed): RegistrationReaction {
  // The confirmed order is the truth: a free order is confirmed without a payment, and an
  // expiry that reached this process first was refused by the order, so its seats must be
  // committed all the same.
  if (state.status === 'none' || state.status === 'confirmed') return nothing;
  const { orderId, conferenceId, seats } = message.data;
  return {
    events: [{ type: 'RegistrationConfirmed', data: { orderId } }],
    commands: [
      { type: 'CommitSeatReservation', data: { conferenceId, reservationId: orderId } },
      { type: 'CreateSeatAssignments', data: { orderId, seats } },
    ],
    timeouts: [],
  };
}

function onExpiryDue(state: RegistrationProcessState, message: ReservationExpiryDue): RegistrationReaction {
  // 'paid' too: if the order refused the payment it is still only reserved, and must expire; if
  // it was confirmed, it refuses the expiry and nothing else is sent.
  if (state.status !== 'reserving' && state.status !== 'reserved' && state.status !== 'paid') return nothing;
  // An expiry scheduled for an earlier request is stale: the latest request scheduled its own.
  if (message.data.requestId !== latestRequest(state)) return nothing;
  const { orderId, conferenceId } = state;
  const releaseUse: OutgoingCommand[] = state.holdsPromoCode ? [{ type: 'ReleasePromoCodeUse', data: { conferenceId, orderId } }] : [];
  return {
    events: [{ type: 'RegistrationExpired', data: { orderId } }],
    commands: [
      { type: 'ExpireOrder', data: { orderId } },
      { type: 'CancelSeatReservation', data: { conferenceId, reservationId: orderId } },
      ...releaseUse,
    ],
    timeouts: [],
  };
}

function react(state: RegistrationProcessState, input: RegistrationProcessInput): RegistrationReaction {
  const { eventId, message } = input;
  switch (message.type) {
    case 'OrderPlaced': return onOrderPlaced(state, eventId, message);
    case 'OrderUpdated': return onOrderUpdated(state, eventId, message);
    case 'SeatsReserved': return onSeatsReserved(state, message);
    case 'PaymentCompleted': return onPaymentCompleted(state, message);
    case 'PaymentRejected': return onPaymentRejected(state, message);
    case 'OrderConfirmed': return onOrderConfirmed(state, message);
    case 'ReservationExpiryDue': return onExpiryDue(state, message);
    default: return unreachable(message);
  }
}

function evolveStarted(state: Started, event: RegistrationProcessEvent): RegistrationProcessState {
  switch (event.type) {
    case 'SeatReservationRequested': return {
      ...state, status: 'reserving', requestIds: [...state.requestIds, event.data.requestId], requested: event.data.seats, expiresAt: event.data.expiresAt,
    };
    case 'SeatReservationAccepted': return { ...state, status: 'reserved' };
    case 'PaymentReceived': return { ...state, status: 'paid', paymentIds: [...state.paymentIds, event.data.paymentId] };
    case 'PaymentRefusedByOrder': return { ...state, status: 'reserved' };
    case 'LatePaymentRefunded': return { ...state, paymentIds: [...state.paymentIds, event.data.paymentId] };
    case 'RegistrationConfirmed': return { ...state, status: 'confirmed' };
    case 'RegistrationExpired': return { ...state, status: 'expired' };
    default: return state;
  }
}

function evolve(state: RegistrationProcessState, event: RegistrationProcessEvent): RegistrationProcessState {
  if (event.type === 'RegistrationStarted') {
    const { orderId, conferenceId, promoCode } = event.data;
    return {
      status: 'reserving', orderId, conferenceId, requestIds: [], requested: [], expiresAt: '', paymentIds: [], holdsPromoCode: promoCode !== undefined,
    };
  }
  return state.status === 'none' ? state : evolveStarted(state, event);
}

export type RegistrationProcess = Readonly<{
  streamType: 'registration';
  initialState: RegistrationProcessState;
  evolve: (state: RegistrationProcessState, event: RegistrationProcessEvent) => RegistrationProcessState;
  react: (state: RegistrationProcessState, input: RegistrationProcessInput) => RegistrationReaction;
}>;

/** A pure function of (state, input); its own events form the stream `registration-<orderId>`. */
export const registrationProcess: RegistrationProcess = {
  streamType: 'registration',
  initialState: { status: 'none' },
  evolve,
  react,
};

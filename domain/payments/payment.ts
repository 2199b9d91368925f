import { unreachable, type Decider, type Message } from '../shared/decider';
import { eventTypes } from '../shared/event-types';
import { conflict, invalid, notFound } from '../shared/errors';

type PaymentRef = Readonly<{ paymentId: string }>;
type ForOrder = PaymentRef & Readonly<{ orderId: string; conferenceId: string }>;
type Charge = Readonly<{ amount: number; currency: string; description: string }>;

export type InitiatePayment = Message<'InitiatePayment', ForOrder & Charge>;
export type CompletePayment = Message<'CompletePayment', PaymentRef>;
export type RejectPayment = Message<'RejectPayment', PaymentRef>;
export type RefundPayment = Message<'RefundPayment', PaymentRef>;
export type PaymentCommand = InitiatePayment | CompletePayment | RejectPayment | RefundPayment;

export type PaymentInitiated = Message<'PaymentInitiated', ForOrder & Charge>;
export type PaymentCompleted = Message<'PaymentCompleted', ForOrder & Readonly<{ amount: number }>>;
export type PaymentRejected = Message<'PaymentRejected', ForOrder>;
export type PaymentRefunded = Message<'PaymentRefunded', ForOrder & Readonly<{ amount: number }>>;
export type PaymentEvent = PaymentInitiated | PaymentCompleted | PaymentRejected | PaymentRefunded;

/** The Payment events by name, all of them: readers of the feed use these. */
export const paymentEvents = eventTypes<PaymentEvent>()(
  'PaymentInitiated', 'PaymentCompleted', 'PaymentRejected', 'PaymentRefunded',
);

export type PaymentStatus = 'none' | 'initiated' | 'completed' | 'rejected' | 'refunded';
export type PaymentState =
  | { readonly status: 'none' }
  | ForOrder & Readonly<{ status: Exclude<PaymentStatus, 'none'>; amount: number }>;
type Existing = Exclude<PaymentState, { status: 'none' }>;

function existing(state: PaymentState): Existing {
  if (state.status === 'none') throw notFound('PaymentNotFound');
  return state;
}

const forOrder = ({ paymentId, orderId, conferenceId }: Existing) => ({ paymentId, orderId, conferenceId });

function initiate(command: InitiatePayment, state: PaymentState): PaymentEvent[] {
  if (state.status !== 'none') throw conflict('PaymentAlreadyExists');
  const { amount, currency } = command.data;
  if (!Number.isInteger(amount) || amount <= 0) throw invalid('InvalidAmount', 'The amount must be a positive number of cents');
  if (!/^[A-Z]{3}$/.test(currency)) throw invalid('InvalidCurrency');
  return [{ type: 'PaymentInitiated', data: command.data }];
}

function complete(state: PaymentState): PaymentEvent[] {
  const payment = existing(state);
  if (payment.status === 'completed' || payment.status === 'refunded') return [];
  if (payment.status === 'rejected') throw conflict('PaymentAlreadyProcessed');
  return [{ type: 'PaymentCompleted', data: { ...forOrder(payment), amount: payment.amount } }];
}

function reject(state: PaymentState): PaymentEvent[] {
  const payment = existing(state);
  if (payment.status === 'rejected') return [];
  if (payment.status !== 'initiated') throw conflict('PaymentAlreadyProcessed');
  return [{ type: 'PaymentRejected', data: forOrder(payment) }];
}

function refund(state: PaymentState): PaymentEvent[] {
  const payment = existing(state);
  if (payment.status === 'refunded') return [];
  if (payment.status !== 'completed') throw conflict('PaymentNotCompleted');
  return [{ type: 'PaymentRefunded', data: { ...forOrder(payment), amount: payment.amount } }];
}

function decide(command: PaymentCommand, state: PaymentState): readonly PaymentEvent[] {
  switch (command.type) {
    case 'InitiatePayment': return initiate(command, state);
    case 'CompletePayment': return complete(state);
    case 'RejectPayment': return reject(state);
    case 'RefundPayment': return refund(state);
    default: return unreachable(command);
  }
}

function evolve(state: PaymentState, event: PaymentEvent): PaymentState {
  if (event.type === 'PaymentInitiated') {
    const { paymentId, orderId, conferenceId, amount } = event.data;
    return { status: 'initiated', paymentId, orderId, conferenceId, amount };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PaymentCompleted': return { ...state, status: 'completed' };
    case 'PaymentRejected': return { ...state, status: 'rejected' };
    case 'PaymentRefunded': return { ...state, status: 'refunded' };
    default: return state;
  }
}

export const payment: Decider<PaymentCommand, PaymentEvent, PaymentState> = {
  streamType: 'payment',
  initialState: { status: 'none' },
  evolve,
  decide,
};

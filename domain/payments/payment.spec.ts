import { describe, it } from 'vitest';
import { given } from '../shared/testing';
import { payment, type InitiatePayment, type PaymentCommand, type PaymentEvent } from './payment';

const paymentId = 'p-1';
const ids = { paymentId, orderId: 'o-1', conferenceId: 'c-1' };
const charge = { ...ids, amount: 4530, currency: 'EUR', description: '3 × General' };
const initiate = (changes: Partial<InitiatePayment['data']> = {}): PaymentCommand =>
  ({ type: 'InitiatePayment', data: { ...charge, ...changes } });
const initiated: PaymentEvent = { type: 'PaymentInitiated', data: charge };
const complete: PaymentCommand = { type: 'CompletePayment', data: { paymentId } };
const reject: PaymentCommand = { type: 'RejectPayment', data: { paymentId } };
const refund: PaymentCommand = { type: 'RefundPayment', data: { paymentId } };
const completed: PaymentEvent = { type: 'PaymentCompleted', data: { ...ids, amount: 4530 } };
const rejected: PaymentEvent = { type: 'PaymentRejected', data: ids };
const refunded: PaymentEvent = { type: 'PaymentRefunded', data: { ...ids, amount: 4530 } };

describe('given no payment', () => {
  it('initiates it', () => given(payment).when(initiate()).then([initiated]));

  it.each([0, -100, 10.5])('refuses amount %s', (amount) =>
    given(payment).when(initiate({ amount })).thenThrows('InvalidAmount'));

  it('refuses a malformed currency', () => given(payment).when(initiate({ currency: 'euro' })).thenThrows('InvalidCurrency'));

  it.each<PaymentCommand>([complete, reject, refund])('refuses $type with PaymentNotFound', (command) =>
    given(payment).when(command).thenThrows('PaymentNotFound'));
});

describe('given an initiated payment', () => {
  const history = [initiated];

  it('refuses to initiate it again', () => given(payment, history).when(initiate()).thenThrows('PaymentAlreadyExists'));

  it('completes it', () => given(payment, history).when(complete).then([completed]));

  it('rejects it', () => given(payment, history).when(reject).then([rejected]));

  it('refuses a refund', () => given(payment, history).when(refund).thenThrows('PaymentNotCompleted'));
});

describe('given a completed payment', () => {
  const history = [initiated, completed];

  it('ignores completing it again', () => given(payment, history).when(complete).then([]));

  it('refuses to reject it', () => given(payment, history).when(reject).thenThrows('PaymentAlreadyProcessed'));

  it('refunds it', () => given(payment, history).when(refund).then([refunded]));
});

describe('given a rejected payment', () => {
  const history = [initiated, rejected];

  it('ignores rejecting it again', () => given(payment, history).when(reject).then([]));

  it('refuses to complete it', () => given(payment, history).when(complete).thenThrows('PaymentAlreadyProcessed'));

  it('refuses a refund', () => given(payment, history).when(refund).thenThrows('PaymentNotCompleted'));
});

describe('given a refunded payment', () => {
  const history = [initiated, completed, refunded];

  it('ignores refunding it again', () => given(payment, history).when(refund).then([]));

  it('ignores completing it again', () => given(payment, history).when(complete).then([]));

  it('refuses to reject it', () => given(payment, history).when(reject).thenThrows('PaymentAlreadyProcessed'));
});

import { describe, expect, it } from 'vitest';
import { fold } from '../shared/decider';
import {
  registrationProcess, type RegistrationProcessEvent, type RegistrationProcessInput, type RegistrationProcessMessage,
  type RegistrationReaction,
} from './registration-process';

const orderId = 'o-1';
const conferenceId = 'c-1';
const expiresAt = '2026-06-01T10:15:00.000Z';
const laterExpiry = '2026-06-01T10:30:00.000Z';
const seats = [{ seatTypeId: 'general', quantity: 3 }];
const fewerSeats = [{ seatTypeId: 'general', quantity: 2 }];

const input = (eventId: string, message: RegistrationProcessMessage): RegistrationProcessInput => ({ eventId, message });
const orderPlaced = input('e-placed', {
  type: 'OrderPlaced',
  data: { orderId, conferenceId, seats, reservationExpiresAt: expiresAt, accessCode: 'ABC123', currency: 'EUR' },
});
const orderUpdated = input('e-updated', {
  type: 'OrderUpdated', data: { orderId, conferenceId, seats: fewerSeats, reservationExpiresAt: laterExpiry },
});
const seatsReserved = (requestId: string, details = seats) => input(`e-reserved-${requestId}`, {
  type: 'SeatsReserved',
  data: { conferenceId, reservationId: orderId, requestId, details, availableSeatsChanged: [] },
});
const paymentCompleted = (paymentId = 'p-1') => input(`e-${paymentId}`, {
  type: 'PaymentCompleted', data: { paymentId, orderId, conferenceId, amount: 4530 },
});
const paymentRejected = (paymentId = 'p-1') => input(`e-rejected-${paymentId}`, {
  type: 'PaymentRejected', data: { paymentId, orderId, conferenceId },
});
const orderConfirmed = input('e-confirmed', {
  type: 'OrderConfirmed', data: { orderId, conferenceId, seats, accessCode: 'ABC123', email: '', total: 4530 },
});
const expiryDue = (requestId: string) => input(`t-${requestId}`, { type: 'ReservationExpiryDue', data: { orderId, requestId } });

const started: RegistrationProcessEvent = { type: 'RegistrationStarted', data: { orderId, conferenceId } };
const requested = (requestId = 'e-placed', expiry = expiresAt, wanted = seats): RegistrationProcessEvent =>
  ({ type: 'SeatReservationRequested', data: { orderId, requestId, seats: wanted, expiresAt: expiry } });
const accepted = (requestId = 'e-placed'): RegistrationProcessEvent =>
  ({ type: 'SeatReservationAccepted', data: { orderId, requestId, seats } });
const paid: RegistrationProcessEvent = { type: 'PaymentReceived', data: { orderId, paymentId: 'p-1' } };
const refused: RegistrationProcessEvent = { type: 'PaymentRefusedByOrder', data: { orderId, paymentId: 'p-1' } };
const confirmed: RegistrationProcessEvent = { type: 'RegistrationConfirmed', data: { orderId } };
const expired: RegistrationProcessEvent = { type: 'RegistrationExpired', data: { orderId } };

const nothing: RegistrationReaction = { events: [], commands: [], timeouts: [] };
const react = (history: RegistrationProcessEvent[], incoming: RegistrationProcessInput) =>
  registrationProcess.react(fold(registrationProcess, history), incoming);

/** Feeds inputs one after another, persisting each reaction's events as the store would. */
function run(inputs: RegistrationProcessInput[]): RegistrationReaction[] {
  let state = registrationProcess.initialState;
  return inputs.map((incoming) => {
    const reaction = registrationProcess.react(state, incoming);
    state = fold(registrationProcess, reaction.events, state);
    return reaction;
  });
}

const expiryTimeout = (requestId: string, dueAt: string) =>
  ({ dueAt, message: { type: 'ReservationExpiryDue', data: { orderId, requestId } } });
const expire = {
  events: [expired],
  commands: [
    { type: 'ExpireOrder', data: { orderId } },
    { type: 'CancelSeatReservation', data: { conferenceId, reservationId: orderId } },
  ],
  timeouts: [],
};
const refund = (paymentId: string) => ({
  events: [{ type: 'LatePaymentRefunded', data: { orderId, paymentId } }],
  commands: [{ type: 'RefundPayment', data: { paymentId } }],
  timeouts: [],
});

describe('given no registration', () => {
  it('starts on an order placed: reserves its seats and schedules the expiry', () =>
    expect(react([], orderPlaced)).toEqual({
      events: [started, requested()],
      commands: [{ type: 'MakeSeatReservation', data: { conferenceId, reservationId: orderId, requestId: 'e-placed', seats } }],
      timeouts: [expiryTimeout('e-placed', expiresAt)],
    }));

  it.each([orderUpdated, seatsReserved('e-placed'), paymentCompleted(), orderConfirmed, expiryDue('e-placed')])(
    'ignores $message.type', (incoming) => expect(react([], incoming)).toEqual(nothing));
});

describe('given a registration awaiting its reservation', () => {
  const history = [started, requested()];

  it('ignores the same order placed twice', () => expect(run([orderPlaced, orderPlaced])[1]).toEqual(nothing));

  it('marks the order with the seats the reply reserved', () =>
    expect(react(history, seatsReserved('e-placed', fewerSeats))).toEqual({
      events: [{ type: 'SeatReservationAccepted', data: { orderId, requestId: 'e-placed', seats: fewerSeats } }],
      commands: [{
        type: 'MarkSeatsAsReserved', data: { orderId, requestId: 'e-placed', seats: fewerSeats, requested: seats, reservationExpiresAt: expiresAt },
      }],
      timeouts: [],
    }));

  it('ignores a reply to another request', () => expect(react(history, seatsReserved('e-other'))).toEqual(nothing));

  it('expires when its latest request is due, even before the reply', () =>
    expect(react(history, expiryDue('e-placed'))).toEqual(expire));

  it('refunds a payment that completes while the seats are still being reserved', () =>
    expect(react(history, paymentCompleted())).toEqual(refund('p-1')));
});

describe('given a reserved registration', () => {
  const history = [started, requested(), accepted()];

  it('ignores the same reply twice', () =>
    expect(run([orderPlaced, seatsReserved('e-placed'), seatsReserved('e-placed')])[2]).toEqual(nothing));

  it('requests the updated seats under a new request id and schedules a new expiry', () =>
    expect(react(history, orderUpdated)).toEqual({
      events: [requested('e-updated', laterExpiry, fewerSeats)],
      commands: [{ type: 'MakeSeatReservation', data: { conferenceId, reservationId: orderId, requestId: 'e-updated', seats: fewerSeats } }],
      timeouts: [expiryTimeout('e-updated', laterExpiry)],
    }));

  it('confirms on payment with the payment and the amount paid; if the order refuses, refunds and reserves again', () =>
    expect(react(history, paymentCompleted())).toEqual({
      events: [paid],
      commands: [{ type: 'ConfirmOrder', data: { orderId, paymentId: 'p-1', amountPaid: 4530 } }],
      timeouts: [],
      onRefusal: {
        events: [refused],
        commands: [
          { type: 'RefundPayment', data: { paymentId: 'p-1' } },
          { type: 'ReleasePayment', data: { orderId, paymentId: 'p-1' } },
        ],
      },
    }));

  it('releases a rejected payment from the order', () =>
    expect(react(history, paymentRejected())).toEqual({
      events: [], commands: [{ type: 'ReleasePayment', data: { orderId, paymentId: 'p-1' } }], timeouts: [],
    }));

  it('commits the seats and creates seat assignments when a free order is confirmed', () =>
    expect(react(history, orderConfirmed)).toEqual({
      events: [confirmed],
      commands: [
        { type: 'CommitSeatReservation', data: { conferenceId, reservationId: orderId } },
        { type: 'CreateSeatAssignments', data: { orderId, seats } },
      ],
      timeouts: [],
    }));

  it('expires when the reservation is due', () => expect(react(history, expiryDue('e-placed'))).toEqual(expire));

  it('expires once only', () =>
    expect(run([orderPlaced, seatsReserved('e-placed'), expiryDue('e-placed'), expiryDue('e-placed')])[3]).toEqual(nothing));
});

describe('given a registration whose order was updated', () => {
  const history = [started, requested(), accepted(), requested('e-updated', laterExpiry, fewerSeats)];

  it('ignores the same update twice', () =>
    expect(run([orderPlaced, seatsReserved('e-placed'), orderUpdated, orderUpdated])[3]).toEqual(nothing));

  it('ignores a stale reply to the first request', () =>
    expect(react(history, seatsReserved('e-placed'))).toEqual(nothing));

  it('marks the order with the reply to the latest request, with its expiry', () =>
    expect(react(history, seatsReserved('e-updated', fewerSeats)).commands).toEqual([
      { type: 'MarkSeatsAsReserved', data: { orderId, requestId: 'e-updated', seats: fewerSeats, requested: fewerSeats, reservationExpiresAt: laterExpiry } },
    ]));

  it('ignores the stale expiry of the first request', () => expect(react(history, expiryDue('e-placed'))).toEqual(nothing));

  it('expires on the expiry of the latest request', () => expect(react(history, expiryDue('e-updated'))).toEqual(expire));
});

describe('given a paid registration', () => {
  const history = [started, requested(), accepted(), paid];

  it('ignores the same payment twice', () => expect(react(history, paymentCompleted())).toEqual(nothing));

  it('refunds a second payment', () => expect(react(history, paymentCompleted('p-2'))).toEqual(refund('p-2')));

  it('expires all the same: an order that refused the payment is only reserved (a confirmed one refuses the expiry)', () =>
    expect(react(history, expiryDue('e-placed'))).toEqual(expire));

  it('ignores an order update', () => expect(react(history, orderUpdated)).toEqual(nothing));

  it('commits the seats and creates seat assignments when the order is confirmed', () =>
    expect(react(history, orderConfirmed)).toEqual({
      events: [confirmed],
      commands: [
        { type: 'CommitSeatReservation', data: { conferenceId, reservationId: orderId } },
        { type: 'CreateSeatAssignments', data: { orderId, seats } },
      ],
      timeouts: [],
    }));
});

describe('given a registration whose order refused a payment', () => {
  const history = [started, requested(), accepted(), paid, refused];

  it('confirms on the next payment', () =>
    expect(react(history, paymentCompleted('p-2')).commands).toEqual([
      { type: 'ConfirmOrder', data: { orderId, paymentId: 'p-2', amountPaid: 4530 } },
    ]));

  it('requests seats again when the order changes', () =>
    expect(react(history, orderUpdated).commands).toEqual([
      { type: 'MakeSeatReservation', data: { conferenceId, reservationId: orderId, requestId: 'e-updated', seats: fewerSeats } },
    ]));

  it('still expires when the reservation is due', () => expect(react(history, expiryDue('e-placed'))).toEqual(expire));
});

describe('given a confirmed registration', () => {
  const history = [started, requested(), accepted(), paid, confirmed];

  it('ignores the same confirmation twice', () => expect(react(history, orderConfirmed)).toEqual(nothing));

  it('does not expire', () => expect(react(history, expiryDue('e-placed'))).toEqual(nothing));

  it('refunds a later payment', () => expect(react(history, paymentCompleted('p-2'))).toEqual(refund('p-2')));
});

describe('given an expired registration', () => {
  const history = [started, requested(), accepted(), expired];

  it('refunds a late payment', () => expect(react(history, paymentCompleted())).toEqual(refund('p-1')));

  it('refunds a late payment once only', () =>
    expect(run([orderPlaced, expiryDue('e-placed'), paymentCompleted(), paymentCompleted()])[3]).toEqual(nothing));

  it.each([orderPlaced, orderUpdated, seatsReserved('e-placed'), expiryDue('e-placed')])(
    'ignores $message.type', (incoming) => expect(react(history, incoming)).toEqual(nothing));

  it('commits the seats of an order confirmed after all, when the order refused the expiry', () =>
    expect(react(history, orderConfirmed)).toEqual({
      events: [{ type: 'RegistrationConfirmed', data: { orderId } }],
      commands: [
        { type: 'CommitSeatReservation', data: { conferenceId, reservationId: orderId } },
        { type: 'CreateSeatAssignments', data: { orderId, seats } },
      ],
      timeouts: [],
    }));
});

describe('given a registration whose order holds a promo code use', () => {
  const promotion = { code: 'WS10', discountType: 'amount', discount: 2000, seatTypeId: null } as const;
  const placedWithCode = input('e-placed', {
    type: 'OrderPlaced',
    data: { orderId, conferenceId, seats, reservationExpiresAt: expiresAt, accessCode: 'ABC123', currency: 'EUR', promotion },
  });

  it('starts remembering the code', () =>
    expect(react([], placedWithCode).events[0]).toEqual({ type: 'RegistrationStarted', data: { orderId, conferenceId, promoCode: 'WS10' } }));

  it('gives the use back when the order expires, after its seats', () =>
    expect(run([placedWithCode, seatsReserved('e-placed'), expiryDue('e-placed')])[2]).toEqual({
      ...expire,
      commands: [...expire.commands, { type: 'ReleasePromoCodeUse', data: { conferenceId, orderId } }],
    }));

  it('keeps the use once confirmed', () =>
    expect(run([placedWithCode, seatsReserved('e-placed'), orderConfirmed, expiryDue('e-placed')])[3]).toEqual(nothing));
});

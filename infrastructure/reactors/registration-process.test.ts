import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationProcess } from '@/domain/registration/registration-process';
import { derivedId } from '../commands/ids';
import { availabilityStream, orderStream, send } from '../commands/router';
import { streamIdOf } from '../event-store/types';
import { settlePayment } from '../services/payments';
import { assignRegistrant, checkout, placeOrder } from '../services/registrations';
import { orThrow } from '../services/result';
import { ensureSubscriptions } from '../subscriptions/checkpoints';
import { runBatch } from '../subscriptions/runner';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { createPublishedConference, registrant } from '../testing/application';
import { catchUp, eventually, note } from '../testing/recording-projection';
import { availabilityPolicy } from './availability-policy';
import { registrationProcessSubscription } from './registration-process';

describe('the registration process, batch by batch (server PostgreSQL)', () => {
  let db: TestDatabase;
  const owner = 'by-hand';
  beforeAll(async () => {
    db = await serverDatabase();
    await ensureSubscriptions(db, [availabilityPolicy.name, registrationProcessSubscription.name]);
  });
  afterAll(() => db.drop());

  const eventIdOf = async (streamId: string, type: string) => {
    const [row] = await db.query<{ id: string }>('SELECT event_id::text AS id FROM events WHERE stream_id = $1 AND type = $2', [streamId, type]);
    return row!.id;
  };
  const column = async (sql: string, streamId: string) => (await db.query<{ value: string }>(sql, [streamId])).map((row) => row.value);
  const reservedOrders = (conferenceId: string) =>
    column(`SELECT data->>'reservationId' AS value FROM events WHERE stream_id = $1 AND type = 'SeatsReserved'`, availabilityStream(conferenceId));
  const registrationEvents = (orderId: string) =>
    column('SELECT type AS value FROM events WHERE stream_id = $1 ORDER BY stream_position', streamIdOf(registrationProcess.streamType, orderId));

  it('refuses the reservation whose derived id was used on another stream, and keeps running without a dead letter', async () => {
    const { conferenceId, seatTypeIds: [general] } = await createPublishedConference(db, [{ name: 'General admission', quantity: 10, price: 100 }]);
    await catchUp(db, availabilityPolicy, owner);
    const seats = [{ seatTypeId: general!, quantity: 1 }];
    const untouched = orThrow(await placeOrder(registrant(db), { conferenceId, seats }));
    const victim = orThrow(await placeOrder(registrant(db), { conferenceId, seats }));
    const placed = await eventIdOf(orderStream(victim.orderId), 'OrderPlaced');
    const claimed = derivedId(placed, 'registration/0');
    await note(db, `attacker-${randomUUID()}`, claimed);

    const reservation = { type: 'MakeSeatReservation', data: { conferenceId, reservationId: victim.orderId, requestId: placed, seats } } as const;
    await expect(send(reservation, { db, commandId: claimed, actor: 'system', now: new Date() })).rejects.toMatchObject({
      name: 'DomainError',
      code: 'CommandIdReused',
    });
    await catchUp(db, registrationProcessSubscription, owner);

    expect(await reservedOrders(conferenceId)).toEqual([untouched.orderId]);
    expect(await registrationEvents(victim.orderId)).toEqual(['RegistrationStarted', 'SeatReservationRequested']);
    expect(await db.query('SELECT status, last_error FROM subscriptions WHERE name = $1', [registrationProcessSubscription.name])).toEqual([
      { status: 'running', last_error: null },
    ]);
    expect(await db.query('SELECT subscription FROM dead_letters')).toEqual([]);
  });

  /** A new order of one seat, with the process caught up on everything before it. */
  const newOrder = async () => {
    const { conferenceId, seatTypeIds: [general] } = await createPublishedConference(db, [{ name: 'General admission', quantity: 10, price: 100 }]);
    await catchUp(db, availabilityPolicy, owner);
    await catchUp(db, registrationProcessSubscription, owner);
    const { orderId } = orThrow(await placeOrder(registrant(db), { conferenceId, seats: [{ seatTypeId: general!, quantity: 1 }] }));
    return { conferenceId, orderId };
  };
  /**
   * The next batch that reads anything: a read of the feed is held back while a transaction that
   * wrote is open anywhere on the server, as other test files' are beside this one.
   */
  const nextBatch = (followDecided = true) =>
    eventually(() => runBatch(db, registrationProcessSubscription, owner, { leaseMs: 60_000, followDecided }), (batch) => (batch?.events ?? 0) > 0);
  const orderEvents = (orderId: string) => column('SELECT type AS value FROM events WHERE stream_id = $1 ORDER BY stream_position', orderStream(orderId));

  it('follows the seats its own command reserved in the same batch, and the same event from the feed then changes nothing', async () => {
    const { conferenceId, orderId } = await newOrder();

    // One batch reads the order placed: the seats are reserved and the order told so, together.
    expect(await nextBatch()).toMatchObject({ events: 1 });
    expect(await reservedOrders(conferenceId)).toEqual([orderId]);
    expect(await registrationEvents(orderId)).toEqual(['RegistrationStarted', 'SeatReservationRequested', 'SeatReservationAccepted']);
    expect(await orderEvents(orderId)).toEqual(['OrderPlaced', 'OrderTotalsCalculated', 'OrderReservationCompleted']);

    // The next batch reads the seats reserved from the feed: the process is past them.
    const stored = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]!.n;
    const before = await stored();
    expect(await nextBatch()).toMatchObject({ events: 1 });
    expect(await stored()).toBe(before);
    expect(await orderEvents(orderId)).toEqual(['OrderPlaced', 'OrderTotalsCalculated', 'OrderReservationCompleted']);
  });

  it('follows the order its own command confirmed in the same batch: the seats are committed with the payment received', async () => {
    const { conferenceId, orderId } = await newOrder();
    await nextBatch();
    orThrow(await assignRegistrant(registrant(db), orderId, { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }));
    const { paymentId } = orThrow(await checkout(registrant(db), orderId));
    orThrow(await settlePayment(registrant(db), paymentId!, true));

    // The seats reserved, read again, and the payment completed; not the order confirmed after it.
    for (let read = 0; read < 2; ) read += (await nextBatch())!.events;
    expect(await registrationEvents(orderId)).toEqual([
      'RegistrationStarted', 'SeatReservationRequested', 'SeatReservationAccepted', 'PaymentReceived', 'RegistrationConfirmed',
    ]);
    expect(await column(`SELECT data->>'reservationId' AS value FROM events WHERE stream_id = $1 AND type = 'SeatsReservationCommitted'`, availabilityStream(conferenceId)))
      .toEqual([orderId]);
  });

  it('takes the reply a batch later while the runner narrows a failure down to one event', async () => {
    const { conferenceId, orderId } = await newOrder();

    await nextBatch(false);
    expect(await reservedOrders(conferenceId)).toEqual([orderId]);
    expect(await registrationEvents(orderId)).toEqual(['RegistrationStarted', 'SeatReservationRequested']);

    await nextBatch(false);
    expect(await registrationEvents(orderId)).toEqual(['RegistrationStarted', 'SeatReservationRequested', 'SeatReservationAccepted']);
    expect(await orderEvents(orderId)).toEqual(['OrderPlaced', 'OrderTotalsCalculated', 'OrderReservationCompleted']);
  });
});

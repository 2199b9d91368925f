import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@/domain/shared/decider';
import { appendToStream } from '../event-store/append';
import { readAll } from '../event-store/read';
import { startOfFeed } from '../event-store/types';
import type { Subscription } from '../subscriptions/runner';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { eventually } from '../testing/recording-projection';
import { conferencesSubscription } from './conferences';
import { ordersSubscription } from './orders';
import { promoCodesSubscription } from './promo-codes';
import { seatAllocationSubscription } from './seat-allocation';
import { seatAssignmentsSubscription } from './seat-assignments';

const conferenceId = randomUUID();
const orderId = randomUUID();
const seat = (quantity: number) => [{ seatTypeId: 'ga', quantity }];

/** A conference's life in its streams: created, published, one order reserved, paid, seated. */
const streams: [string, Message[]][] = [
  [`conference-${conferenceId}`, [
    { type: 'ConferenceCreated', data: { conferenceId, name: 'Summit', slug: `s-${conferenceId.slice(0, 8)}`, tagline: '', location: 'Here', description: 'Talks', startDate: '2030-01-10', endDate: '2030-01-11', ownerName: 'Olga', ownerEmail: 'olga@example.com', accessCode: 'ABC123', currency: 'USD' } },
    { type: 'SeatTypeAdded', data: { conferenceId, seatTypeId: 'ga', name: 'General', description: '', quantity: 10, price: 100, wasEverPublished: false } },
    { type: 'ConferencePublished', data: { conferenceId, firstPublication: true, seatTypes: seat(10) } },
  ]],
  [`seats-availability-${conferenceId}`, [
    { type: 'AvailableSeatsChanged', data: { conferenceId, seats: seat(10) } },
    { type: 'SeatsReserved', data: { conferenceId, reservationId: orderId, requestId: 'r', details: seat(2), availableSeatsChanged: seat(-2) } },
    { type: 'SeatsReservationCommitted', data: { conferenceId, reservationId: orderId, seats: seat(2) } },
  ]],
  [`order-${orderId}`, [
    { type: 'OrderPlaced', data: { orderId, conferenceId, seats: seat(2), reservationExpiresAt: '2030-01-01T00:15:00.000Z', accessCode: 'K7M3QP', currency: 'USD' } },
    { type: 'OrderReservationCompleted', data: { orderId, conferenceId, seats: seat(2), reservationExpiresAt: '2030-01-01T00:15:00.000Z' } },
    { type: 'OrderConfirmed', data: { orderId, conferenceId, seats: seat(2), accessCode: 'K7M3QP', email: 'rita@example.com', total: 200 } },
  ]],
  [`promo-codes-${conferenceId}`, [
    { type: 'PromoCodeAdded', data: { conferenceId, code: 'WS10', discountType: 'amount', discount: 2000, seatTypeId: 'ga', uses: 5 } },
    { type: 'PromoCodeUseReserved', data: { conferenceId, code: 'WS10', orderId } },
  ]],
  [`seat-assignments-${orderId}`, [
    { type: 'SeatAssignmentsCreated', data: { orderId, positions: [{ position: 0, seatTypeId: 'ga' }, { position: 1, seatTypeId: 'ga' }] } },
    { type: 'SeatAssigned', data: { orderId, position: 0, seatTypeId: 'ga', attendee: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' } } },
  ]],
];

const projections: { subscription: Subscription; table: string }[] = [
  { subscription: conferencesSubscription, table: 'rm_conferences' },
  { subscription: seatAllocationSubscription, table: 'rm_seat_allocation' },
  { subscription: ordersSubscription, table: 'rm_orders' },
  { subscription: seatAssignmentsSubscription, table: 'rm_seat_assignments' },
  { subscription: promoCodesSubscription, table: 'rm_promo_codes' },
];

describe('the document read models on server PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
    for (const [streamId, events] of streams) {
      const metadata = { commandId: null, correlationId: 'c', causationId: null, actor: 'test', recordedAt: new Date().toISOString() };
      await appendToStream(db, { streamId, streamType: streamId.split('-')[0]!, expected: 'no-stream', events, metadata });
    }
  });
  afterAll(() => db.drop());

  const rows = (table: string) =>
    db.query(`SELECT * FROM ${table} ORDER BY 1`).then((all) => all.map(({ projected_at: _at, ...row }) => row));
  const apply = (subscription: Subscription, events: Awaited<ReturnType<typeof readAll>>) =>
    db.transaction((tx) => subscription.apply({ db: tx, afterCommit: () => undefined }, events));

  it.each(projections)('$table: rows from the events, and the same events twice give the same rows', async ({ subscription, table }) => {
    // Transactions open elsewhere on the server (other test files) hold the feed back a moment.
    const all = streams.reduce((sum, [, events]) => sum + events.length, 0);
    const events = await eventually(() => readAll(db, startOfFeed, 1_000), (read) => read.length === all);
    await apply(subscription, events);
    const once = await rows(table);
    expect(once).toHaveLength(1);
    expect(once[0]!.version).toBeGreaterThan(0);
    await apply(subscription, events);
    expect(await rows(table)).toEqual(once);
  });
});

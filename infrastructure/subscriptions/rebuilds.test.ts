import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { appendToStream } from '../event-store/append';
import { ordersSubscription } from '../projections/orders';
import { subscriptionStates } from '../queries/operations';
import { embeddedDatabase, serverDatabase, type TestDatabase } from '../testing/databases';
import { eventually } from '../testing/recording-projection';
import { RebuildInProgress, startRebuild } from './rebuilds';
import { startRunner } from './runner';

const placeOrder = (db: Db) => {
  const orderId = randomUUID();
  const data = { orderId, conferenceId: 'c-1', seats: [], reservationExpiresAt: new Date().toISOString(), accessCode: 'ABC123', currency: 'USD' };
  return appendToStream(db, {
    streamId: `order-${orderId}`, streamType: 'order', expected: 'no-stream', events: [{ type: 'OrderPlaced', data }],
    metadata: { commandId: null, correlationId: orderId, causationId: null, actor: 'test', recordedAt: new Date().toISOString() },
  });
};

const ordersIn = async (db: Db) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM rm_orders'))[0]!.n;
const indexesOf = (db: Db) =>
  db.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'rm_orders' ORDER BY indexname`);

describe('a blue/green rebuild of a projection (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
  });
  afterAll(() => db.drop());

  const orderCount = () => ordersIn(db);
  const indexes = () => indexesOf(db);

  it('builds the table anew beside the live one, which keeps serving and being updated, then swaps it in under its own names', async () => {
    for (let i = 0; i < 300; i++) await placeOrder(db);
    const runner = startRunner({ db, subscriptions: [ordersSubscription], pollMs: 20 });
    const reader = db.connect({ max: 2 });
    try {
      await eventually(orderCount, (n) => n === 300);
      const [corrupted] = await db.query<{ order_id: string }>(`UPDATE rm_orders SET doc = doc || '{"corrupted": true}' WHERE order_id = (SELECT min(order_id) FROM rm_orders) RETURNING order_id`);
      const indexesBefore = await indexes();

      await startRebuild(db, ordersSubscription);
      await expect(startRebuild(db, ordersSubscription)).rejects.toBeInstanceOf(RebuildInProgress);
      // Orders go on being placed and read while the rebuild runs: the live table never goes empty.
      let placed = 300;
      const seenWhileRebuilding: number[] = [];
      const rebuilding = async () => (await subscriptionStates(db)).find((s) => s.name === 'orders')!.rebuild;
      while (await rebuilding()) {
        await placeOrder(db);
        placed++;
        seenWhileRebuilding.push((await reader.query<{ n: number }>('SELECT count(*)::int AS n FROM rm_orders'))[0]!.n);
        if (placed > 5_000) throw new Error('the rebuild never finished');
      }
      expect(seenWhileRebuilding.length).toBeGreaterThan(0);
      expect(Math.min(...seenWhileRebuilding)).toBeGreaterThanOrEqual(300);

      await eventually(orderCount, (n) => n === placed);
      const [state] = await eventually(() => subscriptionStates(db), ([s]) => s?.lagEvents === 0);
      expect(state).toMatchObject({ name: 'orders', rebuild: null });
      const [doc] = await db.query<{ corrupted: boolean }>(`SELECT doc ? 'corrupted' AS corrupted FROM rm_orders WHERE order_id = $1`, [corrupted!.order_id]);
      expect(doc).toEqual({ corrupted: false });
      expect(await indexes()).toEqual(indexesBefore);
      expect(await db.query(`SELECT to_regclass('rm_orders_next') AS left_over`)).toEqual([{ left_over: null }]);
    } finally {
      await runner.stop();
    }
  });
});

describe('a blue/green rebuild on the embedded database', () => {
  it('swaps the rebuilt table in, under the live names, with every order', async () => {
    const db = await embeddedDatabase();
    const runner = startRunner({ db, subscriptions: [ordersSubscription], pollMs: 20 });
    try {
      for (let i = 0; i < 50; i++) await placeOrder(db);
      await eventually(() => ordersIn(db), (n) => n === 50);
      const indexesBefore = await indexesOf(db);
      await startRebuild(db, ordersSubscription);
      await eventually(() => subscriptionStates(db), ([orders]) => orders?.rebuild === null && orders.lagEvents === 0);
      expect(await ordersIn(db)).toBe(50);
      expect(await indexesOf(db)).toEqual(indexesBefore);
    } finally {
      await runner.stop();
      await db.drop();
    }
  });
});

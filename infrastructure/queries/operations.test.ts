import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendToStream } from '../event-store/append';
import { ordersSubscription } from '../projections/orders';
import { ensureSubscriptions } from '../subscriptions/checkpoints';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { eventually, note } from '../testing/recording-projection';
import { oldestOpenTransaction, statusOf, subscriptionStates } from './operations';

describe('what the operator sees (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
    await ensureSubscriptions(db, [ordersSubscription.name]);
  });
  afterAll(() => db.drop());

  it('counts as lag only the events of the types a subscription reads, and calls one nobody runs stopped', async () => {
    const orderId = randomUUID();
    await note(db);
    await appendToStream(db, {
      streamId: `order-${orderId}`, streamType: 'order', expected: 'no-stream',
      events: [{ type: 'OrderExpired', data: { orderId, conferenceId: 'c-1' } }],
      metadata: { commandId: null, correlationId: orderId, causationId: null, actor: 'test', recordedAt: new Date().toISOString() },
    });
    const [orders] = await subscriptionStates(db);
    expect(orders).toMatchObject({ name: 'orders', lagEvents: 1, leased: false, checkpointPosition: '0' });
    expect(orders!.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(statusOf(orders!)).toEqual({ status: 'stopped', reason: 'No runner holds it.' });
  });

  it('names the oldest transaction holding a transaction id open, by pid, age and application', async () => {
    const applicationName = `holder-${randomUUID().slice(0, 8)}`;
    const holder = db.connect({ max: 1, applicationName });
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = holder.transaction(async (tx) => {
      await tx.query('SELECT pg_current_xact_id()');
      await released;
    });
    try {
      const oldest = await eventually(() => oldestOpenTransaction(db), (found) => found?.applicationName === applicationName);
      expect(oldest!.pid).toBeGreaterThan(0);
      expect(oldest!.ageSeconds).toBeGreaterThanOrEqual(1);
    } finally {
      release();
      await held;
    }
    await eventually(() => oldestOpenTransaction(db), (found) => found?.applicationName !== applicationName);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendToStream } from '../event-store/append';
import { ensureSubscriptions, resetCheckpoint } from '../subscriptions/checkpoints';
import { serverDatabase, type TestDatabase } from '../testing/databases';
import { catchUp } from '../testing/recording-projection';
import { outboxMail } from './outbox-mail';

describe('the mail outbox (server PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await serverDatabase();
    await ensureSubscriptions(db, [outboxMail.name]);
  });
  afterAll(() => db.drop());

  const confirmOrder = (email: string) => {
    const orderId = randomUUID();
    return appendToStream(db, {
      streamId: `order-${orderId}`,
      streamType: 'order',
      expected: 'any',
      events: [{ type: 'OrderConfirmed', data: { orderId, conferenceId: 'c-1', seats: [], accessCode: 'ABC123', email, total: 0 } }],
      metadata: { commandId: null, correlationId: orderId, causationId: null, actor: 'test', recordedAt: new Date().toISOString() },
    });
  };
  const mails = () => db.query<{ recipient: string; sent: boolean }>('SELECT recipient, sent_at IS NOT NULL AS sent FROM outbox_mail ORDER BY recipient');

  it('never sends a mail again when its subscription is rebuilt from the start of the feed', async () => {
    await confirmOrder('ada@example.com');
    await confirmOrder('grace@example.com');
    await catchUp(db, outboxMail, 'test');
    await db.query('UPDATE outbox_mail SET sent_at = now()');
    // A rebuild: the subscription's own tables, if it has any to reset, then the whole feed again.
    await db.transaction(async (tx) => {
      await outboxMail.reset?.(tx);
      await resetCheckpoint(tx, outboxMail.name);
    });
    await catchUp(db, outboxMail, 'test');
    expect(await mails()).toEqual([
      { recipient: 'ada@example.com', sent: true },
      { recipient: 'grace@example.com', sent: true },
    ]);
  });
});

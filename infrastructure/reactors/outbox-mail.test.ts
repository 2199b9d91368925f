import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderEvent } from '@/domain/registration/order';
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

  const append = (orderId: string, events: OrderEvent[]) =>
    appendToStream(db, {
      streamId: `order-${orderId}`,
      streamType: 'order',
      expected: 'any',
      events,
      metadata: { commandId: null, correlationId: orderId, causationId: null, actor: 'test', recordedAt: new Date().toISOString() },
    });
  const confirmOrder = (email: string) => {
    const orderId = randomUUID();
    return append(orderId, [{ type: 'OrderConfirmed', data: { orderId, conferenceId: 'c-1', seats: [], accessCode: 'ABC123', email, total: 0 } }]);
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

  it('writes the confirmation with the access code and a link to the order, as text and as HTML', async () => {
    const { events } = await confirmOrder('hedy@example.com');
    await catchUp(db, outboxMail, 'test');
    const orderId = (events[0]!.data as { orderId: string }).orderId;
    const [mail] = await db.query<{ subject: string; body: string; html: string }>('SELECT subject, body, html FROM outbox_mail WHERE order_id = $1', [orderId]);
    expect(mail!.subject).toBe('Your registration is confirmed');
    expect(mail!.body).toContain('Your access code is ABC123.');
    expect(mail!.body).toContain(`/orders/${orderId}`);
    expect(mail!.html).toContain(`<a href="http://localhost:3000/orders/${orderId}">Your order</a>`);
  });

  it('tells a registrant whose reservation expired, at the address they gave, and nobody who gave none', async () => {
    const [withEmail, withoutEmail] = [randomUUID(), randomUUID()];
    for (const orderId of [withEmail, withoutEmail]) {
      const placed = { orderId, conferenceId: 'c-1', seats: [], reservationExpiresAt: new Date().toISOString(), accessCode: 'ABC123', currency: 'USD' };
      const registrant: OrderEvent[] = orderId === withEmail
        ? [{ type: 'OrderRegistrantAssigned', data: { orderId, firstName: 'Ada', lastName: 'Lovelace', email: 'late@example.com' } }]
        : [];
      await append(orderId, [{ type: 'OrderPlaced', data: placed }, ...registrant, { type: 'OrderExpired', data: { orderId, conferenceId: 'c-1' } }]);
    }
    await catchUp(db, outboxMail, 'test');
    const rows = await db.query<{ order_id: string; recipient: string; subject: string }>(
      'SELECT order_id, recipient, subject FROM outbox_mail WHERE order_id = ANY($1::text[])', [[withEmail, withoutEmail]]);
    expect(rows).toEqual([{ order_id: withEmail, recipient: 'late@example.com', subject: 'Your reservation has expired' }]);
  });
});

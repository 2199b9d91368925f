import { orderEvents, type OrderConfirmed } from '@/domain/registration/order';
import { seatAssignmentsEvents, type SeatAssigned } from '@/domain/registration/seat-assignments';
import type { StoredEvent } from '../event-store/types';
import type { Subscription } from '../subscriptions/runner';
import { derivedId } from './reaction-context';

type Mail = { id: string; orderId: string; recipient: string; subject: string; body: string };

function mailFor(event: StoredEvent): Mail | null {
  const id = derivedId(event.eventId, 'mail');
  if (orderEvents.is(event) && event.type === 'OrderConfirmed') {
    const { orderId, email, accessCode } = event.data;
    if (!email) return null;
    const body = `Thank you for registering. Your access code is ${accessCode}; use it with this e-mail address to find your order.`;
    return { id, orderId, recipient: email, subject: 'Your registration is confirmed', body };
  }
  if (seatAssignmentsEvents.is(event) && event.type === 'SeatAssigned') {
    const { orderId, attendee } = event.data;
    const body = `Hello ${attendee.firstName}, a conference seat is now assigned to you.`;
    return { id, orderId, recipient: attendee.email, subject: 'A seat has been assigned to you', body };
  }
  return null;
}

/**
 * Mail is never sent from a command handler: it is written here, from events, into an outbox
 * that a mailer drains. The id derives from the event, so a redelivery adds nothing. It has no
 * reset: the outbox records what was sent, and a replay of the feed must not send it again.
 */
export const outboxMail: Subscription = {
  name: 'outbox-mail',
  eventTypes: ['OrderConfirmed', 'SeatAssigned'] satisfies [OrderConfirmed['type'], SeatAssigned['type']],
  async apply(work, events) {
    const mails = events.map(mailFor).filter((mail): mail is Mail => mail !== null);
    if (mails.length === 0) return;
    await work.db.query(
      `INSERT INTO outbox_mail (id, order_id, recipient, subject, body)
       SELECT id, order_id, recipient, subject, body
       FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, order_id text, recipient text, subject text, body text)
       ON CONFLICT (id) DO NOTHING`,
      [mails.map(({ orderId, ...mail }) => ({ ...mail, order_id: orderId }))],
    );
  },
};

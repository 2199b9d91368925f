import { order, orderEvents, type OrderConfirmed, type OrderExpired } from '@/domain/registration/order';
import { seatAssignmentsEvents, type SeatAssigned } from '@/domain/registration/seat-assignments';
import { seatsAvailabilityEvents, type SeatsOfferedToWaitingLine } from '@/domain/registration/seats-availability';
import { waitingListEntry } from '@/domain/registration/waiting-list';
import { offerKey } from '../auth/signed-keys';
import { sessionSecret } from '../auth/secret';
import { loadAggregate, type UnitOfWork } from '../commands/handle';
import { orderStream, waitingListEntryStream } from '../commands/router';
import type { StoredEvent } from '../event-store/types';
import { orderConfirmedMail, publicUrl, reservationExpiredMail, seatAssignedMail, seatsOfferedMail, type Mail } from '../mail/compose';
import { mailQueued } from '../mail/sender';
import { loadConference } from '../services/conferences';
import type { Subscription } from '../subscriptions/runner';
import { derivedId } from './reaction-context';

/** The registrant an expired order had, if they got as far as giving an e-mail address. */
async function registrantEmail(work: UnitOfWork, orderId: string): Promise<string | null> {
  const { state } = await loadAggregate(work.db, order, orderStream(orderId));
  return state.status === 'none' ? null : (state.registrant?.email ?? null);
}

/** The offer to a waiting-list entry, with a link that opens the order placed for it (the entry's id). */
async function offerMail(work: UnitOfWork, id: string, offer: SeatsOfferedToWaitingLine['data']): Promise<Mail | null> {
  const { state: entry } = await loadAggregate(work.db, waitingListEntry, waitingListEntryStream(offer.entryId));
  const conference = await loadConference(work, offer.conferenceId);
  if (entry.status === 'none' || conference.status === 'none') return null;
  const orderId = offer.entryId;
  const link = `${publicUrl()}/orders/${orderId}/offer/${offerKey(await sessionSecret(work.db), orderId)}`;
  return seatsOfferedMail(id, { orderId, email: entry.email, firstName: entry.firstName, conferenceName: conference.details.name, link });
}

async function mailFor(work: UnitOfWork, event: StoredEvent): Promise<Mail | null> {
  const id = derivedId(event.eventId, 'mail');
  if (orderEvents.is(event) && event.type === 'OrderConfirmed') {
    return event.data.email ? orderConfirmedMail(id, event.data) : null;
  }
  if (orderEvents.is(event) && event.type === 'OrderExpired') {
    const email = await registrantEmail(work, event.data.orderId);
    return email ? reservationExpiredMail(id, { orderId: event.data.orderId, email }) : null;
  }
  if (seatAssignmentsEvents.is(event) && event.type === 'SeatAssigned') return seatAssignedMail(id, event.data);
  if (seatsAvailabilityEvents.is(event) && event.type === 'SeatsOfferedToWaitingLine') return offerMail(work, id, event.data);
  return null;
}

/**
 * Mail is never sent from a command handler: it is written here, from events, into an outbox
 * that the sender drains. The id derives from the event, so a redelivery adds nothing. It has no
 * reset: the outbox records what was sent, and a replay of the feed must not send it again.
 */
export const outboxMail: Subscription = {
  name: 'outbox-mail',
  eventTypes: ['OrderConfirmed', 'OrderExpired', 'SeatAssigned', 'SeatsOfferedToWaitingLine'] satisfies [
    OrderConfirmed['type'], OrderExpired['type'], SeatAssigned['type'], SeatsOfferedToWaitingLine['type'],
  ],
  async apply(work, events) {
    const mails: Mail[] = [];
    for (const event of events) {
      const mail = await mailFor(work, event);
      if (mail) mails.push(mail);
    }
    if (mails.length === 0) return;
    await work.db.query(
      `INSERT INTO outbox_mail (id, order_id, recipient, subject, body, html)
       SELECT id, order_id, recipient, subject, body, html
       FROM jsonb_to_recordset($1::jsonb) AS m(id uuid, order_id text, recipient text, subject text, body text, html text)
       ON CONFLICT (id) DO NOTHING`,
      [mails.map(({ orderId, text, ...mail }) => ({ ...mail, order_id: orderId, body: text }))],
    );
    work.afterCommit(mailQueued);
  },
};

import { seatsAvailabilityEvents, type SeatsOfferedToWaitingLine } from '@/domain/registration/seats-availability';
import { waitingListEntry, waitingListEvents, type WaitingListJoined } from '@/domain/registration/waiting-list';
import { DomainError } from '@/domain/shared/errors';
import { loadAggregate, type UnitOfWork } from '../commands/handle';
import { sendWithin, waitingListEntryStream } from '../commands/router';
import type { StoredEvent } from '../event-store/types';
import { logger } from '../logger';
import { defaultCurrency } from '../services/conferences';
import { newAccessCode } from '../services/context';
import { catalogOf, reservationExpiry } from '../services/registrations';
import type { Subscription } from '../subscriptions/runner';
import { causeOf, reactionContext } from './reaction-context';

/** A new entry takes its place in the conference's line, where freed seats are offered in order. */
async function takePlaceInLine(work: UnitOfWork, event: StoredEvent<WaitingListJoined>) {
  const { conferenceId, entryId, seats } = event.data;
  await sendWithin(work, { type: 'JoinWaitingLine', data: { conferenceId, entryId, seats } }, reactionContext(causeOf(event), 'waiting-list/line'));
}

/**
 * Seats held for an entry become its order (the entry's id), with its details filled in and the
 * normal reservation time: the order's own process then holds, expires or sells them as any other.
 */
async function placeOfferedOrder(work: UnitOfWork, event: StoredEvent<SeatsOfferedToWaitingLine>) {
  const { conferenceId, entryId: orderId, seats } = event.data;
  const { state: entry } = await loadAggregate(work.db, waitingListEntry, waitingListEntryStream(orderId));
  const priced = await catalogOf(work, conferenceId);
  if (entry.status === 'none' || !priced) return passOn(work, event, 'not a waiting-list entry of this conference');
  const placing = reactionContext(causeOf(event), 'waiting-list/order');
  const order = {
    orderId, conferenceId, seats, ...priced, offered: true as const, currency: defaultCurrency,
    reservationExpiresAt: reservationExpiry(placing.now), accessCode: newAccessCode(),
  };
  try {
    await sendWithin(work, { type: 'PlaceOrder', data: order }, placing);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return passOn(work, event, error.code);
  }
  const { firstName, lastName, email } = entry;
  await sendWithin(work, { type: 'AssignRegistrantDetails', data: { orderId, firstName, lastName, email } }, reactionContext(causeOf(event), 'waiting-list/registrant'));
}

/**
 * An offer that cannot become an order gives its seats back: they go to the next in line, not
 * held for nobody, and the rest of the feed goes on.
 */
async function passOn(work: UnitOfWork, event: StoredEvent<SeatsOfferedToWaitingLine>, why: string) {
  const { conferenceId, entryId: reservationId } = event.data;
  logger.warn({ eventId: event.eventId, reservationId, why }, 'waiting-list offer passed on');
  await sendWithin(work, { type: 'CancelSeatReservation', data: { conferenceId, reservationId } }, reactionContext(causeOf(event), 'waiting-list/pass-on'));
}

export const waitingListReactor: Subscription = {
  name: 'waiting-list-offers',
  batchSize: 100,
  eventTypes: ['WaitingListJoined', 'SeatsOfferedToWaitingLine'] satisfies [WaitingListJoined['type'], SeatsOfferedToWaitingLine['type']],
  async apply(work, events) {
    for (const event of events) {
      if (waitingListEvents.is(event)) await takePlaceInLine(work, event);
      else if (seatsAvailabilityEvents.is(event) && event.type === 'SeatsOfferedToWaitingLine') await placeOfferedOrder(work, event);
    }
  },
};

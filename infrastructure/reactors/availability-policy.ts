import { conferenceEvents, type ConferenceEvent } from '@/domain/conference/conference';
import type { SeatQuantity, SeatsAvailabilityCommand } from '@/domain/registration/seats-availability';
import { sendWithin } from '../commands/router';
import type { Subscription } from '../subscriptions/runner';
import { causeOf, reactionContext } from './reaction-context';

const change = (conferenceId: string, { seatTypeId, quantity }: SeatQuantity): SeatsAvailabilityCommand[] =>
  quantity === 0
    ? []
    : [{ type: quantity > 0 ? 'AddSeats' : 'RemoveSeats', data: { conferenceId, seatTypeId, quantity: Math.abs(quantity) } }];

/**
 * Conference → seats availability. Seats go on sale at the first publication; once a conference
 * was ever published, seat types added later and quota edits add or remove the difference.
 */
export function seatChanges(event: ConferenceEvent): SeatsAvailabilityCommand[] {
  switch (event.type) {
    case 'ConferencePublished':
      return event.data.firstPublication ? event.data.seatTypes.flatMap((seats) => change(event.data.conferenceId, seats)) : [];
    case 'SeatTypeAdded':
      return event.data.wasEverPublished ? change(event.data.conferenceId, event.data) : [];
    case 'SeatTypeUpdated': {
      const { conferenceId, seatTypeId, quantity, previousQuantity, wasEverPublished } = event.data;
      return wasEverPublished ? change(conferenceId, { seatTypeId, quantity: quantity - previousQuantity }) : [];
    }
    default:
      return [];
  }
}

export const availabilityPolicy: Subscription = {
  name: 'availability-policy',
  batchSize: 100,
  eventTypes: conferenceEvents.names,
  async apply(work, events) {
    for (const event of events) {
      if (!conferenceEvents.is(event)) continue;
      for (const [index, command] of seatChanges(event).entries()) {
        await sendWithin(work, command, reactionContext(causeOf(event), `availability/${index}`));
      }
    }
  },
};

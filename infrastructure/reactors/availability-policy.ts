import type { ConferenceEvent } from '@/domain/conference/conference';
import type { SeatQuantity } from '@/domain/registration/seats-availability';
import { send, type RoutedCommand } from '../commands/router';
import type { StoredEvent } from '../event-store/types';
import type { Subscription } from '../subscriptions/runner';
import { causeOf, reactionContext } from './reaction-context';

/**
 * Conference → seats availability. Seats go on sale at the first publication; once a conference
 * was ever published, seat types added later and quota edits add or remove the difference.
 */
export function seatChanges(event: StoredEvent<ConferenceEvent>): RoutedCommand[] {
  const change = (conferenceId: string, { seatTypeId, quantity }: SeatQuantity): RoutedCommand[] =>
    quantity === 0
      ? []
      : [{ type: quantity > 0 ? 'AddSeats' : 'RemoveSeats', data: { conferenceId, seatTypeId, quantity: Math.abs(quantity) } }];
  switch (event.type) {
    case 'ConferencePublished':
      return event.data.firstPublication
        ? event.data.seatTypes.flatMap((seats) => change(event.data.conferenceId, seats))
        : [];
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
  async apply(work, events) {
    for (const event of events) {
      const commands = seatChanges(event as StoredEvent<ConferenceEvent>);
      for (const [index, command] of commands.entries()) {
        await send(command, reactionContext(work, causeOf(event), `availability/${index}`));
      }
    }
  },
};

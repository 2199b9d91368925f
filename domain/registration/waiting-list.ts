import type { Decider, Message } from '../shared/decider';
import { eventTypes } from '../shared/event-types';
import { conflict, invalid } from '../shared/errors';
import { assertQuantities, normalizeSeats, type SeatQuantity } from '../shared/seats';
import type { Registrant } from './order-messages';
import { isPerson, maxSeatsPerSeatType } from './rules';

type EntryRef = Readonly<{ entryId: string; conferenceId: string }>;

/**
 * Someone asks to be offered seats when they free up. `seatTypeIds` are the conference's seat
 * types; the place in line is taken by the seats availability (see JoinWaitingLine), which
 * offers freed seats in line order. The order placed for an offer has the entry's id.
 */
export type JoinWaitingList = Message<'JoinWaitingList', EntryRef & Registrant & Readonly<{
  seats: readonly SeatQuantity[]; conferencePublished: boolean; seatTypeIds: readonly string[];
}>>;
export type WaitingListJoined = Message<'WaitingListJoined', EntryRef & Registrant & Readonly<{ seats: readonly SeatQuantity[] }>>;

export type WaitingListEntryState =
  | { readonly status: 'none' }
  | Readonly<{ status: 'joined' } & WaitingListJoined['data']>;

/** The WaitingListEntry events by name, all of them: readers of the feed use these. */
export const waitingListEvents = eventTypes<WaitingListJoined>()('WaitingListJoined');

function join(command: JoinWaitingList, state: WaitingListEntryState): WaitingListJoined[] {
  if (state.status !== 'none') throw conflict('WaitingListEntryExists');
  const { entryId, conferenceId, firstName, lastName, email, conferencePublished, seatTypeIds } = command.data;
  if (!conferencePublished) throw conflict('ConferenceNotPublished');
  if (!isPerson(command.data)) throw invalid('InvalidRegistrant', 'First name, last name and a valid e-mail are required');
  assertQuantities(command.data.seats);
  const seats = normalizeSeats(command.data.seats);
  if (seats.length === 0) throw invalid('NoSeatsSelected');
  if (seats.some((seat) => seat.quantity > maxSeatsPerSeatType)) throw invalid('TooManySeats');
  if (seats.some((seat) => !seatTypeIds.includes(seat.seatTypeId))) throw invalid('UnknownSeatType');
  return [{ type: 'WaitingListJoined', data: { entryId, conferenceId, firstName, lastName, email, seats } }];
}

export const waitingListEntry: Decider<JoinWaitingList, WaitingListJoined, WaitingListEntryState> = {
  streamType: 'waiting-list-entry',
  initialState: { status: 'none' },
  evolve: (_state, event) => ({ status: 'joined', ...event.data }),
  // Joining is all an entry decides: the line and its offers are the seats availability's.
  decide: join,
};

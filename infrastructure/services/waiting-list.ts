import { send } from '../commands/router';
import type { ConferenceState } from '@/domain/conference/conference';
import { loadConference } from './conferences';
import { commandContext, newIdFor, type ServiceContext } from './context';
import { attempt, parse, refusal, type Outcome } from './result';
import { waitingListSchema } from './schemas';

export type JoinedWaitingList = { readonly entryId: string; readonly version: number };

/**
 * Puts someone on a conference's waiting list. Their place in line is taken a moment later,
 * in the seats availability, which offers freed seats in line order.
 */
/** `loaded`: the conference's state, when the caller has just loaded it. */
export async function joinWaitingList(context: ServiceContext, conferenceId: string, input: unknown, loaded?: ConferenceState): Promise<Outcome<JoinedWaitingList>> {
  const parsed = parse(waitingListSchema, input);
  if (!parsed.ok) return parsed;
  const conference = loaded ?? (await loadConference(context, conferenceId));
  if (conference.status === 'none') return refusal('ConferenceNotFound');
  const entryId = newIdFor(context, 'waiting-list-entry');
  const data = {
    entryId, conferenceId, ...parsed.value,
    conferencePublished: conference.status === 'published',
    seatTypeIds: conference.seatTypes.map((seatType) => seatType.seatTypeId),
  };
  return attempt(async () => ({ entryId, version: (await send({ type: 'JoinWaitingList', data }, commandContext(context))).version }));
}

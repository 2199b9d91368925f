import { waitingListDtos } from '@/app/organizer/_lib/dto';
import { conferenceWaitingList } from '@/infrastructure/queries/waiting-list';
import { conferenceJson } from '../conference-json';

export const dynamic = 'force-dynamic';

/** The conference's waiting list in line order, for the Waiting list page to poll. */
export function GET(_request: Request, { params }: { readonly params: Promise<{ slug: string }> }) {
  return conferenceJson(params, conferenceWaitingList, waitingListDtos);
}

import { conferenceById } from '@/infrastructure/queries/conferences';
import { conferenceWaitingList } from '@/infrastructure/queries/waiting-list';
import { ok } from '../../../../_lib/answer';
import { conferenceAccess } from '../../../../_lib/access';
import { apiRoute } from '../../../../_lib/call';
import { waitingListOf } from '../../../../_lib/dto';

export const dynamic = 'force-dynamic';

/** The conference's waiting list in the order people joined, with each entry's status. */
export const GET = apiRoute<{ slug: string }>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  const [rows, conference] = await Promise.all([conferenceWaitingList(call.db, access.granted), conferenceById(call.db, access.granted)]);
  return ok(waitingListOf(rows, conference?.version ?? 0));
});

import { joinWaitingList } from '@/infrastructure/services/waiting-list';
import { issueOrderToken, registrationAccess, registrationRefused } from '../../../_lib/access';
import { apiRoute } from '../../../_lib/call';
import { writeAnswer } from '../../../_lib/write';

export const dynamic = 'force-dynamic';

/**
 * Joins the conference's waiting list. The order token answered opens the entry and, once freed
 * seats are offered to it, the order placed for them (whose id is the entry's).
 */
export const POST = apiRoute<{ slug: string }>(async (call) => {
  const access = await registrationAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  const { conferenceId, conference } = access.granted;
  const joined = await joinWaitingList(call.context('api:registrant'), conferenceId, call.body, conference);
  if (!joined.ok) return registrationRefused(joined);
  return writeAnswer(joined, { entryId: joined.entryId, orderToken: await issueOrderToken(joined.entryId) }, 201);
});

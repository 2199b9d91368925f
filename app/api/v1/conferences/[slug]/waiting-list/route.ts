import { issueToken } from '@/infrastructure/api/tokens';
import { registrationOffer } from '@/infrastructure/queries/conferences';
import { mayPlaceOrder } from '@/infrastructure/services/access';
import { joinWaitingList } from '@/infrastructure/services/waiting-list';
import { notFound, refused } from '../../../_lib/answer';
import { apiRoute } from '../../../_lib/call';
import { writeAnswer } from '../../../_lib/write';

export const dynamic = 'force-dynamic';

/**
 * Joins the conference's waiting list. The order token answered opens the entry and, once freed
 * seats are offered to it, the order placed for them (whose id is the entry's).
 */
export const POST = apiRoute<{ slug: string }>(async (call) => {
  const offer = await registrationOffer(call.db, call.params.slug);
  if (!offer) return notFound('Conference not found');
  const admitted = await mayPlaceOrder(call.db, call.address);
  if (!admitted.ok) return refused(admitted);
  const joined = await joinWaitingList(call.context('api:registrant'), offer.conference.conferenceId, call.body);
  if (!joined.ok) return refused(joined);
  return writeAnswer(joined, { entryId: joined.entryId, orderToken: await issueToken(call.db, 'order', joined.entryId) }, 201);
});

import { conferenceById } from '@/infrastructure/queries/conferences';
import { organizerOrders } from '@/infrastructure/queries/organizer';
import { ok } from '../../../../_lib/answer';
import { conferenceAccess } from '../../../../_lib/access';
import { apiRoute } from '../../../../_lib/call';
import { organizerOrdersOf } from '../../../../_lib/dto';

export const dynamic = 'force-dynamic';

/** The conference's orders, newest first. */
export const GET = apiRoute<{ slug: string }>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  const [orders, conference] = await Promise.all([organizerOrders(call.db, access.granted), conferenceById(call.db, access.granted)]);
  return ok(organizerOrdersOf(orders, conference?.version ?? 0));
});

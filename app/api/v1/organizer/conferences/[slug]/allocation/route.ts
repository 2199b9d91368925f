import { allocationView } from '@/infrastructure/queries/organizer';
import { ok } from '../../../../_lib/answer';
import { conferenceAccess } from '../../../../_lib/access';
import { apiRoute } from '../../../../_lib/call';
import { allocationOf } from '../../../../_lib/dto';

export const dynamic = 'force-dynamic';

/** Quota, reserved, sold and available per seat type. */
export const GET = apiRoute<{ slug: string }>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  return ok(allocationOf(await allocationView(call.db, access.granted)));
});

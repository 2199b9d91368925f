import { addSeatType } from '@/infrastructure/services/conferences';
import { conferenceAccess } from '../../../../_lib/access';
import { apiRoute } from '../../../../_lib/call';
import { writeAnswer } from '../../../../_lib/write';

export const dynamic = 'force-dynamic';

/** A new seat type (its price in cents). */
export const POST = apiRoute<{ slug: string }>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  const added = await addSeatType(call.context('api:organizer'), access.granted, call.body);
  return writeAnswer(added, added.ok ? { seatTypeId: added.seatTypeId } : {}, 201);
});

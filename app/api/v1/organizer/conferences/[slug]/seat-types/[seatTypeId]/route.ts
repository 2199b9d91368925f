import { removeSeatType, updateSeatType } from '@/infrastructure/services/conferences';
import { conferenceAccess } from '../../../../../_lib/access';
import { apiRoute } from '../../../../../_lib/call';
import { writeAnswer } from '../../../../../_lib/write';

export const dynamic = 'force-dynamic';

type Params = { slug: string; seatTypeId: string };

export const PUT = apiRoute<Params>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  return writeAnswer(await updateSeatType(call.context('api:organizer'), access.granted, call.params.seatTypeId, call.body));
});

/** Only until the conference was first published. */
export const DELETE = apiRoute<Params>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  return writeAnswer(await removeSeatType(call.context('api:organizer'), access.granted, call.params.seatTypeId));
});

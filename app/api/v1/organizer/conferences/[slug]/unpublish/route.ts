import { setPublished } from '@/infrastructure/services/conferences';
import { conferenceAccess } from '../../../../_lib/access';
import { apiRoute } from '../../../../_lib/call';
import { writeAnswer } from '../../../../_lib/write';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ slug: string }>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  return writeAnswer(await setPublished(call.context('api:organizer'), access.granted, false));
});

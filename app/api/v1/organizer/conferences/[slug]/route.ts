import { updateConferenceDetails } from '@/infrastructure/services/conferences';
import { conferenceById } from '@/infrastructure/queries/conferences';
import { notFound, ok } from '../../../_lib/answer';
import { conferenceAccess } from '../../../_lib/access';
import { apiRoute } from '../../../_lib/call';
import { organizerConferenceOf } from '../../../_lib/dto';
import { writeAnswer } from '../../../_lib/write';

export const dynamic = 'force-dynamic';

type Params = { slug: string };

/** The conference as its organizer sees it, access code included. */
export const GET = apiRoute<Params>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  const conference = await conferenceById(call.db, access.granted);
  return conference ? ok(organizerConferenceOf(conference)) : notFound('Conference not found');
});

/** New details: any of name, tagline, location, description, startDate, endDate. */
export const PATCH = apiRoute<Params>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  return writeAnswer(await updateConferenceDetails(call.context(`api:organizer`), access.granted, call.body));
});

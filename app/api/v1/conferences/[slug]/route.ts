import { registrationOffer } from '@/infrastructure/queries/conferences';
import { notFound, ok } from '../../_lib/answer';
import { apiRoute } from '../../_lib/call';
import { publicConferenceOf } from '../../_lib/dto';

export const dynamic = 'force-dynamic';

/** A published conference and what is left of each seat type; unpublished or unknown: 404. */
export const GET = apiRoute<{ slug: string }>(async ({ db, params }) => {
  const offer = await registrationOffer(db, params.slug);
  return offer ? ok(publicConferenceOf(offer)) : notFound('Conference not found');
});

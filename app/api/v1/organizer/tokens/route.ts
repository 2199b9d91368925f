import type { z } from 'zod';
import { issueOrganizerToken } from '@/infrastructure/api/tokens';
import { conferenceByCode } from '@/infrastructure/services/access';
import { ok, refused } from '../../_lib/answer';
import { apiRoute } from '../../_lib/call';
import type { organizerTokenBody } from '../../_lib/dto';

export const dynamic = 'force-dynamic';

/** The organizer's e-mail and access code: a token for their conference (throttled like sign-in). */
export const POST = apiRoute(async (call) => {
  const found = await conferenceByCode(call.db, call.body, call.address);
  if (!found.ok) return refused(found);
  const organizerToken = await issueOrganizerToken(call.db, found.conference.conferenceId);
  return ok({ slug: found.conference.slug, organizerToken } satisfies z.infer<typeof organizerTokenBody>);
});

import type { z } from 'zod';
import { issueOrganizerToken } from '@/infrastructure/api/tokens';
import { listPublishedConferences } from '@/infrastructure/queries/conferences';
import { createConference } from '@/infrastructure/services/conferences';
import { ok, refused } from '../_lib/answer';
import { apiRoute } from '../_lib/call';
import type { conferenceCreated, conferenceList } from '../_lib/dto';

export const dynamic = 'force-dynamic';

/** The published conferences. */
export const GET = apiRoute(async ({ db }) => {
  const conferences = await listPublishedConferences(db);
  const body = {
    conferences: conferences.map(({ slug, name, tagline, location, startDate, endDate }) => ({ slug, name, tagline, location, startDate, endDate })),
  } satisfies z.infer<typeof conferenceList>;
  return ok(body);
});

/** A new conference, with its access code and a token for its organizer. */
export const POST = apiRoute(async (call) => {
  const created = await createConference(call.context('api:organizer'), call.body);
  if (!created.ok) return refused(created);
  const organizerToken = await issueOrganizerToken(call.db, created.conferenceId);
  const { conferenceId, slug, accessCode, version } = created;
  return ok({ conferenceId, slug, accessCode, organizerToken, version } satisfies z.infer<typeof conferenceCreated>, 201);
});

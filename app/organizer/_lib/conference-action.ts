import 'server-only';
import { formAction } from '@/app/_lib/form-action';
import type { FormResult } from '@/components/forms/result';
import type { ConferenceDoc } from '@/infrastructure/projections/conferences';
import { untilConferenceVersion, untilSeatsOnSale } from '@/infrastructure/queries/wait';
import type { Written } from '@/infrastructure/services/conferences';
import type { ServiceContext } from '@/infrastructure/services/context';
import { refusal, type Outcome } from '@/infrastructure/services/result';
import { authorizedConference, organizerContext } from './access';

/** What anyone but the signed-in organizer hears about a conference: indistinguishable from none. */
export const conferenceNotFound = refusal('ConferenceNotFound');

type Step = (context: ServiceContext, conference: ConferenceDoc, form: FormData) => Promise<Outcome<Written>>;

/**
 * An organizer's command on their conference: authorize, run, wait until the pages show it
 * (and the seats it put on sale), then go to the conference's page at `then`.
 */
export function conferenceAction(slug: unknown, form: unknown, action: string, step: Step, then = ''): Promise<FormResult> {
  return formAction(form, async (fields) => {
    const conference = await authorizedConference(slug);
    if (!conference) return conferenceNotFound;
    const context = await organizerContext(conference, action, fields);
    const done = await step(context, conference, fields);
    if (!done.ok) return done;
    await untilConferenceVersion(context.db, conference.slug, done.version);
    await untilSeatsOnSale(context.db, conference.slug);
    return { ok: true, redirectTo: `/organizer/conferences/${conference.slug}${then}` };
  });
}

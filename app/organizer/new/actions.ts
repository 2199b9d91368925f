'use server';

import { fieldsOf } from '@/app/_lib/form-data';
import { formAction } from '@/app/_lib/form-action';
import type { FormState } from '@/components/forms/result';
import { browserContext } from '@/infrastructure/auth/request';
import { signInOrganizer } from '@/infrastructure/auth/session';
import { untilConferenceVersion } from '@/infrastructure/queries/wait';
import { createConference } from '@/infrastructure/services/conferences';

const fields = ['ownerName', 'ownerEmail', 'name', 'slug', 'tagline', 'location', 'description', 'startDate', 'endDate'];

export async function createConferenceAction(_state: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async (submitted) => {
    const values = fieldsOf(submitted, fields);
    // The e-mail is recorded as the actor only once the service has validated it.
    const actor = `organizer:${values.ownerEmail?.trim().toLowerCase()}`;
    const context = await browserContext('create-conference', submitted.get('commandId'), actor);
    const created = await createConference(context, values);
    if (!created.ok) return created;
    await signInOrganizer(created.conferenceId);
    await untilConferenceVersion(context.db, created.slug, created.version);
    return { ok: true, redirectTo: `/organizer/conferences/${created.slug}` };
  });
}

'use server';

import { fieldsOf } from '@/app/_lib/form-data';
import { formAction, malformed } from '@/app/_lib/form-action';
import { revokeOrganizerTokens } from '@/infrastructure/api/tokens';
import { database } from '@/infrastructure/runtime';
import type { FormState } from '@/components/forms/result';
import { setPublished, updateConferenceDetails } from '@/infrastructure/services/conferences';
import { authorizedConference } from '../../_lib/access';
import { conferenceAction, conferenceNotFound } from '../../_lib/conference-action';

const detailFields = ['name', 'tagline', 'location', 'description', 'startDate', 'endDate'];

export async function setPublishedAction(slug: string, published: boolean, _state: FormState, form: FormData): Promise<FormState> {
  if (typeof published !== 'boolean') return malformed;
  return conferenceAction(slug, form, published ? 'publish' : 'unpublish', (context, conference) =>
    setPublished(context, conference.conferenceId, published),
  );
}

export async function updateDetailsAction(slug: string, _state: FormState, form: FormData): Promise<FormState> {
  return conferenceAction(slug, form, 'update-details', (context, conference, fields) =>
    updateConferenceDetails(context, conference.conferenceId, fieldsOf(fields, detailFields)),
  );
}

/** Every API token of the conference stops working at once (a leaked one, a colleague gone). */
export async function revokeApiTokensAction(slug: string, _state: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async () => {
    const conference = await authorizedConference(slug);
    if (!conference) return conferenceNotFound;
    await revokeOrganizerTokens(await database(), conference.conferenceId);
    return { ok: true };
  });
}

'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/components/organizer/types';
import { browserContext } from '@/infrastructure/auth/request';
import { signInOrganizer } from '@/infrastructure/auth/session';
import { conferenceBySlug } from '@/infrastructure/queries/conferences';
import { createConference } from '@/infrastructure/services/conferences';
import { failed, malformed } from '../_lib/failure';
import { fieldsOf } from '../_lib/form-data';
import { untilVersion } from '@/infrastructure/queries/wait';

const fields = ['ownerName', 'ownerEmail', 'name', 'slug', 'tagline', 'location', 'description', 'startDate', 'endDate'];

export async function createConferenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  if (!(formData instanceof FormData)) return malformed;
  const values = fieldsOf(formData, fields);
  // The e-mail is recorded as the actor only once the service has validated it.
  const actor = `organizer:${values.ownerEmail?.trim().toLowerCase()}`;
  const context = await browserContext('create-conference', formData.get('commandId'), actor);
  let created: Awaited<ReturnType<typeof createConference>>;
  try {
    created = await createConference(context, values);
  } catch (error) {
    return failed(error, values);
  }
  await signInOrganizer(created.conferenceId);
  await untilVersion(() => conferenceBySlug(context.db, created.slug), created.version);
  redirect(`/organizer/conferences/${created.slug}`);
}

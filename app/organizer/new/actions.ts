'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/components/organizer/types';
import { signInOrganizer } from '@/infrastructure/auth/session';
import { conferenceBySlug } from '@/infrastructure/queries/conferences';
import { database } from '@/infrastructure/runtime';
import { createConference } from '@/infrastructure/services/conferences';
import { failed } from '../_lib/failure';
import { commandIdOf, fieldsOf } from '../_lib/form-data';
import { untilVersion } from '@/infrastructure/queries/wait';

const fields = ['ownerName', 'ownerEmail', 'name', 'slug', 'tagline', 'location', 'description', 'startDate', 'endDate'];

export async function createConferenceAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = fieldsOf(formData, fields);
  const db = await database();
  const context = { db, actor: `organizer:${values.ownerEmail?.trim().toLowerCase()}`, commandId: commandIdOf(formData) };
  let created: Awaited<ReturnType<typeof createConference>>;
  try {
    created = await createConference(context, values);
  } catch (error) {
    return failed(error, values);
  }
  await signInOrganizer(created.conferenceId);
  await untilVersion(() => conferenceBySlug(db, created.slug), created.version);
  redirect(`/organizer/conferences/${created.slug}`);
}

'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/components/organizer/types';
import { conferenceBySlug } from '@/infrastructure/queries/conferences';
import { setPublished, updateConferenceDetails } from '@/infrastructure/services/conferences';
import { authorizedConference, organizerContext } from '../../_lib/access';
import { conferenceGone, failed, malformed } from '../../_lib/failure';
import { fieldsOf } from '../../_lib/form-data';
import { untilSeatsOnSale, untilVersion } from '@/infrastructure/queries/wait';

const detailFields = ['name', 'tagline', 'location', 'description', 'startDate', 'endDate'];

export async function setPublishedAction(slug: string, published: boolean, _state: FormState, formData: FormData): Promise<FormState> {
  const doc = await authorizedConference(slug);
  if (!doc) return conferenceGone;
  if (typeof published !== 'boolean' || !(formData instanceof FormData)) return malformed;
  const context = await organizerContext(doc, published ? 'publish' : 'unpublish', formData);
  const { db } = context;
  let version: number;
  try {
    ({ version } = await setPublished(context, doc.conferenceId, published));
  } catch (error) {
    return failed(error);
  }
  await untilVersion(() => conferenceBySlug(db, slug), version);
  await untilSeatsOnSale(db, slug);
  redirect(`/organizer/conferences/${slug}`);
}

export async function updateDetailsAction(slug: string, _state: FormState, formData: FormData): Promise<FormState> {
  const doc = await authorizedConference(slug);
  if (!doc) return conferenceGone;
  if (!(formData instanceof FormData)) return malformed;
  const values = fieldsOf(formData, detailFields);
  const context = await organizerContext(doc, 'update-details', formData);
  const { db } = context;
  let version: number;
  try {
    ({ version } = await updateConferenceDetails(context, doc.conferenceId, values));
  } catch (error) {
    return failed(error, values);
  }
  await untilVersion(() => conferenceBySlug(db, slug), version);
  redirect(`/organizer/conferences/${slug}`);
}

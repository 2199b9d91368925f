import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { browserContext } from '@/infrastructure/auth/request';
import { signedInConferenceId } from '@/infrastructure/auth/session';
import type { ConferenceDoc } from '@/infrastructure/projections/conferences';
import { conferenceBySlug } from '@/infrastructure/queries/conferences';
import { database } from '@/infrastructure/runtime';

/** The conference behind a slug, only for the browser signed in to it; anyone else gets null. */
export const authorizedConference = cache(async (slug: unknown): Promise<ConferenceDoc | null> => {
  if (typeof slug !== 'string') return null;
  const conferenceId = await signedInConferenceId();
  if (!conferenceId) return null;
  const doc = await conferenceBySlug(await database(), slug);
  return doc?.conferenceId === conferenceId ? doc : null;
});

/** For pages: someone else's conference is indistinguishable from a missing one (404). */
export async function organizerConference(slug: string): Promise<ConferenceDoc> {
  const doc = await authorizedConference(slug);
  if (!doc) notFound();
  return doc;
}

export const organizerActor = (doc: Pick<ConferenceDoc, 'ownerEmail'>) => `organizer:${doc.ownerEmail}`;

/** An organizer's submission of `action`, keyed by the form's commandId within this browser. */
export const organizerContext = (doc: Pick<ConferenceDoc, 'ownerEmail'>, action: string, formData: FormData) =>
  browserContext(action, formData.get('commandId'), organizerActor(doc));

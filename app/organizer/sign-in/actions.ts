'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/components/organizer/types';
import { signInOrganizer } from '@/infrastructure/auth/session';
import { signInThrottle } from '@/infrastructure/auth/throttle';
import { conferenceForOrganizer } from '@/infrastructure/queries/organizer';
import { database } from '@/infrastructure/runtime';
import { organizerSignInSchema } from '@/infrastructure/services/schemas';
import { fieldsOf } from '../_lib/form-data';

const noMatch = 'No conference matches that email and access code.';

const refused = (message: string, email: string, fieldErrors: Record<string, string> = {}): FormState => ({
  ok: false,
  message,
  fieldErrors,
  values: { email },
});

function missing(values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.email?.trim()) errors.email = 'Enter your email.';
  if (!values.accessCode?.trim()) errors.accessCode = 'Enter the access code.';
  return errors;
}

export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = fieldsOf(formData, ['email', 'accessCode']);
  const email = values.email?.trim() ?? '';
  const blanks = missing(values);
  if (Object.keys(blanks).length > 0) return refused(noMatch, email, blanks);
  if (signInThrottle.isThrottled(email)) return refused('Too many failed sign-ins for this email. Try again in a minute.', email);
  const parsed = organizerSignInSchema.safeParse(values);
  // A malformed code is just another wrong code: the answer never tells which part was wrong.
  const doc = parsed.success ? await conferenceForOrganizer(await database(), parsed.data.email, parsed.data.accessCode) : null;
  if (!doc) {
    signInThrottle.recordFailure(email);
    return refused(noMatch, email);
  }
  signInThrottle.reset(email);
  await signInOrganizer(doc.conferenceId);
  redirect(`/organizer/conferences/${doc.slug}`);
}

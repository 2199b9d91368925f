'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/components/organizer/types';
import { clientAddress } from '@/infrastructure/auth/request';
import { signInOrganizer } from '@/infrastructure/auth/session';
import { codeLimits, throttledCodeCheck, tooManyAttempts } from '@/infrastructure/auth/throttle';
import { conferenceForOrganizer } from '@/infrastructure/queries/organizer';
import { database } from '@/infrastructure/runtime';
import { organizerSignInSchema } from '@/infrastructure/services/schemas';
import { malformed } from '../_lib/failure';
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
  if (!(formData instanceof FormData)) return malformed;
  const values = fieldsOf(formData, ['email', 'accessCode']);
  const email = values.email?.trim() ?? '';
  const blanks = missing(values);
  if (Object.keys(blanks).length > 0) return refused(noMatch, email, blanks);
  const parsed = organizerSignInSchema.safeParse(values);
  const db = await database();
  // A malformed code is just another wrong code: the answer never tells which part was wrong.
  const doc = await throttledCodeCheck(db, codeLimits('organizer', email, await clientAddress()), async () =>
    parsed.success ? conferenceForOrganizer(db, parsed.data.email, parsed.data.accessCode) : null,
  );
  if (doc === 'throttled') return refused(tooManyAttempts, email);
  if (!doc) return refused(noMatch, email);
  await signInOrganizer(doc.conferenceId);
  redirect(`/organizer/conferences/${doc.slug}`);
}

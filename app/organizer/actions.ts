'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/components/forms/result';
import { signOutOrganizer } from '@/infrastructure/auth/session';

export async function signOutAction(_state: FormState, _formData: FormData): Promise<FormState> {
  await signOutOrganizer();
  redirect('/organizer');
}

'use server';

import { redirect } from 'next/navigation';
import { fieldsOf } from '@/app/_lib/form-data';
import { formAction } from '@/app/_lib/form-action';
import type { FormState } from '@/components/forms/result';
import { signInOperator, signOutOperator } from '@/infrastructure/auth/ops-session';
import { clientAddress } from '@/infrastructure/auth/request';
import { database } from '@/infrastructure/runtime';
import { operatorByToken } from '@/infrastructure/services/operator-access';

export async function signInOperatorAction(_state: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async (fields) => {
    const found = await operatorByToken(await database(), fieldsOf(fields, ['token']), await clientAddress());
    if (!found.ok) return found;
    await signInOperator();
    return { ok: true, redirectTo: '/ops' };
  });
}

export async function signOutOperatorAction(): Promise<void> {
  await signOutOperator();
  redirect('/ops');
}

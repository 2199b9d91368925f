'use server';

import { redirect } from 'next/navigation';
import { fieldsOf } from '@/app/_lib/form-data';
import { formAction } from '@/app/_lib/form-action';
import type { FormState } from '@/components/forms/result';
import { isOperator, signInOperator, signOutOperator } from '@/infrastructure/auth/ops-session';
import { clientAddress } from '@/infrastructure/auth/request';
import { database } from '@/infrastructure/runtime';
import { decideDeadLetter, rebuildProjection } from '@/infrastructure/services/operations';
import { operatorByToken } from '@/infrastructure/services/operator-access';
import { refusal } from '@/infrastructure/services/result';

const operatorOnly = refusal('OperatorSignInRequired', 'Sign in with the operator token first.');

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

/** Retry or Skip on a dead letter, by the signed-in operator only. */
export async function decideDeadLetterAction(deadLetterId: string, decision: string, _state: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async () => {
    if (!(await isOperator())) return operatorOnly;
    return decideDeadLetter({ db: await database(), actor: 'operator' }, { deadLetterId, decision });
  });
}

/** Rebuild of a projection, blue/green, by the signed-in operator only. */
export async function rebuildAction(subscription: string, _state: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async () => {
    if (!(await isOperator())) return operatorOnly;
    return rebuildProjection(await database(), { subscription });
  });
}

'use client';

import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';

export function OperatorSignInForm({ action }: { readonly action: FormAction }) {
  const { state, pending, errorOf, form } = useForm(action);
  return (
    <form {...form} className="card">
      <Field name="token" label="Operator token" type="password" autoComplete="off" error={errorOf('token')}
        hint="OPS_TOKEN, or the token the server printed in its log at its first start." />
      <FormAlert state={state} fields={['token']} pending={pending} pendingText="Signing you in…" />
      <button type="submit" aria-busy={pending}>
        Sign in
      </button>
    </form>
  );
}

'use client';

import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';

export function FindOrderForm({ action }: { readonly action: FormAction }) {
  const { state, pending, errorOf, form } = useForm(action);
  return (
    <form {...form} className="card narrow">
      <Field id="lookup-email" name="email" type="email" label="Email" autoComplete="email" error={errorOf('email')} />
      <Field id="lookup-code" name="accessCode" label="Access code" autoComplete="off" autoCapitalize="characters" spellCheck={false}
        error={errorOf('accessCode')} />
      <FormAlert state={state} fields={['email', 'accessCode']} />
      <button type="submit" aria-busy={pending || undefined}>
        Find order
      </button>
    </form>
  );
}

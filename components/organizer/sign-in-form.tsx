'use client';

import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';
import styles from './organizer.module.css';

export function SignInForm({ action }: { readonly action: FormAction }) {
  const { state, pending, errorOf, form } = useForm(action);
  return (
    <form {...form} className={`card ${styles.formCard}`}>
      <Field name="email" label="Email" type="email" autoComplete="email" error={errorOf('email')} />
      <Field name="accessCode" label="Access code" autoComplete="off" error={errorOf('accessCode')}
        hint="The 6 characters you got when you created the conference." />
      <FormAlert state={state} fields={['email', 'accessCode']} pending={pending} pendingText="Signing you in…" />
      <div className={styles.actions}>
        <button type="submit" aria-busy={pending}>
          Sign in
        </button>
      </div>
    </form>
  );
}

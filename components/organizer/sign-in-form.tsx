'use client';

import { useActionState } from 'react';
import { Field } from './field';
import { FormFeedback, valueOf } from './form-feedback';
import { initialFormState, type FormAction } from './types';
import { useFocusFirstError } from './use-focus-error';
import styles from './organizer.module.css';

export function SignInForm({ action }: { readonly action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const formRef = useFocusFirstError(state);
  const field = (name: string) => ({ name, defaultValue: valueOf(state, {}, name), error: state.fieldErrors[name] });
  return (
    <form ref={formRef} action={formAction} noValidate className={`card ${styles.formCard}`}>
      <Field {...field('email')} label="Email" type="email" autoComplete="email" />
      <Field {...field('accessCode')} label="Access code" autoComplete="off" hint="The 6 characters you got when you created the conference." />
      <FormFeedback state={state} pending={pending} pendingText="Signing you in…" fields={['email', 'accessCode']} />
      <div className={styles.actions}>
        <button type="submit" aria-busy={pending}>
          Sign in
        </button>
      </div>
    </form>
  );
}

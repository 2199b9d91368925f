'use client';

import { useActionState } from 'react';
import { initialFormState, type FormAction } from './types';
import styles from './organizer.module.css';

type Props = {
  readonly action: FormAction;
  readonly label: string;
  readonly pendingText: string;
  readonly commandId?: string;
  readonly variant?: 'primary' | 'secondary' | 'danger';
};

const variants = { primary: '', secondary: 'button--secondary', danger: 'button--danger' };

/** One command behind one button: its progress and its failure are announced beside it. */
export function ActionButton({ action, label, pendingText, commandId, variant = 'primary' }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className={styles.inlineForm}>
      {commandId ? <input type="hidden" name="commandId" value={commandId} /> : null}
      <button type="submit" className={variants[variant]} aria-busy={pending}>
        {label}
      </button>
      <span role="status" className={pending ? styles.hint : styles.srOnly}>
        {pending ? pendingText : ''}
      </span>
      {!state.ok && state.message ? (
        <span role="alert" className={styles.inlineError}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

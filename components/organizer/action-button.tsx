'use client';

import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';
import styles from './organizer.module.css';

type Props = {
  readonly action: FormAction;
  readonly label: string;
  readonly pendingText: string;
  readonly commandId?: string;
  readonly variant?: 'primary' | 'secondary' | 'danger';
  /** Said once the action is done, for one that leaves the page as it is. */
  readonly doneText?: string;
};

const variants = { primary: '', secondary: 'button--secondary', danger: 'button--danger' };

/** One command behind one button: its progress and its failure are announced beside it. */
export function ActionButton({ action, label, pendingText, commandId, variant = 'primary', doneText = '' }: Props) {
  const { state, pending, form } = useForm(action);
  return (
    <form {...form} className={styles.inlineForm}>
      {commandId ? <input type="hidden" name="commandId" value={commandId} /> : null}
      <button type="submit" className={variants[variant]} aria-busy={pending}>
        {label}
      </button>
      <span role="status" className={pending || state?.ok ? styles.hint : styles.srOnly}>
        {pending ? pendingText : state?.ok ? doneText : ''}
      </span>
      {state && !state.ok ? (
        <span role="alert" className={styles.inlineError}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

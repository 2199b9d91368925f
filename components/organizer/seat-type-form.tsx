'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Field } from './field';
import { FormFeedback, valueOf } from './form-feedback';
import { initialFormState, type FormAction } from './types';
import { useFocusFirstError } from './use-focus-error';
import styles from './organizer.module.css';

type Props = {
  readonly action: FormAction;
  readonly commandId: string;
  readonly title: string;
  readonly initial?: Readonly<Record<string, string>>;
  readonly cancelHref: string;
};

const fields = ['name', 'description', 'quantity', 'price'];

export function SeatTypeForm({ action, commandId, title, initial = {}, cancelHref }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const formRef = useFocusFirstError(state);
  const field = (name: string) => ({ name, defaultValue: valueOf(state, initial, name), error: state.fieldErrors[name] });
  return (
    <form ref={formRef} action={formAction} noValidate className={`card ${styles.formCard}`} aria-labelledby="seat-type-form-title">
      <h2 id="seat-type-form-title">{title}</h2>
      <input type="hidden" name="commandId" value={commandId} />
      <Field {...field('name')} label="Name" autoFocus />
      <Field {...field('description')} label="Description" hint="Optional: what this seat includes." />
      <div className="form-grid">
        <Field {...field('quantity')} label="Quantity" type="number" inputMode="numeric" hint="Seats on sale." />
        <Field {...field('price')} label="Price" inputMode="decimal" hint="In US dollars, e.g. 199 or 15.10." />
      </div>
      <FormFeedback state={state} pending={pending} pendingText="Saving the seat type…" fields={fields} />
      <div className={styles.actions}>
        <button type="submit" aria-busy={pending}>
          Save seat type
        </button>
        <Link href={cancelHref} className="button button--secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}

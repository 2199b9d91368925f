'use client';

import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';
import { FormActions } from './form-actions';
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
  const { state, pending, errorOf, form } = useForm(action);
  const field = (name: string) => ({ name, defaultValue: initial[name] ?? '', error: errorOf(name) });
  return (
    <form {...form} className={`card ${styles.formCard}`} aria-labelledby="seat-type-form-title">
      <h2 id="seat-type-form-title">{title}</h2>
      <input type="hidden" name="commandId" value={commandId} />
      <Field {...field('name')} label="Name" autoFocus />
      <Field {...field('description')} label="Description" hint="Optional: what this seat includes." />
      <div className="form-grid">
        <Field {...field('quantity')} label="Quantity" type="number" inputMode="numeric" hint="Seats on sale." />
        <Field {...field('price')} label="Price" inputMode="decimal" hint="In US dollars, e.g. 199 or 15.10." />
      </div>
      <FormAlert state={state} fields={fields} pending={pending} pendingText="Saving the seat type…" />
      <FormActions submit={'Save seat type'} pending={pending} cancelHref={cancelHref} />
    </form>
  );
}

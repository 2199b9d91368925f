'use client';

import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';
import { QuantitySelect } from './quantity-select';

type Props = {
  readonly action: FormAction;
  readonly commandId: string;
  /** The sold-out seat types one may wait for. */
  readonly seatTypes: readonly { readonly seatTypeId: string; readonly name: string }[];
  readonly maxPerSeatType: number;
};

const fields = ['firstName', 'lastName', 'email'] as const;

export function WaitingListForm({ action, commandId, seatTypes, maxPerSeatType }: Props) {
  const { state, pending, errorOf, form } = useForm(action);
  return (
    <form {...form} className="card stack">
      <input type="hidden" name="commandId" value={commandId} />
      <div className="form-grid">
        <Field name="firstName" label="First name" autoComplete="given-name" error={errorOf('firstName')} />
        <Field name="lastName" label="Last name" autoComplete="family-name" error={errorOf('lastName')} />
        <Field name="email" type="email" label="Email" autoComplete="email" error={errorOf('email')} />
      </div>
      <fieldset className="stack">
        <legend>Seats you wait for</legend>
        {seatTypes.map(({ seatTypeId, name }) => (
          <div key={seatTypeId} className="row">
            <span className="seat-type-name">{name}</span>
            <QuantitySelect seatTypeId={seatTypeId} seatTypeName={name} max={maxPerSeatType} defaultValue={0} />
          </div>
        ))}
      </fieldset>
      <FormAlert state={state} fields={fields} />
      <button type="submit" aria-busy={pending || undefined}>
        Join waiting list
      </button>
    </form>
  );
}

'use client';

import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { SelectField } from '../forms/select-field';
import { useForm } from '../forms/use-form';
import { FormActions } from './form-actions';
import styles from './organizer.module.css';

type Props = {
  readonly action: FormAction;
  readonly commandId: string;
  readonly seatTypes: readonly { readonly seatTypeId: string; readonly name: string }[];
  readonly cancelHref: string;
};

const fields = ['code', 'discountType', 'discount', 'seatTypeId', 'uses'];
const discountTypes = [{ value: 'percent', label: 'Percent' }, { value: 'amount', label: 'Amount' }];

export function PromoCodeForm({ action, commandId, seatTypes, cancelHref }: Props) {
  const { state, pending, errorOf, form } = useForm(action);
  const appliesTo = [{ value: '', label: 'All seat types' }, ...seatTypes.map(({ seatTypeId, name }) => ({ value: seatTypeId, label: name }))];
  return (
    <form {...form} className={`card ${styles.formCard}`} aria-labelledby="promo-code-form-title">
      <h2 id="promo-code-form-title">New promo code</h2>
      <input type="hidden" name="commandId" value={commandId} />
      <Field name="code" label="Code" error={errorOf('code')} autoComplete="off" hint="3 to 20 letters and digits." autoFocus />
      <div className="form-grid">
        <SelectField name="discountType" label="Discount type" options={discountTypes} error={errorOf('discountType')} />
        <Field
          name="discount"
          label="Discount"
          inputMode="decimal"
          error={errorOf('discount')}
          hint="A percent from 1 to 100, or an amount in US dollars."
        />
      </div>
      <div className="form-grid">
        <SelectField name="seatTypeId" label="Applies to" options={appliesTo} error={errorOf('seatTypeId')} />
        <Field name="uses" label="Uses" type="number" inputMode="numeric" error={errorOf('uses')} hint="Blank for unlimited." />
      </div>
      <FormAlert state={state} fields={fields} pending={pending} pendingText="Saving the promo code…" />
      <FormActions submit={'Save promo code'} pending={pending} cancelHref={cancelHref} />
    </form>
  );
}

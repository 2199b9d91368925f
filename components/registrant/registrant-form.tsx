'use client';

import type { Registrant } from '@/domain/registration/order';
import { Field } from '../forms/field';
import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';

type Props = {
  readonly action: FormAction;
  readonly orderId: string;
  readonly commandId: string;
  readonly registrant: Registrant | null;
  /** Nothing to pay: the button completes the registration at once. */
  readonly free: boolean;
};

const fields = ['firstName', 'lastName', 'email', 'confirmEmail'] as const;

export function RegistrantForm({ action, orderId, commandId, registrant, free }: Props) {
  const { state, pending, errorOf, form } = useForm(action);
  return (
    <form {...form} className="card" aria-labelledby="registrant-heading">
      <h2 id="registrant-heading" className="card__title">Your details</h2>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="commandId" value={commandId} />
      <div className="form-grid">
        <Field name="firstName" label="First name" autoComplete="given-name" defaultValue={registrant?.firstName} error={errorOf('firstName')} />
        <Field name="lastName" label="Last name" autoComplete="family-name" defaultValue={registrant?.lastName} error={errorOf('lastName')} />
        <Field name="email" type="email" label="Email" autoComplete="email" defaultValue={registrant?.email} error={errorOf('email')} />
        <Field name="confirmEmail" type="email" label="Confirm email" autoComplete="email" defaultValue={registrant?.email} error={errorOf('confirmEmail')} />
      </div>
      <FormAlert state={state} fields={fields} />
      <button type="submit" aria-busy={pending || undefined}>
        {free ? 'Complete registration' : 'Proceed to payment'}
      </button>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import type { Registrant } from '@/domain/registration/order';
import { FormAlert } from './form-alert';
import type { FormState } from './order-types';
import { submitWithoutReset } from './submit-without-reset';
import { TextField } from './text-field';

type Props = {
  readonly action: (state: FormState, form: FormData) => Promise<FormState>;
  readonly orderId: string;
  readonly commandId: string;
  readonly registrant: Registrant | null;
  /** Nothing to pay: the button completes the registration at once. */
  readonly free: boolean;
};

const fields = ['firstName', 'lastName', 'email', 'confirmEmail'] as const;

export function RegistrantForm({ action, orderId, commandId, registrant, free }: Props) {
  const [state, dispatch, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={dispatch} onSubmit={submitWithoutReset(dispatch)} noValidate className="card" aria-labelledby="registrant-heading">
      <h2 id="registrant-heading" className="card__title">Your details</h2>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="commandId" value={commandId} />
      <div className="form-grid">
        <TextField id="firstName" name="firstName" label="First name" autoComplete="given-name" defaultValue={registrant?.firstName} error={errors.firstName} />
        <TextField id="lastName" name="lastName" label="Last name" autoComplete="family-name" defaultValue={registrant?.lastName} error={errors.lastName} />
        <TextField id="email" name="email" type="email" label="Email" autoComplete="email" defaultValue={registrant?.email} error={errors.email} />
        <TextField id="confirmEmail" name="confirmEmail" type="email" label="Confirm email" autoComplete="email" defaultValue={registrant?.email} error={errors.confirmEmail} />
      </div>
      <FormAlert state={state} fields={fields} />
      <button type="submit" aria-busy={pending || undefined}>
        {free ? 'Complete registration' : 'Proceed to payment'}
      </button>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { FormAlert } from './form-alert';
import type { FormState } from './order-types';

type Props = {
  readonly action: (state: FormState, form: FormData) => Promise<FormState>;
  readonly paymentId: string;
  readonly commandId: string;
};

/** Accept or reject: the pressed button's value is the decision. */
export function PaymentDecision({ action, paymentId, commandId }: Props) {
  const [state, dispatch, pending] = useActionState(action, null);
  return (
    <form action={dispatch} noValidate>
      <input type="hidden" name="paymentId" value={paymentId} />
      <input type="hidden" name="commandId" value={commandId} />
      <FormAlert state={state} />
      <div className="row">
        <button type="submit" name="decision" value="accept" aria-busy={pending || undefined}>
          Accept payment
        </button>
        <button type="submit" name="decision" value="reject" className="button--danger">
          Reject payment
        </button>
      </div>
    </form>
  );
}

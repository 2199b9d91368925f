'use client';

import { FormAlert } from '../forms/form-alert';
import type { FormAction } from '../forms/result';
import { useForm } from '../forms/use-form';

type Props = { readonly action: FormAction; readonly paymentId: string; readonly commandId: string };

/** Accept or reject: the pressed button's value is the decision. */
export function PaymentDecision({ action, paymentId, commandId }: Props) {
  const { state, pending, form } = useForm(action);
  return (
    <form {...form}>
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

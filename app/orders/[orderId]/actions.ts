'use server';

import { fieldsOf, textOf } from '@/app/_lib/form-data';
import { formAction } from '@/app/_lib/form-action';
import { hasOrderAccess, orderNotFound, registrantContext } from '@/app/orders/order-access';
import type { FormState } from '@/components/forms/result';
import { untilOrderVersion } from '@/infrastructure/queries/wait';
import { registerAndCheckout } from '@/infrastructure/services/registrations';

const registrantFields = ['firstName', 'lastName', 'email', 'confirmEmail'];

/** Registrant details, then the payment processor, or (nothing to pay) back to the confirming order. */
export async function submitRegistrant(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async (fields) => {
    const orderId = textOf(fields, 'orderId');
    if (!(await hasOrderAccess(orderId))) return orderNotFound;
    const context = await registrantContext('checkout', fields.get('commandId'));
    const started = await registerAndCheckout(context, orderId, fieldsOf(fields, registrantFields));
    if (!started.ok) return started;
    if (started.paymentId) return { ok: true, redirectTo: `/payments/${started.paymentId}` };
    await untilOrderVersion(context.db, orderId, started.version);
    return { ok: true, redirectTo: `/orders/${orderId}` };
  });
}

'use server';

import { textOf } from '@/app/_lib/form-data';
import { formAction } from '@/app/_lib/form-action';
import { hasOrderAccess, orderNotFound, registrantContext } from '@/app/orders/order-access';
import type { FormState } from '@/components/forms/result';
import { untilPaymentSettled } from '@/infrastructure/queries/wait';
import { database } from '@/infrastructure/runtime';
import { loadPayment, settlePayment } from '@/infrastructure/services/payments';

/** The simulated processor's answer; the order page then follows the order to its outcome. */
export async function decidePayment(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async (fields) => {
    const paymentId = textOf(fields, 'paymentId');
    const payment = await loadPayment({ db: await database() }, paymentId);
    if (!payment || !(await hasOrderAccess(payment.orderId))) return orderNotFound;
    const context = await registrantContext('payment', fields.get('commandId'));
    const settled = await settlePayment(context, paymentId, textOf(fields, 'decision') === 'accept');
    if (!settled.ok) return settled;
    await untilPaymentSettled(context.db, payment.orderId, paymentId, settled.version);
    return { ok: true, redirectTo: `/orders/${payment.orderId}` };
  });
}

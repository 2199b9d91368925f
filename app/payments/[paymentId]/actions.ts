'use server';

import { redirect } from 'next/navigation';
import { hasOrderAccess, orderNotFound, registrantContext, textField, malformed } from '@/app/orders/order-access';
import type { FormState } from '@/components/registrant/order-types';
import { toFailure } from '@/infrastructure/services/errors';
import { loadPayment, settlePayment } from '@/infrastructure/services/payments';
import { database } from '@/infrastructure/runtime';
import { untilPaymentSettled } from '@/infrastructure/queries/wait';

/** The simulated processor's answer; the order page then follows the order to its outcome. */
export async function decidePayment(_previous: FormState, form: FormData): Promise<FormState> {
  if (!(form instanceof FormData)) return malformed;
  const paymentId = textField(form, 'paymentId');
  const accepted = textField(form, 'decision') === 'accept';
  let target: string;
  try {
    const { orderId } = await loadPayment({ db: await database() }, paymentId);
    if (!(await hasOrderAccess(orderId))) return orderNotFound;
    const context = await registrantContext('payment', form.get('commandId'));
    const { version } = await settlePayment(context, paymentId, accepted);
    await untilPaymentSettled(context.db, orderId, paymentId, version);
    target = `/orders/${orderId}`;
  } catch (error) {
    return toFailure(error);
  }
  redirect(target);
}

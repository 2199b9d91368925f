'use server';

import { redirect } from 'next/navigation';
import { hasOrderAccess, orderNotFound, registrantContext, textField, malformed } from '@/app/orders/order-access';
import type { FormState } from '@/components/registrant/order-types';
import { parseInput, toFailure } from '@/infrastructure/services/errors';
import { checkout } from '@/infrastructure/services/registrations';
import { registrantSchema } from '@/infrastructure/services/schemas';
import { untilOrderVersion } from '@/infrastructure/queries/wait';

/** Registrant details, then the payment processor, or (nothing to pay) back to the confirming order. */
export async function submitRegistrant(_previous: FormState, form: FormData): Promise<FormState> {
  if (!(form instanceof FormData)) return malformed;
  const orderId = textField(form, 'orderId');
  if (!(await hasOrderAccess(orderId))) return orderNotFound;
  let target: string;
  try {
    const registrant = parseInput(registrantSchema, {
      firstName: textField(form, 'firstName'),
      lastName: textField(form, 'lastName'),
      email: textField(form, 'email'),
      confirmEmail: textField(form, 'confirmEmail'),
    });
    const context = await registrantContext('checkout', form.get('commandId'));
    const started = await checkout(context, orderId, registrant);
    if (started.kind === 'confirmed') await untilOrderVersion(context.db, orderId, started.version);
    target = started.kind === 'payment' ? `/payments/${started.paymentId}` : `/orders/${orderId}`;
  } catch (error) {
    return toFailure(error);
  }
  redirect(target);
}

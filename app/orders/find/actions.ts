'use server';

import { redirect } from 'next/navigation';
import { textField } from '@/app/orders/order-access';
import type { FormState } from '@/components/registrant/order-types';
import { grantOrderAccess } from '@/infrastructure/auth/session';
import { signInThrottle } from '@/infrastructure/auth/throttle';
import { findOrderId } from '@/infrastructure/queries/orders';
import { database } from '@/infrastructure/runtime';
import { orderLookupSchema } from '@/infrastructure/services/schemas';

// One answer for every miss, malformed input included: it tells nothing about which part was wrong.
const noMatch: FormState = { ok: false, code: 'OrderNotFound', message: 'No order matches that email and access code.', fieldErrors: {} };

const throttled: FormState = { ...noMatch, message: 'Too many attempts for this email. Try again in a minute.' };

/** E-mail + access code open the order in this browser. */
export async function findOrder(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = orderLookupSchema.safeParse({ email: textField(form, 'email'), accessCode: textField(form, 'accessCode') });
  if (!parsed.success) return noMatch;
  // Access codes are short: guessing them for one e-mail is slowed down like organizer sign-in.
  const key = `order:${parsed.data.email}`;
  if (signInThrottle.isThrottled(key)) return throttled;
  const orderId = await findOrderId(await database(), parsed.data.email, parsed.data.accessCode);
  if (!orderId) {
    signInThrottle.recordFailure(key);
    return noMatch;
  }
  signInThrottle.reset(key);
  await grantOrderAccess(orderId);
  redirect(`/orders/${orderId}`);
}

'use server';

import { redirect } from 'next/navigation';
import { textField, malformed } from '@/app/orders/order-access';
import type { FormState } from '@/components/registrant/order-types';
import { clientAddress } from '@/infrastructure/auth/request';
import { grantOrderAccess } from '@/infrastructure/auth/session';
import { codeLimits, throttledCodeCheck, tooManyAttempts } from '@/infrastructure/auth/throttle';
import { findOrderId } from '@/infrastructure/queries/orders';
import { database } from '@/infrastructure/runtime';
import { orderLookupSchema } from '@/infrastructure/services/schemas';

// One answer for every miss, malformed input included: it tells nothing about which part was wrong.
const noMatch: FormState = { ok: false, code: 'OrderNotFound', message: 'No order matches that email and access code.', fieldErrors: {} };

const throttled: FormState = { ok: false, code: 'TooManyAttempts', message: tooManyAttempts, fieldErrors: {} };

/** E-mail + access code open the order in this browser. */
export async function findOrder(_previous: FormState, form: FormData): Promise<FormState> {
  if (!(form instanceof FormData)) return malformed;
  const email = textField(form, 'email');
  const parsed = orderLookupSchema.safeParse({ email, accessCode: textField(form, 'accessCode') });
  const db = await database();
  // Access codes are short: every try counts against the e-mail and the address, malformed ones too.
  const found = await throttledCodeCheck(db, codeLimits('order', email, await clientAddress()), async () =>
    parsed.success ? findOrderId(db, parsed.data.email, parsed.data.accessCode) : null,
  );
  if (found === 'throttled') return throttled;
  if (!found) return noMatch;
  await grantOrderAccess(found);
  redirect(`/orders/${found}`);
}

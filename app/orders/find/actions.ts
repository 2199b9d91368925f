'use server';

import { fieldsOf } from '@/app/_lib/form-data';
import { formAction } from '@/app/_lib/form-action';
import type { FormState } from '@/components/forms/result';
import { clientAddress } from '@/infrastructure/auth/request';
import { grantOrderAccess } from '@/infrastructure/auth/session';
import { database } from '@/infrastructure/runtime';
import { orderByCode } from '@/infrastructure/services/access';

/** E-mail + access code open the order in this browser. */
export async function findOrder(_previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async (fields) => {
    const found = await orderByCode(await database(), fieldsOf(fields, ['email', 'accessCode']), await clientAddress());
    if (!found.ok) return found;
    await grantOrderAccess(found.orderId);
    return { ok: true, redirectTo: `/orders/${found.orderId}` };
  });
}

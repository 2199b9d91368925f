'use server';

import { fieldsOf } from '@/app/_lib/form-data';
import { formAction } from '@/app/_lib/form-action';
import type { FormState } from '@/components/forms/result';
import { clientAddress } from '@/infrastructure/auth/request';
import { signInOrganizer } from '@/infrastructure/auth/session';
import { database } from '@/infrastructure/runtime';
import { conferenceByCode } from '@/infrastructure/services/access';

export async function signInAction(_state: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async (fields) => {
    const found = await conferenceByCode(await database(), fieldsOf(fields, ['email', 'accessCode']), await clientAddress());
    if (!found.ok) return found;
    await signInOrganizer(found.conference.conferenceId);
    return { ok: true, redirectTo: `/organizer/conferences/${found.conference.slug}` };
  });
}

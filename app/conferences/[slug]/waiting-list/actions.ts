'use server';

import { fieldsOf, seatsOf } from '@/app/_lib/form-data';
import { formAction } from '@/app/_lib/form-action';
import { registrantContext } from '@/app/orders/order-access';
import type { FormState } from '@/components/forms/result';
import { clientAddress } from '@/infrastructure/auth/request';
import { grantOrderAccess } from '@/infrastructure/auth/session';
import { registrationOffer } from '@/infrastructure/queries/conferences';
import { untilInWaitingLine } from '@/infrastructure/queries/wait';
import { mayPlaceOrder } from '@/infrastructure/services/access';
import { refusal } from '@/infrastructure/services/result';
import { joinWaitingList } from '@/infrastructure/services/waiting-list';

/**
 * Join: the entry is written, this browser may follow it (and open the order an offer places
 * under the entry's id), and the entry's page opens once it has its place in line.
 */
export async function joinWaitingListAction(slug: string, _previous: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async (fields) => {
    const context = await registrantContext('join-waiting-list', fields.get('commandId'));
    const offer = await registrationOffer(context.db, slug);
    if (!offer) return refusal('ConferenceNotFound');
    const admitted = await mayPlaceOrder(context.db, await clientAddress());
    if (!admitted.ok) return admitted;
    const entry = { ...fieldsOf(fields, ['firstName', 'lastName', 'email']), seats: seatsOf(fields) };
    const joined = await joinWaitingList(context, offer.conference.conferenceId, entry);
    if (!joined.ok) return joined;
    await grantOrderAccess(joined.entryId);
    await untilInWaitingLine(context.db, joined.entryId);
    return { ok: true, redirectTo: `/conferences/${slug}/waiting-list/${joined.entryId}` };
  });
}

'use server';

import { centsOf, textOf } from '@/app/_lib/form-data';
import { formAction } from '@/app/_lib/form-action';
import type { FormState } from '@/components/forms/result';
import { untilPromoCodesVersion } from '@/infrastructure/queries/wait';
import { addPromoCode } from '@/infrastructure/services/promo-codes';
import { authorizedConference, organizerContext } from '../../../_lib/access';
import { conferenceNotFound } from '../../../_lib/conference-action';

/** The promo code form: an amount is typed in dollars, a percent as it is; the services take cents. */
const promoCodeOf = (form: FormData) => {
  const discountType = textOf(form, 'discountType');
  const discount = textOf(form, 'discount');
  return {
    code: textOf(form, 'code'),
    discountType,
    discount: discountType === 'amount' ? centsOf(discount) : discount,
    seatTypeId: textOf(form, 'seatTypeId'),
    uses: textOf(form, 'uses'),
  };
};

export async function addPromoCodeAction(slug: string, _state: FormState, form: FormData): Promise<FormState> {
  return formAction(form, async (fields) => {
    const conference = await authorizedConference(slug);
    if (!conference) return conferenceNotFound;
    const context = await organizerContext(conference, 'add-promo-code', fields);
    const added = await addPromoCode(context, conference.conferenceId, promoCodeOf(fields));
    if (!added.ok) return added;
    await untilPromoCodesVersion(context.db, conference.conferenceId, added.version);
    return { ok: true, redirectTo: `/organizer/conferences/${conference.slug}/promo-codes` };
  });
}

import { promoCodesView } from '@/infrastructure/queries/promo-codes';
import { addPromoCode } from '@/infrastructure/services/promo-codes';
import { ok } from '../../../../_lib/answer';
import { conferenceAccess } from '../../../../_lib/access';
import { apiRoute } from '../../../../_lib/call';
import { promoCodesOf } from '../../../../_lib/dto';
import { writeAnswer } from '../../../../_lib/write';

export const dynamic = 'force-dynamic';

/** A new promo code: a percent (1–100), or an amount in cents. */
export const POST = apiRoute<{ slug: string }>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  const added = await addPromoCode(call.context('api:organizer'), access.granted, call.body);
  return writeAnswer(added, added.ok ? { code: added.code } : {}, 201);
});

/** The conference's promo codes and how many orders hold a use of each. */
export const GET = apiRoute<{ slug: string }>(async (call) => {
  const access = await conferenceAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  return ok(promoCodesOf(await promoCodesView(call.db, access.granted)));
});

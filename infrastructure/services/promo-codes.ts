import { promoCodes, promotionOf, type Promotion } from '@/domain/promotions/promo-codes';
import { loadAggregate } from '../commands/handle';
import { promoCodesStream, send } from '../commands/router';
import { loadConference, type Written } from './conferences';
import { commandContext, type ServiceContext } from './context';
import { attempt, parse, refusal, type Outcome } from './result';
import { promoCodeSchema } from './schemas';

export async function addPromoCode(context: ServiceContext, conferenceId: string, input: unknown): Promise<Outcome<Written & { code: string }>> {
  const parsed = parse(promoCodeSchema, input);
  if (!parsed.ok) return parsed;
  const conference = await loadConference(context, conferenceId);
  if (conference.status === 'none') return refusal('ConferenceNotFound');
  const seatTypeIds = conference.seatTypes.map((seatType) => seatType.seatTypeId);
  const data = { conferenceId, ...parsed.value, seatTypeIds };
  const added = await attempt(async () => ({ version: (await send({ type: 'AddPromoCode', data }, commandContext(context))).version }));
  if (added.ok) return { ...added, code: parsed.value.code };
  return added.code === 'PromoCodeTaken' ? refusal('PromoCodeTaken', undefined, { code: added.message }) : added;
}

/**
 * Takes one use of a code for an order before the order is placed, as a seat is held: a code
 * that is unknown here or used up refuses with PromoCodeNotValid. The terms answered are what
 * the order is priced with (a code never changes once added).
 */
export async function reservePromoCodeUse(
  context: ServiceContext, conferenceId: string, code: string, orderId: string,
): Promise<Promotion> {
  await send({ type: 'ReservePromoCodeUse', data: { conferenceId, code, orderId } }, commandContext(context, 1));
  const { state } = await loadAggregate(context.db, promoCodes, promoCodesStream(conferenceId));
  const promotion = promotionOf(state, code);
  if (!promotion) throw new Error(`Promo code ${code} vanished after a use was reserved`);
  return promotion;
}

/** Gives back the use of an order that was not placed after all. */
export async function releasePromoCodeUse(context: ServiceContext, conferenceId: string, orderId: string): Promise<void> {
  await send({ type: 'ReleasePromoCodeUse', data: { conferenceId, orderId } }, commandContext(context, 2));
}

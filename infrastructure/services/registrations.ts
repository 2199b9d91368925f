import type { Db } from '../db/client';
import type { ConferenceState } from '@/domain/conference/conference';
import { order, type Registrant } from '@/domain/registration/order';
import { loadAggregate } from '../commands/handle';
import { orderStream, send } from '../commands/router';
import { defaultCurrency, loadConference, written, type Written } from './conferences';
import { commandContext, idsAreDrawn, newAccessCode, newIdFor, reservationTtlSeconds, type ServiceContext } from './context';
import { releasePromoCodeUse, reservePromoCodeUse } from './promo-codes';
import { attempt, parse, refusal, type Outcome } from './result';
import { placeOrderSchema, registrantFormSchema, registrantSchema, seatsSchema } from './schemas';

/** What orders are priced on: the conference's own events (`loaded`, when the caller has just folded them), not a read model. */
export async function catalogOf(context: { readonly db: Db }, conferenceId: string, loaded?: ConferenceState) {
  const state = loaded ?? (await loadConference(context, conferenceId));
  if (state.status === 'none') return null;
  return {
    conferencePublished: state.status === 'published',
    catalog: state.seatTypes.map(({ seatTypeId, name, price }) => ({ seatTypeId, name, price })),
  };
}

/** When a reservation made now expires. */
export const reservationExpiry = (now: Date = new Date()) => new Date(now.getTime() + reservationTtlSeconds() * 1000).toISOString();

export type PlacedOrder = { orderId: string; accessCode: string; version: number };

/** `conference`: the state of the order's conference, when the caller has just loaded it. */
export async function placeOrder(context: ServiceContext, input: unknown, conference?: ConferenceState): Promise<Outcome<PlacedOrder>> {
  const parsed = parse(placeOrderSchema, input);
  if (!parsed.ok) return parsed;
  const { conferenceId, seats, promoCode } = parsed.value;
  const priced = await catalogOf(context, conferenceId, conference);
  if (!priced) return refusal('ConferenceNotFound');
  const orderId = newIdFor(context, 'order');
  const accessCode = newAccessCode();
  const placed = await attempt(async () => {
    // The code's use is held first, like a seat: an order never has a discount it does not hold.
    const promotion = promoCode === undefined ? undefined : await reservePromoCodeUse(context, conferenceId, promoCode, orderId);
    const data = {
      orderId, conferenceId, seats, ...priced, currency: defaultCurrency, reservationExpiresAt: reservationExpiry(context.now), accessCode,
      ...(promotion && { promotion }),
    };
    const result = await send({ type: 'PlaceOrder', data }, { ...commandContext(context), newStream: idsAreDrawn(context) }).catch(async (error: unknown) => {
      if (promotion) await releasePromoCodeUse(context, conferenceId, orderId);
      throw error;
    });
    // A repeated request answers with what the first one placed.
    const [first] = result.events;
    return { orderId, accessCode: first?.type === 'OrderPlaced' ? first.data.accessCode : accessCode, version: result.version };
  });
  if (placed.ok || placed.code !== 'PromoCodeNotValid') return placed;
  return { ...placed, fieldErrors: { promoCode: placed.message } };
}

/** The order as its own events say, or null when there is none by that id. */
export async function loadOrder(context: Pick<ServiceContext, 'db'>, orderId: string) {
  const { state } = await loadAggregate(context.db, order, orderStream(orderId));
  return state.status === 'none' ? null : state;
}

export async function updateOrderSeats(context: ServiceContext, orderId: string, input: unknown): Promise<Outcome<Written>> {
  const seats = parse(seatsSchema, input);
  if (!seats.ok) return seats;
  const current = await loadOrder(context, orderId);
  const priced = current && (await catalogOf(context, current.conferenceId));
  if (!priced) return refusal('OrderNotFound');
  return attempt(() => written(send({ type: 'UpdateOrderSeats', data: { orderId, seats: seats.value.seats, ...priced } }, commandContext(context))));
}

/** The registrant's details (the API's PUT): name and e-mail. */
export async function assignRegistrant(context: ServiceContext, orderId: string, input: unknown): Promise<Outcome<Written>> {
  const registrant = parse(registrantSchema, input);
  if (!registrant.ok) return registrant;
  return attempt(() => written(assign(context, orderId, registrant.value)));
}

// With the details in its id, a form sent again with other values is a new command, not a
// repeat whose first result would silently stand.
const assign = (context: ServiceContext, orderId: string, registrant: Registrant) =>
  send({ type: 'AssignRegistrantDetails', data: { orderId, ...registrant } }, commandContext(context, 0, registrant));

export type PaymentStart = { readonly paymentId: string | null; readonly version: number };

/**
 * A payment at the (simulated) processor, which the order takes as its one open payment; or,
 * for a free order, confirmation at once: there is nothing to pay.
 */
export async function checkout(context: ServiceContext, orderId: string): Promise<Outcome<PaymentStart>> {
  const state = await loadOrder(context, orderId);
  if (!state) return refusal('OrderNotFound');
  return attempt(async () => {
    if (state.total === 0) {
      const confirmed = await send({ type: 'ConfirmOrder', data: { orderId } }, commandContext(context, 1));
      return { paymentId: null, version: confirmed.version };
    }
    // The payment exists before the order takes it: a crash in between leaves a payment the
    // order would refuse (and refund), never an order waiting on nothing.
    const paymentId = newIdFor(context, 'payment');
    const { conferenceId, total: amount, currency, accessCode } = state;
    const data = { paymentId, orderId, conferenceId, amount, currency, description: `Order ${accessCode}` };
    await send({ type: 'InitiatePayment', data }, commandContext(context, 1));
    const started = await send({ type: 'StartPayment', data: { orderId, paymentId } }, commandContext(context, 2));
    return { paymentId, version: started.version };
  });
}

/** The registrant form: details (the e-mail typed twice), then checkout. */
export async function registerAndCheckout(context: ServiceContext, orderId: string, input: unknown): Promise<Outcome<PaymentStart>> {
  const form = parse(registrantFormSchema, input);
  if (!form.ok) return form;
  const { firstName, lastName, email } = form.value;
  const assigned = await attempt(() => written(assign(context, orderId, { firstName, lastName, email })));
  return assigned.ok ? checkout(context, orderId) : assigned;
}

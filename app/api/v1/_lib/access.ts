import 'server-only';
import type { ConferenceState } from '@/domain/conference/conference';
import { orderToken, orderTokenSubject, organizerTokenSubject } from '@/infrastructure/api/tokens';
import { serverSecret } from '@/infrastructure/auth/server-secret';
import { conferenceIdOfSlug } from '@/infrastructure/queries/conferences';
import { mayPlaceOrder } from '@/infrastructure/services/access';
import { loadConference } from '@/infrastructure/services/conferences';
import { loadPayment } from '@/infrastructure/services/payments';
import type { Failure } from '@/infrastructure/services/result';
import { idSchema } from '@/infrastructure/services/schemas';
import { notFound, refused, unauthorized, type Answer } from './answer';
import type { Call } from './call';

/** What a token opens here, or the contract's answer: no token 401; a wrong, revoked or foreign one 404. */
export type Access<T> = { readonly granted: T } | { readonly refused: Answer };

/** The token that opens this order (or waiting-list entry) through the API. */
export const issueOrderToken = async (orderId: string) => orderToken(await serverSecret(), orderId);

/** The order the call's order token opens, when it is this one. */
export async function orderAccess(call: Call<unknown>, orderId: string): Promise<Access<string>> {
  if (!call.token) return { refused: unauthorized() };
  const subject = idSchema.safeParse(orderId).success ? await orderTokenSubject(call.db, await serverSecret(), call.token) : null;
  return subject === orderId ? { granted: orderId } : { refused: notFound('Order not found') };
}

/** A payment of the order the call's order token opens. */
export async function paymentAccess(call: Call<unknown>, paymentId: string): Promise<Access<string>> {
  if (!call.token) return { refused: unauthorized() };
  const payment = await loadPayment(call, paymentId);
  if (!payment) return { refused: notFound('Payment not found') };
  const order = await orderAccess(call, payment.orderId);
  return 'granted' in order ? { granted: paymentId } : { refused: notFound('Payment not found') };
}

/** The conference (its id) the call's organizer token opens, when it is the one at this slug. */
export async function conferenceAccess(call: Call<unknown>, slug: string): Promise<Access<string>> {
  if (!call.token) return { refused: unauthorized() };
  const [subject, conferenceId] = await Promise.all([organizerTokenSubject(call.db, call.token), conferenceIdOfSlug(call.db, slug)]);
  return conferenceId && conferenceId === subject ? { granted: conferenceId } : { refused: notFound('Conference not found') };
}

/**
 * The published conference at this slug (its id, and its state as its own events say), to a
 * caller within the limit of new orders (which joining a waiting list counts against too). A
 * conference not on sale is not found, before anything else is looked at, as when reading it.
 */
export async function registrationAccess(call: Call<unknown>, slug: string): Promise<Access<OnSale>> {
  const conferenceId = await conferenceIdOfSlug(call.db, slug);
  const conference = conferenceId ? await loadConference(call, conferenceId) : null;
  if (!conferenceId || conference?.status !== 'published') return { refused: notFound('Conference not found') };
  const admitted = await mayPlaceOrder(call.db, call.address);
  return admitted.ok ? { granted: { conferenceId, conference } } : { refused: refused(admitted) };
}

export type OnSale = { readonly conferenceId: string; readonly conference: ConferenceState };

/** A registration refused in the contract's terms: unpublished since it was found, the conference is not found, as when reading it. */
export const registrationRefused = (failure: Failure): Answer =>
  failure.kind === 'conflict' && failure.code === 'ConferenceNotPublished' ? notFound('Conference not found') : refused(failure);

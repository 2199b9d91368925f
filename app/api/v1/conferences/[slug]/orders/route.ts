import type { z } from 'zod';
import { issueToken } from '@/infrastructure/api/tokens';
import { registrationOffer } from '@/infrastructure/queries/conferences';
import { mayPlaceOrder } from '@/infrastructure/services/access';
import { placeOrder } from '@/infrastructure/services/registrations';
import { notFound, ok, refused } from '../../../_lib/answer';
import { fieldOf } from '../../../_lib/body';
import { apiRoute } from '../../../_lib/call';
import type { orderCreated } from '../../../_lib/dto';

export const dynamic = 'force-dynamic';

/** A new order for seats of a published conference (with a promo code, if any), and the token that opens it. */
export const POST = apiRoute<{ slug: string }>(async (call) => {
  const offer = await registrationOffer(call.db, call.params.slug);
  if (!offer) return notFound('Conference not found');
  const admitted = await mayPlaceOrder(call.db, call.address);
  if (!admitted.ok) return refused(admitted);
  const order = { conferenceId: offer.conference.conferenceId, seats: fieldOf(call.body, 'seats'), promoCode: fieldOf(call.body, 'promoCode') };
  const placed = await placeOrder(call.context('api:registrant'), order);
  if (!placed.ok) return refused(placed);
  const orderToken = await issueToken(call.db, 'order', placed.orderId);
  return ok({ orderId: placed.orderId, orderToken, version: placed.version } satisfies z.infer<typeof orderCreated>, 201);
});

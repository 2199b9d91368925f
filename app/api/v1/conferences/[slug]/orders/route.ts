import type { z } from 'zod';
import { placeOrder } from '@/infrastructure/services/registrations';
import { ok } from '../../../_lib/answer';
import { issueOrderToken, registrationAccess, registrationRefused } from '../../../_lib/access';
import { fieldOf } from '../../../_lib/body';
import { apiRoute } from '../../../_lib/call';
import type { orderCreated } from '../../../_lib/dto';

export const dynamic = 'force-dynamic';

/** A new order for seats of a published conference (with a promo code, if any), and the token that opens it. */
export const POST = apiRoute<{ slug: string }>(async (call) => {
  const access = await registrationAccess(call, call.params.slug);
  if ('refused' in access) return access.refused;
  const { conferenceId, conference } = access.granted;
  const order = { conferenceId, seats: fieldOf(call.body, 'seats'), promoCode: fieldOf(call.body, 'promoCode') };
  const placed = await placeOrder(call.context('api:registrant'), order, conference);
  if (!placed.ok) return registrationRefused(placed);
  return ok({ orderId: placed.orderId, orderToken: await issueOrderToken(placed.orderId), version: placed.version } satisfies z.infer<typeof orderCreated>, 201);
});

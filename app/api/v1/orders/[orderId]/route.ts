import { orderView } from '@/infrastructure/queries/orders';
import { notFound, ok } from '../../_lib/answer';
import { orderAccess } from '../../_lib/access';
import { apiRoute } from '../../_lib/call';
import { orderOf } from '../../_lib/dto';

export const dynamic = 'force-dynamic';

/** The order as its read model shows it (404 for a moment after it was placed). */
export const GET = apiRoute<{ orderId: string }>(async (call) => {
  const access = await orderAccess(call, call.params.orderId);
  if ('refused' in access) return access.refused;
  const view = await orderView(call.db, access.granted);
  return view ? ok(orderOf(view)) : notFound('Order not found');
});

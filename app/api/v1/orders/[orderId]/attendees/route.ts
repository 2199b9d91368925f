import { seatAssignmentsView } from '@/infrastructure/queries/orders';
import { notFound, ok } from '../../../_lib/answer';
import { orderAccess } from '../../../_lib/access';
import { apiRoute } from '../../../_lib/call';
import { attendeesOf } from '../../../_lib/dto';

export const dynamic = 'force-dynamic';

/** The confirmed order's seats and who sits in them; 404 until the order is confirmed. */
export const GET = apiRoute<{ orderId: string }>(async (call) => {
  const access = await orderAccess(call, call.params.orderId);
  if ('refused' in access) return access.refused;
  const view = await seatAssignmentsView(call.db, access.granted);
  return view ? ok(attendeesOf(view)) : notFound('This order has no seats to assign yet.');
});

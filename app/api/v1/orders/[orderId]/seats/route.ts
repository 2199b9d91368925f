import { updateOrderSeats } from '@/infrastructure/services/registrations';
import { writeAnswer } from '../../../_lib/write';
import { orderAccess } from '../../../_lib/access';
import { apiRoute } from '../../../_lib/call';

export const dynamic = 'force-dynamic';

/** New seats for the order (while no payment is open). */
export const PUT = apiRoute<{ orderId: string }>(async (call) => {
  const access = await orderAccess(call, call.params.orderId);
  if ('refused' in access) return access.refused;
  return writeAnswer(await updateOrderSeats(call.context('api:registrant'), access.granted, call.body));
});

import { checkout } from '@/infrastructure/services/registrations';
import { orderAccess } from '../../../_lib/access';
import { apiRoute } from '../../../_lib/call';
import { writeAnswer } from '../../../_lib/write';

export const dynamic = 'force-dynamic';

/** A payment at the simulated processor, or (a free order) confirmation at once: `paymentId` null. */
export const POST = apiRoute<{ orderId: string }>(async (call) => {
  const access = await orderAccess(call, call.params.orderId);
  if ('refused' in access) return access.refused;
  const started = await checkout(call.context('api:registrant'), access.granted);
  return writeAnswer(started, started.ok ? { paymentId: started.paymentId } : {});
});

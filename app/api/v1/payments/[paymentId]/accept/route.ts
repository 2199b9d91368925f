import { settlePayment } from '@/infrastructure/services/payments';
import { paymentAccess } from '../../../_lib/access';
import { apiRoute } from '../../../_lib/call';
import { writeAnswer } from '../../../_lib/write';

export const dynamic = 'force-dynamic';

/** The simulated processor's answer: the order follows through the process manager. */
export const POST = apiRoute<{ paymentId: string }>(async (call) => {
  const access = await paymentAccess(call, call.params.paymentId);
  if ('refused' in access) return access.refused;
  return writeAnswer(await settlePayment(call.context('api:processor'), access.granted, true));
});

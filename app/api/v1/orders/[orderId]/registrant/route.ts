import { assignRegistrant } from '@/infrastructure/services/registrations';
import { orderAccess } from '../../../_lib/access';
import { apiRoute } from '../../../_lib/call';
import { writeAnswer } from '../../../_lib/write';

export const dynamic = 'force-dynamic';

/** The registrant's name and e-mail. */
export const PUT = apiRoute<{ orderId: string }>(async (call) => {
  const access = await orderAccess(call, call.params.orderId);
  if ('refused' in access) return access.refused;
  return writeAnswer(await assignRegistrant(call.context('api:registrant'), access.granted, call.body));
});

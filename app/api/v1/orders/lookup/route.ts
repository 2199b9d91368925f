import type { z } from 'zod';
import { orderByCode } from '@/infrastructure/services/access';
import { ok, refused } from '../../_lib/answer';
import { issueOrderToken } from '../../_lib/access';
import { apiRoute } from '../../_lib/call';
import type { orderTokenBody } from '../../_lib/dto';

export const dynamic = 'force-dynamic';

/** E-mail and access code: a token for the order they open (throttled like the web's lookup). */
export const POST = apiRoute(async (call) => {
  const found = await orderByCode(call.db, call.body, call.address);
  if (!found.ok) return refused(found);
  return ok({ orderId: found.orderId, orderToken: await issueOrderToken(found.orderId) } satisfies z.infer<typeof orderTokenBody>);
});

import { redirect } from 'next/navigation';
import { isOfferKey } from '@/infrastructure/auth/signed-keys';
import { serverSecret } from '@/infrastructure/auth/server-secret';
import { grantOrderAccess } from '@/infrastructure/auth/session';
import { idSchema } from '@/infrastructure/services/schemas';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ orderId: string; key: string }> };

/**
 * The link of a waiting-list offer: its key lets this browser open the order placed for the
 * offer. A wrong key grants nothing, and the order page then says what it says to anyone else.
 */
export async function GET(_request: Request, { params }: Params) {
  const { orderId, key } = await params;
  if (!idSchema.safeParse(orderId).success) redirect('/orders/find');
  if (isOfferKey(await serverSecret(), orderId, key)) await grantOrderAccess(orderId);
  redirect(`/orders/${orderId}`);
}

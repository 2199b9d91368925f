import { authorizedConference } from '@/app/organizer/_lib/access';
import { orderDtos } from '@/app/organizer/_lib/dto';
import { organizerOrders } from '@/infrastructure/queries/organizer';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';

type Context = { readonly params: Promise<{ slug: string }> };

/** The conference's orders, newest first, for the Orders page to poll; only for its organizer. */
export async function GET(_request: Request, { params }: Context) {
  const doc = await authorizedConference((await params).slug);
  if (!doc) return Response.json({ error: 'Conference not found' }, { status: 404 });
  const rows = await organizerOrders(await database(), doc.conferenceId);
  return Response.json(orderDtos(rows), { headers: { 'Cache-Control': 'no-store' } });
}

import { authorizedConference } from '@/app/organizer/_lib/access';
import { allocationDto } from '@/app/organizer/_lib/dto';
import { allocationView } from '@/infrastructure/queries/organizer';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';

type Context = { readonly params: Promise<{ slug: string }> };

/** The live seat counts the Allocation page polls; only for the organizer signed in to it. */
export async function GET(_request: Request, { params }: Context) {
  const doc = await authorizedConference((await params).slug);
  if (!doc) return Response.json({ error: 'Conference not found' }, { status: 404 });
  const view = await allocationView(await database(), doc.conferenceId);
  return Response.json(allocationDto(view), { headers: { 'Cache-Control': 'no-store' } });
}

import { allocationDto } from '@/app/organizer/_lib/dto';
import { allocationView } from '@/infrastructure/queries/organizer';
import { conferenceJson } from '../conference-json';

export const dynamic = 'force-dynamic';

/** The live seat counts the Allocation page polls. */
export function GET(_request: Request, { params }: { readonly params: Promise<{ slug: string }> }) {
  return conferenceJson(params, allocationView, allocationDto);
}

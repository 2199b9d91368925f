import { orderDtos } from '@/app/organizer/_lib/dto';
import { organizerOrders } from '@/infrastructure/queries/organizer';
import { conferenceJson } from '../conference-json';

export const dynamic = 'force-dynamic';

/** The conference's orders, newest first, for the Orders page to poll. */
export function GET(_request: Request, { params }: { readonly params: Promise<{ slug: string }> }) {
  return conferenceJson(params, organizerOrders, orderDtos);
}

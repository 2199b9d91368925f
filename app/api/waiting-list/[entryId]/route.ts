import { waitingListEntryView } from '@/infrastructure/queries/waiting-list';
import { entrySnapshot, orderJson } from '../../orders/[orderId]/order-json';

export const dynamic = 'force-dynamic';

/** The entry's place in line, for its page to poll: an entry's id is the id of the order an offer places. */
export function GET(_request: Request, { params }: { params: Promise<{ entryId: string }> }) {
  return orderJson(params.then(({ entryId }) => ({ orderId: entryId })), waitingListEntryView, entrySnapshot);
}

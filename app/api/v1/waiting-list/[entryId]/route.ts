import { waitingListEntryView } from '@/infrastructure/queries/waiting-list';
import { notFound, ok } from '../../_lib/answer';
import { orderAccess } from '../../_lib/access';
import { apiRoute } from '../../_lib/call';
import { waitingListEntryOf } from '../../_lib/dto';

export const dynamic = 'force-dynamic';

/** Where the entry stands (the order token it was joined with opens it); 404 for a moment after joining. */
export const GET = apiRoute<{ entryId: string }>(async (call) => {
  const access = await orderAccess(call, call.params.entryId);
  if ('refused' in access) return access.refused;
  const view = await waitingListEntryView(call.db, access.granted);
  return view ? ok(waitingListEntryOf(view)) : notFound('Waiting list entry not found');
});

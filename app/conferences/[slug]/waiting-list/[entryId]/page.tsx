import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasOrderAccess } from '@/app/orders/order-access';
import { WaitingListEntry } from '@/components/registrant/waiting-list-entry';
import { conferenceBySlug } from '@/infrastructure/queries/conferences';
import { waitingListEntryView } from '@/infrastructure/queries/waiting-list';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Waiting list' };

type Props = { readonly params: Promise<{ slug: string; entryId: string }> };

/** Only the browser that joined sees the entry (its id is also its offer's order id). */
export default async function WaitingListEntryPage({ params }: Props) {
  const { slug, entryId } = await params;
  if (!(await hasOrderAccess(entryId))) notFound();
  const db = await database();
  const [conference, view] = await Promise.all([conferenceBySlug(db, slug), waitingListEntryView(db, entryId)]);
  if (!conference || (view && view.conferenceId !== conference.conferenceId)) notFound();
  return (
    <>
      <p className="muted">
        <Link href={`/conferences/${slug}`}>{conference.name}</Link>
      </p>
      <h1>Waiting list</h1>
      <WaitingListEntry entryId={entryId} slug={slug} initial={view} />
    </>
  );
}

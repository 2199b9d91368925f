import type { Metadata } from 'next';
import { LiveWaitingList } from '@/components/organizer/live-waiting-list';
import styles from '@/components/organizer/organizer.module.css';
import { conferenceWaitingList } from '@/infrastructure/queries/waiting-list';
import { database } from '@/infrastructure/runtime';
import { organizerConference } from '../../../_lib/access';
import { waitingListDtos } from '../../../_lib/dto';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Waiting list' };

type Props = { readonly params: Promise<{ slug: string }> };

export default async function WaitingListPage({ params }: Props) {
  const doc = await organizerConference((await params).slug);
  const rows = waitingListDtos(await conferenceWaitingList(await database(), doc.conferenceId));
  return (
    <>
      <p className={styles.eyebrow}>{doc.name}</p>
      <h1>Waiting list</h1>
      <p className="muted">
        People waiting for sold-out seats, in the order they joined. Freed seats are offered to the first in line before
        they go back on sale; an offer not paid in time passes to the next.
      </p>
      <LiveWaitingList slug={doc.slug} initial={rows} />
    </>
  );
}

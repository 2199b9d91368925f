import type { Metadata } from 'next';
import { LiveAllocation } from '@/components/organizer/live-allocation';
import styles from '@/components/organizer/organizer.module.css';
import { allocationView } from '@/infrastructure/queries/organizer';
import { database } from '@/infrastructure/runtime';
import { organizerConference } from '../../../_lib/access';
import { allocationDto } from '../../../_lib/dto';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Live seats' };

type Props = { readonly params: Promise<{ slug: string }> };

export default async function AllocationPage({ params }: Props) {
  const doc = await organizerConference((await params).slug);
  const view = await allocationView(await database(), doc.conferenceId);
  return (
    <>
      <p className={styles.eyebrow}>{doc.name}</p>
      <h1>Allocation</h1>
      <p className="muted">Live counts for every kind of seat, while this page is open.</p>
      <LiveAllocation slug={doc.slug} initial={allocationDto(view)} />
    </>
  );
}

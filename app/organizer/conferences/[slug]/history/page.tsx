import type { Metadata } from 'next';
import { AllocationTable } from '@/components/organizer/allocation-table';
import { HistoryList } from '@/components/organizer/history-list';
import styles from '@/components/organizer/organizer.module.css';
import { conferenceHistory, type ConferenceHistory } from '@/infrastructure/queries/history';
import { database } from '@/infrastructure/runtime';
import { organizerConference } from '../../../_lib/access';
import { allocationRows } from '../../../_lib/dto';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Event log' };

type Props = {
  readonly params: Promise<{ slug: string }>;
  readonly searchParams: Promise<{ asOf?: string }>;
};

function AsOf({ entry, allocation }: NonNullable<ConferenceHistory['asOf']>) {
  return (
    <section className={`card ${styles.asOf}`} aria-labelledby="as-of-title">
      <h2 id="as-of-title">Allocation as of</h2>
      <p className="muted">
        Right after: <strong>{entry.text}</strong>
      </p>
      <AllocationTable rows={allocationRows(allocation?.seatTypes ?? [])} caption={`Allocation right after: ${entry.text}`} />
    </section>
  );
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const doc = await organizerConference((await params).slug);
  const { asOf } = await searchParams;
  const { entries, asOf: selected } = await conferenceHistory(await database(), doc.conferenceId, asOf);
  const rows = entries.map(({ eventId, at, text }) => ({ eventId, at, text }));
  return (
    <>
      <p className={styles.eyebrow}>{doc.name}</p>
      <h1>History</h1>
      <p className="muted">Everything that happened to this conference and its orders, oldest first.</p>
      <div className={styles.history}>
        <HistoryList entries={rows} selected={selected?.entry.eventId} href={`/organizer/conferences/${doc.slug}/history`} />
        {selected ? <AsOf {...selected} /> : (
          <aside className={`card ${styles.asOf}`}>
            <p className="muted" style={{ margin: 0 }}>Press <strong>As of this event</strong> on a row to see the seats right after it.</p>
          </aside>
        )}
      </div>
    </>
  );
}

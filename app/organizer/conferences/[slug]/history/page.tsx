import type { Metadata } from 'next';
import { AllocationTable } from '@/components/organizer/allocation-table';
import { HistoryList } from '@/components/organizer/history-list';
import styles from '@/components/organizer/organizer.module.css';
import { allocationAsOf, conferenceHistory, type HistoryEntry } from '@/infrastructure/queries/history';
import { database } from '@/infrastructure/runtime';
import { organizerConference } from '../../../_lib/access';
import { allocationRows } from '../../../_lib/dto';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Event log' };

type Props = {
  readonly params: Promise<{ slug: string }>;
  readonly searchParams: Promise<{ asOf?: string }>;
};

// Positions arrive as text; compared as numbers so position 100 comes after 99.
const inTimeOrder = (entries: HistoryEntry[]) =>
  [...entries].sort((a, b) => Number(a.position) - Number(b.position));

async function AsOf({ conferenceId, entry }: { readonly conferenceId: string; readonly entry: HistoryEntry }) {
  const allocation = await allocationAsOf(await database(), conferenceId, entry.eventId);
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
  const entries = inTimeOrder(await conferenceHistory(await database(), doc.conferenceId));
  const selected = entries.find((entry) => entry.eventId === asOf);
  const rows = entries.map(({ eventId, at, text }) => ({ eventId, at, text }));
  return (
    <>
      <p className={styles.eyebrow}>{doc.name}</p>
      <h1>History</h1>
      <p className="muted">Everything that happened to this conference and its orders, oldest first.</p>
      <div className={styles.history}>
        <HistoryList entries={rows} selected={selected?.eventId} href={`/organizer/conferences/${doc.slug}/history`} />
        {selected ? <AsOf conferenceId={doc.conferenceId} entry={selected} /> : (
          <aside className={`card ${styles.asOf}`}>
            <p className="muted" style={{ margin: 0 }}>Press <strong>As of this event</strong> on a row to see the seats right after it.</p>
          </aside>
        )}
      </div>
    </>
  );
}

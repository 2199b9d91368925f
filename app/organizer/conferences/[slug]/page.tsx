import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/organizer/action-button';
import styles from '@/components/organizer/organizer.module.css';
import { formatDateRange } from '@/components/format';
import type { ConferenceDoc } from '@/infrastructure/projections/conferences';
import { allocationView, organizerOrders } from '@/infrastructure/queries/organizer';
import { database } from '@/infrastructure/runtime';
import { organizerConference } from '../../_lib/access';
import { revokeApiTokensAction, setPublishedAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Dashboard' };

type Props = { readonly params: Promise<{ slug: string }> };

function PublicationCard({ doc }: { readonly doc: ConferenceDoc }) {
  const action = setPublishedAction.bind(null, doc.slug, !doc.published);
  return (
    <section className="card" aria-labelledby="publication-title">
      <h2 id="publication-title" className={styles.cardTitle}>Registration</h2>
      <div className={styles.statusLine}>
        <span className={`badge ${doc.published ? 'badge--success' : 'badge--muted'}`}>{doc.published ? 'Published' : 'Not published'}</span>
        <ActionButton
          key={String(doc.published)}
          action={action}
          label={doc.published ? 'Unpublish' : 'Publish'}
          pendingText={doc.published ? 'Taking it off the home page…' : 'Opening registration…'}
          commandId={crypto.randomUUID()}
          variant={doc.published ? 'secondary' : 'primary'}
        />
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {doc.published
          ? 'Listed on the home page: registrants can book seats.'
          : 'Hidden from registrants. Add seat types, then open registration.'}
      </p>
    </section>
  );
}

function ApiCard({ doc }: { readonly doc: ConferenceDoc }) {
  return (
    <section className="card" aria-labelledby="api-title">
      <h2 id="api-title" className={styles.cardTitle}>API access</h2>
      <p className="muted">
        Tools get an organizer token from <code>POST /api/v1/organizer/tokens</code> with your e-mail and access code
        (see <Link href="/api/docs" prefetch={false}>the API reference</Link>). Revoking ends every token given so far.
      </p>
      <ActionButton
        action={revokeApiTokensAction.bind(null, doc.slug)}
        label="Revoke API tokens"
        pendingText="Revoking…"
        doneText="Every API token of this conference is revoked."
        variant="danger"
      />
    </section>
  );
}

function AccessCard({ doc }: { readonly doc: ConferenceDoc }) {
  return (
    <section className="card" aria-labelledby="access-title">
      <h2 id="access-title" className={styles.cardTitle}>Access code</h2>
      <p className="code" style={{ margin: '0 0 0.5rem' }}>
        <span data-testid="organizer-access-code">{doc.accessCode}</span>
      </p>
      <p className="muted" style={{ margin: 0 }}>
        Sign in again with it and <strong>{doc.ownerEmail}</strong>. Keep it private.
      </p>
    </section>
  );
}

async function Numbers({ doc }: { readonly doc: ConferenceDoc }) {
  const db = await database();
  const [allocation, orders] = await Promise.all([allocationView(db, doc.conferenceId), organizerOrders(db, doc.conferenceId)]);
  const sum = (key: 'reserved' | 'sold') => allocation.seatTypes.reduce((total, row) => total + row[key], 0);
  const stats = [
    ['Seat types', doc.seatTypes.length],
    ['Seats offered', doc.seatTypes.reduce((total, seatType) => total + seatType.quantity, 0)],
    ['Seats reserved', sum('reserved')],
    ['Seats sold', sum('sold')],
    ['Orders placed', orders.length],
  ] as const;
  return (
    <section aria-labelledby="numbers-title">
      <h2 id="numbers-title">At a glance</h2>
      <dl className={styles.stats}>
        {stats.map(([label, value]) => (
          <div key={label} className={styles.stat}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export default async function DashboardPage({ params }: Props) {
  const doc = await organizerConference((await params).slug);
  return (
    <>
      <div className={styles.pageHead}>
        <div>
          <p className={styles.eyebrow}>Dashboard</p>
          <h1>{doc.name}</h1>
          {doc.tagline ? <p className="lead">{doc.tagline}</p> : null}
          <p>
            {formatDateRange(doc.startDate, doc.endDate)} · {doc.location}
          </p>
        </div>
        <Link href={`/organizer/conferences/${doc.slug}/edit`} className="button button--secondary">
          Edit details
        </Link>
      </div>
      <div className={styles.overview}>
        <PublicationCard doc={doc} />
        <AccessCard doc={doc} />
        <ApiCard doc={doc} />
      </div>
      <Numbers doc={doc} />
      <section aria-labelledby="about-title">
        <h2 id="about-title">About</h2>
        <p style={{ whiteSpace: 'pre-line' }}>{doc.description}</p>
      </section>
    </>
  );
}

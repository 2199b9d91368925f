import Link from 'next/link';
import { formatDateRange } from '@/components/format';
import { listPublishedConferences } from '@/infrastructure/queries/conferences';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const conferences = await listPublishedConferences(await database());
  return (
    <>
      <h1>Conferences</h1>
      <p className="lead">Pick a conference and book your seats in a minute.</p>
      {conferences.length === 0 ? (
        <p className="card muted">No conferences are open for registration yet.</p>
      ) : (
        <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
          {conferences.map((conference) => (
            <li key={conference.conferenceId} className="card">
              <h2 style={{ marginTop: 0 }}>
                <Link href={`/conferences/${conference.slug}`}>{conference.name}</Link>
              </h2>
              {conference.tagline ? <p className="muted">{conference.tagline}</p> : null}
              <p>
                {formatDateRange(conference.startDate, conference.endDate)} · {conference.location}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

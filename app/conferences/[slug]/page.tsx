import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { formatDateRange } from '@/components/format';
import { publishedConference } from '@/infrastructure/queries/conferences';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

// The title and the page read the same conference once per request.
const conferenceOf = cache(async (slug: string) => publishedConference(await database(), slug));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conference = await conferenceOf((await params).slug);
  return { title: conference ? 'Event' : 'Not found' };
}

export default async function ConferencePage({ params }: Props) {
  const { slug } = await params;
  const conference = await conferenceOf(slug);
  if (!conference) notFound();
  return (
    <article className="conference">
      <header className="conference__hero card">
        <h1>{conference.name}</h1>
        {conference.tagline ? <p className="lead">{conference.tagline}</p> : null}
        <dl className="facts">
          <div>
            <dt>When</dt>
            <dd>{formatDateRange(conference.startDate, conference.endDate)}</dd>
          </div>
          <div>
            <dt>Where</dt>
            <dd>{conference.location}</dd>
          </div>
        </dl>
        <p>
          <Link className="button" href={`/conferences/${conference.slug}/register`}>
            Register
          </Link>
        </p>
      </header>
      <section className="card" aria-labelledby="about-heading">
        <h2 id="about-heading" className="card__title">About</h2>
        <p className="prose">{conference.description}</p>
      </section>
    </article>
  );
}

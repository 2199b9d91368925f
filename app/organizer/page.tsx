import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/organizer/organizer.module.css';
import { signedInConferenceId } from '@/infrastructure/auth/session';
import { conferenceById } from '@/infrastructure/queries/conferences';
import { database } from '@/infrastructure/runtime';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Host tools' };

async function signedInSlug(): Promise<string | null> {
  const conferenceId = await signedInConferenceId();
  if (!conferenceId) return null;
  return (await conferenceById(await database(), conferenceId))?.slug ?? null;
}

export default async function OrganizerPage() {
  const slug = await signedInSlug();
  return (
    <>
      <h1>Organizer</h1>
      <p className="lead">Run your conference: seat types, publishing, orders and live seat counts.</p>
      {slug ? (
        <p>
          <Link href={`/organizer/conferences/${slug}`} className="button">
            Go to your dashboard
          </Link>
        </p>
      ) : null}
      <div className={styles.choices}>
        <section className="card" aria-labelledby="start-new">
          <h2 id="start-new">New here?</h2>
          <p className="muted">Set up a conference in a minute. You get an access code to come back with.</p>
          <Link href="/organizer/new" className="button">
            Create conference
          </Link>
        </section>
        <section className="card" aria-labelledby="come-back">
          <h2 id="come-back">Already running one?</h2>
          <p className="muted">Use your email and the conference&apos;s access code.</p>
          <Link href="/organizer/sign-in" className="button button--secondary">
            Sign in
          </Link>
        </section>
      </div>
    </>
  );
}

import type { ReactNode } from 'react';
import { ActionButton } from '@/components/organizer/action-button';
import styles from '@/components/organizer/organizer.module.css';
import { signedInConferenceId } from '@/infrastructure/auth/session';
import { conferenceById } from '@/infrastructure/queries/conferences';
import { database } from '@/infrastructure/runtime';
import { signOutAction } from './actions';

export const dynamic = 'force-dynamic';

async function signedInOwner(): Promise<string | null> {
  const conferenceId = await signedInConferenceId();
  if (!conferenceId) return null;
  const doc = await conferenceById(await database(), conferenceId);
  return doc?.ownerName ?? 'organizer';
}

export default async function OrganizerLayout({ children }: { children: ReactNode }) {
  const owner = await signedInOwner();
  return (
    <>
      {owner ? (
        <div className={styles.bar}>
          <span>
            Signed in as <strong>{owner}</strong>
          </span>
          <ActionButton action={signOutAction} label="Sign out" pendingText="Signing out…" variant="secondary" />
        </div>
      ) : null}
      {children}
    </>
  );
}

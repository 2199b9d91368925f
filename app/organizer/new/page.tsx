import type { Metadata } from 'next';
import { ConferenceForm } from '@/components/organizer/conference-form';
import styles from '@/components/organizer/organizer.module.css';
import { createConferenceAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New event' };

export default function NewConferencePage() {
  return (
    <div className={styles.narrow}>
      <p className={styles.eyebrow}>Organizer</p>
      <h1>Create conference</h1>
      <p className="lead">It starts unpublished: add seat types, then publish when you are ready.</p>
      <ConferenceForm action={createConferenceAction} commandId={crypto.randomUUID()} mode="create" cancelHref="/organizer" />
    </div>
  );
}

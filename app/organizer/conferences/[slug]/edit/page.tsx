import type { Metadata } from 'next';
import { ConferenceForm } from '@/components/organizer/conference-form';
import styles from '@/components/organizer/organizer.module.css';
import { organizerConference } from '../../../_lib/access';
import { updateDetailsAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Event details' };

type Props = { readonly params: Promise<{ slug: string }> };

export default async function EditDetailsPage({ params }: Props) {
  const doc = await organizerConference((await params).slug);
  const { name, tagline, location, description, startDate, endDate } = doc;
  return (
    <div className={styles.narrow}>
      <p className={styles.eyebrow}>{doc.name}</p>
      <h1>Edit details</h1>
      <ConferenceForm
        action={updateDetailsAction.bind(null, doc.slug)}
        commandId={crypto.randomUUID()}
        mode="edit"
        initial={{ name, tagline, location, description, startDate, endDate }}
        cancelHref={`/organizer/conferences/${doc.slug}`}
      />
    </div>
  );
}

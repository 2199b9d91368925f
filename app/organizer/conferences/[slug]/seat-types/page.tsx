import type { Metadata } from 'next';
import Link from 'next/link';
import { SeatTypeForm } from '@/components/organizer/seat-type-form';
import { SeatTypesTable } from '@/components/organizer/seat-types-table';
import styles from '@/components/organizer/organizer.module.css';
import type { ConferenceDoc } from '@/infrastructure/projections/conferences';
import { organizerConference } from '../../../_lib/access';
import { removeSeatTypeAction, saveSeatTypeAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Seating' };

type Props = {
  readonly params: Promise<{ slug: string }>;
  readonly searchParams: Promise<{ add?: string; edit?: string }>;
};

const dollars = (cents: number) => (cents / 100).toFixed(2);

/** One seat-type form at a time: `?add=1` for a new one, `?edit=<id>` for an existing one. */
function OpenForm({ doc, add, edit }: { readonly doc: ConferenceDoc; readonly add: boolean; readonly edit?: string }) {
  const listHref = `/organizer/conferences/${doc.slug}/seat-types`;
  const editing = edit ? doc.seatTypes.find((seatType) => seatType.seatTypeId === edit) : undefined;
  if (editing) {
    const { seatTypeId, name, description, quantity, price } = editing;
    return (
      <SeatTypeForm
        key={seatTypeId}
        action={saveSeatTypeAction.bind(null, doc.slug, seatTypeId)}
        commandId={crypto.randomUUID()}
        title={`Edit ${name}`}
        initial={{ name, description, quantity: String(quantity), price: dollars(price) }}
        cancelHref={listHref}
      />
    );
  }
  if (!add) return null;
  return (
    <SeatTypeForm
      key="new"
      action={saveSeatTypeAction.bind(null, doc.slug, null)}
      commandId={crypto.randomUUID()}
      title="New seat type"
      cancelHref={listHref}
    />
  );
}

export default async function SeatTypesPage({ params, searchParams }: Props) {
  const doc = await organizerConference((await params).slug);
  const { add, edit } = await searchParams;
  const base = `/organizer/conferences/${doc.slug}/seat-types`;
  return (
    <>
      <div className={styles.pageHead}>
        <div>
          <p className={styles.eyebrow}>{doc.name}</p>
          <h1>Seat types</h1>
          <p className="muted">
            {doc.wasEverPublished
              ? 'Quantities and prices can change at any time; seat types stay once registration has opened.'
              : 'Until registration first opens, seat types can also be removed.'}
          </p>
        </div>
        <Link href={`${base}?add=1`} className="button">
          Add seat type
        </Link>
      </div>
      <OpenForm doc={doc} add={add === '1'} edit={edit} />
      <h2>All seat types</h2>
      <SeatTypesTable
        seatTypes={doc.seatTypes}
        editHref={base}
        selected={edit}
        removable={!doc.wasEverPublished}
        removeAction={(seatTypeId) => removeSeatTypeAction.bind(null, doc.slug, seatTypeId)}
        commandId={() => crypto.randomUUID()}
      />
    </>
  );
}

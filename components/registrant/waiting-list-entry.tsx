'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import type { WaitingListEntrySnapshot } from './order-types';
import { waitingListEntryQuery } from './queries';

type Props = { readonly entryId: string; readonly slug: string; readonly initial: WaitingListEntrySnapshot | null };

const over = (entry: WaitingListEntrySnapshot | null | undefined) => entry?.status === 'booked' || entry?.status === 'lapsed';

/** Where the entry stands, kept fresh: the place in line moves as those ahead are offered seats. */
export function WaitingListEntry({ entryId, slug, initial }: Props) {
  const { data: entry } = useQuery({
    ...waitingListEntryQuery(entryId),
    initialData: initial,
    refetchInterval: (q) => (over(q.state.data) ? false : 3_000),
  });
  if (!entry || entry.status === 'waiting') {
    return (
      <section className="card stack">
        <p role="status" className="alert alert--success">You are on the waiting list</p>
        <p>
          Your place in line:{' '}
          <strong data-testid="waiting-list-position">{entry?.place ?? '…'}</strong>
        </p>
        <WaitedFor entry={entry} />
        <p className="muted">
          When seats free up they are reserved for the first in line, and we e-mail a link to the order. This page
          follows your place by itself.
        </p>
      </section>
    );
  }
  return (
    <section className="card stack">
      <p role="status" className={`alert ${entry.status === 'lapsed' ? 'alert--warning' : 'alert--success'}`}>{statusText[entry.status]}</p>
      <WaitedFor entry={entry} />
      {entry.status === 'lapsed' ? (
        <Link href={`/conferences/${slug}/waiting-list`}>Join the waiting list again</Link>
      ) : (
        <Link href={`/orders/${entryId}`}>Your order</Link>
      )}
    </section>
  );
}

const statusText = {
  offered: 'Seats are available for you: they are reserved, and we have e-mailed you a link to your order.',
  booked: 'You have booked your seats.',
  lapsed: 'The seats offered to you were not paid in time and went to the next in line.',
} as const;

function WaitedFor({ entry }: { readonly entry: WaitingListEntrySnapshot | null | undefined }) {
  if (!entry) return null;
  return (
    <p className="muted">
      You asked for {entry.seats.map((seat) => `${seat.quantity} × ${seat.seatTypeName}`).join(', ')}.
    </p>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import type { SeatAssignmentsSnapshot } from './order-types';
import { seatAssignmentsQuery } from './queries';
import { SeatsForm } from './seats-form';
import { useTookLong } from './use-clock';
import type { SaveAssignments } from './use-save-assignments';

type Props = {
  readonly orderId: string;
  readonly initial: SeatAssignmentsSnapshot | null;
  readonly save: SaveAssignments;
};

/** Waits for the confirmed order's seats to be projected, then shows the form. */
export function AssignSeats({ orderId, initial, save }: Props) {
  const query = useQuery({
    ...seatAssignmentsQuery(orderId),
    initialData: initial,
    refetchInterval: (q) => (q.state.data ? false : 700),
  });
  const late = useTookLong(!query.data, 5000);
  if (!query.data) {
    return (
      <section className="card waiting">
        <p role="status" className="waiting__status">
          <span className="spinner" aria-hidden="true" /> {late ? 'Still processing' : 'Preparing your seats…'}
        </p>
        {late ? (
          <>
            <p className="muted">Seats can be assigned once the order is confirmed. The page keeps checking.</p>
            <button type="button" className="button--secondary" onClick={() => void query.refetch()}>
              Check again
            </button>
          </>
        ) : null}
      </section>
    );
  }
  return <SeatsForm orderId={orderId} seats={query.data.seats} save={save} />;
}

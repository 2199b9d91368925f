'use client';

import { useQuery } from '@tanstack/react-query';
import { AllocationChart } from './allocation-chart';
import { AllocationTable } from './allocation-table';
import { allocationQuery } from './queries';
import type { AllocationDto } from './types';
import styles from './organizer.module.css';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const clock = (at: number) => new Date(at).toLocaleTimeString('en-US', { hour12: false });

/** Polls the allocation read model while the page is open; the server rendered the first state. */
export function LiveAllocation({ slug, initial }: { readonly slug: string; readonly initial: AllocationDto }) {
  const { data = initial, dataUpdatedAt, error } = useQuery({ ...allocationQuery(slug), initialData: initial });
  return (
    <>
      <p className={styles.liveLine}>
        {/* The clock differs between the server's render and the browser's: that is expected. */}
        <span suppressHydrationWarning>
          <span className={styles.liveDot} aria-hidden="true" />
          Live: refreshes every second{dataUpdatedAt ? `, last checked ${clock(dataUpdatedAt)}` : ''}.
        </span>
        <span>
          {data.lagMs === null ? 'No seat changes yet.' : `Updated ${seconds(data.lagMs)} after the last booking.`}
        </span>
      </p>
      {error ? (
        <p role="alert" className="alert alert--warning">
          Could not refresh the seat counts ({error.message}). Showing the last ones received.
        </p>
      ) : null}
      <AllocationTable rows={data.seatTypes} caption="Seats per seat type" />
      {data.seatTypes.length > 0 ? <AllocationChart rows={data.seatTypes} /> : null}
    </>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import { waitingListQuery } from './queries';
import type { WaitingListRowDto, WaitingListStatus } from './types';
import styles from './organizer.module.css';
import { TableWrap } from '../table-wrap';

const badges: Readonly<Record<WaitingListStatus, string>> = {
  Waiting: 'badge--muted', Offered: '', Booked: 'badge--success', Lapsed: 'badge--danger',
};

/** Polls the waiting list, so offers, bookings and lapses show up without a reload. */
export function LiveWaitingList({ slug, initial }: { readonly slug: string; readonly initial: readonly WaitingListRowDto[] }) {
  const { data = initial, error } = useQuery({ ...waitingListQuery(slug), initialData: [...initial] });
  return (
    <>
      {error ? (
        <p role="alert" className="alert alert--warning">
          Could not refresh the waiting list ({error.message}). Showing the last one received.
        </p>
      ) : null}
      <TableWrap label="Waiting list">
        <table>
          <thead>
            <tr>
              <th scope="col" className="number">Position</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Seat type</th>
              <th scope="col" className="number">Quantity</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={`${row.entryId}/${row.seatTypeId}`}>
                <td className="number">{row.position}</td>
                <td>{row.name}</td>
                <td>{row.email}</td>
                <td>{row.seatTypeName}</td>
                <td className="number">{row.quantity}</td>
                <td><span className={`badge ${badges[row.status]}`.trim()}>{row.status}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {data.length === 0 ? <p className={`card ${styles.empty}`}>Nobody is on the waiting list.</p> : null}
    </>
  );
}

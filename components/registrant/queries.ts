import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../fetch-json';
import type { OrderSnapshot, SeatAssignmentsSnapshot, WaitingListEntrySnapshot } from './order-types';

/** `null` until the read model has the order: it is written a moment after the command. */
export const orderQuery = (orderId: string) =>
  queryOptions({
    queryKey: ['orders', orderId],
    queryFn: () => fetchJson<OrderSnapshot | null>(`/api/orders/${orderId}`),
  });

/** `null` until the confirmed order's seats are projected. */
export const seatAssignmentsQuery = (orderId: string) =>
  queryOptions({
    queryKey: ['orders', orderId, 'seats'],
    queryFn: () => fetchJson<SeatAssignmentsSnapshot | null>(`/api/orders/${orderId}/seats`),
  });

export const waitingListEntryQuery = (entryId: string) =>
  queryOptions({
    queryKey: ['waiting-list', entryId],
    queryFn: () => fetchJson<WaitingListEntrySnapshot | null>(`/api/waiting-list/${entryId}`),
  });

import { queryOptions } from '@tanstack/react-query';
import type { OrderSnapshot, SeatAssignmentsSnapshot } from './order-types';

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(response.status === 404 ? 'Order not found' : `Request failed (${response.status})`);
  return (await response.json()) as T;
}

/** `null` until the read model has the order: it is written a moment after the command. */
export const orderQuery = (orderId: string) =>
  queryOptions({
    queryKey: ['orders', orderId],
    queryFn: () => getJson<OrderSnapshot | null>(`/api/orders/${orderId}`),
  });

/** `null` until the confirmed order's seats are projected. */
export const seatAssignmentsQuery = (orderId: string) =>
  queryOptions({
    queryKey: ['orders', orderId, 'seats'],
    queryFn: () => getJson<SeatAssignmentsSnapshot | null>(`/api/orders/${orderId}/seats`),
  });

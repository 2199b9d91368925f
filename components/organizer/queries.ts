import { queryOptions } from '@tanstack/react-query';
import type { AllocationDto, OrderRowDto } from './types';

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (response.status === 404) throw new Error('Conference not found');
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return (await response.json()) as T;
}

const api = (slug: string, what: string) => `/api/organizer/conferences/${encodeURIComponent(slug)}/${what}`;

export const allocationQuery = (slug: string) =>
  queryOptions({
    queryKey: ['organizer', slug, 'allocation'],
    queryFn: () => getJson<AllocationDto>(api(slug, 'allocation')),
    refetchInterval: 1_000,
    refetchIntervalInBackground: false,
  });

export const ordersQuery = (slug: string) =>
  queryOptions({
    queryKey: ['organizer', slug, 'orders'],
    queryFn: () => getJson<OrderRowDto[]>(api(slug, 'orders')),
    refetchInterval: 2_000,
    refetchIntervalInBackground: false,
  });

import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../fetch-json';
import type { AllocationDto, OrderRowDto, WaitingListRowDto } from './types';

const api = (slug: string, what: string) => `/api/organizer/conferences/${encodeURIComponent(slug)}/${what}`;

export const allocationQuery = (slug: string) =>
  queryOptions({
    queryKey: ['organizer', slug, 'allocation'],
    queryFn: () => fetchJson<AllocationDto>(api(slug, 'allocation')),
    refetchInterval: 1_000,
    refetchIntervalInBackground: false,
  });

export const ordersQuery = (slug: string) =>
  queryOptions({
    queryKey: ['organizer', slug, 'orders'],
    queryFn: () => fetchJson<OrderRowDto[]>(api(slug, 'orders')),
    refetchInterval: 2_000,
    refetchIntervalInBackground: false,
  });

export const waitingListQuery = (slug: string) =>
  queryOptions({
    queryKey: ['organizer', slug, 'waiting-list'],
    queryFn: () => fetchJson<WaitingListRowDto[]>(api(slug, 'waiting-list')),
    refetchInterval: 2_000,
    refetchIntervalInBackground: false,
  });

import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../fetch-json';
import type { OperationsDto } from './types';

export const operationsQuery = () =>
  queryOptions({
    queryKey: ['ops', 'status'],
    queryFn: () => fetchJson<OperationsDto>('/api/ops/status'),
    refetchInterval: 1_000,
    refetchIntervalInBackground: false,
  });

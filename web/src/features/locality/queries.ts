/** Query keys and fetchers for localities (the province → commune tree). */
import type { LOCALITY_LEVELS, TLocality } from '@core/schemas/locality.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export type LocalityFilters = { parentId?: string; level?: (typeof LOCALITY_LEVELS)[number] };

export const localityQueries = {
  all: () => ['localities'] as const,
  list: (filters: LocalityFilters = {}) =>
    queryOptions({
      queryKey: [...localityQueries.all(), 'list', filters] as const,
      queryFn: ({ signal }) => api.get<TLocality[]>('/api/v1/localities', filters, signal),
      staleTime: 5 * 60_000,
    }),
  detail: (localityId: string) =>
    queryOptions({
      queryKey: [...localityQueries.all(), 'detail', localityId] as const,
      queryFn: ({ signal }) => api.get<TLocality>(`/api/v1/localities/${localityId}`, undefined, signal),
      staleTime: 5 * 60_000,
    }),
};

import type { TSearchHit } from '@core/schemas/search.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const searchQueries = {
  all: () => ['search'] as const,
  results: (q: string) =>
    queryOptions({
      queryKey: [...searchQueries.all(), q] as const,
      queryFn: ({ signal }) => api.get<TSearchHit[]>('/api/v1/search', { q }, signal),
      enabled: q.trim().length > 0,
    }),
};

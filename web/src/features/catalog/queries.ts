/** The standard indicator catalog: small (45 entries) and stable, so it is fetched once and kept. */
import type { TCatalogIndicator } from '@core/schemas/catalog.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const catalogQueries = {
  all: () => ['catalog'] as const,
  list: () =>
    queryOptions({
      queryKey: [...catalogQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => api.get<TCatalogIndicator[]>('/api/v1/catalog', undefined, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

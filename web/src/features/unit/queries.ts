/** Query keys and fetchers for the units (agencies, outside partners) of a locality. */
import type { TUnit } from '@core/schemas/locality.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const unitQueries = {
  all: () => ['units'] as const,
  byLocality: (localityId: string) =>
    queryOptions({
      queryKey: [...unitQueries.all(), 'locality', localityId] as const,
      queryFn: ({ signal }) => api.get<TUnit[]>(`/api/v1/localities/${localityId}/units`, undefined, signal),
    }),
};

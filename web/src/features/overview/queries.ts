/** The overview of a province (GET /localities/:id/overview), per year. */
import type { TLocalityOverview } from '@core/schemas/overview.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const overviewQueries = {
  all: () => ['overview'] as const,
  locality: (localityId: string, year: number | null) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), localityId, year] as const,
      queryFn: ({ signal }) =>
        api.get<TLocalityOverview>(`/api/v1/localities/${localityId}/overview`, { year }, signal),
    }),
};

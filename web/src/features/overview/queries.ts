/** The overview of a province (GET /localities/:id/overview), per year. */
import type { TLocalityOverview } from '@core/schemas/overview.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const overviewQueries = {
  all: () => ['overview'] as const,
  /** `asOf`: "Tính đến ngày" ('YYYY-MM-DD'), the map and the period of that date; null: today. */
  locality: (localityId: string, year: number | null, asOf: string | null = null) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), localityId, year, ...(asOf ? [asOf] : [])] as const,
      queryFn: ({ signal }) =>
        api.get<TLocalityOverview>(
          `/api/v1/localities/${localityId}/overview`,
          asOf ? { year, asOf } : { year },
          signal,
        ),
    }),
};

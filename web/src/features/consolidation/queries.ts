/** Query keys and fetchers of the consolidated report. Every key starts with `consolidationQueries.all()`. */
import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const consolidationQueries = {
  all: () => ['consolidation'] as const,
  report: (periodId: string) =>
    queryOptions({
      queryKey: [...consolidationQueries.all(), 'report', periodId] as const,
      queryFn: ({ signal }) =>
        api.get<TConsolidatedReport>(
          `/api/v1/reporting-periods/${periodId}/consolidated-report`,
          undefined,
          signal,
        ),
    }),
};

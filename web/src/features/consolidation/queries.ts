/** Query keys and fetchers of the consolidated report. Every key starts with `consolidationQueries.all()`. */
import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const consolidationQueries = {
  all: () => ['consolidation'] as const,
  periodAll: (periodId: string) => [...consolidationQueries.all(), 'report', periodId] as const,
  /** The current report of the period, or (with `version`) one of its approved versions. */
  report: (periodId: string, version?: number) =>
    queryOptions({
      queryKey: [...consolidationQueries.periodAll(periodId), version ?? 'current'] as const,
      queryFn: ({ signal }) =>
        api.get<TConsolidatedReport>(
          `/api/v1/reporting-periods/${periodId}/consolidated-report`,
          version ? { version } : undefined,
          signal,
        ),
    }),
};

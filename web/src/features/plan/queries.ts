/** Query keys and fetchers for plans. Every plan key starts with `planQueries.all()`. */
import type { TPlanDetail, TPlanSummary } from '@core/schemas/plan.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export type PlanListFilters = { q?: string; localityId?: string };

export const planQueries = {
  all: () => ['plans'] as const,
  lists: () => [...planQueries.all(), 'list'] as const,
  list: (filters: PlanListFilters) =>
    queryOptions({
      queryKey: [...planQueries.lists(), filters] as const,
      queryFn: ({ signal }) =>
        api.get<TPlanSummary[]>(
          '/api/v1/plans',
          { q: filters.q?.trim(), localityId: filters.localityId },
          signal,
        ),
    }),
  details: () => [...planQueries.all(), 'detail'] as const,
  detail: (planId: string) =>
    queryOptions({
      queryKey: [...planQueries.details(), planId] as const,
      queryFn: ({ signal }) => api.get<TPlanDetail>(`/api/v1/plans/${planId}`, undefined, signal),
    }),
};

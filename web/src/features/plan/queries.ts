/** Query keys and fetchers for plans. Every plan key starts with `planQueries.all()`. */
import type { TPlanDetail, TPlanSummary } from '@core/schemas/plan.schemas';
import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** What GET /plans filters on: a search (number, issuer, title without diacritics), a locality, the page. */
export type PlanListFilters = { q?: string; localityId?: string; limit?: number; offset?: number };

/** The most plans one page may hold (the server refuses more). */
export const PLAN_PAGE_MAX = 200;

export const planQueries = {
  all: () => ['plans'] as const,
  lists: () => [...planQueries.all(), 'list'] as const,
  list: (filters: PlanListFilters) =>
    queryOptions({
      queryKey: [...planQueries.lists(), filters] as const,
      queryFn: ({ signal }) =>
        api.page<TPlanSummary>('/api/v1/plans', { ...filters, q: filters.q?.trim() }, signal),
      placeholderData: keepPreviousData,
    }),
  details: () => [...planQueries.all(), 'detail'] as const,
  detail: (planId: string) =>
    queryOptions({
      queryKey: [...planQueries.details(), planId] as const,
      queryFn: ({ signal }) => api.get<TPlanDetail>(`/api/v1/plans/${planId}`, undefined, signal),
    }),
};

/** After a change of a plan's indicators or tasks: its detail, and the lists that count them. */
export const refreshPlanContents = (queryClient: QueryClient, planId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: planQueries.detail(planId).queryKey }),
    queryClient.invalidateQueries({ queryKey: planQueries.lists() }),
  ]);

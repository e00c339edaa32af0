/** The plan dashboard (GET /plans/:id/dashboard), per period. */
import type { TPlanDashboard } from '@core/schemas/dashboard.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Plans listed on /dashboard at most; more are reached through /plans. */
export const DASHBOARD_PLANS = 50;

export const dashboardQueries = {
  all: () => ['dashboard'] as const,
  plan: (planId: string, periodId: string | null) =>
    queryOptions({
      queryKey: [...dashboardQueries.all(), planId, periodId] as const,
      queryFn: ({ signal }) =>
        api.get<TPlanDashboard>(`/api/v1/plans/${planId}/dashboard`, { periodId }, signal),
    }),
};

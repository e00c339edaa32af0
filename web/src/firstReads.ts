/**
 * The API reads each first screen makes as it renders, asked for as the app starts (firstScreen.ts) so that they cross the link beside the page's chunk instead of after it. Each uses
 * the very query the page uses (same key), so the page finds the answer in the cache; a failure is left
 * for the page's own query to show (prefetchQuery never throws).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Params } from 'react-router';
import { authQueries } from './features/auth/queries';
import { DASHBOARD_PLANS, dashboardQueries } from './features/dashboard/queries';
import { LOCALITY_PAGE_MAX, localityQueries } from './features/locality/queries';
import { PLAN_PAGE_MAX, planQueries } from './features/plan/queries';
import { reportingQueries } from './features/reporting/queries';

export type Reads = (queryClient: QueryClient, params: Params, search: URLSearchParams) => void;

const planDashboard: Reads = (queryClient, params, search) => {
  if (params.planId)
    void queryClient.prefetchQuery(dashboardQueries.plan(params.planId, search.get('period')));
};

export const firstReads = {
  /** Who is signed in: every page waits for it, the sign-in page too (a signed-in visitor goes on). */
  me: (queryClient: QueryClient) => void queryClient.prefetchQuery(authQueries.me()),
  myWork: (queryClient: QueryClient) => void queryClient.prefetchQuery(reportingQueries.myWork()),
  summary: (queryClient: QueryClient) => {
    void queryClient.prefetchQuery(planQueries.list({ limit: PLAN_PAGE_MAX }));
    void queryClient.prefetchQuery(reportingQueries.myWork());
  },
  planDashboard,
  /**
   * /dashboard reads the plans and the localities whose overview the user may open; a user who sees one
   * plan (a commune's leader) is sent on to that plan's dashboard, whose chunk and read are then asked for
   * at once. (A user with one plan who also looks after a province stays on the list: that read is spent.)
   */
  dashboard: (queryClient: QueryClient) => {
    void queryClient.fetchQuery(planQueries.list({ limit: DASHBOARD_PLANS })).then(
      (plans) => {
        const only = plans.pagination.total === 1 ? plans.data[0] : undefined;
        if (!only) return;
        void import('./features/dashboard/DashboardPage');
        planDashboard(queryClient, { planId: only.id }, new URLSearchParams());
      },
      () => undefined,
    );
    for (const level of ['nation', 'province'] as const)
      void queryClient.prefetchQuery(localityQueries.page({ level, limit: LOCALITY_PAGE_MAX }));
  },
  unitReport: (queryClient: QueryClient, params: Params) => {
    if (params.periodId && params.unitId)
      void queryClient.prefetchQuery(reportingQueries.unitReport(params.periodId, params.unitId));
  },
} satisfies Record<string, Reads>;

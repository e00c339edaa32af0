/**
 * Indicator and target changes. Indicators are read through the plan detail, so every change refreshes
 * `planQueries.detail(planId)`; the plan lists are refreshed too because they show indicator counts.
 */
import type {
  TCreateIndicatorRequest,
  TIndicator,
  TPutTargetRequest,
  TUpdateIndicatorRequest,
} from '@core/schemas/indicator.schemas';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';
import { planQueries, refreshPlanContents } from '../plan/queries';

/** Puts a fresh indicator into the cached plan right away, so the matrix updates before the refetch. */
const replaceIndicatorInPlan = (queryClient: QueryClient, planId: string, indicator: TIndicator) => {
  queryClient.setQueryData<TPlanDetail>(planQueries.detail(planId).queryKey, (plan) =>
    plan
      ? { ...plan, indicators: plan.indicators.map((item) => (item.id === indicator.id ? indicator : item)) }
      : plan,
  );
};

export const useCreateIndicatorMutation = (planId: string) =>
  useRefreshingMutation(
    (body: TCreateIndicatorRequest) => api.post<TIndicator>(`/api/v1/plans/${planId}/indicators`, body),
    (queryClient) => refreshPlanContents(queryClient, planId),
  );

export const useUpdateIndicatorMutation = (planId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, body }: { indicatorId: string; body: TUpdateIndicatorRequest }) =>
      api.patch<TIndicator>(`/api/v1/indicators/${indicatorId}`, body),
    onSuccess: (indicator) => {
      replaceIndicatorInPlan(queryClient, planId, indicator);
      return refreshPlanContents(queryClient, planId);
    },
  });
};

export const useDeleteIndicatorMutation = (planId: string) =>
  useRefreshingMutation(
    (indicatorId: string) => api.delete(`/api/v1/indicators/${indicatorId}`),
    (queryClient) => refreshPlanContents(queryClient, planId),
  );

export const usePutTargetMutation = (planId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      indicatorId,
      year,
      body,
    }: {
      indicatorId: string;
      year: number;
      body: TPutTargetRequest;
    }) => api.put<TIndicator>(`/api/v1/indicators/${indicatorId}/targets/${year}`, body),
    onSuccess: (indicator) => {
      replaceIndicatorInPlan(queryClient, planId, indicator);
      return queryClient.invalidateQueries({ queryKey: planQueries.detail(planId).queryKey });
    },
  });
};

export const useDeleteTargetMutation = (planId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, year }: { indicatorId: string; year: number }) =>
      api.delete(`/api/v1/indicators/${indicatorId}/targets/${year}`),
    onSuccess: (_result, { indicatorId, year }) => {
      queryClient.setQueryData<TPlanDetail>(planQueries.detail(planId).queryKey, (plan) =>
        plan
          ? {
              ...plan,
              indicators: plan.indicators.map((item) =>
                item.id === indicatorId
                  ? { ...item, targets: item.targets.filter((target) => target.year !== year) }
                  : item,
              ),
            }
          : plan,
      );
      return queryClient.invalidateQueries({ queryKey: planQueries.detail(planId).queryKey });
    },
  });
};

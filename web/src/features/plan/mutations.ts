import type { TCreatePlanRequest, TPlanDetail, TUpdatePlanRequest } from '@core/schemas/plan.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { planQueries } from './queries';

export const useCreatePlanMutation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreatePlanRequest) => api.post<TPlanDetail>('/api/v1/plans', body),
    onSuccess: (plan) => {
      queryClient.setQueryData(planQueries.detail(plan.id).queryKey, plan);
      return queryClient.invalidateQueries({ queryKey: planQueries.lists() });
    },
  });
};

export const useUpdatePlanMutation = (planId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdatePlanRequest) => api.patch<TPlanDetail>(`/api/v1/plans/${planId}`, body),
    onSuccess: (plan) => {
      queryClient.setQueryData(planQueries.detail(planId).queryKey, plan);
      return queryClient.invalidateQueries({ queryKey: planQueries.all() });
    },
  });
};

export const useDeletePlanMutation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => api.delete(`/api/v1/plans/${planId}`),
    // The deleted plan's detail is left to the cache's garbage collection: removing it while its page is
    // still mounted (navigation runs in a transition) would make that page refetch a plan that is gone.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planQueries.lists() }),
  });
};

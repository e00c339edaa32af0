/** Task changes; tasks are read through the plan detail, which every change refreshes. */
import type {
  TAssignTasksRequest,
  TAssignTasksResponse,
  TCreateTaskRequest,
  TTask,
  TUpdateTaskRequest,
} from '@core/schemas/task.schemas';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { planQueries } from '../plan/queries';

const refreshPlan = (queryClient: QueryClient, planId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: planQueries.detail(planId).queryKey }),
    queryClient.invalidateQueries({ queryKey: planQueries.lists() }),
  ]);

export const useCreateTaskMutation = (planId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateTaskRequest) => api.post<TTask>(`/api/v1/plans/${planId}/tasks`, body),
    onSuccess: () => refreshPlan(queryClient, planId),
  });
};

export const useUpdateTaskMutation = (planId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, body }: { taskId: string; body: TUpdateTaskRequest }) =>
      api.patch<TTask>(`/api/v1/tasks/${taskId}`, body),
    onSuccess: () => refreshPlan(queryClient, planId),
  });
};

export const useDeleteTaskMutation = (planId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) => api.delete(`/api/v1/tasks/${taskId}`),
    onSuccess: () => refreshPlan(queryClient, planId),
  });
};

/** Hands many tasks to one lead unit at once (the standing agency). */
export const useAssignTasksMutation = (planId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAssignTasksRequest) =>
      api.post<TAssignTasksResponse>(`/api/v1/plans/${planId}/tasks/assign`, body),
    onSuccess: () => refreshPlan(queryClient, planId),
  });
};

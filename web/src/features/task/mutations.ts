/** Task changes; tasks are read through the plan detail, which every change refreshes. */
import type {
  TAssignTasksRequest,
  TAssignTasksResponse,
  TCreateTaskRequest,
  TTask,
  TUpdateTaskRequest,
} from '@core/schemas/task.schemas';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useRefreshingMutation } from '../../api/mutations';
import { refreshPlanContents } from '../plan/queries';

const useTaskMutation = <TVariables, TData>(
  planId: string,
  mutationFn: (variables: TVariables) => Promise<TData>,
) =>
  useRefreshingMutation(mutationFn, (queryClient: QueryClient) => refreshPlanContents(queryClient, planId));

export const useCreateTaskMutation = (planId: string) =>
  useTaskMutation(planId, (body: TCreateTaskRequest) =>
    api.post<TTask>(`/api/v1/plans/${planId}/tasks`, body),
  );

export const useUpdateTaskMutation = (planId: string) =>
  useTaskMutation(planId, ({ taskId, body }: { taskId: string; body: TUpdateTaskRequest }) =>
    api.patch<TTask>(`/api/v1/tasks/${taskId}`, body),
  );

export const useDeleteTaskMutation = (planId: string) =>
  useTaskMutation(planId, (taskId: string) => api.delete(`/api/v1/tasks/${taskId}`));

/** Hands many tasks to one lead unit at once (the standing agency). */
export const useAssignTasksMutation = (planId: string) =>
  useTaskMutation(planId, (body: TAssignTasksRequest) =>
    api.post<TAssignTasksResponse>(`/api/v1/plans/${planId}/tasks/assign`, body),
  );

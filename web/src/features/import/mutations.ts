import type { TImportJob, TSavePlanDraftRequest } from '@core/schemas/import.schemas';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '../../api/client';
import { planQueries } from '../plan/queries';
import { importQueries } from './queries';

/** Uploads a plan document; the server answers at once (202) with the job it reads in the background. */
export const useStartImportMutation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, localityId }: { file: File; localityId?: string }) =>
      apiUpload<TImportJob>('/api/v1/imports', file, { localityId }),
    onSuccess: (job) => queryClient.setQueryData(importQueries.job(job.id).queryKey, job),
  });
};

export const useCancelImportMutation = (jobId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TImportJob>(`/api/v1/imports/${jobId}/cancel`),
    onSuccess: (job) => queryClient.setQueryData(importQueries.job(jobId).queryKey, job),
  });
};

/** Saves the reviewed draft as a plan (one transaction on the server). */
export const useSavePlanDraftMutation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSavePlanDraftRequest) => api.post<TPlanDetail>('/api/v1/plans/from-draft', body),
    onSuccess: (plan) => {
      queryClient.setQueryData(planQueries.detail(plan.id).queryKey, plan);
      return queryClient.invalidateQueries({ queryKey: planQueries.lists() });
    },
  });
};

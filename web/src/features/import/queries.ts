/** Query keys and fetchers for import jobs. A job is polled every second while it is queued or running. */
import type { TImportJob } from '@core/schemas/import.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** How often an unfinished job is asked for its progress. */
export const IMPORT_POLL_MS = 1000;

/** Whether the job is still being read (queued or running). */
export const isUnfinished = (job: TImportJob | undefined): boolean =>
  job?.status === 'queued' || job?.status === 'running';

export const importQueries = {
  all: () => ['imports'] as const,
  job: (jobId: string) =>
    queryOptions({
      queryKey: [...importQueries.all(), 'job', jobId] as const,
      queryFn: ({ signal }) => api.get<TImportJob>(`/api/v1/imports/${jobId}`, undefined, signal),
      refetchInterval: (query) => (isUnfinished(query.state.data) ? IMPORT_POLL_MS : false),
      // A finished job never changes; refetching it on focus would only repeat a large draft.
      staleTime: (query) => (isUnfinished(query.state.data) ? 0 : Number.POSITIVE_INFINITY),
      refetchOnWindowFocus: false,
    }),
};

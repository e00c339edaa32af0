/**
 * Writes on the consolidated report: save the narrative, send, approve, return. Each answer is the whole
 * report, put straight into the cache; the notifications are refreshed because each step may notify.
 */
import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '../../api/client';
import { notificationQueries } from '../notification/queries';
import { consolidationQueries } from './queries';

const useStoreReport = (periodId: string) => {
  const queryClient = useQueryClient();
  return (report: TConsolidatedReport) => {
    queryClient.setQueryData(consolidationQueries.report(periodId).queryKey, report);
    void queryClient.invalidateQueries({ queryKey: notificationQueries.all() });
  };
};

/** PUT the narrative; `revision` is the one loaded (0 before the first save). */
export const useSaveConsolidatedMutation = (periodId: string) => {
  const store = useStoreReport(periodId);
  return useMutation({
    mutationFn: (body: {
      revision: number;
      narrative: string | null;
      shortcomings: string | null;
      nextSteps: string | null;
    }) => api.put<TConsolidatedReport>(`/api/v1/reporting-periods/${periodId}/consolidated-report`, body),
    onSuccess: store,
  });
};

export type ConsolidatedAction =
  | { kind: 'send' | 'approve' | 'versions'; reportId: string; revision: number }
  | { kind: 'return'; reportId: string; revision: number; reason: string };

/** "Trình lãnh đạo", "Phê duyệt", "Trả lại" (with a reason), "Lập báo cáo bổ sung" (`versions`). */
export const useConsolidatedActionMutation = (periodId: string) => {
  const store = useStoreReport(periodId);
  return useMutation({
    mutationFn: (action: ConsolidatedAction) => {
      const path = `/api/v1/consolidated-reports/${action.reportId}/${action.kind}`;
      return api.post<TConsolidatedReport>(
        path,
        action.kind === 'return'
          ? { revision: action.revision, reason: action.reason }
          : { revision: action.revision },
      );
    },
    onSuccess: store,
  });
};

/** Attaches the signed scan of an approved version; the answer is that version, so every view is refreshed. */
export const useAttachScanMutation = (periodId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, version, file }: { reportId: string; version: number; file: File }) =>
      apiUpload<TConsolidatedReport>(
        `/api/v1/consolidated-reports/${reportId}/versions/${version}/signed-scan`,
        file,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consolidationQueries.periodAll(periodId) }),
  });
};

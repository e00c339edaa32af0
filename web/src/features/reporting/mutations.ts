/**
 * Writes on reports. Each answer is the whole report form, put straight into the cache; the period's
 * obligations and the dashboards are then refreshed because a report's status feeds them.
 */
import type {
  TAttachment,
  TCreateAdhocPeriodRequest,
  TReportingPeriod,
  TSaveReportRequest,
  TUnitReport,
} from '@core/schemas/reporting.schemas';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload } from '../../api/client';
import { dashboardQueries } from '../dashboard/queries';
import { reportingQueries } from './queries';

/**
 * The report versions this page wrote itself ("id:revision"). A revision is written once (the server
 * refuses a save onto an older one), so a version found here is this page's own answer, never someone
 * else's save arriving while the user types.
 */
const ownVersions = new Set<string>();
const versionKey = (report: TUnitReport) => `${report.report?.id}:${report.report?.revision}`;

/** Whether this version of the report is one this page wrote (a save, a submission, an action). */
export const isOwnVersion = (report: TUnitReport): boolean =>
  report.report != null && ownVersions.has(versionKey(report));

const storeReport = (queryClient: QueryClient, report: TUnitReport) => {
  if (report.report) ownVersions.add(versionKey(report));
  queryClient.setQueryData(reportingQueries.unitReport(report.period.id, report.unitId).queryKey, report);
  void queryClient.invalidateQueries({ queryKey: reportingQueries.period(report.period.id).queryKey });
  void queryClient.invalidateQueries({ queryKey: dashboardQueries.all() });
  void queryClient.invalidateQueries({ queryKey: reportingQueries.myWork().queryKey });
};

/**
 * Without a network a write fails at once ('always') instead of waiting, paused, to be sent whenever the
 * connection returns: the draft is then kept on the device and saved by the form (useDraftKeeping), and a
 * submission is never sent later by itself.
 */
const SEND_NOW = { networkMode: 'always' } as const;

/** PUT the draft; `revision` is the one loaded (0 before the first save). */
export const useSaveReportMutation = (periodId: string, unitId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    ...SEND_NOW,
    mutationFn: (body: TSaveReportRequest) =>
      api.put<TUnitReport>(`/api/v1/reporting-periods/${periodId}/units/${unitId}/report`, body),
    onSuccess: (report) => storeReport(queryClient, report),
  });
};

/** "Nhập thay": the standing agency starts the report of a unit without an account. */
export const useStartOnBehalfMutation = (periodId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unitId: string) =>
      api.post<TUnitReport>(`/api/v1/reporting-periods/${periodId}/units/${unitId}/report/on-behalf`),
    onSuccess: (report) => storeReport(queryClient, report),
  });
};

type ReportAction = { reportId: string; revision: number };
/** A reviewer's comment on one indicator or task of a returned report. */
export type TReturnComment = { indicatorId?: string; taskId?: string; text: string };

/** Submit, accept, return (with a reason) or open a correction of a report. */
export const useReportActionMutation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    ...SEND_NOW,
    mutationFn: (
      action:
        | ({ kind: 'accept' } & ReportAction)
        | ({ kind: 'submit'; lateReason?: string | null } & ReportAction)
        | ({ kind: 'return'; reason: string; comments?: TReturnComment[] } & ReportAction)
        | { kind: 'correct'; reportId: string },
    ) => {
      const base = `/api/v1/unit-reports/${action.reportId}`;
      if (action.kind === 'correct') return api.post<TUnitReport>(`${base}/corrections`);
      if (action.kind === 'return')
        return api.post<TUnitReport>(`${base}/return`, {
          revision: action.revision,
          reason: action.reason,
          comments: action.comments ?? [],
        });
      if (action.kind === 'submit')
        return api.post<TUnitReport>(`${base}/submit`, {
          revision: action.revision,
          lateReason: action.lateReason ?? null,
        });
      return api.post<TUnitReport>(`${base}/${action.kind}`, { revision: action.revision });
    },
    onSuccess: (report) => storeReport(queryClient, report),
  });
};

/** Uploads one evidence file, optionally tied to an indicator or task row. */
export const useUploadAttachmentMutation = (periodId: string, unitId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      reportId: string;
      file: File;
      indicatorId?: string;
      taskId?: string;
      /** The scan of the unit's paper report (a report entered on its behalf). */
      paperReport?: boolean;
    }) =>
      apiUpload<TAttachment>(`/api/v1/unit-reports/${input.reportId}/attachments`, input.file, {
        indicatorId: input.indicatorId,
        taskId: input.taskId,
        paperReport: input.paperReport ? 'true' : undefined,
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: reportingQueries.unitReport(periodId, unitId).queryKey }),
  });
};

export const useDeleteAttachmentMutation = (periodId: string, unitId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => api.delete(`/api/v1/attachments/${attachmentId}`),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: reportingQueries.unitReport(periodId, unitId).queryKey }),
  });
};

/** "Yêu cầu báo cáo đột xuất": opens an ad hoc period. */
export const useCreateAdhocPeriodMutation = (planId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateAdhocPeriodRequest) =>
      api.post<TReportingPeriod>(`/api/v1/plans/${planId}/reporting-periods`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportingQueries.periods(planId).queryKey }),
  });
};

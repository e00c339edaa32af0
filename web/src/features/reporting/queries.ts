/** Query keys and fetchers for reporting periods and unit reports. Every key starts with `reportingQueries.all()`. */
import type { TMyWork, TPeriodDetail, TReportingPeriod, TUnitReport } from '@core/schemas/reporting.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const reportingQueries = {
  all: () => ['reporting'] as const,
  periods: (planId: string) =>
    queryOptions({
      queryKey: [...reportingQueries.all(), 'periods', planId] as const,
      queryFn: ({ signal }) =>
        api.get<TReportingPeriod[]>(`/api/v1/plans/${planId}/reporting-periods`, undefined, signal),
    }),
  period: (periodId: string) =>
    queryOptions({
      queryKey: [...reportingQueries.all(), 'period', periodId] as const,
      queryFn: ({ signal }) =>
        api.get<TPeriodDetail>(`/api/v1/reporting-periods/${periodId}`, undefined, signal),
    }),
  unitReport: (periodId: string, unitId: string) =>
    queryOptions({
      queryKey: [...reportingQueries.all(), 'unit-report', periodId, unitId] as const,
      queryFn: ({ signal }) =>
        api.get<TUnitReport>(
          `/api/v1/reporting-periods/${periodId}/units/${unitId}/report`,
          undefined,
          signal,
        ),
    }),
  /** One version of a report, current or earlier (an earlier one is read-only). */
  reportVersion: (reportId: string) =>
    queryOptions({
      queryKey: [...reportingQueries.all(), 'report-version', reportId] as const,
      queryFn: ({ signal }) => api.get<TUnitReport>(`/api/v1/unit-reports/${reportId}`, undefined, signal),
    }),
  /** "Việc của tôi": what the signed-in user must file and review, in one request. */
  myWork: () =>
    queryOptions({
      queryKey: [...reportingQueries.all(), 'my-work'] as const,
      queryFn: ({ signal }) => api.get<TMyWork>('/api/v1/my-work', undefined, signal),
    }),
};

/** How a report's state is named and coloured on screen, and the dates officers read (dd/mm/yyyy). */
import type { TReportSummary } from '@core/schemas/reporting.schemas';
import dayjs from 'dayjs';

/** The status words of a unit report; "not_started" when nothing was saved yet. */
export type ReportStatusKey = TReportSummary['status'] | 'not_started';

export const reportStatusOf = (report: Pick<TReportSummary, 'status'> | null | undefined): ReportStatusKey =>
  report?.status ?? 'not_started';

export const REPORT_STATUS_COLOURS: Record<ReportStatusKey, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'blue',
  returned: 'error',
  accepted: 'success',
  superseded: 'default',
};

export const TIMELINESS_COLOURS: Record<'on_time' | 'late' | 'missing' | 'not_due', string> = {
  on_time: 'success',
  late: 'warning',
  missing: 'error',
  not_due: 'default',
};

/** "2026-11-30" → "30/11/2026". */
export const formatDay = (iso: string | null | undefined): string =>
  iso ? dayjs(iso.slice(0, 10)).format('DD/MM/YYYY') : '—';

/** An instant → "25/11/2026 14:05" in the browser's time zone. */
export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '—';

/** A period is ad hoc when no reporting regime generated it. */
export const isAdhocPeriod = (period: { regimeId: string | null }): boolean => period.regimeId === null;

/**
 * The period an officer works on now: the latest one that has started (ad hoc ones count by their data
 * window), or the first one when none has started yet.
 */
export const currentPeriodOf = <P extends { periodStart: string; dataFrom: string; dueDate: string }>(
  periods: readonly P[],
  today: string = dayjs().format('YYYY-MM-DD'),
): P | undefined => {
  const started = periods.filter((period) => period.periodStart <= today || period.dataFrom <= today);
  const sorted = [...started].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return sorted.at(-1) ?? periods[0];
};

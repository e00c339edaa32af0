/**
 * Where a unit's report of a period stands: its workflow state (draft, submitted, returned, accepted)
 * and its timeliness (on time, late, missing, not yet due). The one rule the dashboard, the consolidated
 * report (Phụ lục III) and the status sheet (status.xlsx) all print (docs/evaluation.md, "Báo cáo").
 * Pure: pass `asOf`.
 */
import { vietnamDateOf } from './deadlines';
import type { Timeliness } from './evaluation';

export const REPORT_WORKFLOWS = ['none', 'draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportWorkflow = (typeof REPORT_WORKFLOWS)[number];

export type UnitReportStatus = {
  /**
   * The state of the version that counts: the latest accepted one (it keeps counting while a correction
   * is under way), else the current one; `none` when the unit has not started a report.
   */
  workflow: ReportWorkflow;
  /**
   * `on_time` / `late` only for a submitted or accepted version (by its first submission, Vietnam time);
   * a draft or a returned report is not in: `missing` after the due date, `not_due` before.
   */
  timeliness: Timeliness;
  /** A newer version (a correction) is being written or reviewed beside the accepted one. */
  isCorrecting: boolean;
};

/** A version of a unit's report as the rule reads it. */
export type ReportVersion = { status: string; submittedAt: Date | string | null };

const IN_STATES = new Set(['submitted', 'accepted']);

/**
 * Decides a unit's report status for a period.
 *
 * @param input.versions - the unit's report versions of the period, oldest first
 * @param input.dueDate - the period's due date, "YYYY-MM-DD"
 * @param input.asOf - today, "YYYY-MM-DD" (Vietnam)
 */
export const unitReportStatus = <R extends ReportVersion>(input: {
  versions: readonly R[];
  dueDate: string;
  asOf: string;
}): UnitReportStatus & { judged: R | undefined; accepted: R | undefined; current: R | undefined } => {
  const current = input.versions.at(-1);
  const accepted = input.versions.filter((row) => row.status === 'accepted').at(-1);
  const judged = accepted ?? current;
  const workflow: ReportWorkflow = !judged
    ? 'none'
    : (REPORT_WORKFLOWS as readonly string[]).includes(judged.status)
      ? (judged.status as ReportWorkflow)
      : 'draft';
  const isIn = judged != null && IN_STATES.has(judged.status) && judged.submittedAt != null;
  const timeliness: Timeliness = isIn
    ? vietnamDateOf(new Date(judged.submittedAt!)) > input.dueDate
      ? 'late'
      : 'on_time'
    : input.asOf > input.dueDate
      ? 'missing'
      : 'not_due';
  return {
    workflow,
    timeliness,
    isCorrecting: accepted != null && current !== accepted,
    judged,
    accepted,
    current,
  };
};

export const REPORT_WORKFLOW_LABELS: Record<ReportWorkflow, string> = {
  none: 'Chưa lập',
  draft: 'Đang soạn',
  submitted: 'Đã nộp, chờ xem xét',
  returned: 'Bị trả lại',
  accepted: 'Đã chấp nhận',
};

/** "Đã chấp nhận", "Bị trả lại", "Đã chấp nhận (đang điều chỉnh)". */
export const reportWorkflowText = (status: Pick<UnitReportStatus, 'workflow' | 'isCorrecting'>): string =>
  `${REPORT_WORKFLOW_LABELS[status.workflow]}${status.isCorrecting ? ' (đang điều chỉnh)' : ''}`;

import { milestoneText } from '@core/domain/evaluation';
import { formatTarget } from '@core/domain/targets';
import { formatPathValue, pathTargetText, yearTargetOf } from '@core/domain/year-target';
import type {
  TAttachment,
  TReportingPeriod,
  TReportSummary,
  TTargetMilestone,
  TUnitReport,
} from '@core/schemas/reporting.schemas';
import type { TargetRow } from '../../shared/plan-contents';
import type { AttachmentRow, PeriodRow, ReportRow, TaskUpdateRow, ValueRow } from '../../shared/report-reads';
import type { UnitReportForm } from './unit-report-form';

/**
 * The target shown beside an indicator's value in a period: the year's own; where the plan prints none
 * for the year, the value on the straight path to the next milestone, labelled as interpolated
 * ("Theo lộ trình (nội suy): ≥ 92,5% (mốc 2030: ≥ 95%)"); the milestone itself ("Mốc 2030: ≥ 95%") only
 * when there is no earlier point to draw the path from, or past the last milestone.
 *
 * @param targets - the indicator's targets
 * @param year - the year of the period's data-closing date
 * @param unit - the indicator's unit, for a target kept without its printed text
 * @param options - the indicator's direction and measured baseline, as the evaluation uses them
 */
export const presentTargetOfYear = (
  targets: ReadonlyArray<TargetRow>,
  year: number,
  unit: string | null,
  options: Parameters<typeof yearTargetOf>[2] = {},
): { targetText: string | null; milestone: TTargetMilestone | null } => {
  const found = yearTargetOf(targets, year, options);
  const text = found ? (found.target.rawText ?? formatTarget(found.target, unit)) : null;
  if (found?.kind === 'path' && text?.trim()) {
    const interpolated = formatPathValue(found.path, unit);
    return {
      targetText: pathTargetText(interpolated, found.target.year, text),
      milestone: { year: found.target.year, kind: 'path', text, interpolated },
    };
  }
  const milestone = found && found.kind !== 'path' ? { target: found.target, kind: found.kind } : null;
  const targetText = milestoneText(milestone, text);
  return {
    targetText,
    milestone:
      milestone && targetText
        ? { year: milestone.target.year, kind: milestone.kind, text: text!, interpolated: null }
        : null,
  };
};

export const presentPeriod = (row: PeriodRow): TReportingPeriod => ({
  id: row.id,
  planId: row.planId,
  regimeId: row.regimeId,
  key: row.key,
  label: row.label,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  dataFrom: row.dataFrom,
  dataTo: row.dataTo,
  dueDate: row.dueDate,
});

export const presentReportSummary = (row: ReportRow): TReportSummary => ({
  id: row.id,
  periodId: row.periodId,
  unitId: row.unitId,
  version: row.version,
  status: row.status,
  revision: row.revision,
  submittedAt: row.submittedAt?.toISOString() ?? null,
  isLate: row.isLate,
  reviewedAt: row.reviewedAt?.toISOString() ?? null,
  returnReason: row.returnReason,
  lateReason: row.lateReason,
  updatedAt: row.updatedAt.toISOString(),
  isEnteredOnBehalf: row.enteredOnBehalfBy != null,
});

export const presentAttachment = (
  row: AttachmentRow,
  uploaderNames: Map<string, string> = new Map(),
): TAttachment => ({
  id: row.id,
  reportId: row.reportId,
  indicatorId: row.indicatorId,
  taskId: row.taskId,
  fileName: row.fileName,
  contentType: row.contentType,
  sizeBytes: row.sizeBytes,
  uploadedAt: row.uploadedAt.toISOString(),
  uploadedByName: row.uploadedBy ? (uploaderNames.get(row.uploadedBy) ?? null) : null,
  isPaperReport: row.isPaperReport,
});

/** The earlier period's accepted figure of an indicator, when it gave one. */
const previousOf = (row: ValueRow | undefined, periodLabel: string | undefined) =>
  row && periodLabel && (row.value != null || row.assessment != null)
    ? { periodLabel, value: row.value, assessment: row.assessment }
    : null;

/** What a unit entered for an indicator in a period (all null when nothing yet); the entry template shows it too. */
export const presentEnteredValue = (value: ValueRow | undefined) => ({
  value: value?.value ?? null,
  numerator: value?.numerator ?? null,
  denominator: value?.denominator ?? null,
  assessment: value?.assessment ?? null,
  note: value?.note ?? null,
});

/** What a unit reported on a task in a period (all null when nothing yet); the entry template shows it too. */
export const presentTaskUpdate = (update: TaskUpdateRow | undefined) => ({
  status: update?.status ?? null,
  progress: update?.progress ?? null,
  completedOn: update?.completedOn ?? null,
  result: update?.result ?? null,
});

export const presentUnitReport = (form: UnitReportForm): TUnitReport => {
  const values = new Map(form.values.map((row) => [row.indicatorId, row]));
  const updates = new Map(form.updates.map((row) => [row.taskId, row]));
  const previous = new Map(form.previous?.values.map((row) => [row.indicatorId, row]));
  return {
    period: presentPeriod(form.period),
    unitId: form.unit.id,
    unitName: form.unit.name,
    report: form.report ? presentReportSummary(form.report) : null,
    isCurrentVersion: form.isCurrentVersion,
    nothingArose: form.report?.nothingArose ?? false,
    difficulties: form.report?.difficulties ?? null,
    proposals: form.report?.proposals ?? null,
    indicators: form.indicators.map(({ row, targetText, milestone, isQualitative }) => {
      const value = values.get(row.id);
      return {
        indicatorId: row.id,
        code: row.code,
        name: row.name,
        unit: row.unit,
        targetText,
        milestone,
        isQualitative,
        ...presentEnteredValue(value),
        missingReason: value?.missingReason ?? null,
        previous: previousOf(previous.get(row.id), form.previous?.periodLabel),
      };
    }),
    tasks: form.tasks.map((row) => ({
      taskId: row.id,
      code: row.code,
      name: row.name,
      deadlineText: row.deadlineText,
      ...presentTaskUpdate(updates.get(row.id)),
    })),
    attachments: form.attachments.map((row) => presentAttachment(row)),
    returns: form.returns.map((row) => ({
      id: row.id,
      reason: row.reason,
      comments: row.comments,
      returnedAt: row.returnedAt.toISOString(),
      returnedByName: row.returnedByName,
    })),
    versions: form.versions.map(presentReportSummary),
    enteredOnBehalf: form.enteredOnBehalf,
    can: form.can,
  };
};

/**
 * The report form's local state: what the officer has typed, row by row, until it is saved. Kept apart
 * from the query cache so a failed save (a conflict, a field error) never loses the input.
 */
import {
  checkIndicatorFigures,
  formatVietnameseNumber,
  incompleteFractionField,
  isPercentUnit,
  readIndicatorFigure,
  type ValueField,
  valueFromFraction,
} from '@core/domain/indicator-values';
import type { TSaveReportRequest, TUnitReport } from '@core/schemas/reporting.schemas';

export { isPercentUnit };

/**
 * One indicator's input as typed: the figures are kept as text ("1.710", "12,5") and read with the shared
 * Vietnamese rules (core/domain/indicator-values.ts) when saved, so nothing typed is ever changed or
 * dropped on the way.
 */
export type ValueDraft = {
  value: string;
  numerator: string;
  denominator: string;
  assessment: 'achieved' | 'not_achieved' | null;
  note: string;
  /** "Chưa có số liệu" is ticked. */
  isMissing: boolean;
  missingReason: string;
};

export const EMPTY_VALUE_DRAFT: ValueDraft = {
  value: '',
  numerator: '',
  denominator: '',
  assessment: null,
  note: '',
  isMissing: false,
  missingReason: '',
};

export type TaskDraft = {
  status: 'not_started' | 'in_progress' | 'done' | null;
  progress: number | null;
  completedOn: string | null;
  result: string;
};

export type ReportDraft = {
  nothingArose: boolean;
  difficulties: string;
  proposals: string;
  values: Record<string, ValueDraft>;
  tasks: Record<string, TaskDraft>;
};

/** Row errors keyed "values.<indicatorId>.<field>" or "taskUpdates.<taskId>.<field>". */
export type RowErrors = Record<string, string>;

/** A figure's text read with the indicator's rules; a text that is not a figure reads as null. */
const figureOf = (field: ValueField, text: string, unit: string | null): number | null => {
  const parsed = readIndicatorFigure(field, text, unit);
  return parsed.ok ? parsed.value : null;
};

/** The numbers an indicator's input stands for (null for an empty or unreadable figure). */
export const figuresOf = (entry: ValueDraft | undefined, unit: string | null) => ({
  value: figureOf('value', entry?.value ?? '', unit),
  numerator: figureOf('numerator', entry?.numerator ?? '', unit),
  denominator: figureOf('denominator', entry?.denominator ?? '', unit),
});

/**
 * The messages to show on the fields before anything is sent: figures that cannot be read, out of range,
 * or that disagree with their fraction; a missing value ticked without a reason.
 *
 * @param messages - the form's own words for the two checks that are not about one figure
 * @returns row errors keyed "values.<indicatorId>.<field>" (empty when the draft may be saved)
 */
export const draftErrors = (
  report: TUnitReport,
  draft: ReportDraft,
  messages: { fractionIncomplete: string; missingReasonRequired: string },
): RowErrors => {
  const errors: RowErrors = {};
  for (const row of report.indicators) {
    const entry = draft.values[row.indicatorId];
    if (!entry) continue;
    for (const field of ['value', 'numerator', 'denominator'] as const) {
      const parsed = readIndicatorFigure(field, entry[field], row.unit);
      if (!parsed.ok) errors[`values.${row.indicatorId}.${field}`] = parsed.message;
    }
    const figures = figuresOf(entry, row.unit);
    const isFilled = figures.value != null || figures.numerator != null || figures.denominator != null;
    if (
      figures.numerator != null &&
      figures.denominator != null &&
      !errors[`values.${row.indicatorId}.numerator`] &&
      !errors[`values.${row.indicatorId}.denominator`]
    ) {
      // The value shown is computed from the fraction, so only the fraction can be wrong.
      for (const problem of checkIndicatorFigures({ ...figures, value: null }, row.unit).problems)
        errors[`values.${row.indicatorId}.${problem.field}`] ??= problem.message;
    }
    const incomplete = incompleteFractionField(figures.numerator, figures.denominator);
    if (
      incomplete &&
      entry.numerator.trim() + entry.denominator.trim() !== '' &&
      !errors[`values.${row.indicatorId}.numerator`] &&
      !errors[`values.${row.indicatorId}.denominator`]
    )
      errors[`values.${row.indicatorId}.${incomplete}`] = messages.fractionIncomplete;
    if (entry.isMissing && !isFilled && entry.assessment == null && !entry.missingReason.trim())
      errors[`values.${row.indicatorId}.missingReason`] = messages.missingReasonRequired;
  }
  return errors;
};

/** The indicators neither given a figure nor explained: a submission must ask about each. */
export const emptyIndicators = (report: TUnitReport, draft: ReportDraft) =>
  report.indicators.filter((row) => {
    const entry = draft.values[row.indicatorId];
    if (row.isQualitative) return entry?.assessment == null && !entry?.missingReason.trim();
    const figures = figuresOf(entry, row.unit);
    const value =
      valueFromFraction(figures.numerator, figures.denominator, isPercentUnit(row.unit)) ?? figures.value;
    return value == null && !(entry?.isMissing && entry.missingReason.trim());
  });

export const draftFromReport = (report: TUnitReport): ReportDraft => ({
  nothingArose: report.nothingArose,
  difficulties: report.difficulties ?? '',
  proposals: report.proposals ?? '',
  values: Object.fromEntries(
    report.indicators.map((row) => [
      row.indicatorId,
      {
        // A value computed from its fraction is shown from the fraction, not typed.
        value: row.numerator != null && row.denominator != null ? '' : formatVietnameseNumber(row.value),
        numerator: formatVietnameseNumber(row.numerator),
        denominator: formatVietnameseNumber(row.denominator),
        assessment: row.assessment,
        note: row.note ?? '',
        isMissing: row.missingReason != null,
        missingReason: row.missingReason ?? '',
      },
    ]),
  ),
  tasks: Object.fromEntries(
    report.tasks.map((row) => [
      row.taskId,
      { status: row.status, progress: row.progress, completedOn: row.completedOn, result: row.result ?? '' },
    ]),
  ),
});

const textOrNull = (text: string) => (text.trim() ? text.trim() : null);

/**
 * The PUT body, with the order of its rows (the server names a faulty row by its index).
 *
 * @returns the request and, per index, the indicator or task id it stands for
 */
export const requestFromDraft = (
  report: TUnitReport,
  draft: ReportDraft,
): { body: TSaveReportRequest; indicatorIds: string[]; taskIds: string[] } => {
  const values = report.indicators.map((row) => {
    const entry = draft.values[row.indicatorId];
    const figures = figuresOf(entry, row.unit);
    const computed = valueFromFraction(figures.numerator, figures.denominator, isPercentUnit(row.unit));
    const value = computed ?? figures.value;
    const isEmpty = value == null && (entry?.assessment ?? null) == null;
    return {
      indicatorId: row.indicatorId,
      value,
      numerator: figures.numerator,
      denominator: figures.denominator,
      assessment: entry?.assessment ?? null,
      note: textOrNull(entry?.note ?? ''),
      missingReason: isEmpty && entry?.isMissing ? textOrNull(entry.missingReason) : null,
    };
  });
  // A task row means something only once its status is chosen; the others are left out.
  const taskRows = report.tasks.flatMap((row) => {
    const entry = draft.tasks[row.taskId];
    if (!entry?.status) return [];
    return [
      {
        taskId: row.taskId,
        status: entry.status,
        progress: entry.progress,
        completedOn: entry.status === 'done' ? entry.completedOn : null,
        result: textOrNull(entry.result),
      },
    ];
  });
  return {
    body: {
      revision: report.report?.revision ?? 0,
      nothingArose: draft.nothingArose,
      difficulties: textOrNull(draft.difficulties),
      proposals: textOrNull(draft.proposals),
      values,
      taskUpdates: taskRows,
    },
    indicatorIds: values.map((row) => row.indicatorId),
    taskIds: taskRows.map((row) => row.taskId),
  };
};

/**
 * Places the server's field details ("values.2.value") on their rows; what fits no row is returned apart.
 */
export const rowErrorsFromDetails = (
  details: ReadonlyArray<{ field: string; message: string }>,
  indicatorIds: readonly string[],
  taskIds: readonly string[],
): { rows: RowErrors; other: string[] } => {
  const rows: RowErrors = {};
  const other: string[] = [];
  for (const detail of details) {
    const [list, index, field] = detail.field.split('.');
    const ids = list === 'values' ? indicatorIds : list === 'taskUpdates' ? taskIds : null;
    const id = ids && index !== undefined ? ids[Number(index)] : undefined;
    const message = detail.message.startsWith(`${detail.field}: `)
      ? detail.message.slice(detail.field.length + 2)
      : detail.message;
    if (id && field) rows[`${list}.${id}.${field}`] = message;
    else other.push(message);
  }
  return { rows, other };
};

/**
 * "Chưa có số liệu: <reason>", or the reason alone when it already starts with those words (a unit that
 * wrote "Chưa có số liệu tổng hợp…" would otherwise read "Chưa có số liệu: Chưa có số liệu tổng hợp…").
 */
export const missingReasonText = (reason: string, label: string, withLabel: (reason: string) => string) =>
  reason.normalize('NFC').toLocaleLowerCase('vi').startsWith(label.normalize('NFC').toLocaleLowerCase('vi'))
    ? reason
    : withLabel(reason);

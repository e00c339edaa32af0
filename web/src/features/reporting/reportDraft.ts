/**
 * The report form's local state: what the officer has typed, row by row, until it is saved. Kept apart
 * from the query cache so a failed save (a conflict, a field error) never loses the input.
 */
import type { TSaveReportRequest, TUnitReport } from '@core/schemas/reporting.schemas';

export type ValueDraft = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  assessment: 'achieved' | 'not_achieved' | null;
  note: string;
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

export const isPercentUnit = (unit: string | null): boolean => unit?.trim() === '%';

/** The value a numerator and denominator give (a share in % for % indicators), rounded to 2 decimals. */
export const computeFraction = (
  numerator: number | null,
  denominator: number | null,
  isPercent: boolean,
): number | null => {
  if (numerator == null || denominator == null || denominator <= 0) return null;
  const raw = isPercent ? (numerator / denominator) * 100 : numerator / denominator;
  return Math.round(raw * 100) / 100;
};

export const draftFromReport = (report: TUnitReport): ReportDraft => ({
  nothingArose: report.nothingArose,
  difficulties: report.difficulties ?? '',
  proposals: report.proposals ?? '',
  values: Object.fromEntries(
    report.indicators.map((row) => [
      row.indicatorId,
      {
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        assessment: row.assessment,
        note: row.note ?? '',
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
    const computed = computeFraction(
      entry?.numerator ?? null,
      entry?.denominator ?? null,
      isPercentUnit(row.unit),
    );
    return {
      indicatorId: row.indicatorId,
      value: computed ?? entry?.value ?? null,
      numerator: entry?.numerator ?? null,
      denominator: entry?.denominator ?? null,
      assessment: entry?.assessment ?? null,
      note: textOrNull(entry?.note ?? ''),
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

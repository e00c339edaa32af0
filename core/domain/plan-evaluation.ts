/**
 * The glue between a plan's stored rows and the pure evaluation (evaluation.ts): which period a plan is
 * judged on, which accepted value counts for an indicator and which starts its path, which accepted
 * progress a task is judged on, and how a lead unit's report versions are judged. The plan dashboard
 * and the province overview both call these, so a commune's figures read the same in both.
 * Pure functions of their inputs (pass `asOf`).
 */
import type { DeadlineKind } from './deadlines';
import {
  DEFAULT_THRESHOLDS,
  type EvaluatedTarget,
  evaluateIndicator,
  evaluateTask,
  type IndicatorEvaluation,
  rankByScore,
  type TaskDeadline,
  type TaskProgress,
  type TaskStatus,
  type Thresholds,
  type Timeliness,
  UNIT_EVALUATION_STATES,
  type UnitEvaluationState,
  unitEvaluationStateOf,
} from './evaluation';
import { type ReportWorkflow, unitReportStatus } from './report-status';
import { measuredBaselineOf } from './year-target';

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The fields of a reporting period the evaluation reads. */
export type JudgedPeriod = {
  id: string;
  regimeId: string | null;
  dataFrom: string;
  dataTo: string;
  periodEnd: string;
  dueDate: string;
};

/** A period's data close at the standard year-end (14/12) or later: its values are the whole year's. */
export const isYearFinal = (period: { dataTo: string }): boolean =>
  period.dataTo >= `${period.dataTo.slice(0, 4)}-12-14`;

/**
 * The period a plan is judged on: its latest regular (regime) period whose data window has opened by
 * `asOf`, and when `year` is given, whose period ends in that year.
 *
 * @param periods - the plan's periods, by period end
 */
export const judgedPeriodOf = <P extends JudgedPeriod>(
  periods: readonly P[],
  asOf: string,
  year?: number,
): P | null =>
  [...periods]
    .reverse()
    .find(
      (row) =>
        row.regimeId != null && row.dataFrom <= asOf && (year == null || yearOf(row.periodEnd) === year),
    ) ?? null;

/** A locality's colour thresholds, the defaults where it sets none. */
export const thresholdsOf = (locality: {
  scoreGreen: number | null;
  scoreYellow: number | null;
}): Thresholds => ({
  green: locality.scoreGreen ?? DEFAULT_THRESHOLDS.green,
  yellow: locality.scoreYellow ?? DEFAULT_THRESHOLDS.yellow,
});

/** How many of each status, every status present (0 when none). */
export const countStatuses = <K extends string>(
  keys: readonly K[],
  statuses: Iterable<K>,
): Record<K, number> => {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const status of statuses) counts[status]++;
  return counts;
};

/** Ranks by score; unscored rows come last, those waiting for review before those not yet due. */
export const rankByEvaluation = <T extends { score: number | null; evaluation: UnitEvaluationState }>(
  rows: T[],
): Array<T & { rank: number | null }> =>
  rankByScore(
    [...rows].sort(
      (a, b) => UNIT_EVALUATION_STATES.indexOf(a.evaluation) - UNIT_EVALUATION_STATES.indexOf(b.evaluation),
    ),
  );

/** A task's stored deadline as the evaluation reads it. */
export const taskDeadlineOf = (row: {
  deadlineKind: DeadlineKind | null;
  deadlineDate: string | null;
}): TaskDeadline =>
  row.deadlineKind === 'by' && row.deadlineDate
    ? { kind: 'by', date: row.deadlineDate }
    : row.deadlineKind === 'recurring' || row.deadlineKind === 'ongoing'
      ? { kind: row.deadlineKind }
      : row.deadlineKind === 'onRequest' || row.deadlineKind === 'schedule'
        ? { kind: row.deadlineKind }
        : null;

/** An accepted value of an indicator with the period it was reported for. */
export type IndicatorObservation = {
  value: { value: number | null; assessment: 'achieved' | 'not_achieved' | null };
  period: { id: string; dataTo: string };
};

/**
 * Evaluates an indicator in a period from its accepted values: the value of the period is judged
 * against the target path, which starts at a value measured in the baseline year (without one, at the
 * previous target).
 *
 * @param input.observations - the indicator's accepted values up to the period, in any order
 * @returns the evaluation, the period's observation if any, and the observations by data-closing day
 */
export const evaluateIndicatorInPeriod = <T extends IndicatorObservation>(input: {
  indicator: {
    targets: EvaluatedTarget[];
    direction: 'increase' | 'decrease';
    measure: 'cumulative' | 'period';
    baselineYear: number | null;
  };
  period: { id: string; dataTo: string } | null;
  observations: T[];
}): {
  evaluation: IndicatorEvaluation;
  current: T | undefined;
  observations: T[];
  /** The value measured in the baseline year, where the target path starts. */
  baseline: { year: number; value: number } | null;
} => {
  const { indicator, period } = input;
  const observations = [...input.observations].sort((a, b) => a.period.dataTo.localeCompare(b.period.dataTo));
  const current = period ? observations.find((item) => item.period.id === period.id) : undefined;
  const baseline = measuredBaselineOf(indicator.baselineYear, observations);
  const evaluation = evaluateIndicator({
    targets: indicator.targets,
    direction: indicator.direction,
    measure: indicator.measure,
    observation:
      current && period
        ? {
            value: current.value.value,
            assessment: current.value.assessment,
            date: period.dataTo,
            isYearFinal: isYearFinal(period),
          }
        : null,
    baseline,
  });
  return { evaluation, current, observations, baseline };
};

/** Accepted progress on a task with the period of its report. */
export type ReportedProgress = TaskProgress & { periodId: string; dataTo: string };

/**
 * Evaluates a task in a period on its latest accepted progress (by the period's data-closing day); for
 * recurring and ongoing work only what was reported for the period itself counts.
 *
 * @param input.progress - the task's accepted progress up to the period, in any order
 */
export const evaluateTaskInPeriod = <T extends ReportedProgress>(input: {
  task: { deadlineKind: DeadlineKind | null; deadlineDate: string | null };
  periodId: string | null;
  progress: T[];
  asOf: string;
}): { status: TaskStatus; latest: T | undefined } => {
  const deadline = taskDeadlineOf(input.task);
  const isPerPeriod = deadline?.kind === 'recurring' || deadline?.kind === 'ongoing';
  const latest = input.progress
    .filter((item) => !isPerPeriod || item.periodId === input.periodId)
    .sort((a, b) => a.dataTo.localeCompare(b.dataTo))
    .at(-1);
  const status = evaluateTask({
    deadline,
    progress: latest ? { status: latest.status, completedOn: latest.completedOn } : null,
    asOf: input.asOf,
  });
  return { status, latest };
};

/**
 * Judges a lead unit's report of a period from its versions: the accepted version counts while a
 * correction is under way and its submission fixes the timeliness (`unitReportStatus`: a draft or returned
 * report is never on time); only verified facts are scored (an
 * accepted report, or one overdue with nothing waiting for review). Without a period: not evaluated.
 *
 * @param input.versions - the unit's report versions of the period, oldest first
 */
export const judgeUnitReport = <R extends { status: string; submittedAt: Date | string | null }>(input: {
  period: { dueDate: string } | null;
  versions: R[];
  asOf: string;
}): {
  current: R | undefined;
  accepted: R | undefined;
  awaitingReview: boolean;
  timeliness: Timeliness;
  workflow: ReportWorkflow;
  isCorrecting: boolean;
  state: UnitEvaluationState;
} => {
  const { period, versions, asOf } = input;
  const status = unitReportStatus({ versions, dueDate: period?.dueDate ?? '9999-12-31', asOf });
  const { current, accepted } = status;
  const awaitingReview = current?.status === 'submitted';
  const timeliness: Timeliness = period ? status.timeliness : 'not_due';
  const state: UnitEvaluationState = period
    ? unitEvaluationStateOf({ hasAccepted: accepted != null, awaitingReview, dueDate: period.dueDate, asOf })
    : 'not_evaluated';
  return {
    current,
    accepted,
    awaitingReview,
    timeliness,
    workflow: status.workflow,
    isCorrecting: status.isCorrecting,
    state,
  };
};

/**
 * The plans of a set of localities evaluated for a year, as the overview needs them: a fixed number of
 * bulk reads (overview.repository.ts and the bulk reads of reporting.repository.ts) for all of them,
 * then the same pure evaluation the plan dashboard calls (core/domain/plan-evaluation.ts over
 * core/domain/evaluation.ts). Only accepted unit reports give numbers.
 */
import type { IndicatorStatus, TaskStatus, Timeliness, UnitEvaluationState } from '@core/domain/evaluation';
import {
  evaluateIndicatorInPeriod,
  evaluateTaskInPeriod,
  judgedPeriodOf,
  judgeUnitReport,
  type ReportedProgress,
} from '@core/domain/plan-evaluation';
import type { Database } from '../../db/client';
import type { PlanRow } from '../../shared/plan-contents';
import { listActivePlansInLocalities, listRegimesOfPlans, type PeriodRow } from '../../shared/report-reads';
import type { ReportingService } from '../reporting/reporting.service';
import {
  listAcceptedValues,
  listIndicatorsOfPlans,
  listLatestAcceptedTaskUpdates,
  listPeriodsOfPlans,
  listReportsOfPeriodsBrief,
  listTasksOfPlans,
  type OverviewIndicatorRow,
  type OverviewReportRow,
  type OverviewTaskRow,
  type OverviewTaskUpdateRow,
  type OverviewValueRow,
} from './overview.repository';

export const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** Plans by issue date (undated last), then entry: the newest plan of a locality comes last. */
const byIssue = (a: PlanRow, b: PlanRow): number =>
  a.issuedDate === b.issuedDate
    ? a.createdAt.getTime() - b.createdAt.getTime()
    : a.issuedDate == null
      ? 1
      : b.issuedDate == null
        ? -1
        : a.issuedDate.localeCompare(b.issuedDate);

export const groupBy = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
};

/** A lead unit's obligation in a plan's period, judged as the dashboard judges it. */
export type Obligation = {
  state: UnitEvaluationState;
  timeliness: Timeliness;
  accepted: boolean;
  awaitingReview: boolean;
  indicators: IndicatorStatus[];
  tasks: TaskStatus[];
};

/** What one plan contributes to its locality's row and to the roll-ups. */
export type PlanEvaluation = {
  plan: PlanRow;
  period: PeriodRow | null;
  indicatorStatuses: IndicatorStatus[];
  taskStatuses: TaskStatus[];
  obligations: Obligation[];
  /** The accepted value of each indicator in the period, by indicator id. */
  current: Map<string, { value: OverviewValueRow; reportId: string }>;
  indicators: OverviewIndicatorRow[];
};

/**
 * Evaluates one plan for its period from rows already loaded: indicators against their path, tasks
 * against their deadlines, and each lead unit's report, with the dashboard's rules.
 */
export const evaluatePlan = (input: {
  plan: PlanRow;
  periods: PeriodRow[];
  year: number;
  asOf: string;
  indicators: OverviewIndicatorRow[];
  tasks: OverviewTaskRow[];
  reports: OverviewReportRow[];
  values: OverviewValueRow[];
  /** Accepted task progress by task id (any plan). */
  updates: Map<string, OverviewTaskUpdateRow[]>;
}): PlanEvaluation => {
  const { plan, periods, year, asOf } = input;
  const period = judgedPeriodOf(periods, asOf, year);
  const periodById = new Map(periods.map((row) => [row.id, row]));
  const inScope = (periodId: string) => {
    const row = periodById.get(periodId);
    return row != null && period != null && row.periodEnd <= period.periodEnd;
  };
  const reports = input.reports.filter((report) => inScope(report.periodId));
  const acceptedById = new Map(
    reports.filter((report) => report.status === 'accepted').map((report) => [report.id, report]),
  );
  const valuesByIndicator = groupBy(
    input.values.filter((value) => acceptedById.has(value.reportId)),
    (value) => value.indicatorId,
  );
  const current = new Map<string, { value: OverviewValueRow; reportId: string }>();

  const indicatorStatus = new Map<string, IndicatorStatus>();
  for (const row of input.indicators) {
    const { evaluation, current: now } = evaluateIndicatorInPeriod({
      indicator: row,
      period,
      observations: (valuesByIndicator.get(row.id) ?? []).map((value) => ({
        value,
        period: periodById.get(acceptedById.get(value.reportId)!.periodId)!,
      })),
    });
    if (now) current.set(row.id, { value: now.value, reportId: now.value.reportId });
    indicatorStatus.set(row.id, evaluation.status);
  }

  const taskStatus = new Map<string, TaskStatus>();
  for (const row of input.tasks) {
    const progress: ReportedProgress[] = [];
    for (const update of input.updates.get(row.id) ?? []) {
      const report = acceptedById.get(update.reportId);
      if (!report) continue;
      progress.push({
        status: update.status,
        completedOn: update.completedOn,
        periodId: report.periodId,
        dataTo: periodById.get(report.periodId)!.dataTo,
      });
    }
    taskStatus.set(
      row.id,
      evaluateTaskInPeriod({ task: row, periodId: period?.id ?? null, progress, asOf }).status,
    );
  }

  const leadUnitIds = [
    ...new Set(
      [...input.indicators, ...input.tasks]
        .map((row) => row.leadUnitId)
        .filter((id): id is string => id != null),
    ),
  ];
  const periodReports = period ? reports.filter((report) => report.periodId === period.id) : [];
  const indicatorsByUnit = groupBy(input.indicators, (row) => row.leadUnitId);
  const tasksByUnit = groupBy(input.tasks, (row) => row.leadUnitId);
  const obligations = leadUnitIds.map((unitId): Obligation => {
    const { state, timeliness, accepted, awaitingReview } = judgeUnitReport({
      period,
      versions: periodReports.filter((report) => report.unitId === unitId),
      asOf,
    });
    return {
      state,
      timeliness,
      accepted: accepted != null,
      awaitingReview,
      indicators: (indicatorsByUnit.get(unitId) ?? []).map((row) => indicatorStatus.get(row.id)!),
      tasks: (tasksByUnit.get(unitId) ?? []).map((row) => taskStatus.get(row.id)!),
    };
  });

  return {
    plan,
    period,
    indicatorStatuses: [...indicatorStatus.values()],
    taskStatuses: [...taskStatus.values()],
    obligations: period ? obligations : [],
    current,
    indicators: input.indicators,
  };
};

/**
 * Evaluates, for a year, every plan in effect of the given localities (their newest plan last).
 *
 * @param deps - the database, and the reporting service that generates the periods of a plan nobody
 *   opened yet this year
 * @param localityIds - the localities whose own plans are evaluated (communes)
 */
export const evaluatePlansOfLocalities = async (
  { db, reporting }: { db: Database; reporting: Pick<ReportingService, 'ensurePeriodsOfPlans'> },
  localityIds: string[],
  year: number,
  asOf: string,
): Promise<PlanEvaluation[]> => {
  const thisYear = yearOf(asOf);
  const plans = (await listActivePlansInLocalities(db, localityIds)).sort(byIssue);
  const planIds = plans.map((row) => row.id);
  let periods = await listPeriodsOfPlans(db, planIds);
  // Periods are generated when a plan is first looked at in a year; a plan nobody opened yet gets them now.
  const withRegime = new Set((await listRegimesOfPlans(db, planIds)).map((row) => row.planId));
  const generatedThisYear = new Set(
    periods
      .filter((row) => row.regimeId != null && yearOf(row.periodEnd) === thisYear)
      .map((row) => row.planId),
  );
  const lacking = plans.filter((row) => withRegime.has(row.id) && !generatedThisYear.has(row.id));
  if (lacking.length > 0) {
    await db.transaction((tx) => reporting.ensurePeriodsOfPlans(tx, lacking));
    periods = await listPeriodsOfPlans(db, planIds);
  }

  const periodsByPlan = groupBy(periods, (row) => row.planId);
  const indicators = await listIndicatorsOfPlans(db, planIds);
  const baselineYears = new Set(indicators.map((row) => row.baselineYear).filter((y) => y != null));
  // Each plan's period of the year and those before it (task progress); values: that period and the
  // baseline years' (the start of an indicator's path).
  const upTo: PeriodRow[] = [];
  for (const plan of plans) {
    const own = periodsByPlan.get(plan.id) ?? [];
    const period = judgedPeriodOf(own, asOf, year);
    if (period) upTo.push(...own.filter((row) => row.periodEnd <= period.periodEnd));
  }
  const periodIds = upTo.map((row) => row.id);
  const valuePeriodIds = upTo
    .filter((row) => yearOf(row.periodEnd) === year || baselineYears.has(yearOf(row.dataTo)))
    .map((row) => row.id);
  const tasks = await listTasksOfPlans(db, planIds);
  const reports = await listReportsOfPeriodsBrief(db, periodIds);
  const values = await listAcceptedValues(db, valuePeriodIds);
  const updates = await listLatestAcceptedTaskUpdates(db, periodIds);

  const indicatorsByPlan = groupBy(indicators, (row) => row.planId);
  const tasksByPlan = groupBy(tasks, (row) => row.planId);
  const planOfPeriod = new Map(periods.map((row) => [row.id, row.planId]));
  const reportsByPlan = groupBy(reports, (row) => planOfPeriod.get(row.periodId)!);
  const planOfReport = new Map(reports.map((row) => [row.id, planOfPeriod.get(row.periodId)!]));
  const valuesByPlan = groupBy(values, (row) => planOfReport.get(row.reportId)!);
  const updatesByTask = groupBy(updates, (row) => row.taskId);

  return plans.map((plan) =>
    evaluatePlan({
      plan,
      periods: periodsByPlan.get(plan.id) ?? [],
      year,
      asOf,
      indicators: indicatorsByPlan.get(plan.id) ?? [],
      tasks: tasksByPlan.get(plan.id) ?? [],
      reports: reportsByPlan.get(plan.id) ?? [],
      values: valuesByPlan.get(plan.id) ?? [],
      updates: updatesByTask,
    }),
  );
};

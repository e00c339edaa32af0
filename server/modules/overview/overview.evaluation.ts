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
  taskDeadlineOf,
} from '@core/domain/plan-evaluation';
import { addDays } from '@core/domain/reporting-periods';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { PlanRow } from '../../shared/plan-contents';
import { listActivePlansInLocalities, listRegimesOfPlans, type PeriodRow } from '../../shared/report-reads';
import type { ReportingService } from '../reporting/reporting.service';
import {
  listAcceptedValues,
  listIndicatorsOfPlans,
  listLatestAcceptedTaskUpdates,
  listPeriods,
  listPlans,
  listReportsOfPeriodsBrief,
  listTasksOfPlans,
  type OverviewIndicatorRow,
  type OverviewReportRow,
  type OverviewTaskRow,
  type OverviewTaskUpdateRow,
  type OverviewValueRow,
} from './overview.repository';
import {
  activePlansOfArea,
  type IdSet,
  idsOf,
  type OverviewArea,
  periodsOpeningAfter,
  periodsUpToJudged,
  plansLackingPeriods,
  valuePeriodsOf,
} from './overview.scope';

export const yearOf = (iso: string) => Number(iso.slice(0, 4));

/**
 * Plans by issue date (undated last), then entry, then id (plans entered at once): the newest plan of a
 * locality comes last, whatever order the database returned them in.
 */
const byIssue = (a: PlanRow, b: PlanRow): number =>
  a.issuedDate === b.issuedDate
    ? a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
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
  /**
   * The first date after `asOf` on which this evaluation can read otherwise, the rows unchanged (null:
   * none): the day after a deadline or due date it compares `asOf` with, or the opening of a later
   * period to judge. On every date from `asOf` up to the day before, it is the same (`stableUntilOf`).
   */
  stableUntil: string | null;
};

/**
 * The first date after `asOf` on which a plan's evaluation changes with the date alone (null: never),
 * from what the evaluation compared `asOf` with: the opening (`dataFrom`) of a period of the year after
 * the judged one (it would be judged instead), a task's "by" deadline not yet passed on which its status
 * turns late (unless its completion day is known), and the judged period's due date not yet passed
 * while a lead unit's report is not in or not evaluated (it turns missing, and scored). Exact: on that
 * date the evaluation differs (overview.stable.test.ts).
 */
const stableUntilOf = (input: {
  periods: readonly PeriodRow[];
  period: PeriodRow | null;
  year: number;
  asOf: string;
  tasks: Array<{ row: OverviewTaskRow; latest: ReportedProgress | undefined }>;
  obligations: Array<Pick<Obligation, 'state' | 'timeliness'>>;
}): string | null => {
  const { periods, period, year, asOf } = input;
  const changes: string[] = [];
  // judgedPeriodOf takes the last of the periods (in their order) opened by `asOf`: only a later one
  // opening can replace it.
  for (const row of period ? periods.slice(periods.indexOf(period) + 1) : periods) {
    if (row.regimeId != null && yearOf(row.periodEnd) === year && row.dataFrom > asOf)
      changes.push(row.dataFrom);
  }
  for (const { row, latest } of input.tasks) {
    const deadline = taskDeadlineOf(row);
    const knownCompletion = latest?.status === 'done' && latest.completedOn != null;
    if (deadline?.kind === 'by' && deadline.date >= asOf && !knownCompletion) {
      changes.push(addDays(deadline.date, 1));
    }
  }
  if (
    period &&
    period.dueDate >= asOf &&
    input.obligations.some((row) => row.timeliness === 'not_due' || row.state === 'not_evaluated')
  ) {
    changes.push(addDays(period.dueDate, 1));
  }
  // ISO dates: the earliest sorts first.
  return changes.length === 0 ? null : changes.sort()[0]!;
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
  const taskLatest: Array<{ row: OverviewTaskRow; latest: ReportedProgress | undefined }> = [];
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
    const task = evaluateTaskInPeriod({ task: row, periodId: period?.id ?? null, progress, asOf });
    taskStatus.set(row.id, task.status);
    taskLatest.push({ row, latest: task.latest });
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
    stableUntil: stableUntilOf({
      periods: input.periods,
      period,
      year,
      asOf,
      tasks: taskLatest,
      obligations: period ? obligations : [],
    }),
  };
};

export type EvaluationDeps = { db: Database; reporting: Pick<ReportingService, 'ensurePeriodsOfPlans'> };

/** The rows read for a set of plans, evaluated plan by plan (their newest plan last). */
const evaluateRead = (
  read: {
    plans: PlanRow[];
    periods: PeriodRow[];
    indicators: OverviewIndicatorRow[];
    tasks: OverviewTaskRow[];
    reports: OverviewReportRow[];
    values: OverviewValueRow[];
    updates: OverviewTaskUpdateRow[];
  },
  year: number,
  asOf: string,
): PlanEvaluation[] => {
  const { plans, periods, reports, values } = read;
  const periodsByPlan = groupBy(periods, (row) => row.planId);
  const indicatorsByPlan = groupBy(read.indicators, (row) => row.planId);
  const tasksByPlan = groupBy(read.tasks, (row) => row.planId);
  const planOfPeriod = new Map(periods.map((row) => [row.id, row.planId]));
  const reportsByPlan = groupBy(reports, (row) => planOfPeriod.get(row.periodId)!);
  const planOfReport = new Map(reports.map((row) => [row.id, planOfPeriod.get(row.periodId)!]));
  const valuesByPlan = groupBy(values, (row) => planOfReport.get(row.reportId)!);
  const updatesByTask = groupBy(read.updates, (row) => row.taskId);
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

const baselineYearsOf = (indicators: OverviewIndicatorRow[]): number[] => [
  ...new Set(indicators.map((row) => row.baselineYear).filter((y): y is number => y != null)),
];

/**
 * Evaluates, for a year, every plan in effect of an area's land on its date (the overview's reads):
 * the localities by the tree and the successions, the plans and each plan's periods up to the judged
 * one are chosen in SQL (overview.scope.ts), so the database receives no list of ids and returns only
 * what the judged period needs. The same evaluation as `evaluatePlansOfLocalities` over the land's ids.
 *
 * @param land - the land of the area (`landOfArea`): only plans of a locality in it count
 */
export const evaluatePlansOfArea = async (
  deps: EvaluationDeps,
  area: OverviewArea,
  land: Map<string, string>,
  year: number,
): Promise<PlanEvaluation[]> => {
  const planSet = activePlansOfArea(area);
  const plans = await plansOfArea(deps, area, land);
  return evaluatePlansOfSet(deps.db, planSet, plans, year, area.asOf);
};

/**
 * The plans in effect of an area's land on its date (`activePlansOfArea`), their newest plan last, with
 * the periods of the year generated for those nobody opened yet this year.
 */
export const plansOfArea = async (
  { db, reporting }: EvaluationDeps,
  area: OverviewArea,
  land: Map<string, string>,
): Promise<PlanRow[]> => {
  const planSet = activePlansOfArea(area);
  const [candidates, lackingIds] = await Promise.all([
    listPlans(db, planSet),
    plansLackingPeriods(db, planSet, yearOf(area.asOf)),
  ]);
  const plans = candidates.filter((row) => land.has(row.localityId)).sort(byIssue);
  // Periods are generated when a plan is first looked at in a year; a plan nobody opened yet gets them now.
  const lackingSet = new Set(lackingIds);
  const lacking = plans.filter((row) => lackingSet.has(row.id));
  if (lacking.length > 0) await db.transaction((tx) => reporting.ensurePeriodsOfPlans(tx, lacking));
  return plans;
};

/**
 * Evaluates the given plans (in that order) from the bulk reads over `planSet`, the plans' ids as a
 * subquery (it may hold more plans: their rows are read and left).
 */
export const evaluatePlansOfSet = async (
  db: Database,
  planSet: IdSet,
  plans: PlanRow[],
  year: number,
  asOf: string,
): Promise<PlanEvaluation[]> => {
  const upTo = periodsUpToJudged(planSet, year, asOf);
  const [periods, indicators, tasks, reports, updates] = await Promise.all([
    // With the periods of the year still to open: when one opens, the evaluation changes (stableUntil).
    listPeriods(db, sql`${upTo} union ${periodsOpeningAfter(planSet, year, asOf)}`),
    listIndicatorsOfPlans(db, planSet),
    listTasksOfPlans(db, planSet),
    listReportsOfPeriodsBrief(db, upTo),
    listLatestAcceptedTaskUpdates(db, upTo),
  ]);
  const values = await listAcceptedValues(db, valuePeriodsOf(upTo, year, baselineYearsOf(indicators)));
  return evaluateRead({ plans, periods, indicators, tasks, reports, values, updates }, year, asOf);
};

/**
 * Evaluates, for a year, every plan in effect of the given localities (their newest plan last), from
 * all their periods: the reference the overview's `evaluatePlansOfArea` is checked against
 * (overview.scope.test.ts), and the form for a set of localities that is not an area of the tree.
 *
 * @param deps - the database, and the reporting service that generates the periods of a plan nobody
 *   opened yet this year
 * @param localityIds - the localities whose own plans are evaluated (communes)
 */
export const evaluatePlansOfLocalities = async (
  { db, reporting }: EvaluationDeps,
  localityIds: string[],
  year: number,
  asOf: string,
): Promise<PlanEvaluation[]> => {
  const thisYear = yearOf(asOf);
  const plans = (await listActivePlansInLocalities(db, localityIds)).sort(byIssue);
  const planIds = plans.map((row) => row.id);
  const planSet = idsOf(planIds);
  const allPeriods = () =>
    listPeriods(db, sql`select rp.id from reporting_period rp where rp.plan_id in (${planSet})`);
  let periods = await allPeriods();
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
    periods = await allPeriods();
  }

  const periodsByPlan = groupBy(periods, (row) => row.planId);
  const indicators = await listIndicatorsOfPlans(db, planSet);
  const baselineYears = new Set(baselineYearsOf(indicators));
  // Each plan's period of the year and those before it (task progress); values: that period and the
  // baseline years' (the start of an indicator's path).
  const upTo: PeriodRow[] = [];
  for (const plan of plans) {
    const own = periodsByPlan.get(plan.id) ?? [];
    const period = judgedPeriodOf(own, asOf, year);
    if (period) upTo.push(...own.filter((row) => row.periodEnd <= period.periodEnd));
  }
  const periodIds = idsOf(upTo.map((row) => row.id));
  const valuePeriodIds = idsOf(
    upTo
      .filter((row) => yearOf(row.periodEnd) === year || baselineYears.has(yearOf(row.dataTo)))
      .map((row) => row.id),
  );
  const tasks = await listTasksOfPlans(db, planSet);
  const reports = await listReportsOfPeriodsBrief(db, periodIds);
  const values = await listAcceptedValues(db, valuePeriodIds);
  const updates = await listLatestAcceptedTaskUpdates(db, periodIds);
  return evaluateRead({ plans, periods, indicators, tasks, reports, values, updates }, year, asOf);
};

/**
 * Bulk reads for the overview of a locality: each function answers for every child locality (or every
 * plan) at once, so the overview costs a fixed number of queries whatever the number of communes.
 *
 * The large reads (a province has tens of thousands of targets, values and task updates) come back as
 * one JSON array per query: the driver then decodes one value instead of every row and column, which
 * is most of the time on PGlite (measured with `npm run bench:dashboard`).
 */

import type { AnyColumn } from 'drizzle-orm';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  indicator,
  indicatorTarget,
  indicatorValue,
  locality,
  plan,
  reportingPeriod,
  reportingRegime,
  task,
  taskUpdate,
  unitReport,
} from '../../db/schema';
import type { PlanRow } from '../plan/plan.repository';
import type { PeriodRow, ReportRow } from '../reporting/reporting.repository';

export type ChildLocalityRow = Pick<
  typeof locality.$inferSelect,
  'id' | 'name' | 'kind' | 'scoreGreen' | 'scoreYellow'
>;

/** The localities directly under a locality, by name. */
export const listChildLocalities = (executor: Executor, parentId: string): Promise<ChildLocalityRow[]> =>
  executor
    .select({
      id: locality.id,
      name: locality.name,
      kind: locality.kind,
      scoreGreen: locality.scoreGreen,
      scoreYellow: locality.scoreYellow,
    })
    .from(locality)
    .where(eq(locality.parentId, parentId))
    .orderBy(asc(locality.name));

/** The plans in effect (status active) of the given localities, newest issue first. */
export const listActivePlansOf = (executor: Executor, localityIds: string[]): Promise<PlanRow[]> =>
  localityIds.length === 0
    ? Promise.resolve([])
    : executor
        .select()
        .from(plan)
        .where(and(inArray(plan.localityId, localityIds), eq(plan.status, 'active')))
        .orderBy(asc(plan.localityId), asc(plan.issuedDate), asc(plan.createdAt));

/** Which of the plans state a reporting regime (only those have periods generated). */
export const listPlanIdsWithRegime = async (executor: Executor, planIds: string[]): Promise<Set<string>> => {
  if (planIds.length === 0) return new Set();
  const rows = await executor
    .selectDistinct({ planId: reportingRegime.planId })
    .from(reportingRegime)
    .where(inArray(reportingRegime.planId, planIds));
  return new Set(rows.map((row) => row.planId));
};

export const listPeriodsOfPlans = (executor: Executor, planIds: string[]): Promise<PeriodRow[]> =>
  planIds.length === 0
    ? Promise.resolve([])
    : executor
        .select()
        .from(reportingPeriod)
        .where(inArray(reportingPeriod.planId, planIds))
        .orderBy(asc(reportingPeriod.periodEnd), asc(reportingPeriod.key));

/**
 * One JSON array for a whole select: `rows` holds `[[v1, v2, …], …]` as text, which the driver hands
 * over untouched; `read` parses it once and names the fields.
 */
const asJson = <T>(fields: { [K in keyof T & string]: SQL | AnyColumn }, orderBy?: SQL) => {
  const keys = Object.keys(fields) as Array<keyof T & string>;
  const values = sql.join(
    keys.map((key) => sql`${fields[key]}`),
    sql`, `,
  );
  return {
    select: {
      rows: sql<string>`coalesce(json_agg(json_build_array(${values})${orderBy ? sql` order by ${orderBy}` : sql``}), '[]'::json)::text`,
    },
    read: async (query: PromiseLike<Array<{ rows: string }>>): Promise<T[]> => {
      const arrays = JSON.parse((await query)[0]?.rows ?? '[]') as unknown[][];
      return arrays.map((array) => {
        const row = {} as Record<string, unknown>;
        keys.forEach((key, index) => {
          row[key] = array[index];
        });
        return row as T;
      });
    },
  };
};

type Target = {
  year: number;
  op: (typeof indicatorTarget.$inferSelect)['op'];
  value: number | null;
  valueHigh: number | null;
};

export type OverviewIndicatorRow = Pick<
  typeof indicator.$inferSelect,
  'id' | 'planId' | 'code' | 'unit' | 'direction' | 'measure' | 'catalogCode' | 'leadUnitId' | 'baselineYear'
> & { targets: Target[] };

/** The indicators of the plans, each with its targets: one query for all plans. */
export const listIndicatorsOfPlans = async (
  executor: Executor,
  planIds: string[],
): Promise<OverviewIndicatorRow[]> => {
  if (planIds.length === 0) return [];
  const indicators = asJson<Omit<OverviewIndicatorRow, 'targets'> & { targets: unknown[][] }>(
    {
      id: indicator.id,
      planId: indicator.planId,
      code: indicator.code,
      unit: indicator.unit,
      direction: indicator.direction,
      measure: indicator.measure,
      catalogCode: indicator.catalogCode,
      leadUnitId: indicator.leadUnitId,
      baselineYear: indicator.baselineYear,
      targets: sql`(select coalesce(json_agg(json_build_array(${indicatorTarget.year}, ${indicatorTarget.op}, ${indicatorTarget.value}, ${indicatorTarget.valueHigh})), '[]'::json) from ${indicatorTarget} where ${indicatorTarget.indicatorId} = ${indicator.id})`,
    },
    sql`${indicator.planId}, ${indicator.position}`,
  );
  const rows = await indicators.read(
    executor.select(indicators.select).from(indicator).where(inArray(indicator.planId, planIds)),
  );
  return rows.map((row) => ({
    ...row,
    targets: row.targets.map(([year, op, value, valueHigh]) => ({ year, op, value, valueHigh }) as Target),
  }));
};

export type OverviewTaskRow = Pick<
  typeof task.$inferSelect,
  'id' | 'planId' | 'leadUnitId' | 'deadlineKind' | 'deadlineDate'
>;

export const listTasksOfPlans = (executor: Executor, planIds: string[]): Promise<OverviewTaskRow[]> => {
  if (planIds.length === 0) return Promise.resolve([]);
  const tasks = asJson<OverviewTaskRow>({
    id: task.id,
    planId: task.planId,
    leadUnitId: task.leadUnitId,
    deadlineKind: task.deadlineKind,
    deadlineDate: task.deadlineDate,
  });
  return tasks.read(executor.select(tasks.select).from(task).where(inArray(task.planId, planIds)));
};

export type OverviewReportRow = Pick<ReportRow, 'id' | 'periodId' | 'unitId' | 'version' | 'status'> & {
  /** First submission of the version (ISO instant), or null. */
  submittedAt: string | null;
};

/** Every version of every unit report of the periods, oldest version first. */
export const listReportsOfPeriodsBrief = (
  executor: Executor,
  periodIds: string[],
): Promise<OverviewReportRow[]> => {
  if (periodIds.length === 0) return Promise.resolve([]);
  const reports = asJson<OverviewReportRow>(
    {
      id: unitReport.id,
      periodId: unitReport.periodId,
      unitId: unitReport.unitId,
      version: unitReport.version,
      status: unitReport.status,
      submittedAt: unitReport.submittedAt,
    },
    sql`${unitReport.version}`,
  );
  return reports.read(
    executor.select(reports.select).from(unitReport).where(inArray(unitReport.periodId, periodIds)),
  );
};

export type OverviewValueRow = Pick<
  typeof indicatorValue.$inferSelect,
  'reportId' | 'indicatorId' | 'value' | 'numerator' | 'denominator' | 'assessment'
>;

/** The values of the accepted reports of the periods. */
export const listAcceptedValues = (executor: Executor, periodIds: string[]): Promise<OverviewValueRow[]> => {
  if (periodIds.length === 0) return Promise.resolve([]);
  const values = asJson<OverviewValueRow>({
    reportId: indicatorValue.reportId,
    indicatorId: indicatorValue.indicatorId,
    value: indicatorValue.value,
    numerator: indicatorValue.numerator,
    denominator: indicatorValue.denominator,
    assessment: indicatorValue.assessment,
  });
  return values.read(
    executor
      .select(values.select)
      .from(indicatorValue)
      .innerJoin(unitReport, eq(unitReport.id, indicatorValue.reportId))
      .where(and(inArray(unitReport.periodId, periodIds), eq(unitReport.status, 'accepted'))),
  );
};

export type OverviewTaskUpdateRow = Pick<
  typeof taskUpdate.$inferSelect,
  'reportId' | 'taskId' | 'status' | 'completedOn'
>;

/**
 * The latest accepted progress of each task over the periods (by the period's data-closing day): what
 * a task is judged on. For recurring work the caller checks that it is the judged period's.
 */
export const listLatestAcceptedTaskUpdates = (
  executor: Executor,
  periodIds: string[],
): Promise<OverviewTaskUpdateRow[]> => {
  if (periodIds.length === 0) return Promise.resolve([]);
  const latest = executor
    .selectDistinctOn([taskUpdate.taskId], {
      reportId: taskUpdate.reportId,
      taskId: taskUpdate.taskId,
      status: taskUpdate.status,
      completedOn: taskUpdate.completedOn,
    })
    .from(taskUpdate)
    .innerJoin(unitReport, eq(unitReport.id, taskUpdate.reportId))
    .innerJoin(reportingPeriod, eq(reportingPeriod.id, unitReport.periodId))
    .where(and(inArray(unitReport.periodId, periodIds), eq(unitReport.status, 'accepted')))
    .orderBy(taskUpdate.taskId, desc(reportingPeriod.dataTo))
    .as('latest');
  const updates = asJson<OverviewTaskUpdateRow>({
    reportId: latest.reportId,
    taskId: latest.taskId,
    status: latest.status,
    completedOn: latest.completedOn,
  });
  return updates.read(executor.select(updates.select).from(latest));
};

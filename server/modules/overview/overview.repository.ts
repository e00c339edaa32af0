/**
 * Bulk reads for the overview of a locality: each function answers for every child locality (or every
 * plan) at once, so the overview costs a fixed number of queries whatever the number of communes.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
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

export type OverviewIndicatorRow = Pick<
  typeof indicator.$inferSelect,
  'id' | 'planId' | 'code' | 'unit' | 'direction' | 'measure' | 'catalogCode' | 'leadUnitId' | 'baselineYear'
> & { targets: Array<Pick<typeof indicatorTarget.$inferSelect, 'year' | 'op' | 'value' | 'valueHigh'>> };

/** The indicators of the plans with their targets: two queries for all plans. */
export const listIndicatorsOfPlans = async (
  executor: Executor,
  planIds: string[],
): Promise<OverviewIndicatorRow[]> => {
  if (planIds.length === 0) return [];
  const rows = await executor
    .select({
      id: indicator.id,
      planId: indicator.planId,
      code: indicator.code,
      unit: indicator.unit,
      direction: indicator.direction,
      measure: indicator.measure,
      catalogCode: indicator.catalogCode,
      leadUnitId: indicator.leadUnitId,
      baselineYear: indicator.baselineYear,
    })
    .from(indicator)
    .where(inArray(indicator.planId, planIds))
    .orderBy(asc(indicator.planId), asc(indicator.position));
  const targets = await executor
    .select({
      indicatorId: indicatorTarget.indicatorId,
      year: indicatorTarget.year,
      op: indicatorTarget.op,
      value: indicatorTarget.value,
      valueHigh: indicatorTarget.valueHigh,
    })
    .from(indicatorTarget)
    .innerJoin(indicator, eq(indicator.id, indicatorTarget.indicatorId))
    .where(inArray(indicator.planId, planIds));
  const byIndicator = new Map<string, OverviewIndicatorRow['targets']>();
  for (const { indicatorId, ...target } of targets) {
    const list = byIndicator.get(indicatorId);
    if (list) list.push(target);
    else byIndicator.set(indicatorId, [target]);
  }
  return rows.map((row) => ({ ...row, targets: byIndicator.get(row.id) ?? [] }));
};

export type OverviewTaskRow = Pick<
  typeof task.$inferSelect,
  'id' | 'planId' | 'leadUnitId' | 'deadlineKind' | 'deadlineDate'
>;

export const listTasksOfPlans = (executor: Executor, planIds: string[]): Promise<OverviewTaskRow[]> =>
  planIds.length === 0
    ? Promise.resolve([])
    : executor
        .select({
          id: task.id,
          planId: task.planId,
          leadUnitId: task.leadUnitId,
          deadlineKind: task.deadlineKind,
          deadlineDate: task.deadlineDate,
        })
        .from(task)
        .where(inArray(task.planId, planIds));

export type OverviewReportRow = Pick<
  ReportRow,
  'id' | 'periodId' | 'unitId' | 'version' | 'status' | 'submittedAt'
>;

/** Every version of every unit report of the periods, oldest version first. */
export const listReportsOfPeriodsBrief = (
  executor: Executor,
  periodIds: string[],
): Promise<OverviewReportRow[]> =>
  periodIds.length === 0
    ? Promise.resolve([])
    : executor
        .select({
          id: unitReport.id,
          periodId: unitReport.periodId,
          unitId: unitReport.unitId,
          version: unitReport.version,
          status: unitReport.status,
          submittedAt: unitReport.submittedAt,
        })
        .from(unitReport)
        .where(inArray(unitReport.periodId, periodIds))
        .orderBy(asc(unitReport.version));

export type OverviewValueRow = Pick<
  typeof indicatorValue.$inferSelect,
  'reportId' | 'indicatorId' | 'value' | 'numerator' | 'denominator' | 'assessment'
>;

/** The values of the accepted reports of the periods. */
export const listAcceptedValues = (executor: Executor, periodIds: string[]): Promise<OverviewValueRow[]> =>
  periodIds.length === 0
    ? Promise.resolve([])
    : executor
        .select({
          reportId: indicatorValue.reportId,
          indicatorId: indicatorValue.indicatorId,
          value: indicatorValue.value,
          numerator: indicatorValue.numerator,
          denominator: indicatorValue.denominator,
          assessment: indicatorValue.assessment,
        })
        .from(indicatorValue)
        .innerJoin(unitReport, eq(unitReport.id, indicatorValue.reportId))
        .where(and(inArray(unitReport.periodId, periodIds), eq(unitReport.status, 'accepted')));

export type OverviewTaskUpdateRow = Pick<
  typeof taskUpdate.$inferSelect,
  'reportId' | 'taskId' | 'status' | 'completedOn'
>;

/** The task progress in the accepted reports of the periods. */
export const listAcceptedTaskUpdates = (
  executor: Executor,
  periodIds: string[],
): Promise<OverviewTaskUpdateRow[]> =>
  periodIds.length === 0
    ? Promise.resolve([])
    : executor
        .select({
          reportId: taskUpdate.reportId,
          taskId: taskUpdate.taskId,
          status: taskUpdate.status,
          completedOn: taskUpdate.completedOn,
        })
        .from(taskUpdate)
        .innerJoin(unitReport, eq(unitReport.id, taskUpdate.reportId))
        .where(and(inArray(unitReport.periodId, periodIds), eq(unitReport.status, 'accepted')));

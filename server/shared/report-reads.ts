/**
 * Reading what units reported, as the dashboard, the overview, the consolidated report and publication
 * evaluate it: periods, reports with their values, task updates and evidence, the units that owe reports,
 * reporting regimes. The reporting module owns the writes and its workflow queries.
 */
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
  attachment,
  indicator,
  indicatorValue,
  plan,
  reportingPeriod,
  reportingRegime,
  task,
  taskUpdate,
  unit,
  unitReport,
} from '../db/schema';

export type PeriodRow = typeof reportingPeriod.$inferSelect;
export type ReportRow = typeof unitReport.$inferSelect;
export type ValueRow = typeof indicatorValue.$inferSelect;
export type TaskUpdateRow = typeof taskUpdate.$inferSelect;
export type AttachmentRow = typeof attachment.$inferSelect;

export const listPeriodsByPlan = (executor: Executor, planId: string): Promise<PeriodRow[]> =>
  executor
    .select()
    .from(reportingPeriod)
    .where(eq(reportingPeriod.planId, planId))
    .orderBy(asc(reportingPeriod.periodEnd), asc(reportingPeriod.key));

export const findPeriodById = async (executor: Executor, id: string): Promise<PeriodRow | undefined> =>
  (await executor.select().from(reportingPeriod).where(eq(reportingPeriod.id, id)))[0];

/**
 * The units that lead at least one indicator or task of the plan, with how many of each. Given a period's
 * due date, a task handed to a unit after that day does not count: the unit owes reports from then on.
 */
export const listLeadUnitsOfPlan = async (
  executor: Executor,
  planId: string,
  dueDate?: string,
): Promise<Array<{ unitId: string; unitName: string; indicatorCount: number; taskCount: number }>> => {
  const indicatorCounts = await executor
    .select({ unitId: indicator.leadUnitId, n: sql<number>`count(*)::int` })
    .from(indicator)
    .where(and(eq(indicator.planId, planId), isNotNull(indicator.leadUnitId)))
    .groupBy(indicator.leadUnitId);
  const taskCounts = await executor
    .select({ unitId: task.leadUnitId, n: sql<number>`count(*)::int` })
    .from(task)
    .where(
      and(
        eq(task.planId, planId),
        isNotNull(task.leadUnitId),
        dueDate
          ? or(
              isNull(task.leadAssignedAt),
              sql`(${task.leadAssignedAt} at time zone 'Asia/Ho_Chi_Minh')::date <= ${dueDate}`,
            )
          : undefined,
      ),
    )
    .groupBy(task.leadUnitId);
  const ids = [...new Set([...indicatorCounts, ...taskCounts].map((row) => row.unitId!))];
  if (ids.length === 0) return [];
  const units = await executor
    .select({ id: unit.id, name: unit.name })
    .from(unit)
    .where(inArray(unit.id, ids))
    .orderBy(asc(unit.name));
  return units.map((row) => ({
    unitId: row.id,
    unitName: row.name,
    indicatorCount: Number(indicatorCounts.find((count) => count.unitId === row.id)?.n ?? 0),
    taskCount: Number(taskCounts.find((count) => count.unitId === row.id)?.n ?? 0),
  }));
};

export const listReportsOfPeriods = (executor: Executor, periodIds: string[]): Promise<ReportRow[]> =>
  periodIds.length === 0
    ? Promise.resolve([])
    : executor
        .select()
        .from(unitReport)
        .where(inArray(unitReport.periodId, periodIds))
        .orderBy(asc(unitReport.version));

export const listValues = (executor: Executor, reportIds: string[]): Promise<ValueRow[]> =>
  reportIds.length === 0
    ? Promise.resolve([])
    : executor.select().from(indicatorValue).where(inArray(indicatorValue.reportId, reportIds));

export const listTaskUpdates = (executor: Executor, reportIds: string[]): Promise<TaskUpdateRow[]> =>
  reportIds.length === 0
    ? Promise.resolve([])
    : executor.select().from(taskUpdate).where(inArray(taskUpdate.reportId, reportIds));

export const listAttachments = (executor: Executor, reportIds: string[]): Promise<AttachmentRow[]> =>
  reportIds.length === 0
    ? Promise.resolve([])
    : executor
        .select()
        .from(attachment)
        .where(inArray(attachment.reportId, reportIds))
        .orderBy(asc(attachment.uploadedAt));

export type RegimeRow = typeof reportingRegime.$inferSelect;

/** The reporting regimes of several plans at once. */
export const listRegimesOfPlans = (executor: Executor, planIds: string[]): Promise<RegimeRow[]> =>
  planIds.length === 0
    ? Promise.resolve([])
    : executor
        .select()
        .from(reportingRegime)
        .where(inArray(reportingRegime.planId, planIds))
        .orderBy(asc(reportingRegime.planId), asc(reportingRegime.position));

/** Active plans of the given localities (all when null), for "Việc của tôi" of the standing agency (one query). */
export const listActivePlansInLocalities = (executor: Executor, localityIds: string[] | null) =>
  localityIds != null && localityIds.length === 0
    ? Promise.resolve([])
    : executor
        .select()
        .from(plan)
        .where(
          and(eq(plan.status, 'active'), ...(localityIds ? [inArray(plan.localityId, localityIds)] : [])),
        );

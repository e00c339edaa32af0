import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  attachment,
  indicator,
  indicatorValue,
  reportingPeriod,
  task,
  taskUpdate,
  unit,
  unitReport,
} from '../../db/schema';

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

export const listPeriodsByIds = (executor: Executor, ids: string[]): Promise<PeriodRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : executor.select().from(reportingPeriod).where(inArray(reportingPeriod.id, ids));

export const findPeriodById = async (executor: Executor, id: string): Promise<PeriodRow | undefined> =>
  (await executor.select().from(reportingPeriod).where(eq(reportingPeriod.id, id)))[0];

/** Inserts periods that do not exist yet (by plan and key); existing ones are left as they are. */
export const insertMissingPeriods = async (
  executor: Executor,
  rows: Array<typeof reportingPeriod.$inferInsert>,
): Promise<void> => {
  if (rows.length === 0) return;
  await executor
    .insert(reportingPeriod)
    .values(rows)
    .onConflictDoNothing({ target: [reportingPeriod.planId, reportingPeriod.key] });
};

export const insertPeriod = async (
  executor: Executor,
  row: typeof reportingPeriod.$inferInsert,
): Promise<PeriodRow> => (await executor.insert(reportingPeriod).values(row).returning())[0]!;

/** The units that lead at least one indicator or task of the plan, with how many of each. */
export const listLeadUnitsOfPlan = async (
  executor: Executor,
  planId: string,
): Promise<Array<{ unitId: string; unitName: string; indicatorCount: number; taskCount: number }>> => {
  const indicatorCounts = await executor
    .select({ unitId: indicator.leadUnitId, n: sql<number>`count(*)::int` })
    .from(indicator)
    .where(and(eq(indicator.planId, planId), isNotNull(indicator.leadUnitId)))
    .groupBy(indicator.leadUnitId);
  const taskCounts = await executor
    .select({ unitId: task.leadUnitId, n: sql<number>`count(*)::int` })
    .from(task)
    .where(and(eq(task.planId, planId), isNotNull(task.leadUnitId)))
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

export const findReportById = async (executor: Executor, id: string): Promise<ReportRow | undefined> =>
  (await executor.select().from(unitReport).where(eq(unitReport.id, id)))[0];

/** Every version of a unit's report for a period, newest first. */
export const listReportVersions = (
  executor: Executor,
  periodId: string,
  unitId: string,
): Promise<ReportRow[]> =>
  executor
    .select()
    .from(unitReport)
    .where(and(eq(unitReport.periodId, periodId), eq(unitReport.unitId, unitId)))
    .orderBy(desc(unitReport.version));

/** The version that counts now: the newest one, which is never `superseded`. */
export const findCurrentReport = async (
  executor: Executor,
  periodId: string,
  unitId: string,
): Promise<ReportRow | undefined> => (await listReportVersions(executor, periodId, unitId))[0];

export const insertReport = async (
  executor: Executor,
  row: typeof unitReport.$inferInsert,
): Promise<ReportRow> => (await executor.insert(unitReport).values(row).returning())[0]!;

/**
 * Updates a report only if nobody changed it since `revision` (the optimistic lock), and moves the
 * revision on.
 *
 * @returns the updated row, or undefined when the revision no longer matches
 */
export const updateReportAtRevision = async (
  executor: Executor,
  id: string,
  revision: number,
  values: Partial<Omit<ReportRow, 'id' | 'revision'>>,
): Promise<ReportRow | undefined> =>
  (
    await executor
      .update(unitReport)
      .set({ ...values, revision: sql`${unitReport.revision} + 1` })
      .where(and(eq(unitReport.id, id), eq(unitReport.revision, revision)))
      .returning()
  )[0];

/** Marks the earlier accepted versions superseded once a correction is accepted. */
export const supersedeEarlierVersions = async (executor: Executor, report: ReportRow): Promise<void> => {
  await executor
    .update(unitReport)
    .set({ status: 'superseded', revision: sql`${unitReport.revision} + 1` })
    .where(
      and(
        eq(unitReport.periodId, report.periodId),
        eq(unitReport.unitId, report.unitId),
        ne(unitReport.id, report.id),
        eq(unitReport.status, 'accepted'),
      ),
    );
};

export const listValues = (executor: Executor, reportIds: string[]): Promise<ValueRow[]> =>
  reportIds.length === 0
    ? Promise.resolve([])
    : executor.select().from(indicatorValue).where(inArray(indicatorValue.reportId, reportIds));

export const listTaskUpdates = (executor: Executor, reportIds: string[]): Promise<TaskUpdateRow[]> =>
  reportIds.length === 0
    ? Promise.resolve([])
    : executor.select().from(taskUpdate).where(inArray(taskUpdate.reportId, reportIds));

export const replaceValues = async (
  executor: Executor,
  reportId: string,
  rows: Array<Omit<typeof indicatorValue.$inferInsert, 'id' | 'reportId'>>,
): Promise<void> => {
  await executor.delete(indicatorValue).where(eq(indicatorValue.reportId, reportId));
  if (rows.length) await executor.insert(indicatorValue).values(rows.map((row) => ({ ...row, reportId })));
};

export const replaceTaskUpdates = async (
  executor: Executor,
  reportId: string,
  rows: Array<Omit<typeof taskUpdate.$inferInsert, 'id' | 'reportId'>>,
): Promise<void> => {
  await executor.delete(taskUpdate).where(eq(taskUpdate.reportId, reportId));
  if (rows.length) await executor.insert(taskUpdate).values(rows.map((row) => ({ ...row, reportId })));
};

export const listAttachments = (executor: Executor, reportIds: string[]): Promise<AttachmentRow[]> =>
  reportIds.length === 0
    ? Promise.resolve([])
    : executor
        .select()
        .from(attachment)
        .where(inArray(attachment.reportId, reportIds))
        .orderBy(asc(attachment.uploadedAt));

export const findAttachmentById = async (
  executor: Executor,
  id: string,
): Promise<AttachmentRow | undefined> =>
  (await executor.select().from(attachment).where(eq(attachment.id, id)))[0];

export const insertAttachment = async (
  executor: Executor,
  row: typeof attachment.$inferInsert,
): Promise<AttachmentRow> => (await executor.insert(attachment).values(row).returning())[0]!;

export const deleteAttachment = async (executor: Executor, id: string): Promise<void> => {
  await executor.delete(attachment).where(eq(attachment.id, id));
};

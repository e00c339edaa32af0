/** SQL of the consolidated report and its approved versions. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { consolidatedReport, consolidatedReportVersion } from '../../db/schema';

export type ConsolidatedRow = typeof consolidatedReport.$inferSelect;
export type ConsolidatedVersionRow = typeof consolidatedReportVersion.$inferSelect;

export const findConsolidatedByPeriod = async (
  executor: Executor,
  periodId: string,
): Promise<ConsolidatedRow | undefined> =>
  (await executor.select().from(consolidatedReport).where(eq(consolidatedReport.periodId, periodId)))[0];

export const findConsolidatedById = async (
  executor: Executor,
  id: string,
): Promise<ConsolidatedRow | undefined> =>
  (await executor.select().from(consolidatedReport).where(eq(consolidatedReport.id, id)))[0];

export const insertConsolidated = async (
  executor: Executor,
  row: typeof consolidatedReport.$inferInsert,
): Promise<ConsolidatedRow> => (await executor.insert(consolidatedReport).values(row).returning())[0]!;

/** Updates the report if it is still at `revision`, moving the revision on; undefined when it moved. */
export const updateConsolidatedAtRevision = async (
  executor: Executor,
  id: string,
  revision: number,
  values: Partial<ConsolidatedRow>,
): Promise<ConsolidatedRow | undefined> =>
  (
    await executor
      .update(consolidatedReport)
      .set({ ...values, revision: sql`${consolidatedReport.revision} + 1` })
      .where(and(eq(consolidatedReport.id, id), eq(consolidatedReport.revision, revision)))
      .returning()
  )[0];

/** The approved versions of a report, oldest first. */
export const listApprovedVersions = async (
  executor: Executor,
  reportId: string | null | undefined,
): Promise<ConsolidatedVersionRow[]> =>
  reportId
    ? executor
        .select()
        .from(consolidatedReportVersion)
        .where(eq(consolidatedReportVersion.reportId, reportId))
        .orderBy(asc(consolidatedReportVersion.version))
    : [];

export const findApprovedVersion = async (
  executor: Executor,
  reportId: string,
  version: number,
): Promise<ConsolidatedVersionRow | undefined> =>
  (
    await executor
      .select()
      .from(consolidatedReportVersion)
      .where(
        and(eq(consolidatedReportVersion.reportId, reportId), eq(consolidatedReportVersion.version, version)),
      )
  )[0];

export const insertApprovedVersion = async (
  executor: Executor,
  row: typeof consolidatedReportVersion.$inferInsert,
): Promise<ConsolidatedVersionRow> =>
  (await executor.insert(consolidatedReportVersion).values(row).returning())[0]!;

export const updateApprovedVersion = async (
  executor: Executor,
  id: string,
  values: Partial<ConsolidatedVersionRow>,
): Promise<ConsolidatedVersionRow> =>
  (
    await executor
      .update(consolidatedReportVersion)
      .set(values)
      .where(eq(consolidatedReportVersion.id, id))
      .returning()
  )[0]!;

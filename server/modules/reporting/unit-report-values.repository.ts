/**
 * SQL of a report's figures beyond the report itself: the returns kept in its history, and the unit's
 * accepted values of the previous period shown beside the form.
 */
import { and, asc, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { appUser, indicatorValue, reportingPeriod, unitReport, unitReportReturn } from '../../db/schema';
import type { PeriodRow, ValueRow } from '../../shared/report-reads';

export type ReturnRow = typeof unitReportReturn.$inferSelect & { returnedByName: string | null };

export const insertReturn = async (
  executor: Executor,
  row: typeof unitReportReturn.$inferInsert,
): Promise<void> => {
  await executor.insert(unitReportReturn).values(row);
};

/** The returns of a report, oldest first, with who returned it. */
export const listReturns = async (executor: Executor, reportId: string): Promise<ReturnRow[]> =>
  (
    await executor
      .select({ row: unitReportReturn, returnedByName: appUser.displayName })
      .from(unitReportReturn)
      .leftJoin(appUser, eq(appUser.id, unitReportReturn.returnedBy))
      .where(eq(unitReportReturn.reportId, reportId))
      .orderBy(asc(unitReportReturn.returnedAt), asc(unitReportReturn.id))
  ).map(({ row, returnedByName }) => ({ ...row, returnedByName }));

/**
 * The unit's accepted values of the latest earlier period of the same plan (and of the same regime, when
 * the period comes from one), with that period's label; null when there is none.
 */
export const findPreviousAcceptedValues = async (
  executor: Executor,
  period: PeriodRow,
  unitId: string,
): Promise<{ periodLabel: string; values: ValueRow[] } | null> => {
  const [previous] = await executor
    .select({ reportId: unitReport.id, periodLabel: reportingPeriod.label })
    .from(unitReport)
    .innerJoin(reportingPeriod, eq(reportingPeriod.id, unitReport.periodId))
    .where(
      and(
        eq(reportingPeriod.planId, period.planId),
        lt(reportingPeriod.dataTo, period.dataTo),
        period.regimeId ? eq(reportingPeriod.regimeId, period.regimeId) : undefined,
        eq(unitReport.unitId, unitId),
        eq(unitReport.status, 'accepted'),
      ),
    )
    .orderBy(desc(reportingPeriod.dataTo), desc(unitReport.version))
    .limit(1);
  if (!previous) return null;
  const values = await executor
    .select()
    .from(indicatorValue)
    .where(eq(indicatorValue.reportId, previous.reportId));
  return { periodLabel: previous.periodLabel, values };
};

/** SQL of the publication decisions on consolidated reports. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { reportPublication } from '../../db/schema';

export type PublicationRow = typeof reportPublication.$inferSelect;

/** Every publication of a report, newest first. */
export const listPublicationsOfReport = (executor: Executor, reportId: string): Promise<PublicationRow[]> =>
  executor
    .select()
    .from(reportPublication)
    .where(eq(reportPublication.reportId, reportId))
    .orderBy(desc(reportPublication.publishedAt), desc(reportPublication.version));

/** The publication of a report in force (not withdrawn), if any. */
export const findPublicationInForce = async (
  executor: Executor,
  reportId: string,
): Promise<PublicationRow | undefined> =>
  (
    await executor
      .select()
      .from(reportPublication)
      .where(and(eq(reportPublication.reportId, reportId), isNull(reportPublication.withdrawnAt)))
  )[0];

export const insertPublication = async (
  executor: Executor,
  row: typeof reportPublication.$inferInsert,
): Promise<PublicationRow> => (await executor.insert(reportPublication).values(row).returning())[0]!;

/** Withdraws a publication still in force; undefined when it was withdrawn meanwhile. */
export const withdrawPublication = async (
  executor: Executor,
  id: string,
  values: { withdrawnAt: Date; withdrawnBy: string | null; withdrawReason: string },
): Promise<PublicationRow | undefined> =>
  (
    await executor
      .update(reportPublication)
      .set(values)
      .where(and(eq(reportPublication.id, id), isNull(reportPublication.withdrawnAt)))
      .returning()
  )[0];

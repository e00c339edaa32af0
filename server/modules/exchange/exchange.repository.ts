import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { locality, submissionPackage } from '../../db/schema';

export type SubmissionPackageRow = typeof submissionPackage.$inferSelect;

/** The package already received for the same commune, plan of origin, period and report version. */
export const findSubmissionPackage = async (
  executor: Executor,
  key: { localityId: string; sourcePlanId: string; periodKey: string; reportVersion: number },
): Promise<SubmissionPackageRow | undefined> =>
  (
    await executor
      .select()
      .from(submissionPackage)
      .where(
        and(
          eq(submissionPackage.localityId, key.localityId),
          eq(submissionPackage.sourcePlanId, key.sourcePlanId),
          eq(submissionPackage.periodKey, key.periodKey),
          eq(submissionPackage.reportVersion, key.reportVersion),
        ),
      )
  )[0];

export const insertSubmissionPackage = async (
  executor: Executor,
  row: typeof submissionPackage.$inferInsert,
): Promise<SubmissionPackageRow> => (await executor.insert(submissionPackage).values(row).returning())[0]!;

/** The packages received for the localities, newest period first, with each locality's name. */
export const listSubmissionPackages = async (executor: Executor, localityIds: string[]) => {
  if (!localityIds.length) return [];
  return executor
    .select({ row: submissionPackage, localityName: locality.name, localityKind: locality.kind })
    .from(submissionPackage)
    .innerJoin(locality, eq(locality.id, submissionPackage.localityId))
    .where(inArray(submissionPackage.localityId, localityIds))
    .orderBy(
      locality.code,
      desc(submissionPackage.periodKey),
      desc(submissionPackage.reportVersion),
      desc(submissionPackage.receivedAt),
    );
};

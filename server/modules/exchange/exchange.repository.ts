import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { instanceSigningKey, locality, registeredSigningKey, submissionPackage } from '../../db/schema';

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

export type InstanceSigningKeyRow = typeof instanceSigningKey.$inferSelect;
export type RegisteredSigningKeyRow = typeof registeredSigningKey.$inferSelect;

/** The instance's key pair (one row), or undefined before it is first needed. */
export const findInstanceSigningKey = async (
  executor: Executor,
): Promise<InstanceSigningKeyRow | undefined> =>
  (await executor.select().from(instanceSigningKey).where(eq(instanceSigningKey.name, 'package')))[0];

/** Stores the instance's key pair unless another process stored one first (then that one stays). */
export const insertInstanceSigningKeyOnce = async (
  executor: Executor,
  row: Omit<typeof instanceSigningKey.$inferInsert, 'name'>,
): Promise<void> => {
  await executor
    .insert(instanceSigningKey)
    .values({ ...row, name: 'package' })
    .onConflictDoNothing();
};

export const insertRegisteredSigningKey = async (
  executor: Executor,
  row: typeof registeredSigningKey.$inferInsert,
): Promise<RegisteredSigningKeyRow> =>
  (await executor.insert(registeredSigningKey).values(row).returning())[0]!;

export const findRegisteredSigningKeyById = async (
  executor: Executor,
  id: string,
): Promise<RegisteredSigningKeyRow | undefined> =>
  (await executor.select().from(registeredSigningKey).where(eq(registeredSigningKey.id, id)))[0];

/** The key registered for the locality with this fingerprint (revoked or not). */
export const findRegisteredSigningKey = async (
  executor: Executor,
  localityId: string,
  fingerprint: string,
): Promise<RegisteredSigningKeyRow | undefined> =>
  (
    await executor
      .select()
      .from(registeredSigningKey)
      .where(
        and(
          eq(registeredSigningKey.localityId, localityId),
          eq(registeredSigningKey.fingerprint, fingerprint),
        ),
      )
  )[0];

export const listRegisteredSigningKeys = (executor: Executor, localityId: string) =>
  executor
    .select()
    .from(registeredSigningKey)
    .where(eq(registeredSigningKey.localityId, localityId))
    .orderBy(desc(registeredSigningKey.createdAt));

export const revokeRegisteredSigningKey = async (
  executor: Executor,
  id: string,
  changes: { revokedAt: Date; revokedBy: string | null },
): Promise<RegisteredSigningKeyRow> =>
  (
    await executor
      .update(registeredSigningKey)
      .set(changes)
      .where(eq(registeredSigningKey.id, id))
      .returning()
  )[0]!;

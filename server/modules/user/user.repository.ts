import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { appUser, roleAssignment } from '../../db/schema';
import type { RoleAssignmentRow, UserRow } from '../../shared/accounts';

export const insertUser = async (executor: Executor, values: typeof appUser.$inferInsert): Promise<UserRow> =>
  (await executor.insert(appUser).values(values).returning())[0]!;

export const findAssignmentById = async (
  executor: Executor,
  id: string,
): Promise<RoleAssignmentRow | undefined> =>
  (await executor.select().from(roleAssignment).where(eq(roleAssignment.id, id)))[0];

export const insertAssignment = async (
  executor: Executor,
  values: typeof roleAssignment.$inferInsert,
): Promise<RoleAssignmentRow> => (await executor.insert(roleAssignment).values(values).returning())[0]!;

export const deleteAssignment = async (executor: Executor, id: string): Promise<void> => {
  await executor.delete(roleAssignment).where(eq(roleAssignment.id, id));
};

/** Users holding at least one role in one of the localities. */
export const listUsersWithRolesIn = async (executor: Executor, localityIds: string[]): Promise<UserRow[]> => {
  if (localityIds.length === 0) return [];
  const ids = executor
    .selectDistinct({ userId: roleAssignment.userId })
    .from(roleAssignment)
    .where(inArray(roleAssignment.localityId, localityIds));
  return executor.select().from(appUser).where(inArray(appUser.id, ids)).orderBy(asc(appUser.username));
};

export const listAllUsers = (executor: Executor): Promise<UserRow[]> =>
  executor.select().from(appUser).orderBy(asc(appUser.username));

import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { appUser, roleAssignment, session } from '../../db/schema';

export type UserRow = typeof appUser.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignment.$inferSelect;
export type SessionRow = typeof session.$inferSelect;

export const findUserById = async (executor: Executor, id: string): Promise<UserRow | undefined> =>
  (await executor.select().from(appUser).where(eq(appUser.id, id)))[0];

export const findUserByUsername = async (
  executor: Executor,
  username: string,
): Promise<UserRow | undefined> =>
  (await executor.select().from(appUser).where(eq(appUser.username, username)))[0];

export const insertUser = async (executor: Executor, values: typeof appUser.$inferInsert): Promise<UserRow> =>
  (await executor.insert(appUser).values(values).returning())[0]!;

export const updateUser = async (
  executor: Executor,
  id: string,
  values: Partial<Omit<UserRow, 'id' | 'createdAt'>>,
): Promise<UserRow> => (await executor.update(appUser).set(values).where(eq(appUser.id, id)).returning())[0]!;

export const listAssignmentsOfUsers = async (
  executor: Executor,
  userIds: string[],
): Promise<RoleAssignmentRow[]> =>
  userIds.length === 0
    ? []
    : executor
        .select()
        .from(roleAssignment)
        .where(inArray(roleAssignment.userId, userIds))
        .orderBy(asc(roleAssignment.createdAt));

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

export const insertSession = async (
  executor: Executor,
  values: typeof session.$inferInsert,
): Promise<void> => {
  await executor.insert(session).values(values);
};

export const findLiveSession = async (
  executor: Executor,
  id: string,
  now: Date,
): Promise<SessionRow | undefined> =>
  (
    await executor
      .select()
      .from(session)
      .where(and(eq(session.id, id), gt(session.expiresAt, now)))
  )[0];

export const extendSession = async (executor: Executor, id: string, expiresAt: Date): Promise<void> => {
  await executor.update(session).set({ expiresAt }).where(eq(session.id, id));
};

export const deleteSession = async (executor: Executor, id: string): Promise<void> => {
  await executor.delete(session).where(eq(session.id, id));
};

export const deleteSessionsOfUser = async (
  executor: Executor,
  userId: string,
  exceptId?: string,
): Promise<void> => {
  await executor
    .delete(session)
    .where(
      exceptId
        ? and(eq(session.userId, userId), sql`${session.id} <> ${exceptId}`)
        : eq(session.userId, userId),
    );
};

export const deleteExpiredSessions = async (executor: Executor, now: Date): Promise<void> => {
  await executor.delete(session).where(lt(session.expiresAt, now));
};

/**
 * User accounts as signing in, the user module and the reporting workflow read them, with the changes
 * both signing in and account management make (an account's fields, ending its sessions). The user
 * module owns creating accounts and role assignments; auth owns the sessions themselves.
 */
import { toSearchText } from '@core/domain/text';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { appUser, roleAssignment, session } from '../db/schema';
import { findLocalityChain } from './localities';

export type UserRow = typeof appUser.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignment.$inferSelect;

export const findUserById = async (executor: Executor, id: string): Promise<UserRow | undefined> =>
  (await executor.select().from(appUser).where(eq(appUser.id, id)))[0];

export const findUserByUsername = async (
  executor: Executor,
  username: string,
): Promise<UserRow | undefined> =>
  (await executor.select().from(appUser).where(eq(appUser.username, username)))[0];

/** What the user list's search finds an account by: display name, user name and e-mail, folded. */
export const userSearchText = (user: Pick<UserRow, 'displayName' | 'username' | 'email'>): string =>
  toSearchText(user.displayName, user.username, user.email);

/** Changes an account's fields; a new name, user name or e-mail is written into its search text too. */
export const updateUser = async (
  executor: Executor,
  id: string,
  values: Partial<Omit<UserRow, 'id' | 'createdAt' | 'searchText'>>,
): Promise<UserRow> => {
  const after = (await executor.update(appUser).set(values).where(eq(appUser.id, id)).returning())[0]!;
  const searchText = userSearchText(after);
  if (searchText === after.searchText) return after;
  return (await executor.update(appUser).set({ searchText }).where(eq(appUser.id, id)).returning())[0]!;
};

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

/** Ends every session of the user, or every one but `exceptId` (the one in use). */
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

/** Display names of users, by id. */
export const namesOfUsers = async (
  executor: Executor,
  ids: Array<string | null | undefined>,
): Promise<Map<string, string>> => {
  const wanted = [...new Set(ids.filter((id): id is string => id != null))];
  if (!wanted.length) return new Map();
  const rows = await executor
    .select({ id: appUser.id, name: appUser.displayName })
    .from(appUser)
    .where(inArray(appUser.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
};

/**
 * The locality an account's own events (signing in and out, changing the password) are filed under in
 * the audit trail: the deepest locality that covers every role the user holds (their commune when all
 * their roles are there, the province when they hold roles in two of its communes), so those who may
 * read that locality see them and no one else does.
 *
 * @returns null for a user with no role (the trail then shows the event to system administrators only)
 */
export const accountLocalityId = async (executor: Executor, userId: string): Promise<string | null> =>
  commonLocalityId(
    executor,
    (await listAssignmentsOfUsers(executor, [userId])).map((assignment) => assignment.localityId),
  );

/**
 * The deepest locality covering all of these (the account's roles' localities, before they are stored).
 * @returns null for none
 */
export const commonLocalityId = async (
  executor: Executor,
  localityIds: readonly string[],
): Promise<string | null> => {
  let common: string[] | null = null;
  for (const localityId of new Set(localityIds)) {
    // A chain runs from the locality up to the root; what two chains share is a common ancestry.
    const chain = await findLocalityChain(executor, localityId);
    common = common === null ? chain : common.filter((id) => chain.includes(id));
  }
  return common?.[0] ?? null;
};

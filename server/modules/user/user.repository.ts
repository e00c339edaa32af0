import type { TPageRequest } from '@core/schemas/common.schemas';
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { appUser, roleAssignment } from '../../db/schema';
import { type RoleAssignmentRow, type UserRow, userSearchText } from '../../shared/accounts';
import { likeAllTokens } from '../../shared/text-search';

export const insertUser = async (
  executor: Executor,
  values: Omit<typeof appUser.$inferInsert, 'searchText'>,
): Promise<UserRow> =>
  (
    await executor
      .insert(appUser)
      .values({ ...values, searchText: userSearchText({ email: null, ...values }) })
      .returning()
  )[0]!;

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

/**
 * One page of the users holding at least one role in one of the localities (every user when
 * `localityIds` is null), found by name, user name or e-mail without diacritics; ordered by name
 * without diacritics, then user name (unique: a stable order), with how many match in all.
 */
export const listUsers = async (
  executor: Executor,
  filter: { localityIds: string[] | null; query?: string },
  page: TPageRequest,
): Promise<{ rows: UserRow[]; total: number }> => {
  if (filter.localityIds?.length === 0) return { rows: [], total: 0 };
  const conditions: Array<SQL | undefined> = [];
  if (filter.localityIds) {
    const withRole = executor
      .selectDistinct({ userId: roleAssignment.userId })
      .from(roleAssignment)
      .where(inArray(roleAssignment.localityId, filter.localityIds));
    conditions.push(inArray(appUser.id, withRole));
  }
  if (filter.query) conditions.push(likeAllTokens(appUser.searchText, filter.query));
  const where = and(...conditions);
  const [counted] = await executor.select({ total: count() }).from(appUser).where(where);
  const total = Number(counted?.total ?? 0);
  if (total === 0 || page.offset >= total) return { rows: [], total };
  const rows = await executor
    .select()
    .from(appUser)
    .where(where)
    .orderBy(asc(appUser.searchText), asc(appUser.username), asc(appUser.id))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total };
};

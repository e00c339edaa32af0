/** Sign-in sessions (the cookie's row): created, found while live, extended, ended. */
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { appUser, type ROLES, session } from '../../db/schema';

export type SessionRow = typeof session.$inferSelect;

/** A role assignment as the session's read gives it: id, role, locality, unit. */
export type AssignmentTuple = [string, (typeof ROLES)[number], string, string | null];

/**
 * A live session with its user and the user's role assignments (oldest first, as
 * `listAssignmentsOfUsers` orders them), in one statement: what every signed-in request reads.
 */
export const findLiveSessionWithUser = async (
  executor: Executor,
  id: string,
  now: Date,
): Promise<
  { session: SessionRow; user: typeof appUser.$inferSelect; assignments: AssignmentTuple[] } | undefined
> => {
  const row = (
    await executor
      .select({
        session,
        user: appUser,
        assignments: sql<string>`coalesce((select json_agg(json_build_array(r.id, r.role, r.locality_id,
          r.unit_id) order by r.created_at) from role_assignment r where r.user_id = ${appUser.id}),
          '[]'::json)::text`,
      })
      .from(session)
      .innerJoin(appUser, eq(appUser.id, session.userId))
      .where(and(eq(session.id, id), gt(session.expiresAt, now)))
  )[0];
  return row && { ...row, assignments: JSON.parse(row.assignments) as AssignmentTuple[] };
};

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

export const deleteExpiredSessions = async (executor: Executor, now: Date): Promise<void> => {
  await executor.delete(session).where(lt(session.expiresAt, now));
};

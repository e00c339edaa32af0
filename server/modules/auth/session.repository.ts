/** Sign-in sessions (the cookie's row): created, found while live, extended, ended. */
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { session } from '../../db/schema';

export type SessionRow = typeof session.$inferSelect;

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

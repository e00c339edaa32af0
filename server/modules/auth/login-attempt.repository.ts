import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginAttempt } from '../../db/schema';

export type LoginAttemptRow = typeof loginAttempt.$inferSelect;

/** Records an attempt; the id lets a sign-in that succeeds mark its own attempt afterwards. */
export const insertLoginAttempt = async (
  executor: Executor,
  values: typeof loginAttempt.$inferInsert,
): Promise<string> =>
  (await executor.insert(loginAttempt).values(values).returning({ id: loginAttempt.id }))[0]!.id;

export const markLoginAttemptSucceeded = async (executor: Executor, id: string): Promise<void> => {
  await executor.update(loginAttempt).set({ succeeded: true }).where(eq(loginAttempt.id, id));
};

/**
 * The failed attempts for a folded user name since its last successful sign-in (and after `since`): how
 * many, and when the latest was. A failure at the very instant of the success still counts.
 */
export const findFailuresOfUsername = async (
  executor: Executor,
  usernameKey: string,
  since: Date,
): Promise<{ failures: number; lastFailureAt: Date | null }> => {
  const lastSuccess = executor
    .select({ at: sql`max(${loginAttempt.at})` })
    .from(loginAttempt)
    .where(and(eq(loginAttempt.usernameKey, usernameKey), eq(loginAttempt.succeeded, true)));
  const [row] = await executor
    .select({ failures: count(), lastFailureAt: sql<Date | string | null>`max(${loginAttempt.at})` })
    .from(loginAttempt)
    .where(
      and(
        eq(loginAttempt.usernameKey, usernameKey),
        eq(loginAttempt.succeeded, false),
        gt(loginAttempt.at, since),
        sql`${loginAttempt.at} >= coalesce((${lastSuccess}), ${since.toISOString()}::timestamptz)`,
      ),
    );
  return {
    failures: Number(row?.failures ?? 0),
    lastFailureAt: row?.lastFailureAt ? new Date(row.lastFailureAt) : null,
  };
};

/**
 * The failed attempts from one address since a time, newest first, at most `limit` of them (only their
 * times: the flood guard needs the count and when the oldest counted one leaves the window).
 */
export const listRecentFailuresFromIp = async (
  executor: Executor,
  ip: string,
  since: Date,
  limit: number,
): Promise<Date[]> =>
  (
    await executor
      .select({ at: loginAttempt.at })
      .from(loginAttempt)
      .where(and(eq(loginAttempt.ip, ip), eq(loginAttempt.succeeded, false), gt(loginAttempt.at, since)))
      .orderBy(desc(loginAttempt.at))
      .limit(limit)
  ).map((row) => row.at);

/** Tells whether the user name signed in successfully from the address since a time. */
export const hasSucceededFromIp = async (
  executor: Executor,
  usernameKey: string,
  ip: string,
  since: Date,
): Promise<boolean> =>
  (
    await executor
      .select({ id: loginAttempt.id })
      .from(loginAttempt)
      .where(
        and(
          eq(loginAttempt.usernameKey, usernameKey),
          eq(loginAttempt.ip, ip),
          eq(loginAttempt.succeeded, true),
          gt(loginAttempt.at, since),
        ),
      )
      .limit(1)
  ).length > 0;

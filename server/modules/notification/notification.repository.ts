import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  appUser,
  emailOutbox,
  indicator,
  notification,
  plan,
  reportingPeriod,
  roleAssignment,
  task,
  unit,
  unitReport,
} from '../../db/schema';

export type NotificationRow = typeof notification.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

/**
 * Inserts a notification unless one with the same dedupe key exists.
 *
 * @returns the new row, or undefined when the key was already taken (by this or another process)
 */
export const insertNotificationOnce = async (
  executor: Executor,
  row: typeof notification.$inferInsert,
): Promise<NotificationRow | undefined> =>
  (
    await executor
      .insert(notification)
      .values(row)
      .onConflictDoNothing({ target: notification.dedupeKey })
      .returning()
  )[0];

export const insertOutboxEmail = async (
  executor: Executor,
  row: typeof emailOutbox.$inferInsert,
): Promise<void> => {
  await executor.insert(emailOutbox).values(row);
};

/** The e-mail address of an active user, if they gave one. */
export const findUserEmail = async (executor: Executor, userId: string): Promise<string | null> =>
  (
    await executor
      .select({ email: appUser.email })
      .from(appUser)
      .where(and(eq(appUser.id, userId), eq(appUser.isDisabled, false)))
  )[0]?.email?.trim() || null;

/** A user's notifications, newest first. */
export const listNotificationsOfUser = (
  executor: Executor,
  userId: string,
  limit: number,
): Promise<NotificationRow[]> =>
  executor
    .select()
    .from(notification)
    .where(eq(notification.userId, userId))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit);

export const countUnreadOfUser = async (executor: Executor, userId: string): Promise<number> =>
  Number(
    (
      await executor
        .select({ n: count() })
        .from(notification)
        .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
    )[0]?.n ?? 0,
  );

/**
 * Marks one of the user's notifications read (keeping the first reading time).
 *
 * @returns the row, or undefined when it does not exist or belongs to someone else
 */
export const markNotificationRead = async (
  executor: Executor,
  userId: string,
  id: string,
  at: Date,
): Promise<NotificationRow | undefined> =>
  (
    await executor
      .update(notification)
      .set({ readAt: sql`coalesce(${notification.readAt}, ${at.toISOString()}::timestamptz)` })
      .where(and(eq(notification.id, id), eq(notification.userId, userId)))
      .returning()
  )[0];

/** @returns how many notifications were unread */
export const markAllNotificationsRead = async (
  executor: Executor,
  userId: string,
  at: Date,
): Promise<number> =>
  (
    await executor
      .update(notification)
      .set({ readAt: at })
      .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
      .returning({ id: notification.id })
  ).length;

/**
 * Active users holding a role in one of the localities of `chain` (a locality and its ancestors), for
 * unit officers only those of the given unit.
 */
export const listUsersWithRoleCovering = async (
  executor: Executor,
  chain: readonly string[],
  role: 'unit_officer' | 'standing_officer' | 'leader',
  unitId?: string,
): Promise<string[]> => {
  if (chain.length === 0) return [];
  const rows = await executor
    .selectDistinct({ userId: roleAssignment.userId })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .where(
      and(
        eq(roleAssignment.role, role),
        inArray(roleAssignment.localityId, [...chain]),
        unitId ? eq(roleAssignment.unitId, unitId) : undefined,
        eq(appUser.isDisabled, false),
      ),
    )
    .orderBy(asc(roleAssignment.userId));
  return rows.map((row) => row.userId);
};

export type ReminderCandidate = {
  periodId: string;
  periodLabel: string;
  dueDate: string;
  planId: string;
  planTitle: string;
  localityId: string;
  unitId: string;
  unitName: string;
};

/**
 * For the periods of active plans due between two dates, the units that must report (they lead an
 * indicator or a task of the plan) and have no submitted or accepted version of their report.
 * Ordered, so that concurrent scans take their locks in the same order.
 */
export const listMissingReports = async (
  executor: Executor,
  dueFrom: string,
  dueTo: string,
): Promise<ReminderCandidate[]> => {
  const leadUnits = sql`(
    select ${indicator.planId} as plan_id, ${indicator.leadUnitId} as unit_id from ${indicator}
      where ${indicator.leadUnitId} is not null
    union
    select ${task.planId}, ${task.leadUnitId} from ${task} where ${task.leadUnitId} is not null
  )`;
  const rows = await executor
    .select({
      periodId: reportingPeriod.id,
      periodLabel: reportingPeriod.label,
      dueDate: reportingPeriod.dueDate,
      planId: plan.id,
      planTitle: plan.title,
      localityId: plan.localityId,
      unitId: unit.id,
      unitName: unit.name,
    })
    .from(reportingPeriod)
    .innerJoin(plan, eq(plan.id, reportingPeriod.planId))
    .innerJoin(sql`${leadUnits} as lead`, sql`lead.plan_id = ${plan.id}`)
    .innerJoin(unit, sql`${unit.id} = lead.unit_id`)
    .where(
      and(
        eq(plan.status, 'active'),
        sql`${reportingPeriod.dueDate} >= ${dueFrom}`,
        lte(reportingPeriod.dueDate, dueTo),
        sql`not exists (select 1 from ${unitReport} where ${unitReport.periodId} = ${reportingPeriod.id}
          and ${unitReport.unitId} = ${unit.id} and ${unitReport.status} in ('submitted', 'accepted'))`,
      ),
    )
    .orderBy(asc(reportingPeriod.dueDate), asc(reportingPeriod.id), asc(unit.id));
  return rows;
};

/** Active plans, for the scan to create the periods their regimes call for. */
export const listActivePlans = (executor: Executor) =>
  executor.select().from(plan).where(eq(plan.status, 'active')).orderBy(asc(plan.id));

import { and, asc, count, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  appUser,
  emailOutbox,
  indicator,
  notification,
  plan,
  reminderSent,
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

export type ReminderStage = 'due-soon' | 'overdue';

export type ReminderCandidate = {
  periodId: string;
  periodLabel: string;
  dueDate: string;
  planId: string;
  planTitle: string;
  localityId: string;
  unitId: string;
  unitName: string;
  stage: ReminderStage;
};

/**
 * The reminders still to send on a day: for the periods of active plans due up to `dueTo`, the units
 * that must report (they lead an indicator or a task of the plan), have no submitted or accepted
 * version of their report, and have not had this stage's reminder yet (`reminder_sent`). A period due
 * before `today` calls for "overdue", else "due-soon". Periods of a regime that fell due before the plan
 * was entered are left out (nobody could file them here); ad hoc periods never are. Ordered, so that
 * concurrent scans take their locks in the same order; at most `limit` rows, the rest for the next scan.
 */
export const listRemindersToSend = async (
  executor: Executor,
  today: string,
  dueTo: string,
  limit: number,
): Promise<ReminderCandidate[]> => {
  const leadUnits = sql`(
    select ${indicator.planId} as plan_id, ${indicator.leadUnitId} as unit_id from ${indicator}
      where ${indicator.leadUnitId} is not null
    union
    select ${task.planId}, ${task.leadUnitId} from ${task} where ${task.leadUnitId} is not null
  )`;
  const stage = sql<ReminderStage>`case when ${reportingPeriod.dueDate} < ${today} then 'overdue' else 'due-soon' end`;
  // The day the plan was entered, in Vietnam (UTC+7 all year).
  const enteredOn = sql`((${plan.createdAt} at time zone 'UTC') + interval '7 hours')::date`;
  return executor
    .select({
      periodId: reportingPeriod.id,
      periodLabel: reportingPeriod.label,
      dueDate: reportingPeriod.dueDate,
      planId: plan.id,
      planTitle: plan.title,
      localityId: plan.localityId,
      unitId: unit.id,
      unitName: unit.name,
      stage,
    })
    .from(reportingPeriod)
    .innerJoin(plan, eq(plan.id, reportingPeriod.planId))
    .innerJoin(sql`${leadUnits} as lead`, sql`lead.plan_id = ${plan.id}`)
    .innerJoin(unit, sql`${unit.id} = lead.unit_id`)
    .where(
      and(
        eq(plan.status, 'active'),
        lte(reportingPeriod.dueDate, dueTo),
        sql`(${reportingPeriod.regimeId} is null or ${reportingPeriod.dueDate} >= ${enteredOn})`,
        sql`not exists (select 1 from ${unitReport} where ${unitReport.periodId} = ${reportingPeriod.id}
          and ${unitReport.unitId} = ${unit.id} and ${unitReport.status} in ('submitted', 'accepted'))`,
        sql`not exists (select 1 from ${reminderSent} where ${reminderSent.periodId} = ${reportingPeriod.id}
          and ${reminderSent.unitId} = ${unit.id} and ${reminderSent.stage} = ${stage})`,
      ),
    )
    .orderBy(asc(reportingPeriod.dueDate), asc(reportingPeriod.id), asc(unit.id))
    .limit(limit);
};

/** Records that a stage's reminder of a unit's report has been sent (once: a second insert does nothing). */
export const markReminderSent = async (
  executor: Executor,
  row: { periodId: string; unitId: string; stage: ReminderStage; sentAt: Date },
): Promise<void> => {
  await executor.insert(reminderSent).values(row).onConflictDoNothing();
};

/**
 * The active users holding unit-officer or standing-officer roles in any of the given localities, for the
 * reminder scan to pick each candidate's recipients in memory (one query for a whole batch).
 */
export const listReminderRecipients = (executor: Executor, localityIds: readonly string[]) =>
  localityIds.length === 0
    ? Promise.resolve([])
    : executor
        .selectDistinct({
          userId: roleAssignment.userId,
          role: roleAssignment.role,
          localityId: roleAssignment.localityId,
          unitId: roleAssignment.unitId,
        })
        .from(roleAssignment)
        .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
        .where(
          and(
            inArray(roleAssignment.role, ['unit_officer', 'standing_officer']),
            inArray(roleAssignment.localityId, [...localityIds]),
            eq(appUser.isDisabled, false),
          ),
        )
        .orderBy(asc(roleAssignment.userId));

/** Active plans, for the scan to create the periods their regimes call for. */
export const listActivePlans = (executor: Executor) =>
  executor.select().from(plan).where(eq(plan.status, 'active')).orderBy(asc(plan.id));

import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import {
  appUser,
  attachment,
  consolidatedReport,
  indicator,
  indicatorValue,
  locality,
  plan,
  reportingPeriod,
  task,
  taskUpdate,
  unit,
  unitReport,
} from '../../db/schema';
import type { AttachmentRow, PeriodRow, ReportRow } from '../../shared/report-reads';

export const listPeriodsByIds = (executor: Executor, ids: string[]): Promise<PeriodRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : executor.select().from(reportingPeriod).where(inArray(reportingPeriod.id, ids));

/** Inserts periods that do not exist yet (by plan and key); existing ones are left as they are. */
export const insertMissingPeriods = async (
  executor: Executor,
  rows: Array<typeof reportingPeriod.$inferInsert>,
): Promise<void> => {
  if (rows.length === 0) return;
  await executor
    .insert(reportingPeriod)
    .values(rows)
    .onConflictDoNothing({ target: [reportingPeriod.planId, reportingPeriod.key] });
};

export const insertPeriod = async (
  executor: Executor,
  row: typeof reportingPeriod.$inferInsert,
): Promise<PeriodRow> => (await executor.insert(reportingPeriod).values(row).returning())[0]!;

export const findReportById = async (executor: Executor, id: string): Promise<ReportRow | undefined> =>
  (await executor.select().from(unitReport).where(eq(unitReport.id, id)))[0];

/** Every version of a unit's report for a period, newest first. */
export const listReportVersions = (
  executor: Executor,
  periodId: string,
  unitId: string,
): Promise<ReportRow[]> =>
  executor
    .select()
    .from(unitReport)
    .where(and(eq(unitReport.periodId, periodId), eq(unitReport.unitId, unitId)))
    .orderBy(desc(unitReport.version));

/** The version that counts now: the newest one, which is never `superseded`. */
export const findCurrentReport = async (
  executor: Executor,
  periodId: string,
  unitId: string,
): Promise<ReportRow | undefined> => (await listReportVersions(executor, periodId, unitId))[0];

export const insertReport = async (
  executor: Executor,
  row: typeof unitReport.$inferInsert,
): Promise<ReportRow> => (await executor.insert(unitReport).values(row).returning())[0]!;

/**
 * Updates a report only if nobody changed it since `revision` (the optimistic lock), and moves the
 * revision on.
 *
 * @returns the updated row, or undefined when the revision no longer matches
 */
export const updateReportAtRevision = async (
  executor: Executor,
  id: string,
  revision: number,
  values: Partial<Omit<ReportRow, 'id' | 'revision'>>,
): Promise<ReportRow | undefined> =>
  (
    await executor
      .update(unitReport)
      .set({ ...values, revision: sql`${unitReport.revision} + 1` })
      .where(and(eq(unitReport.id, id), eq(unitReport.revision, revision)))
      .returning()
  )[0];

/** Marks the earlier accepted versions superseded once a correction is accepted. */
export const supersedeEarlierVersions = async (executor: Executor, report: ReportRow): Promise<void> => {
  await executor
    .update(unitReport)
    .set({ status: 'superseded', revision: sql`${unitReport.revision} + 1` })
    .where(
      and(
        eq(unitReport.periodId, report.periodId),
        eq(unitReport.unitId, report.unitId),
        ne(unitReport.id, report.id),
        eq(unitReport.status, 'accepted'),
      ),
    );
};

export const replaceValues = async (
  executor: Executor,
  reportId: string,
  rows: Array<Omit<typeof indicatorValue.$inferInsert, 'id' | 'reportId'>>,
): Promise<void> => {
  await executor.delete(indicatorValue).where(eq(indicatorValue.reportId, reportId));
  if (rows.length) await executor.insert(indicatorValue).values(rows.map((row) => ({ ...row, reportId })));
};

export const replaceTaskUpdates = async (
  executor: Executor,
  reportId: string,
  rows: Array<Omit<typeof taskUpdate.$inferInsert, 'id' | 'reportId'>>,
): Promise<void> => {
  await executor.delete(taskUpdate).where(eq(taskUpdate.reportId, reportId));
  if (rows.length) await executor.insert(taskUpdate).values(rows.map((row) => ({ ...row, reportId })));
};

export const findAttachmentById = async (
  executor: Executor,
  id: string,
): Promise<AttachmentRow | undefined> =>
  (await executor.select().from(attachment).where(eq(attachment.id, id)))[0];

export const insertAttachment = async (
  executor: Executor,
  row: typeof attachment.$inferInsert,
): Promise<AttachmentRow> => (await executor.insert(attachment).values(row).returning())[0]!;

export const deleteAttachment = async (executor: Executor, id: string): Promise<void> => {
  await executor.delete(attachment).where(eq(attachment.id, id));
};

/** The plan a piece of work belongs to, as "Việc của tôi" names it. */
const planColumns = {
  planId: plan.id,
  planTitle: plan.title,
  planNumber: plan.number,
  localityName: locality.name,
};

/**
 * Plans and units that lead at least one of their indicators or tasks, with `since`: when the unit's
 * obligation began — null when it leads something from the plan's start (every indicator, a task given
 * at set-up), else the earliest later assignment of a task (the unit reports from then on).
 */
const leadUnitsOfPlans = sql`(
  select led.plan_id, led.unit_id,
    case when bool_or(led.since is null) then null else min(led.since) end as since
  from (
    select ${indicator.planId} as plan_id, ${indicator.leadUnitId} as unit_id, null::timestamptz as since
      from ${indicator} where ${indicator.leadUnitId} is not null
    union all
    select ${task.planId}, ${task.leadUnitId}, ${task.leadAssignedAt} from ${task}
      where ${task.leadUnitId} is not null
  ) as led
  group by led.plan_id, led.unit_id
)`;

/** Whether a period's due date falls on or after the day (in Vietnam) a unit's obligation began. */
const dueSinceObligation = sql`(lead.since is null
  or ${reportingPeriod.dueDate} >= (lead.since at time zone 'Asia/Ho_Chi_Minh')::date)`;

/** Active plans in which one of the units leads an indicator or a task (one query). */
export const listActivePlansLedBy = (executor: Executor, unitIds: string[]) =>
  unitIds.length === 0
    ? Promise.resolve([])
    : executor
        .select({ plan })
        .from(plan)
        .where(
          and(
            eq(plan.status, 'active'),
            sql`exists (select 1 from ${leadUnitsOfPlans} as lead where lead.plan_id = ${plan.id}
              and lead.unit_id in (${sql.join(
                unitIds.map((id) => sql`${id}`),
                sql`, `,
              )}))`,
          ),
        )
        .then((rows) => rows.map((row) => row.plan));

/**
 * Every period that has started (by its data window or its own dates) of the active plans, for the
 * units among `unitIds` that must report in it, with the plan and the unit (one query).
 */
export const listStartedObligationsOfUnits = (executor: Executor, unitIds: string[], today: string) =>
  unitIds.length === 0
    ? Promise.resolve([])
    : executor
        .select({
          period: reportingPeriod,
          ...planColumns,
          unitId: unit.id,
          unitName: unit.name,
        })
        .from(reportingPeriod)
        .innerJoin(plan, eq(plan.id, reportingPeriod.planId))
        .innerJoin(locality, eq(locality.id, plan.localityId))
        .innerJoin(sql`${leadUnitsOfPlans} as lead`, sql`lead.plan_id = ${plan.id}`)
        .innerJoin(unit, sql`${unit.id} = lead.unit_id`)
        .where(
          and(
            eq(plan.status, 'active'),
            inArray(unit.id, unitIds),
            sql`(${reportingPeriod.dataFrom} <= ${today} or ${reportingPeriod.periodStart} <= ${today})`,
            dueSinceObligation,
          ),
        )
        .orderBy(asc(reportingPeriod.dueDate), asc(plan.title), asc(unit.name));

/** Every version of the reports of some units in some periods (one query), oldest version first. */
export const listReportsOfUnitsInPeriods = (
  executor: Executor,
  periodIds: string[],
  unitIds: string[],
): Promise<ReportRow[]> =>
  periodIds.length === 0 || unitIds.length === 0
    ? Promise.resolve([])
    : executor
        .select()
        .from(unitReport)
        .where(and(inArray(unitReport.periodId, periodIds), inArray(unitReport.unitId, unitIds)))
        .orderBy(asc(unitReport.version));

/**
 * Reports submitted and waiting for review in plans of the given localities (all when null), oldest
 * submission first, with their period, plan and unit (one query).
 */
export const listReportsAwaitingReview = (executor: Executor, localityIds: string[] | null) =>
  localityIds != null && localityIds.length === 0
    ? Promise.resolve([])
    : executor
        .select({
          report: unitReport,
          period: reportingPeriod,
          ...planColumns,
          unitName: unit.name,
        })
        .from(unitReport)
        .innerJoin(reportingPeriod, eq(reportingPeriod.id, unitReport.periodId))
        .innerJoin(plan, eq(plan.id, reportingPeriod.planId))
        .innerJoin(locality, eq(locality.id, plan.localityId))
        .innerJoin(unit, eq(unit.id, unitReport.unitId))
        .where(
          and(
            eq(unitReport.status, 'submitted'),
            ...(localityIds ? [inArray(plan.localityId, localityIds)] : []),
          ),
        )
        .orderBy(asc(unitReport.submittedAt), asc(unit.name));

const sentByUser = alias(appUser, 'sent_by_user');
const decidedByUser = alias(appUser, 'decided_by_user');

/**
 * The consolidated reports in one status in plans of the given localities (all when null), with their
 * period, plan, and who sent and decided them; oldest sending first (one query).
 */
export const listConsolidatedReportsInStatus = (
  executor: Executor,
  localityIds: string[] | null,
  status: 'sent' | 'returned',
) =>
  localityIds != null && localityIds.length === 0
    ? Promise.resolve([])
    : executor
        .select({
          report: consolidatedReport,
          period: reportingPeriod,
          ...planColumns,
          sentByName: sentByUser.displayName,
          decidedByName: decidedByUser.displayName,
        })
        .from(consolidatedReport)
        .innerJoin(reportingPeriod, eq(reportingPeriod.id, consolidatedReport.periodId))
        .innerJoin(plan, eq(plan.id, reportingPeriod.planId))
        .innerJoin(locality, eq(locality.id, plan.localityId))
        .leftJoin(sentByUser, eq(sentByUser.id, consolidatedReport.sentBy))
        .leftJoin(decidedByUser, eq(decidedByUser.id, consolidatedReport.decidedBy))
        .where(
          and(
            eq(consolidatedReport.status, status),
            ...(localityIds ? [inArray(plan.localityId, localityIds)] : []),
          ),
        )
        .orderBy(asc(consolidatedReport.sentAt), asc(reportingPeriod.dueDate), asc(plan.title));

/**
 * Periods of the active plans of the given localities whose due date has passed and whose consolidated
 * report was never started or is still a draft, with that draft if any; oldest due date first (one query).
 */
export const listPeriodsAwaitingConsolidation = (
  executor: Executor,
  localityIds: string[] | null,
  today: string,
) =>
  localityIds != null && localityIds.length === 0
    ? Promise.resolve([])
    : executor
        .select({ report: consolidatedReport, period: reportingPeriod, ...planColumns })
        .from(reportingPeriod)
        .innerJoin(plan, eq(plan.id, reportingPeriod.planId))
        .innerJoin(locality, eq(locality.id, plan.localityId))
        .leftJoin(consolidatedReport, eq(consolidatedReport.periodId, reportingPeriod.id))
        .where(
          and(
            eq(plan.status, 'active'),
            ...(localityIds ? [inArray(plan.localityId, localityIds)] : []),
            sql`${reportingPeriod.dueDate} < ${today}`,
            or(isNull(consolidatedReport.id), eq(consolidatedReport.status, 'draft')),
          ),
        )
        .orderBy(asc(reportingPeriod.dueDate), asc(plan.title));

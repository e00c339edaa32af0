import { toSearchText } from '@core/domain/text';
import type { TPageRequest } from '@core/schemas/common.schemas';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import {
  indicator,
  locality,
  plan,
  planReference,
  reportingPeriod,
  reportingRegime,
  task,
  unitReport,
} from '../../db/schema';
import { type PlanRow, replaceOrderedRows } from '../../shared/plan-contents';
import { likeAllTokens, searchableWrites } from '../../shared/text-search';

export type PlanReferenceRow = typeof planReference.$inferSelect;
export type ReportingRegimeRow = typeof reportingRegime.$inferSelect;
export type PlanSummaryRow = PlanRow & { localityName: string; indicatorCount: number; taskCount: number };
type PlanValues = Omit<typeof plan.$inferInsert, 'id' | 'searchText' | 'createdAt' | 'updatedAt'>;

const searchTextOf = (values: { number?: string | null; title: string; issuer: string }) =>
  toSearchText(values.number, values.issuer, values.title);

const planConditions = (filter: {
  id?: string;
  query?: string;
  localityId?: string;
  localityIds?: string[];
}): SQL | undefined => {
  const conditions: Array<SQL | undefined> = [];
  if (filter.localityIds) conditions.push(inArray(plan.localityId, filter.localityIds));
  if (filter.id) conditions.push(eq(plan.id, filter.id));
  if (filter.localityId) conditions.push(eq(plan.localityId, filter.localityId));
  if (filter.query) conditions.push(likeAllTokens(plan.searchText, filter.query));
  return and(...conditions);
};

/**
 * Plans with their locality's name and counts, newest first (then by title, then id: a stable order);
 * one page of them when `page` is given.
 */
export const listPlanSummaries = async (
  executor: Executor,
  filter: { id?: string; query?: string; localityId?: string; localityIds?: string[] },
  page?: TPageRequest,
): Promise<PlanSummaryRow[]> => {
  if (filter.localityIds?.length === 0) return [];
  const query = executor
    .select({
      plan,
      localityName: locality.name,
      indicatorCount: sql<number>`(select count(*) from ${indicator} where ${indicator.planId} = ${plan.id})::int`,
      taskCount: sql<number>`(select count(*) from ${task} where ${task.planId} = ${plan.id})::int`,
    })
    .from(plan)
    .innerJoin(locality, eq(locality.id, plan.localityId))
    .where(planConditions(filter))
    .orderBy(desc(plan.issuedDate), asc(plan.title), asc(plan.id))
    .$dynamic();
  const rows = await (page ? query.limit(page.limit).offset(page.offset) : query);
  return rows.map((row) => ({
    ...row.plan,
    localityName: row.localityName,
    indicatorCount: Number(row.indicatorCount),
    taskCount: Number(row.taskCount),
  }));
};

/** How many plans match the filter (what a paged list reports as its total). */
export const countPlans = async (
  executor: Executor,
  filter: { query?: string; localityId?: string; localityIds?: string[] },
): Promise<number> => {
  if (filter.localityIds?.length === 0) return 0;
  const [row] = await executor.select({ total: count() }).from(plan).where(planConditions(filter));
  return Number(row?.total ?? 0);
};

export const findPlansByIds = async (executor: Executor, ids: string[]): Promise<PlanRow[]> =>
  ids.length === 0 ? [] : executor.select().from(plan).where(inArray(plan.id, ids));

/** How a plan number compares: case and spaces do not matter ("54/KH-UBND" = "54 / kh-ubnd"). */
const numberKey = (value: AnyPgColumn | string) => sql`lower(regexp_replace(${value}, '\\s+', '', 'g'))`;

/** Whether another plan of the locality already carries this number. */
export const isPlanNumberTaken = async (
  executor: Executor,
  localityId: string,
  number: string,
  exceptPlanId: string | null,
): Promise<boolean> => {
  const rows = await executor
    .select({ id: plan.id })
    .from(plan)
    .where(
      and(
        eq(plan.localityId, localityId),
        sql`${numberKey(plan.number)} = ${numberKey(number)}`,
        exceptPlanId ? sql`${plan.id} <> ${exceptPlanId}` : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
};

/** Whether any unit has a report (of any status) for a period of the plan. */
export const planHasReports = async (executor: Executor, planId: string): Promise<boolean> => {
  const rows = await executor
    .select({ id: unitReport.id })
    .from(unitReport)
    .innerJoin(reportingPeriod, eq(reportingPeriod.id, unitReport.periodId))
    .where(eq(reportingPeriod.planId, planId))
    .limit(1);
  return rows.length > 0;
};

const writes = searchableWrites<PlanRow, PlanValues, 'number' | 'title' | 'issuer'>(
  plan,
  ['number', 'title', 'issuer'],
  searchTextOf,
);

/** Inserts a plan with its search text. */
export const insertPlan = writes.insert;

/** Changes a plan's fields (those named) and its search text. */
export const updatePlan = writes.update;

export const deletePlan = async (executor: Executor, id: string): Promise<void> => {
  await executor.delete(plan).where(eq(plan.id, id));
};

export const listPlanReferences = (executor: Executor, planId: string): Promise<PlanReferenceRow[]> =>
  executor
    .select()
    .from(planReference)
    .where(eq(planReference.planId, planId))
    .orderBy(asc(planReference.kind), asc(planReference.position));

export const replacePlanReferences = (
  executor: Executor,
  planId: string,
  references: Array<Omit<typeof planReference.$inferInsert, 'id' | 'planId' | 'position'>>,
): Promise<void> => replaceOrderedRows(executor, planReference, 'planId', planId, references);

export const listReportingRegimes = (executor: Executor, planId: string): Promise<ReportingRegimeRow[]> =>
  executor
    .select()
    .from(reportingRegime)
    .where(eq(reportingRegime.planId, planId))
    .orderBy(asc(reportingRegime.position));

export const replaceReportingRegimes = (
  executor: Executor,
  planId: string,
  regimes: Array<Omit<typeof reportingRegime.$inferInsert, 'id' | 'planId' | 'position'>>,
): Promise<void> => replaceOrderedRows(executor, reportingRegime, 'planId', planId, regimes);

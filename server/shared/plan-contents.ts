/**
 * What a plan holds, read by every module that shows or evaluates a plan (the plan page, reports,
 * the dashboard, the overview): its row, its indicators with their targets and its tasks, each with
 * group name and coordinating units. The plan, indicator and task modules own the writes.
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import {
  indicator,
  indicatorGroup,
  indicatorTarget,
  indicatorUnit,
  plan,
  task,
  taskGroup,
  taskUnit,
} from '../db/schema';

export type PlanRow = typeof plan.$inferSelect;

/** Marks the plan changed (its indicators or tasks were edited). */
export const touchPlan = async (executor: Executor, id: string, at: Date): Promise<void> => {
  await executor.update(plan).set({ updatedAt: at }).where(eq(plan.id, id));
};

/** The position after the last of a plan's indicators, tasks or their groups (0 for the first). */
export const nextPositionInPlan = async (
  executor: Executor,
  table: typeof indicator | typeof indicatorGroup | typeof task | typeof taskGroup,
  planId: string,
): Promise<number> => {
  const [last] = await executor
    .select({ position: max(table.position) })
    .from(table)
    .where(eq(table.planId, planId));
  return (last?.position ?? -1) + 1;
};

/**
 * Replaces the ordered rows under a parent (a plan's references or reporting regimes, the coordinating
 * units of an indicator or a task): the old rows go, the new ones are inserted in their order.
 *
 * @param parent - the table's column naming the parent (`planId`, `indicatorId`, `taskId`)
 */
export const replaceOrderedRows = async <Table extends PgTable, Parent extends keyof Table & string>(
  executor: Executor,
  table: Table,
  parent: Parent,
  parentId: string,
  rows: object[],
): Promise<void> => {
  await executor.delete(table).where(eq(table[parent] as AnyPgColumn, parentId));
  if (rows.length === 0) return;
  await executor
    .insert(table)
    .values(rows.map((row, position) => ({ ...row, [parent]: parentId, position })) as never);
};

/**
 * The plan's group (of indicators or of tasks) of that name, created at the end when there is none yet.
 * Two people adding the first row of a new group at once both get the one group: the second insert
 * waits for the first and finds it, instead of failing on the unique name.
 */
export const findOrCreateGroup = async (
  executor: Executor,
  table: typeof indicatorGroup | typeof taskGroup,
  planId: string,
  name: string,
): Promise<{ id: string; planId: string; name: string; position: number }> => {
  const existing = async () =>
    (
      await executor
        .select()
        .from(table)
        .where(and(eq(table.planId, planId), eq(table.name, name)))
    )[0];
  const found = await existing();
  if (found) return found;
  const position = await nextPositionInPlan(executor, table, planId);
  const [created] = await executor
    .insert(table)
    .values({ planId, name, position })
    .onConflictDoNothing({ target: [table.planId, table.name] })
    .returning();
  return created ?? (await existing())!;
};

/** The names of the groups (of indicators or of tasks) the rows belong to, by group id. */
const groupNamesOf = async (
  executor: Executor,
  table: typeof indicatorGroup | typeof taskGroup,
  rows: ReadonlyArray<{ groupId: string | null }>,
): Promise<Map<string, string>> => {
  const ids = [...new Set(rows.map((row) => row.groupId).filter((id): id is string => id != null))];
  if (ids.length === 0) return new Map();
  const groups = await executor
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(inArray(table.id, ids));
  return new Map(groups.map((group) => [group.id, group.name]));
};

export type IndicatorRow = typeof indicator.$inferSelect;
export type TargetRow = typeof indicatorTarget.$inferSelect;
export type IndicatorGroupRow = typeof indicatorGroup.$inferSelect;
export type IndicatorWithChildren = IndicatorRow & {
  groupName: string | null;
  targets: TargetRow[];
  coordinatingUnitIds: string[];
};

export const listIndicatorGroups = (executor: Executor, planId: string): Promise<IndicatorGroupRow[]> =>
  executor
    .select()
    .from(indicatorGroup)
    .where(eq(indicatorGroup.planId, planId))
    .orderBy(asc(indicatorGroup.position));

/** Loads indicators with their group name, targets (by year) and coordinating units (in printed order). */
export const indicatorsWithChildren = async (
  executor: Executor,
  rows: IndicatorRow[],
): Promise<IndicatorWithChildren[]> => {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  // Sequential on purpose: inside a transaction there is one connection, and pg refuses overlapping queries on it.
  const targets = await executor
    .select()
    .from(indicatorTarget)
    .where(inArray(indicatorTarget.indicatorId, ids))
    .orderBy(asc(indicatorTarget.year));
  const links = await executor
    .select()
    .from(indicatorUnit)
    .where(inArray(indicatorUnit.indicatorId, ids))
    .orderBy(asc(indicatorUnit.position));
  const groupNames = await groupNamesOf(executor, indicatorGroup, rows);
  return rows.map((row) => ({
    ...row,
    groupName: row.groupId ? (groupNames.get(row.groupId) ?? null) : null,
    targets: targets.filter((target) => target.indicatorId === row.id),
    coordinatingUnitIds: links.filter((link) => link.indicatorId === row.id).map((link) => link.unitId),
  }));
};

export const listIndicatorsByPlan = async (
  executor: Executor,
  planId: string,
): Promise<IndicatorWithChildren[]> =>
  indicatorsWithChildren(
    executor,
    await executor
      .select()
      .from(indicator)
      .where(eq(indicator.planId, planId))
      .orderBy(asc(indicator.position)),
  );

export type TaskRow = typeof task.$inferSelect;
export type TaskGroupRow = typeof taskGroup.$inferSelect;
export type TaskWithChildren = TaskRow & { groupName: string | null; coordinatingUnitIds: string[] };

export const listTaskGroups = (executor: Executor, planId: string): Promise<TaskGroupRow[]> =>
  executor.select().from(taskGroup).where(eq(taskGroup.planId, planId)).orderBy(asc(taskGroup.position));

/** Loads tasks with their group name and coordinating units (in printed order). */
export const tasksWithChildren = async (executor: Executor, rows: TaskRow[]): Promise<TaskWithChildren[]> => {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  // Sequential on purpose: inside a transaction there is one connection, and pg refuses overlapping queries on it.
  const links = await executor
    .select()
    .from(taskUnit)
    .where(inArray(taskUnit.taskId, ids))
    .orderBy(asc(taskUnit.position));
  const groupNames = await groupNamesOf(executor, taskGroup, rows);
  return rows.map((row) => ({
    ...row,
    groupName: row.groupId ? (groupNames.get(row.groupId) ?? null) : null,
    coordinatingUnitIds: links.filter((link) => link.taskId === row.id).map((link) => link.unitId),
  }));
};

export const listTasksByPlan = async (executor: Executor, planId: string): Promise<TaskWithChildren[]> =>
  tasksWithChildren(
    executor,
    await executor.select().from(task).where(eq(task.planId, planId)).orderBy(asc(task.position)),
  );

/** The plan of that id, if any. */
export const findPlanById = async (executor: Executor, id: string): Promise<PlanRow | undefined> =>
  (await executor.select().from(plan).where(eq(plan.id, id)))[0];

/** The catalog codes of indicators, by id (null: mapped to no catalog entry). */
export const catalogCodesOf = async (
  executor: Executor,
  ids: string[],
): Promise<Map<string, string | null>> => {
  if (!ids.length) return new Map();
  const rows = await executor
    .select({ id: indicator.id, catalogCode: indicator.catalogCode })
    .from(indicator)
    .where(inArray(indicator.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.catalogCode]));
};

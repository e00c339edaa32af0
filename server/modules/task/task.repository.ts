import { toSearchText } from '@core/domain/text';
import { and, asc, eq, inArray, isNotNull, max, ne, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { task, taskGroup, taskUnit, taskUpdate } from '../../db/schema';

export type TaskRow = typeof task.$inferSelect;
export type TaskGroupRow = typeof taskGroup.$inferSelect;
export type TaskWithChildren = TaskRow & { groupName: string | null; coordinatingUnitIds: string[] };
type TaskValues = Omit<typeof task.$inferInsert, 'id' | 'searchText' | 'createdAt' | 'updatedAt'>;

const searchTextOf = (values: { code?: string | null; name: string; output?: string | null }) =>
  toSearchText(values.code, values.name, values.output);

export const listTaskGroups = (executor: Executor, planId: string): Promise<TaskGroupRow[]> =>
  executor.select().from(taskGroup).where(eq(taskGroup.planId, planId)).orderBy(asc(taskGroup.position));

/** Finds the plan's task group of that name, creating it at the end when it does not exist yet. */
export const findOrCreateTaskGroup = async (
  executor: Executor,
  planId: string,
  name: string,
): Promise<TaskGroupRow> => {
  const existing = (
    await executor
      .select()
      .from(taskGroup)
      .where(and(eq(taskGroup.planId, planId), eq(taskGroup.name, name)))
  )[0];
  if (existing) return existing;
  const [last] = await executor
    .select({ position: max(taskGroup.position) })
    .from(taskGroup)
    .where(eq(taskGroup.planId, planId));
  return (
    await executor
      .insert(taskGroup)
      .values({ planId, name, position: (last?.position ?? -1) + 1 })
      .returning()
  )[0]!;
};

export const nextTaskPosition = async (executor: Executor, planId: string): Promise<number> => {
  const [last] = await executor
    .select({ position: max(task.position) })
    .from(task)
    .where(eq(task.planId, planId));
  return (last?.position ?? -1) + 1;
};

export const findTaskById = async (executor: Executor, id: string): Promise<TaskRow | undefined> =>
  (await executor.select().from(task).where(eq(task.id, id)))[0];

const withChildren = async (executor: Executor, rows: TaskRow[]): Promise<TaskWithChildren[]> => {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const groupIds = [...new Set(rows.map((row) => row.groupId).filter((id): id is string => id != null))];
  // Sequential on purpose: inside a transaction there is one connection, and pg refuses overlapping queries on it.
  const links = await executor
    .select()
    .from(taskUnit)
    .where(inArray(taskUnit.taskId, ids))
    .orderBy(asc(taskUnit.position));
  const groups = groupIds.length
    ? await executor.select().from(taskGroup).where(inArray(taskGroup.id, groupIds))
    : [];
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  return rows.map((row) => ({
    ...row,
    groupName: row.groupId ? (groupNames.get(row.groupId) ?? null) : null,
    coordinatingUnitIds: links.filter((link) => link.taskId === row.id).map((link) => link.unitId),
  }));
};

export const listTasksByPlan = async (executor: Executor, planId: string): Promise<TaskWithChildren[]> =>
  withChildren(
    executor,
    await executor.select().from(task).where(eq(task.planId, planId)).orderBy(asc(task.position)),
  );

export const loadTask = async (executor: Executor, id: string): Promise<TaskWithChildren | undefined> => {
  const row = await findTaskById(executor, id);
  return row ? (await withChildren(executor, [row]))[0] : undefined;
};

export const insertTask = async (executor: Executor, values: TaskValues): Promise<TaskRow> =>
  (
    await executor
      .insert(task)
      .values({ ...values, searchText: searchTextOf(values) })
      .returning()
  )[0]!;

export const updateTask = async (
  executor: Executor,
  before: TaskRow,
  values: Partial<TaskValues>,
  at: Date,
): Promise<TaskRow> => {
  const merged = {
    code: values.code !== undefined ? values.code : before.code,
    name: values.name ?? before.name,
    output: values.output !== undefined ? values.output : before.output,
  };
  return (
    await executor
      .update(task)
      .set({ ...values, searchText: searchTextOf(merged), updatedAt: at })
      .where(eq(task.id, before.id))
      .returning()
  )[0]!;
};

/** Whether any unit report (of any status or version) records progress or a result for the task. */
export const taskHasReportedData = async (executor: Executor, id: string): Promise<boolean> => {
  const rows = await executor
    .select({ id: taskUpdate.id })
    .from(taskUpdate)
    .where(
      and(
        eq(taskUpdate.taskId, id),
        or(
          ne(taskUpdate.status, 'not_started'),
          isNotNull(taskUpdate.progress),
          isNotNull(taskUpdate.completedOn),
          isNotNull(taskUpdate.result),
        ),
      ),
    )
    .limit(1);
  return rows.length > 0;
};

export const deleteTask = async (executor: Executor, id: string): Promise<void> => {
  await executor.delete(task).where(eq(task.id, id));
};

export const replaceTaskUnits = async (
  executor: Executor,
  taskId: string,
  unitIds: string[],
): Promise<void> => {
  await executor.delete(taskUnit).where(eq(taskUnit.taskId, taskId));
  if (unitIds.length === 0) return;
  await executor.insert(taskUnit).values(unitIds.map((unitId, position) => ({ taskId, unitId, position })));
};

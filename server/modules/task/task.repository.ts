import { toSearchText } from '@core/domain/text';
import { and, eq, isNotNull, ne, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { task, taskGroup, taskUnit, taskUpdate } from '../../db/schema';
import {
  findOrCreateGroup,
  nextPositionInPlan,
  replaceOrderedRows,
  type TaskGroupRow,
  type TaskRow,
  type TaskWithChildren,
  tasksWithChildren,
} from '../../shared/plan-contents';
import { searchableWrites } from '../../shared/text-search';

type TaskValues = Omit<typeof task.$inferInsert, 'id' | 'searchText' | 'createdAt' | 'updatedAt'>;

const searchTextOf = (values: { code?: string | null; name: string; output?: string | null }) =>
  toSearchText(values.code, values.name, values.output);

/** Finds the plan's task group of that name, creating it at the end when it does not exist yet. */
export const findOrCreateTaskGroup = (
  executor: Executor,
  planId: string,
  name: string,
): Promise<TaskGroupRow> => findOrCreateGroup(executor, taskGroup, planId, name);

export const nextTaskPosition = (executor: Executor, planId: string): Promise<number> =>
  nextPositionInPlan(executor, task, planId);

export const findTaskById = async (executor: Executor, id: string): Promise<TaskRow | undefined> =>
  (await executor.select().from(task).where(eq(task.id, id)))[0];

export const loadTask = async (executor: Executor, id: string): Promise<TaskWithChildren | undefined> => {
  const row = await findTaskById(executor, id);
  return row ? (await tasksWithChildren(executor, [row]))[0] : undefined;
};

const writes = searchableWrites<TaskRow, TaskValues, 'code' | 'name' | 'output'>(
  task,
  ['code', 'name', 'output'],
  searchTextOf,
);

/** Inserts a task with its search text. */
export const insertTask = writes.insert;

/** Changes a task's fields (those named) and its search text. */
export const updateTask = writes.update;

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

export const replaceTaskUnits = (executor: Executor, taskId: string, unitIds: string[]): Promise<void> =>
  replaceOrderedRows(
    executor,
    taskUnit,
    'taskId',
    taskId,
    unitIds.map((unitId) => ({ unitId })),
  );

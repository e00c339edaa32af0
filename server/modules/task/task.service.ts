import { parseDeadline } from '@core/domain/deadlines';
import type { TAssignTasksRequest, TCreateTaskRequest, TUpdateTaskRequest } from '@core/schemas/task.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { listTasksByPlan, type TaskRow, type TaskWithChildren, touchPlan } from '../../shared/plan-contents';
import {
  assertItemUnits,
  assertMayChangeLead,
  createLedItemSteps,
  loadPlanForItems,
  namedChanges,
} from '../plan/led-items';
import { canEditLedItem } from '../plan/plan.policy';
import {
  deleteTask,
  findOrCreateTaskGroup,
  findTaskById,
  insertTask,
  loadTask,
  nextTaskPosition,
  replaceTaskUnits,
  taskHasReportedData,
  updateTask,
} from './task.repository';

type TaskServiceDeps = { db: Database; clock: Clock };
type DeadlineFields = Pick<TaskRow, 'deadlineKind' | 'deadlineDate' | 'recurrence' | 'deadlineText'>;

/**
 * Decides the stored deadline: an explicit kind (with its date or cycle) wins; otherwise the meaning is
 * read from the printed text. The printed text is always kept as given.
 */
export const resolveDeadline = (input: {
  deadlineText?: string | null;
  deadlineKind?: TaskRow['deadlineKind'];
  deadlineDate?: string | null;
  recurrence?: TaskRow['recurrence'];
}): DeadlineFields => {
  const deadlineText = input.deadlineText ?? null;
  if (input.deadlineKind) {
    return {
      deadlineText,
      deadlineKind: input.deadlineKind,
      deadlineDate:
        input.deadlineKind === 'by' || input.deadlineKind === 'recurring'
          ? (input.deadlineDate ?? null)
          : null,
      recurrence: input.deadlineKind === 'recurring' ? (input.recurrence ?? null) : null,
    };
  }
  const parsed = parseDeadline(deadlineText);
  return {
    deadlineText,
    deadlineKind: parsed?.kind ?? null,
    deadlineDate: parsed?.kind === 'by' || parsed?.kind === 'recurring' ? (parsed.date ?? null) : null,
    recurrence: parsed?.kind === 'recurring' ? parsed.every : null,
  };
};

export type EditableTask = TaskWithChildren & { canEdit: boolean };

export const createTaskService = ({ db, clock }: TaskServiceDeps) => {
  const { loadInScope, reload, audit, record, removeUnreported } = createLedItemSteps({
    clock,
    kind: 'task',
    find: findTaskById,
    load: loadTask,
  });

  /**
   * Adds a task at the end of the plan.
   *
   * @throws AppError PLAN_NOT_FOUND, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY
   */
  const create = (
    context: RequestContext,
    planId: string,
    input: TCreateTaskRequest,
  ): Promise<EditableTask> =>
    db.transaction(async (tx) => {
      const { plan, chain } = await loadPlanForItems(tx, context.actor, planId, input);
      const group = input.groupName ? await findOrCreateTaskGroup(tx, planId, input.groupName) : null;
      const row = await insertTask(tx, {
        planId,
        groupId: group?.id ?? null,
        position: await nextTaskPosition(tx, planId),
        code: input.code,
        name: input.name,
        leadUnitId: input.leadUnitId ?? null,
        leader: input.leader,
        output: input.output,
        ...resolveDeadline(input),
      });
      await replaceTaskUnits(tx, row.id, input.coordinatingUnitIds);
      const created = await reload(tx, context.actor, chain, row.id);
      await record(tx, context, plan, {
        entityType: 'task',
        entityId: row.id,
        action: 'create',
        after: created,
      });
      return created;
    });

  /** @throws AppError TASK_NOT_FOUND, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY */
  const update = (context: RequestContext, id: string, input: TUpdateTaskRequest): Promise<EditableTask> =>
    db.transaction(async (tx) => {
      const { plan, chain, item: task } = await loadInScope(tx, context.actor, id, 'led');
      assertMayChangeLead(context.actor, chain, task.leadUnitId, input.leadUnitId);
      const before = (await loadTask(tx, id))!;
      await assertItemUnits(tx, plan.localityId, input);
      const {
        groupName,
        coordinatingUnitIds,
        deadlineText,
        deadlineKind,
        deadlineDate,
        recurrence,
        ...fields
      } = input;
      const changes = namedChanges<TaskRow>(fields);
      if (groupName !== undefined) {
        changes.groupId = groupName ? (await findOrCreateTaskGroup(tx, plan.id, groupName)).id : null;
      }
      const deadlineTouched = [deadlineText, deadlineKind, deadlineDate, recurrence].some(
        (value) => value !== undefined,
      );
      if (deadlineTouched) {
        Object.assign(
          changes,
          resolveDeadline({
            deadlineText: deadlineText !== undefined ? deadlineText : task.deadlineText,
            deadlineKind,
            deadlineDate,
            recurrence,
          }),
        );
      }
      // A task handed to another unit: that unit reports on it from now on.
      if (changes.leadUnitId !== undefined && changes.leadUnitId !== task.leadUnitId) {
        changes.leadAssignedAt = changes.leadUnitId ? clock.now() : null;
      }
      await updateTask(tx, task, changes, clock.now());
      if (coordinatingUnitIds !== undefined) await replaceTaskUnits(tx, id, coordinatingUnitIds);
      const after = await reload(tx, context.actor, chain, id);
      await record(tx, context, plan, { entityType: 'task', entityId: id, action: 'update', before, after });
      return after;
    });

  /**
   * Deletes a task that no unit has reported on: reported progress is never dropped with it.
   *
   * @throws AppError TASK_NOT_FOUND, FORBIDDEN, TASK_HAS_REPORTS
   */
  const remove = (context: RequestContext, id: string): Promise<void> =>
    db.transaction((tx) =>
      removeUnreported(tx, context, id, { hasReportedData: taskHasReportedData, remove: deleteTask }),
    );

  /**
   * Hands many tasks of a plan to one lead unit (and, when given, the same coordinating units), in one
   * transaction with one audit entry per task that changed. From then on the lead unit reports on them:
   * a unit's obligations are read from what it leads, so they appear in its work and its report forms.
   *
   * @throws AppError PLAN_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (a task of another plan), UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY
   */
  const assign = (
    context: RequestContext,
    planId: string,
    input: TAssignTasksRequest,
  ): Promise<{ tasks: EditableTask[]; changed: number }> =>
    db.transaction(async (tx) => {
      const { plan, chain } = await loadPlanForItems(tx, context.actor, planId, input);
      const byId = new Map((await listTasksByPlan(tx, planId)).map((row) => [row.id, row]));
      const problems = input.taskIds.flatMap((id, index) =>
        byId.has(id) ? [] : [{ field: `taskIds.${index}`, message: 'Nhiệm vụ không thuộc kế hoạch này' }],
      );
      if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
      const ids = [...new Set(input.taskIds)];
      const sameUnits = (a: string[], b: string[]) =>
        a.length === b.length && a.every((id, i) => id === b[i]);
      let changed = 0;
      const tasks: EditableTask[] = [];
      for (const id of ids) {
        const before = byId.get(id)!;
        const coordinatingChanges =
          input.coordinatingUnitIds !== undefined &&
          !sameUnits(before.coordinatingUnitIds, input.coordinatingUnitIds);
        if (before.leadUnitId === input.leadUnitId && !coordinatingChanges) {
          tasks.push({ ...before, canEdit: canEditLedItem(context.actor, chain, before.leadUnitId) });
          continue;
        }
        if (before.leadUnitId !== input.leadUnitId) {
          await updateTask(
            tx,
            before,
            { leadUnitId: input.leadUnitId, leadAssignedAt: clock.now() },
            clock.now(),
          );
        }
        if (coordinatingChanges) await replaceTaskUnits(tx, id, input.coordinatingUnitIds!);
        const after = await reload(tx, context.actor, chain, id);
        await audit(tx, context, plan, { entityType: 'task', entityId: id, action: 'update', before, after });
        tasks.push(after);
        changed += 1;
      }
      if (changed > 0) await touchPlan(tx, plan.id, clock.now());
      return { tasks, changed };
    });

  return { create, update, remove, assign };
};

export type TaskService = ReturnType<typeof createTaskService>;

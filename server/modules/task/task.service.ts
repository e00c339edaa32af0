import { parseDeadline } from '@core/domain/deadlines';
import type { TCreateTaskRequest, TUpdateTaskRequest } from '@core/schemas/task.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestMeta } from '../../http/route';
import { recordAudit } from '../audit/audit.repository';
import { findPlanById, type PlanRow, touchPlan } from '../plan/plan.repository';
import { assertUnitsOfLocality } from '../unit/unit.service';
import {
  deleteTask,
  findOrCreateTaskGroup,
  findTaskById,
  insertTask,
  loadTask,
  nextTaskPosition,
  replaceTaskUnits,
  type TaskRow,
  type TaskWithChildren,
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

export const createTaskService = ({ db, clock }: TaskServiceDeps) => {
  const loadPlanOf = async (
    executor: Executor,
    taskId: string,
  ): Promise<{ plan: PlanRow; task: TaskRow }> => {
    const row = await findTaskById(executor, taskId);
    if (!row) throw new AppError('TASK_NOT_FOUND');
    const plan = await findPlanById(executor, row.planId);
    if (!plan) throw new AppError('TASK_NOT_FOUND');
    return { plan, task: row };
  };

  const audit = (
    executor: Executor,
    meta: RequestMeta,
    plan: PlanRow,
    entry: Parameters<typeof recordAudit>[3],
  ) => recordAudit(executor, meta, clock.now(), { ...entry, planId: plan.id, localityId: plan.localityId });

  /**
   * Adds a task at the end of the plan.
   *
   * @throws AppError PLAN_NOT_FOUND, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY
   */
  const create = (meta: RequestMeta, planId: string, input: TCreateTaskRequest): Promise<TaskWithChildren> =>
    db.transaction(async (tx) => {
      const plan = await findPlanById(tx, planId);
      if (!plan) throw new AppError('PLAN_NOT_FOUND');
      await assertUnitsOfLocality(tx, plan.localityId, {
        leadUnitId: input.leadUnitId,
        coordinatingUnitIds: input.coordinatingUnitIds,
      });
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
      const created = (await loadTask(tx, row.id))!;
      await touchPlan(tx, planId, clock.now());
      await audit(tx, meta, plan, { entityType: 'task', entityId: row.id, action: 'create', after: created });
      return created;
    });

  /** @throws AppError TASK_NOT_FOUND, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY */
  const update = (meta: RequestMeta, id: string, input: TUpdateTaskRequest): Promise<TaskWithChildren> =>
    db.transaction(async (tx) => {
      const { plan, task } = await loadPlanOf(tx, id);
      const before = (await loadTask(tx, id))!;
      await assertUnitsOfLocality(tx, plan.localityId, {
        leadUnitId: input.leadUnitId,
        coordinatingUnitIds: input.coordinatingUnitIds,
      });
      const {
        groupName,
        coordinatingUnitIds,
        deadlineText,
        deadlineKind,
        deadlineDate,
        recurrence,
        ...fields
      } = input;
      const changes: Partial<TaskRow> = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      );
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
      await updateTask(tx, task, changes, clock.now());
      if (coordinatingUnitIds !== undefined) await replaceTaskUnits(tx, id, coordinatingUnitIds);
      const after = (await loadTask(tx, id))!;
      await touchPlan(tx, plan.id, clock.now());
      await audit(tx, meta, plan, { entityType: 'task', entityId: id, action: 'update', before, after });
      return after;
    });

  /** @throws AppError TASK_NOT_FOUND */
  const remove = (meta: RequestMeta, id: string): Promise<void> =>
    db.transaction(async (tx) => {
      const { plan } = await loadPlanOf(tx, id);
      const before = await loadTask(tx, id);
      await deleteTask(tx, id);
      await touchPlan(tx, plan.id, clock.now());
      await audit(tx, meta, plan, { entityType: 'task', entityId: id, action: 'delete', before });
    });

  return { create, update, remove };
};

export type TaskService = ReturnType<typeof createTaskService>;

import type { TTask } from '@core/schemas/task.schemas';
import type { TaskWithChildren } from '../../shared/plan-contents';

export const presentTask = (row: TaskWithChildren, can: { edit: boolean }): TTask => ({
  id: row.id,
  planId: row.planId,
  groupId: row.groupId,
  groupName: row.groupName,
  position: row.position,
  code: row.code,
  name: row.name,
  leadUnitId: row.leadUnitId,
  leader: row.leader,
  output: row.output,
  deadlineKind: row.deadlineKind,
  deadlineDate: row.deadlineDate,
  recurrence: row.recurrence,
  deadlineText: row.deadlineText,
  coordinatingUnitIds: row.coordinatingUnitIds,
  canEdit: can.edit,
});

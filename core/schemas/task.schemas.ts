import { z } from 'zod';
import { DEADLINE_KINDS, RECURRENCES } from '../domain/deadlines';
import { TextLimits } from '../validations';
import { refuseEmptyPatch, zId, zIsoDate, zOptionalText, zText } from './common.schemas';

export const ZTask = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  position: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  leadUnitId: z.uuid().nullable(),
  leader: z.string().nullable(),
  output: z.string().nullable(),
  deadlineKind: z.enum(DEADLINE_KINDS).nullable(),
  deadlineDate: z.string().nullable(),
  recurrence: z.enum(RECURRENCES).nullable(),
  deadlineText: z.string().nullable(),
  coordinatingUnitIds: z.array(z.uuid()),
  /** Whether the signed-in user may edit it (plan editors, or the officer of the lead unit). */
  canEdit: z.boolean(),
});
export type TTask = z.infer<typeof ZTask>;

const taskFields = {
  groupName: zOptionalText('Nhóm nhiệm vụ', TextLimits.name),
  code: zOptionalText('Số thứ tự', TextLimits.short),
  name: zText('Tên nhiệm vụ', TextLimits.name),
  leadUnitId: zId('Đơn vị chủ trì').nullish(),
  leader: zOptionalText('Lãnh đạo phụ trách', TextLimits.short),
  output: zOptionalText('Sản phẩm đầu ra', TextLimits.name),
  /**
   * The deadline as printed ("Trong Quý IV/2025"). When given without `deadlineKind`, the server reads
   * its meaning; an explicit kind/date/recurrence wins.
   */
  deadlineText: zOptionalText('Thời hạn', TextLimits.short),
  deadlineKind: z
    .enum(DEADLINE_KINDS, { error: 'Loại thời hạn phải là by, recurring, ongoing, onRequest hoặc schedule' })
    .nullish(),
  deadlineDate: zIsoDate('Ngày hoàn thành').nullish(),
  recurrence: z.enum(RECURRENCES, { error: 'Chu kỳ phải là year, half, quarter hoặc month' }).nullish(),
  coordinatingUnitIds: z
    .array(zId('Đơn vị phối hợp'), { error: 'Đơn vị phối hợp phải là một danh sách' })
    .max(50),
};

/** A deadline must be coherent: "by" needs a date, "recurring" needs a cycle. */
const checkDeadline = (
  task: { deadlineKind?: string | null; deadlineDate?: string | null; recurrence?: string | null },
  context: z.RefinementCtx,
) => {
  if (task.deadlineKind === 'by' && !task.deadlineDate) {
    context.addIssue({
      code: 'custom',
      path: ['deadlineDate'],
      message: 'Thời hạn "đến ngày" cần có ngày hoàn thành',
    });
  }
  if (task.deadlineKind === 'recurring' && !task.recurrence) {
    context.addIssue({
      code: 'custom',
      path: ['recurrence'],
      message: 'Nhiệm vụ định kỳ cần có chu kỳ (năm, quý, tháng)',
    });
  }
};

// Defaults belong to creation only: an update that omits a field leaves it as it is.
export const ZCreateTaskRequest = z
  .object({ ...taskFields, coordinatingUnitIds: taskFields.coordinatingUnitIds.default([]) })
  .superRefine(checkDeadline);
export type TCreateTaskRequest = z.infer<typeof ZCreateTaskRequest>;

export const ZUpdateTaskRequest = z
  .object(taskFields)
  .partial()
  .superRefine(refuseEmptyPatch)
  .superRefine(checkDeadline)
  .superRefine((task, context) => {
    // A date or cycle alone would be ambiguous against the stored kind: say which kind it belongs to.
    if ((task.deadlineDate != null || task.recurrence != null) && task.deadlineKind == null) {
      context.addIssue({
        code: 'custom',
        path: ['deadlineKind'],
        message: 'Khi sửa ngày hoặc chu kỳ, cần chọn cả loại thời hạn',
      });
    }
  });
export type TUpdateTaskRequest = z.infer<typeof ZUpdateTaskRequest>;

/**
 * Hands many tasks to one lead unit at once (the standing agency assigning a plan whose document names
 * no unit per task). `coordinatingUnitIds`, when given, replaces each task's coordinating units; when
 * omitted they are kept as they are.
 */
export const ZAssignTasksRequest = z
  .object({
    taskIds: z
      .array(zId('Nhiệm vụ'), { error: 'Danh sách nhiệm vụ phải là một danh sách' })
      .min(1, { error: 'Chọn ít nhất một nhiệm vụ để giao' })
      .max(500, { error: 'Mỗi lần giao tối đa 500 nhiệm vụ' }),
    leadUnitId: zId('Đơn vị chủ trì'),
    coordinatingUnitIds: taskFields.coordinatingUnitIds.optional(),
  })
  .superRefine((input, context) => {
    if (input.coordinatingUnitIds?.includes(input.leadUnitId)) {
      context.addIssue({
        code: 'custom',
        path: ['coordinatingUnitIds'],
        message: 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp',
      });
    }
  });
export type TAssignTasksRequest = z.infer<typeof ZAssignTasksRequest>;

export const ZAssignTasksResponse = z.object({
  /** The tasks as they now stand. */
  tasks: z.array(ZTask),
  /** How many of them changed (a task already assigned so is left untouched and not audited). */
  changed: z.number().int(),
});
export type TAssignTasksResponse = z.infer<typeof ZAssignTasksResponse>;

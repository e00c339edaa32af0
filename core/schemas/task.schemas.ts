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

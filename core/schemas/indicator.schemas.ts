import { z } from 'zod';
import { checkTargetShape, TARGET_OPS } from '../domain/targets';
import { TextLimits } from '../validations';
import { refuseEmptyPatch, zId, zOptionalText, zText, zYear } from './common.schemas';

export const ZTarget = z.object({
  id: z.uuid(),
  year: z.number().int(),
  op: z.enum(TARGET_OPS),
  value: z.number().nullable(),
  valueHigh: z.number().nullable(),
  rawText: z.string().nullable(),
  isBaseline: z.boolean(),
});
export type TTarget = z.infer<typeof ZTarget>;

export const ZIndicator = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  position: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  direction: z.enum(['increase', 'decrease']),
  measure: z.enum(['cumulative', 'period']),
  catalogCode: z.string().nullable(),
  leadUnitId: z.uuid().nullable(),
  executor: z.string().nullable(),
  leader: z.string().nullable(),
  evidenceHint: z.string().nullable(),
  baselineYear: z.number().int().nullable(),
  coordinatingUnitIds: z.array(z.uuid()),
  targets: z.array(ZTarget),
  /** Whether the signed-in user may edit it (plan editors, or the officer of the lead unit). */
  canEdit: z.boolean(),
});
export type TIndicator = z.infer<typeof ZIndicator>;

const TARGET_SHAPE_MESSAGES = {
  value_required: 'Chỉ tiêu định lượng phải có giá trị',
  range_needs_both_ends: 'Khoảng giá trị phải có cả cận dưới và cận trên',
  range_low_above_high: 'Cận dưới của khoảng lớn hơn cận trên',
  qualitative_has_value: 'Chỉ tiêu định tính không có giá trị số',
} as const;

const zTargetValue = (label: string) =>
  z
    .number({ error: `${label} phải là một số` })
    .finite({ error: `${label} phải là một số hữu hạn` })
    .nullish()
    .transform((value) => value ?? null);

/** A target for one year. `rawText` keeps the printed form; when omitted the meaning is printed from op/value. */
export const ZPutTargetRequest = z
  .object({
    op: z.enum(TARGET_OPS, { error: 'Phép so sánh phải là ≥, >, ≤, <, =, khoảng (range) hoặc định tính' }),
    value: zTargetValue('Giá trị'),
    valueHigh: zTargetValue('Cận trên'),
    rawText: zOptionalText('Chỉ tiêu như in trong văn bản', TextLimits.short),
    isBaseline: z.boolean({ error: 'Năm cơ sở phải là true hoặc false' }).default(false),
  })
  .superRefine((target, context) => {
    const problem = checkTargetShape(target);
    if (problem) {
      context.addIssue({
        code: 'custom',
        path: [
          problem === 'range_low_above_high' || problem === 'range_needs_both_ends' ? 'valueHigh' : 'value',
        ],
        message: TARGET_SHAPE_MESSAGES[problem],
      });
    }
  });
export type TPutTargetRequest = z.infer<typeof ZPutTargetRequest>;

export const ZTargetYearParams = z.object({
  id: zId('Mã chỉ tiêu'),
  year: z.coerce.number({ error: 'Năm phải là một số' }).pipe(zYear('Năm')),
});

const indicatorFields = {
  groupName: zOptionalText('Nhóm chỉ tiêu', TextLimits.name),
  code: zOptionalText('Số thứ tự', TextLimits.short),
  name: zText('Tên chỉ tiêu', TextLimits.name),
  unit: zOptionalText('Đơn vị tính', TextLimits.short),
  direction: z.enum(['increase', 'decrease'], { error: 'Chiều tốt phải là increase hoặc decrease' }),
  measure: z.enum(['cumulative', 'period'], { error: 'Cách đo phải là cumulative hoặc period' }),
  catalogCode: zOptionalText('Mã chỉ tiêu chuẩn', TextLimits.short),
  leadUnitId: zId('Đơn vị chủ trì').nullish(),
  executor: zOptionalText('Người/cơ quan thực hiện', TextLimits.short),
  leader: zOptionalText('Lãnh đạo phụ trách', TextLimits.short),
  evidenceHint: zOptionalText('Minh chứng', TextLimits.name),
  baselineYear: zYear('Năm cơ sở').nullish(),
  coordinatingUnitIds: z
    .array(zId('Đơn vị phối hợp'), { error: 'Đơn vị phối hợp phải là một danh sách' })
    .max(50),
};

// Defaults belong to creation only: an update that omits a field leaves it as it is.
export const ZCreateIndicatorRequest = z.object({
  ...indicatorFields,
  direction: indicatorFields.direction.default('increase'),
  measure: indicatorFields.measure.default('cumulative'),
  coordinatingUnitIds: indicatorFields.coordinatingUnitIds.default([]),
  targets: z
    .array(ZPutTargetRequest.and(z.object({ year: zYear('Năm') })), {
      error: 'Chỉ tiêu theo năm phải là một danh sách',
    })
    .max(60)
    .default([])
    .refine((targets) => new Set(targets.map((t) => t.year)).size === targets.length, {
      error: 'Mỗi năm chỉ có một chỉ tiêu',
    }),
});
export type TCreateIndicatorRequest = z.infer<typeof ZCreateIndicatorRequest>;

export const ZUpdateIndicatorRequest = z.object(indicatorFields).partial().superRefine(refuseEmptyPatch);
export type TUpdateIndicatorRequest = z.infer<typeof ZUpdateIndicatorRequest>;

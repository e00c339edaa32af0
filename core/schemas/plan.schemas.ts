import { z } from 'zod';
import { TextLimits } from '../validations';
import {
  refuseEmptyPatch,
  zId,
  zIsoDate,
  zOptionalText,
  zPageQuery,
  zSearchText,
  zString,
  zText,
} from './common.schemas';
import { ZIndicator } from './indicator.schemas';
import { ZLocality, ZUnit } from './locality.schemas';
import { ZTask } from './task.schemas';

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'semiannual', 'annual', 'adhoc'] as const;

export const ZPlanReference = z.object({
  kind: z.enum(['basis', 'replaces']),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  referencedPlanId: z.uuid().nullable(),
});
export type TPlanReference = z.infer<typeof ZPlanReference>;

export const ZReportingRegime = z.object({
  frequency: z.enum(REPORTING_FREQUENCIES),
  /** "MM-DD" of the due date each year, or null. */
  due: z.string().nullable(),
  receiver: z.string().nullable(),
});
export type TReportingRegime = z.infer<typeof ZReportingRegime>;

export const ZPlanSummary = z.object({
  id: z.uuid(),
  localityId: z.uuid(),
  localityName: z.string(),
  issuerKind: z.enum(['government', 'party']),
  issuer: z.string(),
  number: z.string().nullable(),
  issuedDate: z.string().nullable(),
  title: z.string(),
  status: z.enum(PLAN_STATUSES),
  indicatorCount: z.number().int(),
  taskCount: z.number().int(),
  updatedAt: z.string(),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlanDetail = ZPlanSummary.extend({
  /** What the signed-in user may change: the plan itself, and the units of its locality. */
  can: z.object({ edit: z.boolean(), editUnits: z.boolean() }),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  standingAgencyUnitId: z.uuid().nullable(),
  references: z.array(ZPlanReference),
  reporting: z.array(ZReportingRegime),
  locality: ZLocality,
  units: z.array(ZUnit),
  indicatorGroups: z.array(z.object({ id: z.uuid(), name: z.string(), position: z.number().int() })),
  taskGroups: z.array(z.object({ id: z.uuid(), name: z.string(), position: z.number().int() })),
  indicators: z.array(ZIndicator),
  tasks: z.array(ZTask),
});
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

const ZPlanReferenceInput = z.object({
  kind: z.enum(['basis', 'replaces'], {
    error: 'Loại văn bản liên quan phải là basis (căn cứ) hoặc replaces (thay thế)',
  }),
  number: zOptionalText('Số hiệu văn bản', TextLimits.short),
  date: zIsoDate('Ngày văn bản').nullish(),
  issuer: zOptionalText('Cơ quan ban hành văn bản', TextLimits.short),
  referencedPlanId: zId('Kế hoạch liên quan').nullish(),
});

const ZReportingRegimeInput = z.object({
  frequency: z.enum(REPORTING_FREQUENCIES, {
    error: 'Tần suất báo cáo phải là monthly, quarterly, semiannual, annual hoặc adhoc',
  }),
  due: zString('Hạn báo cáo')
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
      error: 'Hạn báo cáo phải có dạng MM-DD, ví dụ 11-30',
    })
    .nullish(),
  receiver: zOptionalText('Nơi nhận báo cáo', TextLimits.short),
});

const planFields = {
  issuerKind: z.enum(['government', 'party'], {
    error: 'Loại cơ quan ban hành phải là government (UBND) hoặc party (Đảng ủy)',
  }),
  issuer: zText('Cơ quan ban hành', TextLimits.short),
  number: zOptionalText('Số hiệu', TextLimits.short),
  issuedDate: zIsoDate('Ngày ban hành').nullish(),
  title: zText('Trích yếu (tên kế hoạch)', TextLimits.title),
  signerName: zOptionalText('Người ký', TextLimits.short),
  signerPosition: zOptionalText('Chức vụ người ký', TextLimits.short),
  status: z.enum(PLAN_STATUSES, { error: 'Trạng thái phải là draft, active hoặc closed' }),
  standingAgencyUnitId: zId('Cơ quan thường trực').nullish(),
  references: z.array(ZPlanReferenceInput).max(100),
  reporting: z.array(ZReportingRegimeInput).max(20),
};

// Defaults belong to creation only: an update that omits a field leaves it as it is.
export const ZCreatePlanRequest = z.object({
  localityId: zId('Địa phương'),
  ...planFields,
  status: planFields.status.default('active'),
  references: planFields.references.default([]),
  reporting: planFields.reporting.default([]),
});
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

export const ZUpdatePlanRequest = z.object(planFields).partial().superRefine(refuseEmptyPatch);
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

/** GET /plans: the plans the caller may see, a page at a time, found by number, issuer or title (without diacritics). */
export const ZListPlansQuery = z.object({
  q: zSearchText(),
  localityId: zId('Địa phương').optional(),
  ...zPageQuery,
});
export type TListPlansQuery = z.infer<typeof ZListPlansQuery>;

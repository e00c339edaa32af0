import { z } from 'zod';
import { TextLimits } from '../validations';
import { zOptionalText, zRevision, zText } from './common.schemas';
import { ZPlanDashboard } from './dashboard.schemas';

export const CONSOLIDATED_STATUSES = ['draft', 'sent', 'approved', 'returned'] as const;

/** What the units wrote in their accepted reports, by unit. */
export const ZUnitNarrative = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  reportId: z.uuid(),
  nothingArose: z.boolean(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
});

export const ZConsolidatedReport = z.object({
  /** Null until the standing agency first saves it. */
  id: z.uuid().nullable(),
  periodId: z.uuid(),
  status: z.enum(CONSOLIDATED_STATUSES).nullable(),
  revision: z.number().int(),
  narrative: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** The figures: the dashboard of the period, the same numbers the leader sees there. */
  dashboard: ZPlanDashboard,
  units: z.array(ZUnitNarrative),
  can: z.object({ edit: z.boolean(), decide: z.boolean() }),
});
export type TConsolidatedReport = z.infer<typeof ZConsolidatedReport>;

export const ZSaveConsolidatedRequest = z.object({
  revision: zRevision,
  narrative: zOptionalText('Nội dung báo cáo', TextLimits.note * 10),
});
export const ZConsolidatedActionRequest = z.object({ revision: zRevision });
export const ZReturnConsolidatedRequest = z.object({
  revision: zRevision,
  reason: zText('Lý do trả lại', TextLimits.note),
});

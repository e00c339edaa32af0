import { z } from 'zod';
import { INDICATOR_STATUSES, TASK_STATUSES, TIMELINESS, UNIT_EVALUATION_STATES } from '../domain/evaluation';
import { REPORT_WORKFLOWS } from '../domain/report-status';
import { TARGET_OPS } from '../domain/targets';
import { zId } from './common.schemas';
import { ZReportingPeriod, ZTargetMilestone } from './reporting.schemas';

/** Where a number comes from: the accepted unit report, who submitted and accepted it, its evidence. */
export const ZValueSource = z.object({
  reportId: z.uuid(),
  /** The period and unit of that report: the web links to /reporting-periods/:periodId/units/:unitId. */
  periodId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  version: z.number().int(),
  submittedByName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  attachmentCount: z.number().int(),
});
export type TValueSource = z.infer<typeof ZValueSource>;

export const ZDashboardIndicator = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  groupName: z.string().nullable(),
  leadUnitId: z.uuid().nullable(),
  leadUnitName: z.string().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  value: z.number().nullable(),
  assessment: z.enum(['achieved', 'not_achieved']).nullable(),
  expected: z.number().nullable(),
  milestoneYear: z.number().int().nullable(),
  /** The period's year's printed target, else the milestone the evaluation heads for ("Mốc 2027: ≥ 80%"). */
  targetText: z.string().nullable(),
  milestone: ZTargetMilestone.nullable(),
  source: ZValueSource.nullable(),
  /** Accepted values period by period, for the chart against the target path. */
  series: z.array(
    z.object({ periodKey: z.string(), label: z.string(), dataTo: z.string(), value: z.number() }),
  ),
  targets: z.array(
    z.object({
      year: z.number().int(),
      op: z.enum(TARGET_OPS),
      value: z.number().nullable(),
      valueHigh: z.number().nullable(),
    }),
  ),
});

export const ZDashboardTask = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  groupName: z.string().nullable(),
  leadUnitId: z.uuid().nullable(),
  leadUnitName: z.string().nullable(),
  deadlineText: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  progress: z.number().int().nullable(),
  source: ZValueSource.nullable(),
});

export const ZDashboardUnit = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  /**
   * Whether the unit is scored in the period: `scored` (an accepted report, or overdue with nothing to
   * review), `pending_review` (submitted, nothing accepted yet: Chờ duyệt) or `not_evaluated` (not due
   * yet: Chưa đánh giá). Only a scored unit has a score, a colour and a rank.
   */
  evaluation: z.enum(UNIT_EVALUATION_STATES),
  score: z.number().nullable(),
  colour: z.enum(['green', 'yellow', 'red', 'none']),
  rank: z.number().int().nullable(),
  parts: z.object({
    indicators: z.number().nullable(),
    tasks: z.number().nullable(),
    reports: z.number().nullable(),
  }),
  indicatorCount: z.number().int(),
  taskCount: z.number().int(),
  timeliness: z.enum(TIMELINESS),
  reportStatus: z.string().nullable(),
  /** Where the unit's report stands (`unitReportStatus`): the accepted version while a correction is under way. */
  reportWorkflow: z.enum(REPORT_WORKFLOWS),
  /** A correction of the accepted report is being written or reviewed. */
  reportCorrecting: z.boolean(),
});

export const ZPlanDashboard = z.object({
  planId: z.uuid(),
  planTitle: z.string(),
  planNumber: z.string().nullable(),
  localityName: z.string(),
  asOf: z.string(),
  period: ZReportingPeriod.nullable(),
  periods: z.array(ZReportingPeriod),
  thresholds: z.object({ green: z.number(), yellow: z.number() }),
  counts: z.object({
    indicators: z.record(z.enum(INDICATOR_STATUSES), z.number().int()),
    tasks: z.record(z.enum(TASK_STATUSES), z.number().int()),
    reports: z.record(z.enum(TIMELINESS), z.number().int()),
    /** Reports submitted and waiting for the standing agency. */
    pendingReview: z.number().int(),
  }),
  indicators: z.array(ZDashboardIndicator),
  tasks: z.array(ZDashboardTask),
  units: z.array(ZDashboardUnit),
});
export type TPlanDashboard = z.infer<typeof ZPlanDashboard>;

export const ZDashboardQuery = z.object({ periodId: zId('Kỳ báo cáo').optional() });

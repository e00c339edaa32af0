import { z } from 'zod';
import { TextLimits } from '../validations';
import { zId, zIsoDate, zOptionalText, zRevision, zText } from './common.schemas';

export const REPORT_STATUS_NAMES = ['draft', 'submitted', 'returned', 'accepted', 'superseded'] as const;
export type TReportStatus = (typeof REPORT_STATUS_NAMES)[number];

export const ZReportingPeriod = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  regimeId: z.uuid().nullable(),
  key: z.string(),
  label: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dataFrom: z.string(),
  dataTo: z.string(),
  dueDate: z.string(),
});
export type TReportingPeriod = z.infer<typeof ZReportingPeriod>;

export const ZReportSummary = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  unitId: z.uuid(),
  version: z.number().int(),
  status: z.enum(REPORT_STATUS_NAMES),
  revision: z.number().int(),
  submittedAt: z.string().nullable(),
  isLate: z.boolean(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** Why the report came after its due date, as the unit wrote it when submitting late. */
  lateReason: z.string().nullable(),
  updatedAt: z.string(),
  /** Whether this version is entered by the standing agency on the unit's behalf ("nhập thay"). */
  isEnteredOnBehalf: z.boolean(),
});
export type TReportSummary = z.infer<typeof ZReportSummary>;

/** Who must report in a period, and where each one stands. */
export const ZPeriodObligation = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  indicatorCount: z.number().int(),
  taskCount: z.number().int(),
  /** The current version (the latest one that is not superseded), or null when nothing was started. */
  report: ZReportSummary.nullable(),
  timeliness: z.enum(['on_time', 'late', 'missing', 'not_due']),
});
export type TPeriodObligation = z.infer<typeof ZPeriodObligation>;

export const ZPeriodDetail = ZReportingPeriod.extend({
  planTitle: z.string(),
  /** Whether the user may enter a unit's report on its behalf (standing agency, administrator). */
  canEnterOnBehalf: z.boolean(),
  obligations: z.array(ZPeriodObligation),
});
export type TPeriodDetail = z.infer<typeof ZPeriodDetail>;

export const ZAttachment = z.object({
  id: z.uuid(),
  reportId: z.uuid(),
  indicatorId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
  /** The scan of the unit's signed paper report (a report entered on its behalf). */
  isPaperReport: z.boolean(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

/** The target an indicator's value in a period is judged against (see `milestoneOf` in core/domain/evaluation.ts). */
export const ZTargetMilestone = z.object({
  year: z.number().int(),
  /**
   * `year`: the period's year prints it; `path`: the year prints none, the target is the value on the
   * straight path to this milestone (`interpolated`); `next`: the year prints none and there is no earlier
   * point to draw a path from, this is the next milestone; `last`: past the last one.
   */
  kind: z.enum(['year', 'path', 'next', 'last']),
  /** The milestone's target as printed ("≥ 80%"). */
  text: z.string(),
  /** The interpolated value of the year on the path ("≥ 92,5%"), for `path`; else null. */
  interpolated: z.string().nullable(),
});
export type TTargetMilestone = z.infer<typeof ZTargetMilestone>;

export const ZIndicatorValueRow = z.object({
  indicatorId: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  /**
   * The target for the officer's reference: the period's year's printed target, else the next milestone
   * named by its year ("Mốc 2027: ≥ 80%").
   */
  targetText: z.string().nullable(),
  milestone: ZTargetMilestone.nullable(),
  isQualitative: z.boolean(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  assessment: z.enum(['achieved', 'not_achieved']).nullable(),
  note: z.string().nullable(),
  /** "Chưa có số liệu": why the value is left empty (required to submit an empty value). */
  missingReason: z.string().nullable(),
  /** The value the unit's latest accepted report of an earlier period gave, for reference while typing. */
  previous: z
    .object({
      periodLabel: z.string(),
      value: z.number().nullable(),
      assessment: z.enum(['achieved', 'not_achieved']).nullable(),
    })
    .nullable(),
});

export const ZTaskUpdateRow = z.object({
  taskId: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  deadlineText: z.string().nullable(),
  status: z.enum(['not_started', 'in_progress', 'done']).nullable(),
  progress: z.number().int().nullable(),
  completedOn: z.string().nullable(),
  result: z.string().nullable(),
});

/** A unit's report as the form shows it: one row per indicator and task the unit leads. */
export const ZUnitReport = z.object({
  period: ZReportingPeriod,
  unitId: z.uuid(),
  unitName: z.string(),
  /** Null while nothing was saved: the rows are then empty and `revision` to send is 0. */
  report: ZReportSummary.nullable(),
  /** False when this is an earlier version (GET /api/v1/unit-reports/:id): shown read-only. */
  isCurrentVersion: z.boolean(),
  nothingArose: z.boolean(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  indicators: z.array(ZIndicatorValueRow),
  tasks: z.array(ZTaskUpdateRow),
  attachments: z.array(ZAttachment),
  /** Every return of this version by the standing agency, oldest first: reasons and per-row comments stay. */
  returns: z.array(
    z.object({
      id: z.uuid(),
      reason: z.string(),
      comments: z.array(
        z.object({ indicatorId: z.uuid().nullable(), taskId: z.uuid().nullable(), text: z.string() }),
      ),
      returnedAt: z.string(),
      returnedByName: z.string().nullable(),
    }),
  ),
  /** The other versions of this unit's report for the period (earlier ones, or the current one when an earlier one is shown), newest first. */
  versions: z.array(ZReportSummary),
  /**
   * Who entered this version for the unit ("Nhập thay bởi … (Phòng VH-XH) cho …"): the standing agency's
   * officer and the plan's standing agency; null when the unit wrote it itself.
   */
  enteredOnBehalf: z
    .object({ byName: z.string(), byUnitName: z.string().nullable(), forUnitName: z.string() })
    .nullable(),
  /**
   * `edit`: fill in and submit; `review`: accept or return; `enterOnBehalf`: the standing agency may start
   * the report for a unit that has none yet (a unit without an account sent it on paper).
   */
  can: z.object({ edit: z.boolean(), review: z.boolean(), enterOnBehalf: z.boolean() }),
});
export type TUnitReport = z.infer<typeof ZUnitReport>;

const zNumber = (label: string) =>
  z
    .number({ error: `${label} phải là một số` })
    .finite({ error: `${label} phải là một số hữu hạn` })
    .nullish()
    .transform((value) => value ?? null);

export const ZSaveReportRequest = z.object({
  revision: zRevision,
  nothingArose: z.boolean({ error: 'Không phát sinh phải là true hoặc false' }).default(false),
  difficulties: zOptionalText('Khó khăn, vướng mắc', TextLimits.note),
  proposals: zOptionalText('Kiến nghị, đề xuất', TextLimits.note),
  values: z
    .array(
      z.object({
        indicatorId: zId('Chỉ tiêu'),
        value: zNumber('Giá trị'),
        numerator: zNumber('Tử số'),
        denominator: zNumber('Mẫu số'),
        assessment: z
          .enum(['achieved', 'not_achieved'], { error: 'Đánh giá phải là achieved hoặc not_achieved' })
          .nullish(),
        note: zOptionalText('Ghi chú', TextLimits.note),
        /** "Chưa có số liệu" and why; only for a row without a value. */
        missingReason: zOptionalText('Lý do chưa có số liệu', TextLimits.note),
      }),
      // The figures' ranges and their agreement are checked by the service with the indicator's unit
      // (core/domain/indicator-values.ts), so each problem names its indicator.
    )
    .max(500)
    .default([]),
  taskUpdates: z
    .array(
      z.object({
        taskId: zId('Nhiệm vụ'),
        status: z.enum(['not_started', 'in_progress', 'done'], {
          error: 'Tình trạng phải là not_started, in_progress hoặc done',
        }),
        progress: z
          .number({ error: 'Tiến độ phải là một số' })
          .int({ error: 'Tiến độ phải là số nguyên' })
          .min(0, { error: 'Tiến độ từ 0 đến 100 (%)' })
          .max(100, { error: 'Tiến độ từ 0 đến 100 (%)' })
          .nullish(),
        completedOn: zIsoDate('Ngày hoàn thành').nullish(),
        result: zOptionalText('Kết quả', TextLimits.note),
      }),
    )
    .max(500)
    .default([]),
});
export type TSaveReportRequest = z.infer<typeof ZSaveReportRequest>;

export const ZReportActionRequest = z.object({ revision: zRevision });
/** Submitting: after the due date the unit says why it is late. */
export const ZSubmitReportRequest = z.object({
  revision: zRevision,
  lateReason: zOptionalText('Lý do nộp muộn', TextLimits.note),
});
export type TSubmitReportRequest = z.infer<typeof ZSubmitReportRequest>;
export const ZReturnReportRequest = z.object({
  revision: zRevision,
  reason: zText('Lý do trả lại', TextLimits.note),
  /** Comments on single indicators or tasks, kept with the return in the report's history. */
  comments: z
    .array(
      z
        .object({
          indicatorId: zId('Chỉ tiêu').nullish(),
          taskId: zId('Nhiệm vụ').nullish(),
          text: zText('Nhận xét', TextLimits.note),
        })
        .refine((row) => (row.indicatorId == null) !== (row.taskId == null), {
          error: 'Nhận xét gắn với đúng một chỉ tiêu hoặc một nhiệm vụ',
        }),
    )
    .max(1000)
    .default([]),
});
export type TReturnReportRequest = z.infer<typeof ZReturnReportRequest>;

export const ZPeriodUnitParams = z.object({ id: zId('Kỳ báo cáo'), unitId: zId('Đơn vị') });

export const ZCreateAdhocPeriodRequest = z
  .object({
    label: zText('Tên kỳ báo cáo', TextLimits.short),
    dataFrom: zIsoDate('Số liệu từ ngày'),
    dataTo: zIsoDate('Số liệu đến ngày'),
    dueDate: zIsoDate('Hạn nộp'),
  })
  .superRefine((period, context) => {
    if (period.dataFrom > period.dataTo) {
      context.addIssue({
        code: 'custom',
        path: ['dataTo'],
        message: 'Ngày cuối của số liệu phải sau ngày đầu',
      });
    }
  });
export type TCreateAdhocPeriodRequest = z.infer<typeof ZCreateAdhocPeriodRequest>;

export const ZAttachmentQuery = z.object({
  indicatorId: zId('Chỉ tiêu').optional(),
  taskId: zId('Nhiệm vụ').optional(),
  /** "true": the file is the scan of the unit's paper report, for a report entered on its behalf. */
  paperReport: z
    .enum(['true', 'false'], { error: 'paperReport phải là true hoặc false' })
    .optional()
    .transform((value) => value === 'true'),
});

/** The plan a piece of work belongs to. */
const ZWorkPlan = z.object({
  id: z.uuid(),
  title: z.string(),
  number: z.string().nullable(),
  localityName: z.string(),
});

/** A report one of the user's units must file (GET /api/v1/my-work). */
export const ZMyObligation = z.object({
  plan: ZWorkPlan,
  period: ZReportingPeriod,
  unitId: z.uuid(),
  unitName: z.string(),
  /** The current version, or null when nothing was started. */
  report: ZReportSummary.nullable(),
  timeliness: z.enum(['on_time', 'late', 'missing', 'not_due']),
  /** Days from today to the due date: 0 on the day, negative once overdue. */
  daysLeft: z.number().int(),
  /** The web page of the report: /reporting-periods/:periodId/units/:unitId. */
  link: z.string(),
});
export type TMyObligation = z.infer<typeof ZMyObligation>;

/** A submitted report waiting for the standing agency. */
export const ZReviewItem = z.object({
  plan: ZWorkPlan,
  period: ZReportingPeriod,
  unitId: z.uuid(),
  unitName: z.string(),
  report: ZReportSummary,
  link: z.string(),
});
export type TReviewItem = z.infer<typeof ZReviewItem>;

/**
 * The statuses of a consolidated report, as CONSOLIDATED_STATUSES in consolidation.schemas.ts (not
 * imported: that module depends on this one through the dashboard schemas).
 */
const CONSOLIDATED_WORK_STATUSES = ['draft', 'sent', 'approved', 'returned'] as const;

/** A locality's consolidated report (or the lack of one) that waits for someone. */
export const ZConsolidatedWorkItem = z.object({
  plan: ZWorkPlan,
  period: ZReportingPeriod,
  /** Null when the standing agency has not started it. */
  report: z
    .object({
      id: z.uuid(),
      status: z.enum(CONSOLIDATED_WORK_STATUSES),
      revision: z.number().int(),
      sentAt: z.string().nullable(),
      sentByName: z.string().nullable(),
      decidedAt: z.string().nullable(),
      decidedByName: z.string().nullable(),
      returnReason: z.string().nullable(),
    })
    .nullable(),
  /** Days from today to the period's due date: 0 on the day, negative once overdue. */
  daysLeft: z.number().int(),
  /** The web page of the consolidated report: /reporting-periods/:periodId/consolidated. */
  link: z.string(),
});
export type TConsolidatedWorkItem = z.infer<typeof ZConsolidatedWorkItem>;

/**
 * "Việc của tôi" in one answer: for a unit officer the reports their units must file now (open periods,
 * and any draft, returned or overdue report), for the standing agency the reports waiting for review and
 * its consolidated reports returned by the leader or not sent although the period is past due, for the
 * leader the consolidated reports waiting for approval.
 */
export const ZMyWork = z.object({
  asOf: z.string(),
  /**
   * Whether the user is a unit officer (has obligations to file), reviews unit reports, approves
   * consolidated reports (leader, system administrator) and writes them (standing agency).
   */
  roles: z.object({
    files: z.boolean(),
    reviews: z.boolean(),
    approves: z.boolean(),
    consolidates: z.boolean(),
  }),
  obligations: z.array(ZMyObligation),
  toReview: z.array(ZReviewItem),
  /** Sent by the standing agency, waiting for the leader's approval. */
  consolidatedToApprove: z.array(ZConsolidatedWorkItem),
  /** Returned by the leader with a reason, to fix and send again. */
  consolidatedReturned: z.array(ZConsolidatedWorkItem),
  /** Periods past their due date whose consolidated report is not started or still a draft. */
  consolidatedOverdue: z.array(ZConsolidatedWorkItem),
  counts: z.object({
    obligations: z.number().int(),
    /** Returned by the standing agency, to fix and resubmit. */
    returned: z.number().int(),
    /** Past the due date and not submitted. */
    overdue: z.number().int(),
    toReview: z.number().int(),
    consolidatedToApprove: z.number().int(),
    consolidatedReturned: z.number().int(),
    consolidatedOverdue: z.number().int(),
  }),
});
export type TMyWork = z.infer<typeof ZMyWork>;

import { createHash, randomUUID } from 'node:crypto';
import { vietnamDateOf } from '@core/domain/deadlines';
import { unitReportStatus } from '@core/domain/report-status';
import { DEFAULT_CLOSING_DAY, type DueRule, generatePeriods } from '@core/domain/reporting-periods';
import type {
  TCreateAdhocPeriodRequest,
  TMyWork,
  TReturnReportRequest,
  TSaveReportRequest,
} from '@core/schemas/reporting.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/route';
import type { FileStore } from '../../storage';
import { recordAudit } from '../audit/audit.repository';
import type { Actor, UserActor } from '../auth/access';
import { readableLocalityIds } from '../auth/scope';
import { listIndicatorsByPlan } from '../indicator/indicator.repository';
import type { NotificationService } from '../notification/notification.service';
import type { PlanRow } from '../plan/plan.repository';
import { loadPlanInScope } from '../plan/plan.service';
import { listTasksByPlan } from '../task/task.repository';
import { findUnitById } from '../unit/unit.repository';
import { findUserById } from '../user/user.repository';
import { canEditUnitReport, canEnterOnBehalf, canReviewReports } from './reporting.policy';
import { presentPeriod, presentReportSummary } from './reporting.presenter';
import {
  type AttachmentRow,
  deleteAttachment,
  findAttachmentById,
  findCurrentReport,
  findPeriodById,
  findReportById,
  insertAttachment,
  insertMissingPeriods,
  insertPeriod,
  insertReport,
  listActivePlansInLocalities,
  listActivePlansLedBy,
  listAttachments,
  listConsolidatedReportsInStatus,
  listLeadUnitsOfPlan,
  listPeriodsAwaitingConsolidation,
  listPeriodsByPlan,
  listRegimesOfPlans,
  listReportsAwaitingReview,
  listReportsOfPeriods,
  listReportsOfUnitsInPeriods,
  listReportVersions,
  listStartedObligationsOfUnits,
  listTaskUpdates,
  listValues,
  type PeriodRow,
  type ReportRow,
  replaceTaskUpdates,
  replaceValues,
  supersedeEarlierVersions,
  updateReportAtRevision,
} from './reporting.repository';
import {
  assertFiguresComplete,
  assertLateReason,
  checkValueRows,
  type LedIndicator,
} from './unit-report-values';
import { findPreviousAcceptedValues, insertReturn, listReturns } from './unit-report-values.repository';
import { acceptedObservationsUpTo, targetInPeriod } from './year-target-in-period';

type ReportingServiceDeps = {
  db: Database;
  clock: Clock;
  storage: FileStore;
  /** Told of submissions, returns and acceptances inside their transaction; omitted by the demo seed. */
  notifications?: Pick<NotificationService, 'reportSubmitted' | 'reportReturned' | 'reportAccepted'>;
};

/** Evidence files: at most 10 MB, of the kinds offices exchange (checked by content, not by name). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const FILE_KINDS: Array<{ contentType: string; test: (bytes: Uint8Array) => boolean }> = [
  {
    contentType: 'application/pdf',
    test: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46,
  },
  { contentType: 'image/png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { contentType: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  // DOCX and XLSX are zip files; the extension decides which, the signature that it is one.
  {
    contentType: 'application/zip',
    test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04,
  },
];
const OFFICE_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The regime as the period generator reads it: a printed yearly date, or N (working) days after the period. */
const dueRuleOf = (regime: {
  due: string | null;
  dueDaysAfter: number | null;
  dueWorkingDays: boolean;
}): DueRule | null =>
  regime.due
    ? { kind: 'fixedDates', dates: [regime.due] }
    : regime.dueDaysAfter != null
      ? { kind: 'afterPeriodEnd', days: regime.dueDaysAfter, workingDays: regime.dueWorkingDays }
      : null;

/** Whole days from one calendar day to another ("YYYY-MM-DD"): negative when `to` is earlier. */
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const REPORT_CHANGED_MESSAGE =
  'Báo cáo vừa được người khác cập nhật. Nội dung bạn nhập chưa được lưu và vẫn còn trên màn hình: hãy tải lại bản mới nhất, so sánh rồi lưu lại.';

export const createReportingService = ({ db, clock, storage, notifications }: ReportingServiceDeps) => {
  const today = () => vietnamDateOf(clock.now());

  /**
   * Creates the periods of the plan's regimes that are missing, from the plan's year up to this year.
   * Idempotent: existing periods are kept as they are (they may carry reports).
   */
  const ensurePeriods = (executor: Executor, plan: PlanRow): Promise<void> =>
    ensurePeriodsOfPlans(executor, [plan]);

  /** `ensurePeriods` for several plans, in two queries whatever their number. */
  const ensurePeriodsOfPlans = async (executor: Executor, plans: PlanRow[]): Promise<void> => {
    if (plans.length === 0) return;
    const regimes = await listRegimesOfPlans(
      executor,
      plans.map((plan) => plan.id),
    );
    const thisYear = Number(today().slice(0, 4));
    const planById = new Map(plans.map((plan) => [plan.id, plan]));
    const rows = regimes.flatMap((regime) => {
      const plan = planById.get(regime.planId)!;
      const firstYear = Math.min(plan.issuedDate ? Number(plan.issuedDate.slice(0, 4)) : thisYear, thisYear);
      return generatePeriods(
        {
          frequency: regime.frequency,
          dueRule: dueRuleOf(regime),
          closingDay: regime.closingDay ?? DEFAULT_CLOSING_DAY,
        },
        firstYear,
        thisYear,
      ).map((period) => ({
        planId: plan.id,
        regimeId: regime.id,
        key: period.key,
        label: period.label,
        periodStart: period.start,
        periodEnd: period.end,
        dataFrom: period.dataFrom,
        dataTo: period.dataTo,
        dueDate: period.dueDate,
      }));
    });
    await insertMissingPeriods(executor, rows);
  };

  const loadPeriodInScope = async (executor: Executor, actor: Actor, periodId: string) => {
    const period = await findPeriodById(executor, periodId);
    if (!period) throw new AppError('PERIOD_NOT_FOUND');
    const { plan, chain } = await loadPlanInScope(executor, actor, period.planId, 'read', 'PERIOD_NOT_FOUND');
    return { period, plan, chain };
  };

  const loadReportInScope = async (executor: Executor, actor: Actor, reportId: string) => {
    const report = await findReportById(executor, reportId);
    if (!report) throw new AppError('REPORT_NOT_FOUND');
    const scope = await loadPeriodInScope(executor, actor, report.periodId).catch(() => {
      throw new AppError('REPORT_NOT_FOUND');
    });
    return { report, ...scope };
  };

  /**
   * Where a unit's report of a period stands, from its versions (oldest first): `unitReportStatus`, the
   * rule the dashboard and the documents use too (a draft or returned report is never on time).
   */
  const reportStatusOf = (period: PeriodRow, versions: ReportRow[]) =>
    unitReportStatus({ versions, dueDate: period.dueDate, asOf: today() });
  const timelinessOf = (period: PeriodRow, versions: ReportRow[]) =>
    reportStatusOf(period, versions).timeliness;

  /** Lists a plan's periods, creating those its regimes call for up to this year. @throws AppError PLAN_NOT_FOUND */
  const listPeriods = async (context: RequestContext, planId: string): Promise<PeriodRow[]> => {
    const { plan } = await loadPlanInScope(db, context.actor, planId, 'read');
    await db.transaction((tx) => ensurePeriods(tx, plan));
    return listPeriodsByPlan(db, planId);
  };

  /** Opens an ad hoc period ("báo cáo đột xuất"). @throws AppError PLAN_NOT_FOUND, FORBIDDEN */
  const createAdhocPeriod = (
    context: RequestContext,
    planId: string,
    input: TCreateAdhocPeriodRequest,
  ): Promise<PeriodRow> =>
    db.transaction(async (tx) => {
      const { plan, chain } = await loadPlanInScope(tx, context.actor, planId, 'read');
      if (!canReviewReports(context.actor, chain)) throw new AppError('FORBIDDEN');
      const period = await insertPeriod(tx, {
        planId,
        regimeId: null,
        // Random, not time-based: two requests in the same millisecond must not collide.
        key: `adhoc-${randomUUID()}`,
        label: input.label,
        periodStart: input.dataFrom,
        periodEnd: input.dataTo,
        dataFrom: input.dataFrom,
        dataTo: input.dataTo,
        dueDate: input.dueDate,
      });
      await recordAudit(tx, context, clock.now(), {
        entityType: 'reporting_period',
        entityId: period.id,
        planId,
        localityId: plan.localityId,
        action: 'create',
        after: period,
      });
      return period;
    });

  /**
   * A period with every unit that must report (those leading an indicator or task) and where each stands.
   *
   * @throws AppError PERIOD_NOT_FOUND
   */
  const getPeriod = async (context: RequestContext, periodId: string) => {
    const { period, plan, chain } = await loadPeriodInScope(db, context.actor, periodId);
    const units = await listLeadUnitsOfPlan(db, plan.id, period.dueDate);
    const reports = await listReportsOfPeriods(db, [period.id]);
    const obligations = units.map((unitRow) => {
      const versions = reports.filter((report) => report.unitId === unitRow.unitId);
      const status = reportStatusOf(period, versions);
      return {
        ...unitRow,
        report: versions.at(-1) ?? null,
        timeliness: status.timeliness,
        workflow: status.workflow,
        isCorrecting: status.isCorrecting,
      };
    });
    return { period, plan, obligations, canEnterOnBehalf: canEnterOnBehalf(context.actor, chain) };
  };

  /**
   * The report form of a unit for a period: the indicators and tasks it leads with what it entered.
   *
   * @throws AppError PERIOD_NOT_FOUND, UNIT_NOT_FOUND
   */
  const getUnitReport = async (
    context: RequestContext,
    periodId: string,
    unitId: string,
    executor: Executor = db,
    /** An earlier version to show instead of the current one (read-only). */
    versionId?: string,
  ) => {
    const { period, plan, chain } = await loadPeriodInScope(executor, context.actor, periodId);
    const unitRow = await findUnitById(executor, unitId);
    if (!unitRow || unitRow.localityId !== plan.localityId) throw new AppError('UNIT_NOT_FOUND');
    const versions = await listReportVersions(executor, periodId, unitId);
    const latest = versions[0];
    const current = versionId ? versions.find((row) => row.id === versionId) : latest;
    if (versionId && !current) throw new AppError('REPORT_NOT_FOUND');
    const isCurrentVersion = current === latest;
    const values = current ? await listValues(executor, [current.id]) : [];
    const updates = current ? await listTaskUpdates(executor, [current.id]) : [];
    const attachments = current ? await listAttachments(executor, [current.id]) : [];
    const returns = current ? await listReturns(executor, current.id) : [];
    const previous = await findPreviousAcceptedValues(executor, period, unitId);
    const indicators = (await listIndicatorsByPlan(executor, plan.id)).filter(
      (row) => row.leadUnitId === unitId,
    );
    const observations = await acceptedObservationsUpTo(executor, plan.id, period);
    const tasks = (await listTasksByPlan(executor, plan.id)).filter((row) => row.leadUnitId === unitId);
    const enteredOnBehalf = current?.enteredOnBehalfBy
      ? {
          byName: (await findUserById(executor, current.enteredOnBehalfBy))?.displayName ?? '',
          byUnitName: plan.standingAgencyUnitId
            ? ((await findUnitById(executor, plan.standingAgencyUnitId))?.name ?? null)
            : null,
          forUnitName: unitRow.name,
        }
      : null;
    return {
      period,
      unit: unitRow,
      report: current ?? null,
      isCurrentVersion,
      versions: versions.filter((row) => row !== current),
      values,
      updates,
      attachments,
      returns,
      previous,
      indicators: indicators.map((row) => {
        return {
          row,
          ...targetInPeriod(row, period, observations.get(row.id) ?? []),
          isQualitative:
            row.targets.length > 0 && row.targets.every((candidate) => candidate.op === 'qualitative'),
        };
      }),
      tasks,
      enteredOnBehalf,
      // An earlier version is history: nobody edits or reviews it.
      can: {
        edit: isCurrentVersion && canEditUnitReport(context.actor, chain, unitId, current),
        review: isCurrentVersion && canReviewReports(context.actor, chain),
        // Only a report nobody started: the standing agency never takes over a unit's own draft.
        enterOnBehalf: isCurrentVersion && !current && canEnterOnBehalf(context.actor, chain),
      },
    };
  };

  /**
   * One version of a unit's report, current or earlier (an earlier one read-only), for anyone who may
   * read the plan.
   *
   * @throws AppError REPORT_NOT_FOUND (also outside the actor's scope)
   */
  const getReportVersion = async (context: RequestContext, reportId: string) => {
    const { report } = await loadReportInScope(db, context.actor, reportId);
    return getUnitReport(context, report.periodId, report.unitId, db, report.id);
  };

  /**
   * Checks what a report's rows may hold: only what the unit leads, percentages between 0 and 100, and a
   * value that agrees with its numerator and denominator (the value is computed from them when missing).
   *
   * @throws AppError VALIDATION_FAILED naming the row
   */
  const normaliseRows = (
    input: TSaveReportRequest,
    led: { indicators: LedIndicator[]; taskIds: Set<string> },
  ) => {
    const { values, problems } = checkValueRows(input.values, led.indicators);
    input.taskUpdates.forEach((row, index) => {
      if (!led.taskIds.has(row.taskId))
        problems.push({
          field: `taskUpdates.${index}.taskId`,
          message: 'Nhiệm vụ này không do đơn vị chủ trì',
        });
      if (row.status === 'done' && row.completedOn && row.completedOn > today()) {
        problems.push({
          field: `taskUpdates.${index}.completedOn`,
          message: 'Ngày hoàn thành không được sau hôm nay',
        });
      }
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
    return values;
  };

  const auditReport = (
    tx: Executor,
    context: RequestContext,
    plan: PlanRow,
    action: 'create' | 'update',
    before: unknown,
    after: ReportRow,
  ) =>
    recordAudit(tx, context, clock.now(), {
      entityType: 'unit_report',
      entityId: after.id,
      parentEntityId: after.periodId,
      planId: plan.id,
      localityId: plan.localityId,
      action,
      before,
      after,
    });

  /**
   * Saves a unit's draft (creating version 1 on the first save). `revision` must be the one the client
   * loaded: if someone saved in between, nothing is written and the client is told to reload.
   *
   * @throws AppError PERIOD_NOT_FOUND, UNIT_NOT_FOUND, FORBIDDEN, REPORT_CHANGED, REPORT_LOCKED, VALIDATION_FAILED
   */
  const saveDraft = (context: RequestContext, periodId: string, unitId: string, input: TSaveReportRequest) =>
    db
      .transaction(async (tx) => {
        const form = await getUnitReport(context, periodId, unitId, tx);
        if (!form.can.edit) throw new AppError('FORBIDDEN');
        const { plan } = await loadPeriodInScope(tx, context.actor, periodId);
        const values = normaliseRows(input, {
          indicators: ledIndicatorsOf(form),
          taskIds: new Set(form.tasks.map((row) => row.id)),
        });
        const fields = {
          nothingArose: input.nothingArose,
          difficulties: input.difficulties,
          proposals: input.proposals,
          updatedAt: clock.now(),
          updatedBy: context.actor.kind === 'user' ? context.actor.userId : null,
        };
        let report: ReportRow;
        const before = form.report;
        if (!before) {
          if (input.revision !== 0) throw new AppError('REPORT_CHANGED', { message: REPORT_CHANGED_MESSAGE });
          report = await insertReport(tx, {
            periodId,
            unitId,
            version: 1,
            status: 'draft',
            revision: 1,
            ...fields,
          });
        } else {
          if (before.status === 'submitted' || before.status === 'accepted') {
            throw new AppError('REPORT_LOCKED', {
              message:
                before.status === 'submitted'
                  ? 'Báo cáo đã nộp và đang chờ cơ quan thường trực xem xét, nên không sửa được.'
                  : 'Báo cáo đã được chấp nhận và khóa. Muốn sửa số liệu, hãy tạo bản điều chỉnh.',
            });
          }
          const updated = await updateReportAtRevision(tx, before.id, input.revision, {
            ...fields,
            status: 'draft',
          });
          if (!updated) throw new AppError('REPORT_CHANGED', { message: REPORT_CHANGED_MESSAGE });
          report = updated;
        }
        await replaceValues(
          tx,
          report.id,
          values.map((row) => ({
            indicatorId: row.indicatorId,
            value: row.value,
            numerator: row.numerator,
            denominator: row.denominator,
            assessment: row.assessment,
            note: row.note,
            missingReason: row.missingReason,
          })),
        );
        await replaceTaskUpdates(
          tx,
          report.id,
          input.taskUpdates.map((row) => ({
            taskId: row.taskId,
            status: row.status,
            progress: row.status === 'done' ? (row.progress ?? 100) : (row.progress ?? null),
            completedOn: row.status === 'done' ? (row.completedOn ?? null) : null,
            result: row.result,
          })),
        );
        await auditReport(
          tx,
          context,
          plan,
          before ? 'update' : 'create',
          before ? { ...before, values: form.values, taskUpdates: form.updates } : null,
          {
            ...report,
            values,
            taskUpdates: input.taskUpdates,
          } as ReportRow,
        );
        return getUnitReport(context, periodId, unitId, tx);
      })
      .catch((error: unknown) => {
        // Two first saves at once: the unique (period, unit, version) index lets one through.
        if (isUniqueViolation(error))
          throw new AppError('REPORT_CHANGED', { message: REPORT_CHANGED_MESSAGE, cause: error });
        throw error;
      });

  /**
   * Starts a unit's report on its behalf ("nhập thay"): the standing agency enters the figures of the
   * signed paper report of a unit without an account, attaches its scan and submits it. The version keeps
   * who entered it, and the audit entry says for whom. Idempotent for a report already entered so.
   *
   * @throws AppError PERIOD_NOT_FOUND, UNIT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED (the unit writes its own)
   */
  const startOnBehalf = (context: RequestContext, periodId: string, unitId: string) =>
    db
      .transaction(async (tx) => {
        const form = await getUnitReport(context, periodId, unitId, tx);
        if (form.report?.enteredOnBehalfBy && form.can.edit) return form;
        if (!form.can.enterOnBehalf) {
          if (form.report) {
            throw new AppError('REPORT_LOCKED', {
              message: 'Đơn vị đã có báo cáo kỳ này nên không nhập thay được.',
            });
          }
          throw new AppError('FORBIDDEN', {
            message: 'Chỉ cơ quan thường trực mới nhập thay báo cáo cho đơn vị.',
          });
        }
        const { plan } = await loadPeriodInScope(tx, context.actor, periodId);
        const report = await insertReport(tx, {
          periodId,
          unitId,
          version: 1,
          status: 'draft',
          revision: 1,
          updatedAt: clock.now(),
          updatedBy: userIdOf(context.actor),
          enteredOnBehalfBy: userIdOf(context.actor),
        });
        const started = await getUnitReport(context, periodId, unitId, tx);
        const who = started.enteredOnBehalf!;
        await auditReport(tx, context, plan, 'create', null, {
          ...report,
          enteredOnBehalf: `Nhập thay bởi ${who.byName}${who.byUnitName ? ` (${who.byUnitName})` : ''} cho ${who.forUnitName}`,
        } as ReportRow);
        return started;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError('REPORT_CHANGED', { message: REPORT_CHANGED_MESSAGE, cause: error });
        throw error;
      });

  /** Moves a report through its workflow, with the lock and the audit entry. */
  const transition = (
    context: RequestContext,
    reportId: string,
    revision: number,
    step: (
      report: ReportRow,
      chain: string[],
      period: PeriodRow,
      tx: Executor,
    ) => Promise<Partial<ReportRow>>,
    after?: (tx: Executor, updated: ReportRow, event: { plan: PlanRow; period: PeriodRow }) => Promise<void>,
  ) =>
    db.transaction(async (tx) => {
      const { report, chain, plan, period } = await loadReportInScope(tx, context.actor, reportId);
      const changes = await step(report, chain, period, tx);
      const updated = await updateReportAtRevision(tx, report.id, revision, changes);
      if (!updated) throw new AppError('REPORT_CHANGED', { message: REPORT_CHANGED_MESSAGE });
      if (after) await after(tx, updated, { plan, period });
      await auditReport(tx, context, plan, 'update', report, updated);
      return getUnitReport(context, report.periodId, report.unitId, tx);
    });

  const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

  /** The indicators of a form as the value rules read them, in the form's order. */
  const ledIndicatorsOf = (form: {
    indicators: Array<{ row: Omit<LedIndicator, 'isQualitative'>; isQualitative: boolean }>;
  }) =>
    form.indicators.map(({ row, isQualitative }) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      unit: row.unit,
      isQualitative,
    }));

  /**
   * Submits a draft or returned report. The first submission of a version fixes its timeliness: after
   * the due date it is accepted for review and marked late.
   *
   * @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED, REPORT_CHANGED
   */
  const submit = (
    context: RequestContext,
    reportId: string,
    revision: number,
    lateReason: string | null = null,
  ) =>
    transition(
      context,
      reportId,
      revision,
      async (report, chain, period, tx) => {
        if (!canEditUnitReport(context.actor, chain, report.unitId, report)) throw new AppError('FORBIDDEN');
        if (report.status !== 'draft' && report.status !== 'returned') {
          throw new AppError('REPORT_LOCKED', { message: 'Chỉ nộp được báo cáo đang soạn hoặc bị trả lại.' });
        }
        // A report entered on the unit's behalf stands on the unit's signed paper report: its scan must be there.
        if (
          report.enteredOnBehalfBy &&
          !(await listAttachments(tx, [report.id])).some((file) => file.isPaperReport)
        ) {
          throw new AppError('VALIDATION_FAILED', {
            details: [
              {
                field: 'attachments',
                message: 'Báo cáo nhập thay cần đính kèm bản chụp báo cáo giấy của đơn vị trước khi nộp',
              },
            ],
          });
        }
        // Every value given or explained, and a late report says why (unit-report-values.ts).
        const form = await getUnitReport(context, report.periodId, report.unitId, tx);
        assertFiguresComplete(ledIndicatorsOf(form), form.values);
        const firstSubmission = report.submittedAt == null;
        const isLate = firstSubmission ? today() > period.dueDate : report.isLate;
        const reason = lateReason ?? report.lateReason;
        assertLateReason(isLate, reason, period.dueDate);
        return {
          status: 'submitted',
          submittedAt: firstSubmission ? clock.now() : report.submittedAt,
          submittedBy: userIdOf(context.actor),
          isLate,
          lateReason: isLate ? reason : null,
        };
      },
      async (tx, updated, { plan, period }) => {
        const unitName = (await findUnitById(tx, updated.unitId))?.name ?? 'Đơn vị';
        await notifications?.reportSubmitted(tx, { report: updated, period, plan, unitName });
      },
    );

  /** @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED, REPORT_CHANGED */
  const returnReport = (
    context: RequestContext,
    reportId: string,
    revision: number,
    reason: string,
    comments: TReturnReportRequest['comments'] = [],
  ) =>
    transition(
      context,
      reportId,
      revision,
      async (report, chain, _period, tx) => {
        if (!canReviewReports(context.actor, chain)) throw new AppError('FORBIDDEN');
        if (report.status !== 'submitted')
          throw new AppError('REPORT_LOCKED', { message: 'Chỉ trả lại được báo cáo đã nộp.' });
        // The return stays in the report's history with its comments on single rows.
        const form = await getUnitReport(context, report.periodId, report.unitId, tx);
        const indicatorIds = new Set(form.indicators.map((item) => item.row.id));
        const taskIds = new Set(form.tasks.map((row) => row.id));
        const strayComments = comments.flatMap((comment, index) =>
          (comment.indicatorId && !indicatorIds.has(comment.indicatorId)) ||
          (comment.taskId && !taskIds.has(comment.taskId))
            ? [
                {
                  field: `comments.${index}`,
                  message: 'Nhận xét gắn với chỉ tiêu hoặc nhiệm vụ không có trong báo cáo',
                },
              ]
            : [],
        );
        if (strayComments.length) throw new AppError('VALIDATION_FAILED', { details: strayComments });
        await insertReturn(tx, {
          reportId: report.id,
          reason,
          comments: comments.map((comment) => ({
            indicatorId: comment.indicatorId ?? null,
            taskId: comment.taskId ?? null,
            text: comment.text,
          })),
          returnedAt: clock.now(),
          returnedBy: userIdOf(context.actor),
        });
        return {
          status: 'returned',
          returnReason: reason,
          reviewedAt: clock.now(),
          reviewedBy: userIdOf(context.actor),
        };
      },
      async (tx, updated, { plan, period }) => {
        await notifications?.reportReturned(tx, { report: updated, period, plan });
      },
    );

  /** Accepts a submitted report, which locks it; an accepted correction supersedes the earlier version. */
  const accept = (context: RequestContext, reportId: string, revision: number) =>
    transition(
      context,
      reportId,
      revision,
      async (report, chain) => {
        if (!canReviewReports(context.actor, chain)) throw new AppError('FORBIDDEN');
        if (report.status !== 'submitted')
          throw new AppError('REPORT_LOCKED', { message: 'Chỉ chấp nhận được báo cáo đã nộp.' });
        return {
          status: 'accepted',
          returnReason: null,
          reviewedAt: clock.now(),
          reviewedBy: userIdOf(context.actor),
        };
      },
      async (tx, updated, { plan, period }) => {
        await supersedeEarlierVersions(tx, updated);
        await notifications?.reportAccepted(tx, { report: updated, period, plan });
      },
    );

  /**
   * Starts a correction of an accepted report: a new draft version with the same content and evidence.
   * The accepted version keeps counting until the correction is accepted.
   *
   * @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED
   */
  const correct = (context: RequestContext, reportId: string) =>
    db
      .transaction(async (tx) => {
        const { report, chain, plan } = await loadReportInScope(tx, context.actor, reportId);
        if (!canEditUnitReport(context.actor, chain, report.unitId, report)) throw new AppError('FORBIDDEN');
        const current = await findCurrentReport(tx, report.periodId, report.unitId);
        if (report.status !== 'accepted' || current?.id !== report.id) {
          throw new AppError('REPORT_LOCKED', {
            message: 'Chỉ điều chỉnh được bản báo cáo đã chấp nhận mới nhất.',
          });
        }
        const next = await insertReport(tx, {
          periodId: report.periodId,
          unitId: report.unitId,
          version: report.version + 1,
          status: 'draft',
          nothingArose: report.nothingArose,
          difficulties: report.difficulties,
          proposals: report.proposals,
          updatedAt: clock.now(),
          updatedBy: userIdOf(context.actor),
          // The standing agency corrects on the unit's behalf; the unit's own officer corrects its own report.
          enteredOnBehalfBy: canEditUnitReport(context.actor, chain, report.unitId)
            ? null
            : userIdOf(context.actor),
        });
        const values = await listValues(tx, [report.id]);
        await replaceValues(
          tx,
          next.id,
          values.map(({ id: _id, reportId: _reportId, ...row }) => row),
        );
        const updates = await listTaskUpdates(tx, [report.id]);
        await replaceTaskUpdates(
          tx,
          next.id,
          updates.map(({ id: _id, reportId: _reportId, ...row }) => row),
        );
        for (const { id: _id, reportId: _reportId, ...file } of await listAttachments(tx, [report.id])) {
          await insertAttachment(tx, { ...file, reportId: next.id });
        }
        await auditReport(tx, context, plan, 'create', null, next);
        return getUnitReport(context, report.periodId, report.unitId, tx);
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError('REPORT_CHANGED', { message: REPORT_CHANGED_MESSAGE, cause: error });
        throw error;
      });

  /**
   * Attaches an evidence file to a report being written.
   *
   * @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED, FILE_TOO_LARGE, FILE_TYPE_REFUSED, VALIDATION_FAILED
   */
  const addAttachment = async (
    context: RequestContext,
    reportId: string,
    file: { bytes: Uint8Array; fileName: string },
    link: { indicatorId?: string; taskId?: string; paperReport?: boolean },
  ): Promise<AttachmentRow> => {
    if (file.bytes.length === 0) throw new AppError('FILE_TYPE_REFUSED', { message: 'Tệp rỗng.' });
    if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('FILE_TOO_LARGE');
    const kind = FILE_KINDS.find((candidate) => candidate.test(file.bytes));
    const extension = file.fileName.toLowerCase().split('.').pop() ?? '';
    const contentType = kind?.contentType === 'application/zip' ? OFFICE_TYPES[extension] : kind?.contentType;
    if (!contentType) throw new AppError('FILE_TYPE_REFUSED');
    const { report, chain } = await loadReportInScope(db, context.actor, reportId);
    if (!canEditUnitReport(context.actor, chain, report.unitId, report)) throw new AppError('FORBIDDEN');
    if (link.paperReport && !report.enteredOnBehalfBy) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          { field: 'paperReport', message: 'Chỉ báo cáo nhập thay mới đính kèm bản chụp báo cáo giấy' },
        ],
      });
    }
    if (report.status !== 'draft' && report.status !== 'returned') {
      throw new AppError('REPORT_LOCKED', {
        message: 'Chỉ đính kèm minh chứng khi báo cáo đang soạn hoặc bị trả lại.',
      });
    }
    const form = await getUnitReport(context, report.periodId, report.unitId);
    if (link.indicatorId && !form.indicators.some((item) => item.row.id === link.indicatorId)) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'indicatorId', message: 'Chỉ tiêu này không do đơn vị chủ trì' }],
      });
    }
    if (link.taskId && !form.tasks.some((row) => row.id === link.taskId)) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'taskId', message: 'Nhiệm vụ này không do đơn vị chủ trì' }],
      });
    }
    // The bytes go to the store first; if the database write fails, an orphan file is harmless, a row without its file is not.
    const storageKey = await storage.put(file.bytes);
    return db.transaction(async (tx) => {
      const { plan } = await loadReportInScope(tx, context.actor, reportId);
      const row = await insertAttachment(tx, {
        reportId,
        indicatorId: link.indicatorId ?? null,
        taskId: link.taskId ?? null,
        fileName: file.fileName.normalize('NFC').slice(0, 200),
        contentType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy: userIdOf(context.actor),
        uploadedAt: clock.now(),
        isPaperReport: link.paperReport ?? false,
      });
      await recordAudit(tx, context, clock.now(), {
        entityType: 'attachment',
        entityId: row.id,
        parentEntityId: reportId,
        planId: plan.id,
        localityId: plan.localityId,
        action: 'create',
        after: row,
      });
      return row;
    });
  };

  /** The bytes of an evidence file, for someone who may read the plan. @throws AppError ATTACHMENT_NOT_FOUND */
  const readAttachment = async (context: RequestContext, attachmentId: string) => {
    const row = await findAttachmentById(db, attachmentId);
    if (!row) throw new AppError('ATTACHMENT_NOT_FOUND');
    await loadReportInScope(db, context.actor, row.reportId).catch(() => {
      throw new AppError('ATTACHMENT_NOT_FOUND');
    });
    return { row, bytes: await storage.get(row.storageKey) };
  };

  /** @throws AppError ATTACHMENT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED */
  const removeAttachment = (context: RequestContext, attachmentId: string) =>
    db.transaction(async (tx) => {
      const row = await findAttachmentById(tx, attachmentId);
      if (!row) throw new AppError('ATTACHMENT_NOT_FOUND');
      const { report, chain, plan } = await loadReportInScope(tx, context.actor, row.reportId);
      if (!canEditUnitReport(context.actor, chain, report.unitId, report)) throw new AppError('FORBIDDEN');
      if (report.status !== 'draft' && report.status !== 'returned') {
        throw new AppError('REPORT_LOCKED', {
          message: 'Không gỡ được minh chứng của báo cáo đã nộp hoặc đã chấp nhận.',
        });
      }
      // The file stays in the store: an earlier, accepted version may still point at it.
      await deleteAttachment(tx, attachmentId);
      await recordAudit(tx, context, clock.now(), {
        entityType: 'attachment',
        entityId: row.id,
        parentEntityId: row.reportId,
        planId: plan.id,
        localityId: plan.localityId,
        action: 'delete',
        before: row,
      });
    });

  /**
   * "Việc của tôi": the reports the user's units must file now — the open periods (data window started,
   * due date not passed) and any draft, returned or overdue report — and, for those who review reports
   * (standing agency, system administrator), the submitted reports in their scope waiting for review;
   * for those who decide consolidated reports (leader, system administrator) the ones sent to them, and
   * for the standing agency its consolidated reports returned by the leader or missing past the due date.
   * A fixed number of queries, whatever the number of plans, periods and units.
   */
  const getMyWork = async (context: RequestContext): Promise<TMyWork> => {
    const asOf = today();
    const { actor } = context;
    const assignments = actor.kind === 'user' ? actor.assignments : [];
    const unitIds = [
      ...new Set(
        assignments
          .filter((assignment) => assignment.role === 'unit_officer' && assignment.unitId)
          .map((assignment) => assignment.unitId!),
      ),
    ];
    const reviewing = assignments.filter(
      (assignment) => assignment.role === 'standing_officer' || assignment.role === 'system_admin',
    );

    const plans = await listActivePlansLedBy(db, unitIds);
    await db.transaction((tx) => ensurePeriodsOfPlans(tx, plans));
    const started = await listStartedObligationsOfUnits(db, unitIds, asOf);
    const reports = await listReportsOfUnitsInPeriods(
      db,
      [...new Set(started.map((row) => row.period.id))],
      unitIds,
    );
    const versionsOf = new Map<string, ReportRow[]>();
    for (const report of reports) {
      const key = `${report.periodId}:${report.unitId}`;
      versionsOf.set(key, [...(versionsOf.get(key) ?? []), report]);
    }

    const workPlan = (row: {
      planId: string;
      planTitle: string;
      planNumber: string | null;
      localityName: string;
    }) => ({
      id: row.planId,
      title: row.planTitle,
      number: row.planNumber,
      localityName: row.localityName,
    });
    const linkOf = (periodId: string, unitId: string) => `/reporting-periods/${periodId}/units/${unitId}`;
    const obligations = started.flatMap((row) => {
      const versions = versionsOf.get(`${row.period.id}:${row.unitId}`) ?? [];
      const report = versions.at(-1);
      const timeliness = timelinessOf(row.period, versions);
      const waitsForUnit =
        report?.status === 'draft' || report?.status === 'returned' || timeliness === 'missing';
      const isOpen = row.period.dataFrom <= asOf && row.period.dueDate >= asOf;
      if (!waitsForUnit && !isOpen) return [];
      return [
        {
          plan: workPlan(row),
          period: presentPeriod(row.period),
          unitId: row.unitId,
          unitName: row.unitName,
          report: report ? presentReportSummary(report) : null,
          timeliness,
          daysLeft: daysBetween(asOf, row.period.dueDate),
          link: linkOf(row.period.id, row.unitId),
        },
      ];
    });

    const reviewScope = reviewing.length
      ? await readableLocalityIds(db, { ...(actor as UserActor), assignments: reviewing })
      : [];
    const toReview = (await listReportsAwaitingReview(db, reviewScope)).map((row) => ({
      plan: workPlan(row),
      period: presentPeriod(row.period),
      unitId: row.report.unitId,
      unitName: row.unitName,
      report: presentReportSummary(row.report),
      link: linkOf(row.period.id, row.report.unitId),
    }));

    // Consolidated reports: the leader (and the system administrator, as the consolidation policy lets
    // them decide) approves those sent in their scope; the standing agency fixes those returned and
    // writes those of the periods past due.
    const deciding = assignments.filter(
      (assignment) => assignment.role === 'leader' || assignment.role === 'system_admin',
    );
    const consolidating = assignments.filter((assignment) => assignment.role === 'standing_officer');
    const scopeOf = (held: typeof assignments) =>
      held.length ? readableLocalityIds(db, { ...(actor as UserActor), assignments: held }) : [];
    const decideScope = await scopeOf(deciding);
    const consolidateScope = await scopeOf(consolidating);
    if (consolidating.length > 0) {
      // The periods past due must exist to be found missing: same as the units' obligations above.
      const localityPlans = await listActivePlansInLocalities(db, consolidateScope);
      await db.transaction((tx) => ensurePeriodsOfPlans(tx, localityPlans));
    }
    type ConsolidatedRowOf = Awaited<ReturnType<typeof listConsolidatedReportsInStatus>>[number];
    const consolidatedItem = (row: {
      report: ConsolidatedRowOf['report'] | null;
      period: PeriodRow;
      sentByName?: string | null;
      decidedByName?: string | null;
      planId: string;
      planTitle: string;
      planNumber: string | null;
      localityName: string;
    }) => ({
      plan: workPlan(row),
      period: presentPeriod(row.period),
      report: row.report
        ? {
            id: row.report.id,
            status: row.report.status,
            revision: row.report.revision,
            sentAt: row.report.sentAt?.toISOString() ?? null,
            sentByName: row.sentByName ?? null,
            decidedAt: row.report.decidedAt?.toISOString() ?? null,
            decidedByName: row.decidedByName ?? null,
            returnReason: row.report.returnReason,
          }
        : null,
      daysLeft: daysBetween(asOf, row.period.dueDate),
      link: `/reporting-periods/${row.period.id}/consolidated`,
    });
    const consolidatedToApprove = (await listConsolidatedReportsInStatus(db, decideScope, 'sent')).map(
      consolidatedItem,
    );
    const consolidatedReturned = (
      await listConsolidatedReportsInStatus(db, consolidateScope, 'returned')
    ).map(consolidatedItem);
    const consolidatedOverdue = (await listPeriodsAwaitingConsolidation(db, consolidateScope, asOf)).map(
      consolidatedItem,
    );

    return {
      asOf,
      roles: {
        files: unitIds.length > 0,
        reviews: reviewing.length > 0,
        approves: deciding.length > 0,
        consolidates: consolidating.length > 0,
      },
      obligations,
      toReview,
      consolidatedToApprove,
      consolidatedReturned,
      consolidatedOverdue,
      counts: {
        obligations: obligations.length,
        returned: obligations.filter((row) => row.report?.status === 'returned').length,
        overdue: obligations.filter((row) => row.timeliness === 'missing').length,
        toReview: toReview.length,
        consolidatedToApprove: consolidatedToApprove.length,
        consolidatedReturned: consolidatedReturned.length,
        consolidatedOverdue: consolidatedOverdue.length,
      },
    };
  };

  return {
    ensurePeriods,
    ensurePeriodsOfPlans,
    getMyWork,
    listPeriods,
    createAdhocPeriod,
    getPeriod,
    getUnitReport,
    getReportVersion,
    saveDraft,
    startOnBehalf,
    submit,
    returnReport,
    accept,
    correct,
    addAttachment,
    readAttachment,
    removeAttachment,
  };
};

export type ReportingService = ReturnType<typeof createReportingService>;
export type UnitReportForm = Awaited<ReturnType<ReportingService['getUnitReport']>>;

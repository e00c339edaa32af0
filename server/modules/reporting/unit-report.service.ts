/**
 * A unit's report through its workflow: the draft saved (every value checked by the rules of
 * core/domain/indicator-values.ts), the report started on a unit's behalf from its paper report, then
 * submitted, returned with comments, accepted, and corrected as a new version. Each step under the
 * report's revision lock, with its audit entry and the notification of who acts next.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import type { TReturnReportRequest, TSaveReportRequest } from '@core/schemas/reporting.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import type { PlanRow } from '../../shared/plan-contents';
import {
  listAttachments,
  listTaskUpdates,
  listValues,
  type PeriodRow,
  type ReportRow,
} from '../../shared/report-reads';
import type { Actor } from '../auth/access';
import type { NotificationService } from '../notification/notification.service';
import type { PeriodService } from './period.service';
import type { ReportingDirectory } from './reporting.directory';
import { canEditUnitReport, canReviewReports } from './reporting.policy';
import {
  findCurrentReport,
  insertAttachment,
  insertReport,
  replaceTaskUpdates,
  replaceValues,
  supersedeEarlierVersions,
  updateReportAtRevision,
} from './reporting.repository';
import { ledIndicatorsOf, type UnitReportForms } from './unit-report-form';
import {
  assertFiguresComplete,
  assertLateReason,
  checkValueRows,
  type LedIndicator,
} from './unit-report-values';
import { insertReturn } from './unit-report-values.repository';

export type UnitReportServiceDeps = {
  db: Database;
  clock: Clock;
  directory: Pick<ReportingDirectory, 'findUnitById' | 'recordAudit'>;
  periods: Pick<PeriodService, 'loadPeriodInScope' | 'loadReportInScope'>;
  forms: Pick<UnitReportForms, 'getUnitReport'>;
  /** Told of submissions, returns and acceptances inside their transaction; omitted by the demo seed. */
  notifications?: Pick<NotificationService, 'reportSubmitted' | 'reportReturned' | 'reportAccepted'>;
};

export const REPORT_CHANGED_MESSAGE =
  'Báo cáo vừa được người khác cập nhật. Nội dung bạn nhập chưa được lưu và vẫn còn trên màn hình: hãy tải lại bản mới nhất, so sánh rồi lưu lại.';

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

export const createUnitReportService = ({
  db,
  clock,
  directory,
  periods,
  forms,
  notifications,
}: UnitReportServiceDeps) => {
  const { findUnitById, recordAudit } = directory;
  const { loadPeriodInScope, loadReportInScope } = periods;
  const { getUnitReport } = forms;
  const today = () => vietnamDateOf(clock.now());

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

  return { saveDraft, startOnBehalf, submit, returnReport, accept, correct };
};

export type UnitReportService = ReturnType<typeof createUnitReportService>;

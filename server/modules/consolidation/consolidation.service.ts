/**
 * The locality's consolidated report for a period: the standing agency builds it from the accepted unit
 * reports (figures, task results, difficulties and proposals by unit), writes the narrative and sends it
 * to the leader, who approves it (then it is locked) or returns it with a reason.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import type {
  TConsolidatedReport,
  TConsolidatedSnapshot,
  TSaveConsolidatedRequest,
} from '@core/schemas/consolidation.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { namesOfUsers } from '../../shared/accounts';
import { recordAudit } from '../../shared/audit-log';
import { findPeriodById, listReportsOfPeriods } from '../../shared/report-reads';
import { listUnitsByLocality } from '../../shared/units';
import type { Actor } from '../auth/access';
import type { DashboardService } from '../dashboard/dashboard.service';
import {
  type ConsolidatedEvent,
  createNotificationService,
  type NotificationService,
} from '../notification/notification.service';
import { loadPlanInScope } from '../plan/plan.service';
import { canDecideConsolidated, canEditConsolidated } from './consolidation.policy';
import {
  type ConsolidatedRow,
  type ConsolidatedVersionRow,
  findConsolidatedById,
  findConsolidatedByPeriod,
  insertApprovedVersion,
  insertConsolidated,
  listApprovedVersions,
  updateConsolidatedAtRevision,
} from './consolidation.repository';
import { documentHeadOf, sameSources, sourcesOf } from './consolidation.snapshot';

type ConsolidationServiceDeps = {
  db: Database;
  clock: Clock;
  dashboard: Pick<DashboardService, 'getPlanDashboard'>;
  /**
   * Who is told of a send, a return or an approval. Without it, in-app notifications only (no e-mail):
   * the app passes its notification service, which also queues the e-mail copies.
   */
  notifications?: Pick<
    NotificationService,
    'consolidatedSent' | 'consolidatedReturned' | 'consolidatedApproved'
  >;
};

type Notify = (executor: Executor, event: ConsolidatedEvent) => Promise<void>;

const CHANGED_MESSAGE =
  'Báo cáo tổng hợp vừa được người khác cập nhật. Nội dung bạn nhập vẫn còn trên màn hình: hãy tải lại rồi lưu lại.';

const presentScan = (row: ConsolidatedVersionRow, names: Map<string, string>) =>
  row.scanStorageKey && row.scanUploadedAt
    ? {
        fileName: row.scanFileName ?? 'ban-ky.pdf',
        contentType: row.scanContentType ?? 'application/octet-stream',
        sizeBytes: row.scanSizeBytes ?? 0,
        uploadedAt: row.scanUploadedAt.toISOString(),
        uploadedByName: row.scanUploadedBy ? (names.get(row.scanUploadedBy) ?? null) : null,
      }
    : null;

export const createConsolidationService = ({
  db,
  clock,
  dashboard,
  notifications = createNotificationService({ db, clock, config: {} }),
}: ConsolidationServiceDeps) => {
  const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

  const loadScope = async (executor: Executor, actor: Actor, periodId: string) => {
    const period = await findPeriodById(executor, periodId);
    if (!period) throw new AppError('PERIOD_NOT_FOUND');
    const { plan, chain } = await loadPlanInScope(executor, actor, period.planId, 'read', 'PERIOD_NOT_FOUND');
    return { period, plan, chain };
  };

  /**
   * The consolidated report of a period. An approved version is read from its frozen snapshot, never
   * recomputed; otherwise the figures are the period's dashboard as it stands, with what each unit wrote
   * in its accepted report.
   *
   * @param version - an approved version to read instead of the current one
   * @throws AppError PERIOD_NOT_FOUND; REPORT_NOT_FOUND for a version that was never approved
   */
  const get = async (
    context: RequestContext,
    periodId: string,
    version?: number,
  ): Promise<TConsolidatedReport> => {
    const executor = db;
    const { period, plan, chain } = await loadScope(executor, context.actor, periodId);
    const row = await findConsolidatedByPeriod(executor, periodId);
    const approved = await listApprovedVersions(executor, row?.id);
    const names = await namesOfUsers(executor, [
      row?.sentBy,
      row?.decidedBy,
      ...approved.flatMap((item) => [item.approvedBy, item.scanUploadedBy]),
    ]);
    const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
    const canEdit = canEditConsolidated(context.actor, chain);
    const canDecide = canDecideConsolidated(context.actor, chain);
    const versions = approved.map((item) => ({
      version: item.version,
      approvedAt: item.approvedAt.toISOString(),
      approvedByName: nameOf(item.approvedBy),
      signedScan: presentScan(item, names),
    }));
    const shown =
      version != null
        ? approved.find((item) => item.version === version)
        : row?.status === 'approved'
          ? approved.find((item) => item.version === row.version)
          : undefined;
    if (version != null && !shown) {
      throw new AppError('REPORT_NOT_FOUND', {
        message: `Báo cáo tổng hợp chưa có phiên bản ${version} đã được phê duyệt.`,
      });
    }

    if (row && shown) {
      const snapshot = shown.snapshot as TConsolidatedSnapshot;
      const isCurrent = row.status === 'approved' && row.version === shown.version;
      return {
        id: row.id,
        periodId,
        version: shown.version,
        status: 'approved',
        revision: row.revision,
        narrative: snapshot.narrative,
        shortcomings: snapshot.shortcomings,
        nextSteps: snapshot.nextSteps,
        sentAt: snapshot.sentAt,
        sentByName: snapshot.sentByName,
        decidedAt: snapshot.decidedAt,
        decidedByName: snapshot.decidedByName,
        returnReason: null,
        approval: {
          version: shown.version,
          approvedAt: shown.approvedAt.toISOString(),
          approvedByName: nameOf(shown.approvedBy),
          sources: snapshot.sources,
          signedScan: presentScan(shown, names),
          documentHead: snapshot.documentHead ?? null,
        },
        approvedBeforeFreezing: false,
        hasNewData: !sameSources(snapshot.sources, await sourcesOf(executor, plan.id, period)),
        versions,
        dashboard: snapshot.dashboard,
        units: snapshot.units,
        can: { edit: false, decide: false },
        canStartVersion: canEdit && isCurrent,
        canAttachScan: canEdit || canDecide,
      };
    }

    const figures = await dashboard.getPlanDashboard(context, plan.id, period.id);
    const accepted = (await listReportsOfPeriods(executor, [periodId])).filter(
      (report) => report.status === 'accepted',
    );
    const unitNames = new Map(
      (await listUnitsByLocality(executor, plan.localityId)).map((unit) => [unit.id, unit.name]),
    );
    return {
      id: row?.id ?? null,
      periodId,
      version: row?.version ?? 1,
      status: row?.status ?? null,
      revision: row?.revision ?? 0,
      narrative: row?.narrative ?? null,
      shortcomings: row?.shortcomings ?? null,
      nextSteps: row?.nextSteps ?? null,
      sentAt: row?.sentAt?.toISOString() ?? null,
      sentByName: nameOf(row?.sentBy),
      decidedAt: row?.decidedAt?.toISOString() ?? null,
      decidedByName: nameOf(row?.decidedBy),
      returnReason: row?.returnReason ?? null,
      approval: null,
      // Approved, yet no snapshot: approved before approvals were frozen. Shown live, and said so.
      approvedBeforeFreezing: row?.status === 'approved',
      hasNewData: false,
      versions,
      dashboard: figures,
      units: accepted
        .map((report) => ({
          unitId: report.unitId,
          unitName: unitNames.get(report.unitId) ?? '',
          reportId: report.id,
          nothingArose: report.nothingArose,
          difficulties: report.difficulties,
          proposals: report.proposals,
        }))
        .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
      can: {
        edit: canEdit && row?.status !== 'sent' && row?.status !== 'approved',
        decide: canDecide && row?.status === 'sent',
      },
      canStartVersion: false,
      canAttachScan: false,
    };
  };

  const audit = (
    tx: Executor,
    context: RequestContext,
    planId: string,
    localityId: string,
    before: unknown,
    after: ConsolidatedRow,
  ) =>
    recordAudit(tx, context, clock.now(), {
      entityType: 'consolidated_report',
      entityId: after.id,
      parentEntityId: after.periodId,
      planId,
      localityId,
      action: before ? 'update' : 'create',
      before,
      after,
    });

  /**
   * Saves the narrative (creating the report on the first save; a returned report becomes a draft again).
   *
   * @throws AppError PERIOD_NOT_FOUND, FORBIDDEN, REPORT_CHANGED, REPORT_LOCKED
   */
  const save = async (context: RequestContext, periodId: string, input: TSaveConsolidatedRequest) => {
    await db
      .transaction(async (tx) => {
        const { plan, chain } = await loadScope(tx, context.actor, periodId);
        if (!canEditConsolidated(context.actor, chain)) throw new AppError('FORBIDDEN');
        const before = await findConsolidatedByPeriod(tx, periodId);
        const fields = {
          narrative: input.narrative,
          // A section left out of the request keeps what is stored.
          ...(input.shortcomings !== undefined ? { shortcomings: input.shortcomings } : {}),
          ...(input.nextSteps !== undefined ? { nextSteps: input.nextSteps } : {}),
          updatedAt: clock.now(),
          updatedBy: userIdOf(context.actor),
        };
        let after: ConsolidatedRow | undefined;
        if (!before) {
          if (input.revision !== 0) throw new AppError('REPORT_CHANGED', { message: CHANGED_MESSAGE });
          after = await insertConsolidated(tx, { periodId, status: 'draft', ...fields });
        } else {
          if (before.status === 'sent' || before.status === 'approved') {
            throw new AppError('REPORT_LOCKED', {
              message:
                before.status === 'sent'
                  ? 'Báo cáo tổng hợp đã trình lãnh đạo, chưa sửa được.'
                  : 'Báo cáo tổng hợp đã được phê duyệt và khóa.',
            });
          }
          after = await updateConsolidatedAtRevision(tx, before.id, input.revision, {
            ...fields,
            status: 'draft',
          });
          if (!after) throw new AppError('REPORT_CHANGED', { message: CHANGED_MESSAGE });
        }
        await audit(tx, context, plan.id, plan.localityId, before ?? null, after);
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError('REPORT_CHANGED', { message: CHANGED_MESSAGE, cause: error });
        throw error;
      });
    // Read back after the commit: the figures come through the main connection, which PGlite (one
    // connection) could not serve while the transaction is open.
    return get(context, periodId);
  };

  /**
   * Moves the report through send / approve / return, under the lock, with the audit entry and the
   * notification of the people who act next, all in one transaction.
   */
  const transition = async (
    context: RequestContext,
    reportId: string,
    revision: number,
    step: (row: ConsolidatedRow, chain: string[]) => Partial<ConsolidatedRow>,
    notify: Notify,
    afterStep?: (tx: Executor, after: ConsolidatedRow) => Promise<void>,
  ) => {
    const periodId = await db.transaction(async (tx) => {
      const row = await findConsolidatedById(tx, reportId);
      if (!row) throw new AppError('REPORT_NOT_FOUND');
      const { period, plan, chain } = await loadScope(tx, context.actor, row.periodId).catch(() => {
        throw new AppError('REPORT_NOT_FOUND');
      });
      const after = await updateConsolidatedAtRevision(tx, row.id, revision, step(row, chain));
      if (!after) throw new AppError('REPORT_CHANGED', { message: CHANGED_MESSAGE });
      await afterStep?.(tx, after);
      await audit(tx, context, plan.id, plan.localityId, row, after);
      await notify(tx, { report: after, period, plan });
      return row.periodId;
    });
    return get(context, periodId);
  };

  /** @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED, REPORT_CHANGED */
  const send = (context: RequestContext, reportId: string, revision: number) =>
    transition(
      context,
      reportId,
      revision,
      (row, chain) => {
        if (!canEditConsolidated(context.actor, chain)) throw new AppError('FORBIDDEN');
        if (row.status !== 'draft' && row.status !== 'returned') {
          throw new AppError('REPORT_LOCKED', {
            message: 'Chỉ trình được báo cáo tổng hợp đang soạn hoặc bị trả lại.',
          });
        }
        return { status: 'sent', sentAt: clock.now(), sentBy: userIdOf(context.actor) };
      },
      notifications.consolidatedSent,
    );

  /** The leader's decision on a sent report: approve it, or return it with a reason. */
  const decide = (
    context: RequestContext,
    reportId: string,
    revision: number,
    decision: { status: 'approved' | 'returned'; returnReason: string | null; lockedMessage: string },
    notify: Notify,
    afterStep?: (tx: Executor, after: ConsolidatedRow) => Promise<void>,
  ) =>
    transition(
      context,
      reportId,
      revision,
      (row, chain) => {
        if (!canDecideConsolidated(context.actor, chain)) throw new AppError('FORBIDDEN');
        if (row.status !== 'sent') throw new AppError('REPORT_LOCKED', { message: decision.lockedMessage });
        return {
          status: decision.status,
          decidedAt: clock.now(),
          decidedBy: userIdOf(context.actor),
          returnReason: decision.returnReason,
        };
      },
      notify,
      afterStep,
    );

  /**
   * Approves a sent report and freezes it: the figures, statuses and narrative the leader sees, the unit
   * reports (ids and versions) they come from and the date are stored with the approval, in the same
   * transaction; the report and its Word/PDF are read from that snapshot from then on.
   *
   * @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED, REPORT_CHANGED
   */
  const approve = async (context: RequestContext, reportId: string, revision: number) => {
    const row = await findConsolidatedById(db, reportId);
    if (!row) throw new AppError('REPORT_NOT_FOUND');
    // Built before the transaction: the figures come through the main connection, which PGlite (one
    // connection) could not serve while the transaction is open. The revision check below makes sure the
    // report approved is the one these figures were built for.
    const notFound = (error: unknown) => {
      if (error instanceof AppError && error.code === 'PERIOD_NOT_FOUND')
        throw new AppError('REPORT_NOT_FOUND');
      throw error;
    };
    const live = await get(context, row.periodId).catch(notFound);
    const period = (await findPeriodById(db, row.periodId))!;
    const sources = await sourcesOf(db, live.dashboard.planId, period);
    const { plan } = await loadScope(db, context.actor, row.periodId).catch(notFound);
    const documentHead = await documentHeadOf(db, plan);
    return decide(
      context,
      reportId,
      revision,
      {
        status: 'approved',
        returnReason: null,
        lockedMessage: 'Chỉ phê duyệt được báo cáo tổng hợp đã trình.',
      },
      notifications.consolidatedApproved,
      async (tx, after) => {
        const names = await namesOfUsers(tx, [after.sentBy, after.decidedBy]);
        const decidedAt = after.decidedAt ?? clock.now();
        const snapshot: TConsolidatedSnapshot = {
          version: after.version,
          narrative: after.narrative,
          shortcomings: after.shortcomings,
          nextSteps: after.nextSteps,
          sentAt: after.sentAt?.toISOString() ?? null,
          sentByName: after.sentBy ? (names.get(after.sentBy) ?? null) : null,
          decidedAt: decidedAt.toISOString(),
          decidedByName: after.decidedBy ? (names.get(after.decidedBy) ?? null) : null,
          approvedOn: vietnamDateOf(decidedAt),
          dashboard: live.dashboard,
          units: live.units,
          sources,
          documentHead,
        };
        await insertApprovedVersion(tx, {
          reportId: after.id,
          version: after.version,
          snapshot,
          approvedAt: decidedAt,
          approvedBy: after.decidedBy,
        });
      },
    );
  };

  /**
   * Starts a supplementary report ("báo cáo bổ sung") on an approved one: the next version, a draft with
   * the narrative carried over and the figures as they stand now, through the same workflow. The
   * approved version stays readable and downloadable.
   *
   * @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED, REPORT_CHANGED
   */
  const startVersion = (context: RequestContext, reportId: string, revision: number) =>
    transition(
      context,
      reportId,
      revision,
      (row, chain) => {
        if (!canEditConsolidated(context.actor, chain)) throw new AppError('FORBIDDEN');
        if (row.status !== 'approved') {
          throw new AppError('REPORT_LOCKED', {
            message: 'Chỉ lập được báo cáo bổ sung khi báo cáo tổng hợp đã được phê duyệt.',
          });
        }
        return {
          status: 'draft',
          version: row.version + 1,
          sentAt: null,
          sentBy: null,
          decidedAt: null,
          decidedBy: null,
          returnReason: null,
          updatedAt: clock.now(),
          updatedBy: userIdOf(context.actor),
        };
      },
      async () => {},
    );

  /** @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED, REPORT_CHANGED */
  const returnReport = (context: RequestContext, reportId: string, revision: number, reason: string) =>
    decide(
      context,
      reportId,
      revision,
      {
        status: 'returned',
        returnReason: reason,
        lockedMessage: 'Chỉ trả lại được báo cáo tổng hợp đã trình.',
      },
      notifications.consolidatedReturned,
    );

  /** The report by its id (an approved version of it with `version`). @throws AppError REPORT_NOT_FOUND */
  const getById = async (context: RequestContext, reportId: string, version?: number) => {
    const row = await findConsolidatedById(db, reportId);
    if (!row) throw new AppError('REPORT_NOT_FOUND');
    return get(context, row.periodId, version).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'PERIOD_NOT_FOUND')
        throw new AppError('REPORT_NOT_FOUND');
      throw error;
    });
  };

  return { get, getById, save, send, approve, returnReport, startVersion };
};

export type ConsolidationService = ReturnType<typeof createConsolidationService>;

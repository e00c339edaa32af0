/**
 * The locality's consolidated report for a period: the standing agency builds it from the accepted unit
 * reports (figures, task results, difficulties and proposals by unit), writes the narrative and sends it
 * to the leader, who approves it (then it is locked) or returns it with a reason.
 */
import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { appUser, consolidatedReport } from '../../db/schema';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/route';
import { recordAudit } from '../audit/audit.repository';
import type { Actor } from '../auth/access';
import type { DashboardService } from '../dashboard/dashboard.service';
import {
  type ConsolidatedEvent,
  createNotificationService,
  type NotificationService,
} from '../notification/notification.service';
import { loadPlanInScope } from '../plan/plan.service';
import { findPeriodById, listReportsOfPeriods } from '../reporting/reporting.repository';
import { listUnitsByLocality } from '../unit/unit.repository';
import { canDecideConsolidated, canEditConsolidated } from './consolidation.policy';

type ConsolidatedRow = typeof consolidatedReport.$inferSelect;
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

const findByPeriod = async (executor: Executor, periodId: string): Promise<ConsolidatedRow | undefined> =>
  (await executor.select().from(consolidatedReport).where(eq(consolidatedReport.periodId, periodId)))[0];

const updateAtRevision = async (
  executor: Executor,
  id: string,
  revision: number,
  values: Partial<ConsolidatedRow>,
) =>
  (
    await executor
      .update(consolidatedReport)
      .set({ ...values, revision: sql`${consolidatedReport.revision} + 1` })
      .where(and(eq(consolidatedReport.id, id), eq(consolidatedReport.revision, revision)))
      .returning()
  )[0];

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
   * The consolidated report of a period as it stands, with its figures (the period's dashboard) and what
   * each unit wrote in its accepted report.
   *
   * @throws AppError PERIOD_NOT_FOUND
   */
  const get = async (context: RequestContext, periodId: string): Promise<TConsolidatedReport> => {
    const executor = db;
    const { period, plan, chain } = await loadScope(executor, context.actor, periodId);
    const row = await findByPeriod(executor, periodId);
    const figures = await dashboard.getPlanDashboard(context, plan.id, period.id);
    const accepted = (await listReportsOfPeriods(executor, [periodId])).filter(
      (report) => report.status === 'accepted',
    );
    const unitNames = new Map(
      (await listUnitsByLocality(executor, plan.localityId)).map((unit) => [unit.id, unit.name]),
    );
    const peopleIds = [row?.sentBy, row?.decidedBy].filter((id): id is string => id != null);
    const people = peopleIds.length
      ? await executor
          .select({ id: appUser.id, name: appUser.displayName })
          .from(appUser)
          .where(inArray(appUser.id, peopleIds))
      : [];
    const nameOf = (id: string | null | undefined) =>
      id ? (people.find((person) => person.id === id)?.name ?? null) : null;
    return {
      id: row?.id ?? null,
      periodId,
      status: row?.status ?? null,
      revision: row?.revision ?? 0,
      narrative: row?.narrative ?? null,
      sentAt: row?.sentAt?.toISOString() ?? null,
      sentByName: nameOf(row?.sentBy),
      decidedAt: row?.decidedAt?.toISOString() ?? null,
      decidedByName: nameOf(row?.decidedBy),
      returnReason: row?.returnReason ?? null,
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
        edit:
          canEditConsolidated(context.actor, chain) && row?.status !== 'sent' && row?.status !== 'approved',
        decide: canDecideConsolidated(context.actor, chain) && row?.status === 'sent',
      },
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
  const save = async (
    context: RequestContext,
    periodId: string,
    input: { revision: number; narrative: string | null },
  ) => {
    await db
      .transaction(async (tx) => {
        const { plan, chain } = await loadScope(tx, context.actor, periodId);
        if (!canEditConsolidated(context.actor, chain)) throw new AppError('FORBIDDEN');
        const before = await findByPeriod(tx, periodId);
        const fields = {
          narrative: input.narrative,
          updatedAt: clock.now(),
          updatedBy: userIdOf(context.actor),
        };
        let after: ConsolidatedRow | undefined;
        if (!before) {
          if (input.revision !== 0) throw new AppError('REPORT_CHANGED', { message: CHANGED_MESSAGE });
          after = (
            await tx
              .insert(consolidatedReport)
              .values({ periodId, status: 'draft', ...fields })
              .returning()
          )[0]!;
        } else {
          if (before.status === 'sent' || before.status === 'approved') {
            throw new AppError('REPORT_LOCKED', {
              message:
                before.status === 'sent'
                  ? 'Báo cáo tổng hợp đã trình lãnh đạo, chưa sửa được.'
                  : 'Báo cáo tổng hợp đã được phê duyệt và khóa.',
            });
          }
          after = await updateAtRevision(tx, before.id, input.revision, { ...fields, status: 'draft' });
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
  ) => {
    const periodId = await db.transaction(async (tx) => {
      const row = (await tx.select().from(consolidatedReport).where(eq(consolidatedReport.id, reportId)))[0];
      if (!row) throw new AppError('REPORT_NOT_FOUND');
      const { period, plan, chain } = await loadScope(tx, context.actor, row.periodId).catch(() => {
        throw new AppError('REPORT_NOT_FOUND');
      });
      const after = await updateAtRevision(tx, row.id, revision, step(row, chain));
      if (!after) throw new AppError('REPORT_CHANGED', { message: CHANGED_MESSAGE });
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
    );

  /** @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED, REPORT_CHANGED */
  const approve = (context: RequestContext, reportId: string, revision: number) =>
    decide(
      context,
      reportId,
      revision,
      {
        status: 'approved',
        returnReason: null,
        lockedMessage: 'Chỉ phê duyệt được báo cáo tổng hợp đã trình.',
      },
      notifications.consolidatedApproved,
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

  return { get, save, send, approve, returnReport };
};

export type ConsolidationService = ReturnType<typeof createConsolidationService>;

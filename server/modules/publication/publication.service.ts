/**
 * Publication is a decision: the leader who approves the locality's consolidated report publishes an
 * approved version of it on the public site (/cong-khai), or withdraws it with a reason. Each decision
 * is kept (a withdrawn publication is shown publicly as "đã gỡ ngày …, lý do …") and audited.
 */
import type { TPublication, TPublishRequest, TReportPublications } from '@core/schemas/publication.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import type { consolidatedReport, consolidatedReportVersion } from '../../db/schema';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import { findLocalityById } from '../../shared/localities';
import { findPeriodById } from '../../shared/report-reads';
import { actorUserId } from '../auth/access';
import { canDecideConsolidated } from '../consolidation/consolidation.policy';
import { loadPlanInScope } from '../plan/plan.service';
import {
  findPublicationInForce,
  insertPublication,
  listPublicationsOfReport,
  type PublicationRow,
  withdrawPublication,
} from './publication.repository';

/**
 * What publication reads of the consolidated reports. The consolidation module owns those rows; its
 * repository functions are handed in where the services are wired (app.ts), so this module does not
 * import another module's repository.
 */
export type ConsolidatedReads = {
  findConsolidatedById: (
    executor: Executor,
    id: string,
  ) => Promise<typeof consolidatedReport.$inferSelect | undefined>;
  findApprovedVersion: (
    executor: Executor,
    reportId: string,
    version: number,
  ) => Promise<typeof consolidatedReportVersion.$inferSelect | undefined>;
  /** Display names of users, by id. */
  namesOfUsers: (executor: Executor, ids: Array<string | null | undefined>) => Promise<Map<string, string>>;
};

type PublicationServiceDeps = { db: Database; clock: Clock; consolidated: ConsolidatedReads };

const CHANGED_MESSAGE = 'Việc công khai báo cáo này vừa được người khác thay đổi. Hãy tải lại trang.';

/** The public address of a locality's page. */
export const publicPathOf = (localityCode: string): string =>
  `/cong-khai/dia-phuong/${encodeURIComponent(localityCode)}`;

export const createPublicationService = ({ db, clock, consolidated }: PublicationServiceDeps) => {
  const { findApprovedVersion, findConsolidatedById, namesOfUsers } = consolidated;
  /** The report, its period and plan, in the actor's scope (404 outside it). */
  const loadReport = async (executor: Executor, context: RequestContext, reportId: string) => {
    const report = await findConsolidatedById(executor, reportId);
    if (!report) throw new AppError('REPORT_NOT_FOUND');
    const period = await findPeriodById(executor, report.periodId);
    if (!period) throw new AppError('REPORT_NOT_FOUND');
    const { plan, chain } = await loadPlanInScope(executor, context.actor, period.planId, 'read').catch(
      () => {
        throw new AppError('REPORT_NOT_FOUND');
      },
    );
    return { report, period, plan, chain };
  };

  const present = (row: PublicationRow, names: Map<string, string>): TPublication => ({
    id: row.id,
    version: row.version,
    documentNumber: row.documentNumber,
    publishedAt: row.publishedAt.toISOString(),
    publishedByName: row.publishedBy ? (names.get(row.publishedBy) ?? null) : null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawnByName: row.withdrawnBy ? (names.get(row.withdrawnBy) ?? null) : null,
    withdrawReason: row.withdrawReason,
  });

  const audit = (
    tx: Executor,
    context: RequestContext,
    scope: { planId: string; localityId: string; reportId: string },
    before: PublicationRow | null,
    after: PublicationRow,
  ) =>
    recordAudit(tx, context, clock.now(), {
      entityType: 'report_publication',
      entityId: after.id,
      parentEntityId: scope.reportId,
      planId: scope.planId,
      localityId: scope.localityId,
      action: before ? 'update' : 'create',
      before,
      after,
    });

  /**
   * Every publication decision on a report, newest first.
   *
   * @throws AppError REPORT_NOT_FOUND outside the reader's scope
   */
  const list = async (context: RequestContext, reportId: string): Promise<TReportPublications> => {
    const { plan, chain } = await loadReport(db, context, reportId);
    const rows = await listPublicationsOfReport(db, reportId);
    const names = await namesOfUsers(
      db,
      rows.flatMap((row) => [row.publishedBy, row.withdrawnBy]),
    );
    const items = rows.map((row) => present(row, names));
    const locality = await findLocalityById(db, plan.localityId);
    return {
      items,
      current: items.find((item) => item.withdrawnAt == null) ?? null,
      canDecide: canDecideConsolidated(context.actor, chain),
      publicPath: publicPathOf(locality?.code ?? ''),
    };
  };

  /**
   * Publishes an approved version of the report. A version of the same report already in force is
   * withdrawn in the same transaction, the reason saying which version replaced it.
   *
   * @throws AppError REPORT_NOT_FOUND (also for a version never approved), FORBIDDEN, REPORT_LOCKED (that
   *   version is already public), REPORT_CHANGED (a concurrent decision)
   */
  const publish = async (
    context: RequestContext,
    reportId: string,
    version: number,
    input: TPublishRequest,
  ): Promise<TReportPublications> => {
    await db
      .transaction(async (tx) => {
        const { report, period, plan, chain } = await loadReport(tx, context, reportId);
        if (!canDecideConsolidated(context.actor, chain)) throw new AppError('FORBIDDEN');
        if (!(await findApprovedVersion(tx, report.id, version))) {
          throw new AppError('REPORT_NOT_FOUND', {
            message: `Báo cáo tổng hợp chưa có phiên bản ${version} đã được phê duyệt; chỉ công khai được bản đã phê duyệt.`,
          });
        }
        const now = clock.now();
        const by = actorUserId(context.actor);
        const scope = { planId: plan.id, localityId: plan.localityId, reportId: report.id };
        const inForce = await findPublicationInForce(tx, report.id);
        if (inForce?.version === version) {
          throw new AppError('REPORT_LOCKED', {
            message: `Phiên bản ${version} của báo cáo này đang được công khai.`,
          });
        }
        if (inForce) {
          const withdrawn = await withdrawPublication(tx, inForce.id, {
            withdrawnAt: now,
            withdrawnBy: by,
            withdrawReason: `Thay bằng phiên bản ${version} (báo cáo bổ sung).`,
          });
          if (!withdrawn) throw new AppError('REPORT_CHANGED', { message: CHANGED_MESSAGE });
          await audit(tx, context, scope, inForce, withdrawn);
        }
        const after = await insertPublication(tx, {
          reportId: report.id,
          version,
          localityId: plan.localityId,
          periodId: period.id,
          documentNumber: input.documentNumber,
          publishedAt: now,
          publishedBy: by,
        });
        await audit(tx, context, scope, null, after);
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError('REPORT_CHANGED', { message: CHANGED_MESSAGE, cause: error });
        throw error;
      });
    return list(context, reportId);
  };

  /**
   * Withdraws the report's publication in force, with the reason the public page shows.
   *
   * @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED (nothing is public)
   */
  const withdraw = async (
    context: RequestContext,
    reportId: string,
    reason: string,
  ): Promise<TReportPublications> => {
    await db.transaction(async (tx) => {
      const { report, plan, chain } = await loadReport(tx, context, reportId);
      if (!canDecideConsolidated(context.actor, chain)) throw new AppError('FORBIDDEN');
      const inForce = await findPublicationInForce(tx, report.id);
      if (!inForce) {
        throw new AppError('REPORT_LOCKED', { message: 'Báo cáo này không đang được công khai.' });
      }
      const after = await withdrawPublication(tx, inForce.id, {
        withdrawnAt: clock.now(),
        withdrawnBy: actorUserId(context.actor),
        withdrawReason: reason,
      });
      if (!after) throw new AppError('REPORT_CHANGED', { message: CHANGED_MESSAGE });
      await audit(
        tx,
        context,
        { planId: plan.id, localityId: plan.localityId, reportId: report.id },
        inForce,
        after,
      );
    });
    return list(context, reportId);
  };

  return { list, publish, withdraw };
};

export type PublicationService = ReturnType<typeof createPublicationService>;

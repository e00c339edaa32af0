/**
 * "Việc của tôi": what each person must do now across the plans they work on — the reports their units
 * must file, the reports waiting for their review, and the consolidated reports to approve, fix or write.
 */
import { daysBetween, vietnamDateOf } from '@core/domain/deadlines';
import type { TMyWork } from '@core/schemas/reporting.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import type { RequestContext } from '../../http/request-context';
import { listActivePlansInLocalities, type PeriodRow, type ReportRow } from '../../shared/report-reads';
import type { UserActor } from '../auth/access';
import type { PeriodService } from './period.service';
import type { ReportingDirectory } from './reporting.directory';
import { presentPeriod, presentReportSummary } from './reporting.presenter';
import {
  listActivePlansLedBy,
  listConsolidatedReportsInStatus,
  listPeriodsAwaitingConsolidation,
  listReportsAwaitingReview,
  listReportsOfUnitsInPeriods,
  listStartedObligationsOfUnits,
} from './reporting.repository';

export type MyWorkServiceDeps = {
  db: Database;
  clock: Clock;
  directory: Pick<ReportingDirectory, 'readableLocalityIds'>;
  periods: Pick<PeriodService, 'ensurePeriodsOfPlans' | 'reportStatusOf'>;
};

export const createMyWorkService = ({ db, clock, directory, periods }: MyWorkServiceDeps) => {
  const { readableLocalityIds } = directory;
  const { ensurePeriodsOfPlans, reportStatusOf } = periods;
  const today = () => vietnamDateOf(clock.now());
  const timelinessOf = (period: PeriodRow, versions: ReportRow[]) =>
    reportStatusOf(period, versions).timeliness;

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

  return { getMyWork };
};

export type MyWorkService = ReturnType<typeof createMyWorkService>;

/**
 * The locality dashboard of a plan for a reporting period: every indicator against its target path,
 * every task against its deadline, who has reported, and each unit's score, colour and rank. Numbers
 * come only from accepted unit reports, and each carries its source (report, people, evidence).
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import { evaluateUnit, INDICATOR_STATUSES, TASK_STATUSES, TIMELINESS } from '@core/domain/evaluation';
import {
  countStatuses,
  evaluateIndicatorInPeriod,
  evaluateTaskInPeriod,
  judgedPeriodOf,
  judgeUnitReport,
  rankByEvaluation,
  thresholdsOf,
} from '@core/domain/plan-evaluation';
import type { TPlanDashboard, TValueSource } from '@core/schemas/dashboard.schemas';
import { inArray } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { appUser } from '../../db/schema';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { findLocalityById } from '../../shared/localities';
import { listIndicatorsByPlan, listTasksByPlan } from '../../shared/plan-contents';
import {
  listAttachments,
  listLeadUnitsOfPlan,
  listPeriodsByPlan,
  listReportsOfPeriods,
  listTaskUpdates,
  listValues,
  type ReportRow,
} from '../../shared/report-reads';
import { listUnitsByLocality } from '../../shared/units';
import { loadPlanInScope } from '../plan/plan.service';
import { presentPeriod } from '../reporting/reporting.presenter';
import type { ReportingService } from '../reporting/reporting.service';
import { targetInPeriod } from '../reporting/year-target-in-period';

type DashboardServiceDeps = {
  db: Database;
  clock: Clock;
  reporting: Pick<ReportingService, 'ensurePeriods'>;
};

export const createDashboardService = ({ db, clock, reporting }: DashboardServiceDeps) => {
  /**
   * Builds the dashboard of a plan for a period (by default the latest one whose data window has opened).
   *
   * @throws AppError PLAN_NOT_FOUND, PERIOD_NOT_FOUND
   */
  const getPlanDashboard = async (
    context: RequestContext,
    planId: string,
    periodId?: string,
  ): Promise<TPlanDashboard> => {
    const { plan } = await loadPlanInScope(db, context.actor, planId, 'read');
    const asOf = vietnamDateOf(clock.now());
    await db.transaction((tx) => reporting.ensurePeriods(tx, plan));
    const allPeriods = await listPeriodsByPlan(db, planId);
    const period = periodId
      ? allPeriods.find((row) => row.id === periodId)
      : (judgedPeriodOf(allPeriods, asOf) ?? undefined);
    if (periodId && !period) throw new AppError('PERIOD_NOT_FOUND');
    const locality = (await findLocalityById(db, plan.localityId))!;
    const thresholds = thresholdsOf(locality);

    // Everything accepted up to the chosen period, by period end: the series, and the latest task progress.
    const periodsUpTo = period ? allPeriods.filter((row) => row.periodEnd <= period.periodEnd) : [];
    const reports = await listReportsOfPeriods(
      db,
      periodsUpTo.map((row) => row.id),
    );
    const accepted = reports.filter((report) => report.status === 'accepted');
    const acceptedIds = accepted.map((report) => report.id);
    const values = await listValues(db, acceptedIds);
    const updates = await listTaskUpdates(db, acceptedIds);
    const attachments = await listAttachments(db, acceptedIds);
    const periodById = new Map(allPeriods.map((row) => [row.id, row]));
    const reportById = new Map(accepted.map((report) => [report.id, report]));
    const units = await listUnitsByLocality(db, plan.localityId);
    const unitName = new Map(units.map((row) => [row.id, row.name]));
    const peopleIds = [
      ...new Set(
        accepted
          .flatMap((report) => [report.submittedBy, report.reviewedBy])
          .filter((id): id is string => id != null),
      ),
    ];
    const people = peopleIds.length
      ? await db
          .select({ id: appUser.id, name: appUser.displayName })
          .from(appUser)
          .where(inArray(appUser.id, peopleIds))
      : [];
    const personName = new Map(people.map((row) => [row.id, row.name]));

    const sourceOf = (report: ReportRow): TValueSource => ({
      reportId: report.id,
      periodId: report.periodId,
      unitId: report.unitId,
      unitName: unitName.get(report.unitId) ?? '',
      version: report.version,
      submittedByName: report.submittedBy ? (personName.get(report.submittedBy) ?? null) : null,
      submittedAt: report.submittedAt?.toISOString() ?? null,
      reviewedByName: report.reviewedBy ? (personName.get(report.reviewedBy) ?? null) : null,
      reviewedAt: report.reviewedAt?.toISOString() ?? null,
      attachmentCount: attachments.filter((file) => file.reportId === report.id).length,
    });

    const indicators = (await listIndicatorsByPlan(db, planId)).map((row) => {
      const { evaluation, current, observations } = evaluateIndicatorInPeriod({
        indicator: row,
        period: period ?? null,
        observations: values
          .filter((value) => value.indicatorId === row.id)
          .map((value) => ({
            value,
            report: reportById.get(value.reportId)!,
            period: periodById.get(reportById.get(value.reportId)!.periodId)!,
          })),
      });
      const year = period ? Number(period.dataTo.slice(0, 4)) : null;
      return {
        id: row.id,
        code: row.code,
        name: row.name,
        unit: row.unit,
        groupName: row.groupName,
        leadUnitId: row.leadUnitId,
        leadUnitName: row.leadUnitId ? (unitName.get(row.leadUnitId) ?? null) : null,
        status: evaluation.status,
        value: current?.value.value ?? null,
        assessment: current?.value.assessment ?? null,
        expected: evaluation.expected,
        milestoneYear: evaluation.milestoneYear,
        ...(year ? targetInPeriod(row, period!, observations) : { targetText: null, milestone: null }),
        source: current ? sourceOf(current.report) : null,
        series: observations
          .filter((item) => item.value.value != null)
          .map((item) => ({
            periodKey: item.period.key,
            label: item.period.label,
            dataTo: item.period.dataTo,
            value: item.value.value!,
          })),
        targets: row.targets.map((target) => ({
          year: target.year,
          op: target.op,
          value: target.value,
          valueHigh: target.valueHigh,
        })),
      };
    });

    const tasks = (await listTasksByPlan(db, planId)).map((row) => {
      const { status, latest } = evaluateTaskInPeriod({
        task: row,
        periodId: period?.id ?? null,
        progress: updates
          .filter((update) => update.taskId === row.id)
          .map((update) => {
            const report = reportById.get(update.reportId)!;
            return {
              update,
              report,
              status: update.status,
              completedOn: update.completedOn,
              periodId: report.periodId,
              dataTo: periodById.get(report.periodId)!.dataTo,
            };
          }),
        asOf,
      });
      return {
        id: row.id,
        code: row.code,
        name: row.name,
        groupName: row.groupName,
        leadUnitId: row.leadUnitId,
        leadUnitName: row.leadUnitId ? (unitName.get(row.leadUnitId) ?? null) : null,
        deadlineText: row.deadlineText,
        status,
        progress: latest?.update.progress ?? null,
        source: latest ? sourceOf(latest.report) : null,
      };
    });

    const periodReports = period ? reports.filter((report) => report.periodId === period.id) : [];
    const leadUnits = await listLeadUnitsOfPlan(db, planId, period?.dueDate);
    const scored = leadUnits.map((lead) => {
      const { current, timeliness, state, workflow, isCorrecting } = judgeUnitReport({
        period: period ?? null,
        versions: periodReports.filter((report) => report.unitId === lead.unitId),
        asOf,
      });
      const result = evaluateUnit({
        state,
        indicators: indicators.filter((row) => row.leadUnitId === lead.unitId).map((row) => row.status),
        tasks: tasks.filter((row) => row.leadUnitId === lead.unitId).map((row) => row.status),
        reports: [timeliness],
        thresholds,
      });
      return {
        unitId: lead.unitId,
        unitName: lead.unitName,
        evaluation: result.state,
        score: result.score,
        colour: result.colour,
        parts: result.parts,
        indicatorCount: lead.indicatorCount,
        taskCount: lead.taskCount,
        timeliness,
        reportStatus: current?.status ?? null,
        reportWorkflow: workflow,
        reportCorrecting: isCorrecting,
      };
    });

    const counts = {
      indicators: countStatuses(
        INDICATOR_STATUSES,
        indicators.map((row) => row.status),
      ),
      tasks: countStatuses(
        TASK_STATUSES,
        tasks.map((row) => row.status),
      ),
      reports: countStatuses(
        TIMELINESS,
        scored.map((row) => row.timeliness),
      ),
      pendingReview: periodReports.filter((report) => report.status === 'submitted').length,
    };

    return {
      planId,
      planTitle: plan.title,
      planNumber: plan.number,
      localityName: locality.name,
      asOf,
      period: period ? presentPeriod(period) : null,
      periods: allPeriods.map(presentPeriod),
      thresholds,
      counts,
      indicators,
      tasks,
      units: rankByEvaluation(scored),
    };
  };

  return { getPlanDashboard };
};

export type DashboardService = ReturnType<typeof createDashboardService>;

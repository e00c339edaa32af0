/**
 * Reporting periods: the periods a plan's regimes call for (created when first needed), ad hoc periods
 * ("báo cáo đột xuất"), who must report in a period and where each stands, and the scope checks of a
 * period or a report that every reporting service starts from.
 */

import { randomUUID } from 'node:crypto';
import { vietnamDateOf } from '@core/domain/deadlines';
import { unitReportStatus } from '@core/domain/report-status';
import { DEFAULT_CLOSING_DAY, type DueRule, generatePeriods } from '@core/domain/reporting-periods';
import type { TCreateAdhocPeriodRequest } from '@core/schemas/reporting.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import type { PlanRow } from '../../shared/plan-contents';
import {
  findPeriodById,
  listLeadUnitsOfPlan,
  listPeriodsByPlan,
  listRegimesOfPlans,
  listReportsOfPeriods,
  type PeriodRow,
  type ReportRow,
} from '../../shared/report-reads';
import type { Actor } from '../auth/access';
import type { ReportingDirectory } from './reporting.directory';
import { canEnterOnBehalf, canReviewReports } from './reporting.policy';
import { findReportById, insertMissingPeriods, insertPeriod } from './reporting.repository';

export type PeriodServiceDeps = {
  db: Database;
  clock: Clock;
  directory: Pick<ReportingDirectory, 'loadPlanInScope' | 'recordAudit'>;
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

export const createPeriodService = ({ db, clock, directory }: PeriodServiceDeps) => {
  const { loadPlanInScope, recordAudit } = directory;
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

  /** The period and its plan, after the read check of the plan's scope. @throws AppError PERIOD_NOT_FOUND */
  const loadPeriodInScope = async (executor: Executor, actor: Actor, periodId: string) => {
    const period = await findPeriodById(executor, periodId);
    if (!period) throw new AppError('PERIOD_NOT_FOUND');
    const { plan, chain } = await loadPlanInScope(executor, actor, period.planId, 'read', 'PERIOD_NOT_FOUND');
    return { period, plan, chain };
  };

  /** The report, its period and plan, after the read check. @throws AppError REPORT_NOT_FOUND */
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

  return {
    ensurePeriods,
    ensurePeriodsOfPlans,
    loadPeriodInScope,
    loadReportInScope,
    reportStatusOf,
    listPeriods,
    createAdhocPeriod,
    getPeriod,
  };
};

export type PeriodService = ReturnType<typeof createPeriodService>;

/**
 * The report form of a unit for a period: the indicators and tasks it leads with what it entered, the
 * target of each indicator in the period (the dashboard's), the previous period's accepted values, the
 * evidence, the returns and the versions, and what the actor may do with it.
 */
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { listAttachments, listTaskUpdates, listValues } from '../../shared/report-reads';
import type { PeriodService } from './period.service';
import type { ReportingDirectory } from './reporting.directory';
import { canEditUnitReport, canEnterOnBehalf, canReviewReports } from './reporting.policy';
import { listReportVersions } from './reporting.repository';
import type { LedIndicator } from './unit-report-values';
import { findPreviousAcceptedValues, listReturns } from './unit-report-values.repository';
import { acceptedObservationsUpTo, targetInPeriod } from './year-target-in-period';

export type UnitReportFormDeps = {
  db: Database;
  clock: Clock;
  directory: Pick<
    ReportingDirectory,
    'listIndicatorsByPlan' | 'listTasksByPlan' | 'findUnitById' | 'findUserById'
  >;
  periods: Pick<PeriodService, 'loadPeriodInScope' | 'loadReportInScope'>;
};

/** The indicators of a form as the value rules read them, in the form's order. */
export const ledIndicatorsOf = (form: {
  indicators: Array<{ row: Omit<LedIndicator, 'isQualitative'>; isQualitative: boolean }>;
}) =>
  form.indicators.map(({ row, isQualitative }) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    isQualitative,
  }));

export const createUnitReportForms = ({ db, directory, periods }: UnitReportFormDeps) => {
  const { listIndicatorsByPlan, listTasksByPlan, findUnitById, findUserById } = directory;
  const { loadPeriodInScope, loadReportInScope } = periods;

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

  return { getUnitReport, getReportVersion };
};

export type UnitReportForms = ReturnType<typeof createUnitReportForms>;
export type UnitReportForm = Awaited<ReturnType<UnitReportForms['getUnitReport']>>;

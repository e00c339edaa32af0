/**
 * The target of an indicator in a period, the one function the unit report form and the dashboard (and
 * the consolidated report built from it) both call: the year's own target or the interpolated path value
 * (core/domain/year-target.ts), with the indicator's direction and the path starting at the value
 * measured in its baseline year from accepted reports, exactly as the evaluation draws it.
 */
import { measuredBaselineOf } from '@core/domain/year-target';
import type { TTargetMilestone } from '@core/schemas/reporting.schemas';
import type { Executor } from '../../db/client';
import type { TargetRow } from '../../shared/plan-contents';
import {
  listPeriodsByPlan,
  listReportsOfPeriods,
  listValues,
  type PeriodRow,
} from '../../shared/report-reads';
import { presentTargetOfYear } from './reporting.presenter';

/** An accepted value of an indicator with the period it was reported for. */
export type AcceptedObservation = {
  value: { value: number | null };
  period: { dataTo: string };
};

/**
 * The printed target of an indicator in a period and its milestone.
 *
 * @param indicator - its targets, unit, direction and baseline year
 * @param period - the period (its data-closing day gives the year)
 * @param observations - the indicator's accepted values up to the period, any order
 */
export const targetInPeriod = (
  indicator: {
    targets: ReadonlyArray<TargetRow>;
    unit: string | null;
    direction: 'increase' | 'decrease';
    baselineYear: number | null;
  },
  period: { dataTo: string },
  observations: ReadonlyArray<AcceptedObservation>,
): { targetText: string | null; milestone: TTargetMilestone | null } => {
  const sorted = [...observations].sort((a, b) => a.period.dataTo.localeCompare(b.period.dataTo));
  return presentTargetOfYear(indicator.targets, Number(period.dataTo.slice(0, 4)), indicator.unit, {
    direction: indicator.direction,
    baseline: measuredBaselineOf(indicator.baselineYear, sorted),
  });
};

/**
 * The accepted values of a plan's indicators in every period that ends by the period's end (the
 * dashboard's series), by indicator.
 */
export const acceptedObservationsUpTo = async (
  executor: Executor,
  planId: string,
  period: Pick<PeriodRow, 'periodEnd'>,
): Promise<Map<string, AcceptedObservation[]>> => {
  const periods = (await listPeriodsByPlan(executor, planId)).filter(
    (row) => row.periodEnd <= period.periodEnd,
  );
  const periodById = new Map(periods.map((row) => [row.id, row]));
  const accepted = (
    await listReportsOfPeriods(
      executor,
      periods.map((row) => row.id),
    )
  ).filter((report) => report.status === 'accepted');
  const periodOfReport = new Map(accepted.map((report) => [report.id, periodById.get(report.periodId)!]));
  const byIndicator = new Map<string, AcceptedObservation[]>();
  for (const value of await listValues(
    executor,
    accepted.map((report) => report.id),
  )) {
    const list = byIndicator.get(value.indicatorId) ?? [];
    list.push({ value, period: periodOfReport.get(value.reportId)! });
    byIndicator.set(value.indicatorId, list);
  }
  return byIndicator;
};

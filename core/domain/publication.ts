/**
 * What the public site reads from published (frozen, approved) consolidated reports: a locality's score
 * and colour over its published reports, the reports chosen for a year, and the published values of an
 * indicator by year. Pure functions of the snapshots; nothing here reads names or evidence.
 */
import type { TPlanDashboard } from '../schemas/dashboard.schemas';
import { type Colour, evaluateUnit, type Thresholds } from './evaluation';

/** A published report as the public site reads it: its plan, its period and the frozen figures. */
export type PublishedReport = {
  planId: string;
  periodKey: string;
  periodEnd: string;
  dashboard: TPlanDashboard;
};

/** The year a report's period belongs to (the year its period ends). */
export const yearOfReport = (report: { periodEnd: string }): number => Number(report.periodEnd.slice(0, 4));

/**
 * The reports that stand for a year: for each plan, the published report of the latest period ending in
 * that year (a quarterly report is replaced by the year's report once that is published).
 */
export const reportsOfYear = <R extends Pick<PublishedReport, 'planId' | 'periodEnd'>>(
  reports: readonly R[],
  year: number,
): R[] => {
  const byPlan = new Map<string, R>();
  for (const report of reports) {
    if (yearOfReport(report) !== year) continue;
    const kept = byPlan.get(report.planId);
    if (!kept || kept.periodEnd < report.periodEnd) byPlan.set(report.planId, report);
  }
  return [...byPlan.values()];
};

/** Every year with a published report, newest first. */
export const publishedYears = (reports: ReadonlyArray<{ periodEnd: string }>): number[] =>
  [...new Set(reports.map(yearOfReport))].sort((a, b) => b - a);

/**
 * A locality's score and colour over published reports, scored as one unit over the units that were
 * scored in them (the same rule as the province overview): the statuses of the indicators and tasks
 * those units lead and the timeliness of their reports. No scored unit: not evaluated.
 */
export const scorePublished = (
  dashboards: ReadonlyArray<Pick<TPlanDashboard, 'indicators' | 'tasks' | 'units'>>,
  thresholds: Thresholds,
): { score: number | null; colour: Colour; evaluated: boolean } => {
  const indicators: TPlanDashboard['indicators'][number]['status'][] = [];
  const tasks: TPlanDashboard['tasks'][number]['status'][] = [];
  const reports: TPlanDashboard['units'][number]['timeliness'][] = [];
  for (const dashboard of dashboards) {
    const scored = new Set(
      dashboard.units.filter((unit) => unit.evaluation === 'scored').map((unit) => unit.unitId),
    );
    for (const row of dashboard.indicators)
      if (row.leadUnitId && scored.has(row.leadUnitId)) indicators.push(row.status);
    for (const row of dashboard.tasks)
      if (row.leadUnitId && scored.has(row.leadUnitId)) tasks.push(row.status);
    for (const unit of dashboard.units) if (scored.has(unit.unitId)) reports.push(unit.timeliness);
  }
  const state = reports.length > 0 ? 'scored' : 'not_evaluated';
  const result = evaluateUnit({ state, indicators, tasks, reports, thresholds });
  return { score: result.score, colour: result.colour, evaluated: state === 'scored' };
};

/** Share of tasks done (on time or late), in percent with one decimal; null without tasks. */
export const taskCompletion = (tasks: ReadonlyArray<{ status: string }>): number | null =>
  tasks.length
    ? Math.round(
        (tasks.filter((task) => task.status === 'done_on_time' || task.status === 'done_late').length /
          tasks.length) *
          1000,
      ) / 10
    : null;

/**
 * The published value of an indicator by year: from each report, the last accepted value of each year
 * in its series up to its period; a later report's value for a year replaces an earlier one's.
 */
export const publishedValuesByYear = (
  reports: ReadonlyArray<{
    periodEnd: string;
    series: ReadonlyArray<{ dataTo: string; value: number }>;
  }>,
): Array<{ year: number; value: number }> => {
  const byYear = new Map<number, { dataTo: string; periodEnd: string; value: number }>();
  const ordered = [...reports].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  for (const report of ordered) {
    for (const point of report.series) {
      const year = Number(point.dataTo.slice(0, 4));
      const kept = byYear.get(year);
      if (!kept || kept.periodEnd < report.periodEnd || kept.dataTo <= point.dataTo)
        byYear.set(year, { dataTo: point.dataTo, periodEnd: report.periodEnd, value: point.value });
    }
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, row]) => ({ year, value: row.value }));
};

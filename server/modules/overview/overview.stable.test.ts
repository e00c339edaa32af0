/**
 * A stored summary is reused on later dates up to the day before its evaluation's `stableUntil`
 * (overview.summary.ts). Checked here on many generated plans and dates, every day of the range: the
 * evaluation on each date inside the range is the one of its first day (the same summary and the same
 * end), and on the end date it differs (the range ends no later than it must). overview.scope.test.ts
 * checks that the overview's scoped reads give the same `stableUntil` as this full evaluation.
 */
import { DEADLINE_KINDS } from '@core/domain/deadlines';
import { addDays } from '@core/domain/reporting-periods';
import { TARGET_OPS } from '@core/domain/targets';
import { REPORT_STATUS_NAMES } from '@core/schemas/reporting.schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanRow } from '../../shared/plan-contents';
import type { PeriodRow } from '../../shared/report-reads';
import { evaluatePlan, groupBy } from './overview.evaluation';
import type {
  OverviewIndicatorRow,
  OverviewReportRow,
  OverviewTaskRow,
  OverviewTaskUpdateRow,
  OverviewValueRow,
} from './overview.repository';
import { summaryOf } from './overview.summary';

const YEAR = 2026;
const FIRST = '2025-01-01';
/** A date of 2025–2027 (some 1,100 days). */
const day = fc.integer({ min: 0, max: 1_100 }).map((n) => addDays(FIRST, n));
const UNITS = ['u1', 'u2', 'u3'] as const;

const periodArb = fc.record({
  regular: fc.boolean(),
  dataFrom: day,
  dataTo: day,
  periodEnd: day,
  dueDate: day,
});
const reportArb = fc.record({
  period: fc.nat(),
  unit: fc.constantFrom(...UNITS),
  status: fc.constantFrom(...REPORT_STATUS_NAMES),
  submittedOn: fc.option(day, { nil: null }),
  hour: fc.integer({ min: 0, max: 23 }),
});
const indicatorArb = fc.record({
  unit: fc.option(fc.constantFrom(...UNITS), { nil: null }),
  direction: fc.constantFrom('increase' as const, 'decrease' as const),
  measure: fc.constantFrom('cumulative' as const, 'period' as const),
  baselineYear: fc.option(fc.constantFrom(2024, 2025, 2026), { nil: null }),
  targets: fc.array(
    fc.record({
      year: fc.constantFrom(2025, 2026, 2027),
      op: fc.constantFrom(...TARGET_OPS),
      value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    }),
    { maxLength: 3 },
  ),
  values: fc.array(
    fc.record({
      report: fc.nat(),
      value: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      assessment: fc.constantFrom('achieved' as const, 'not_achieved' as const, null),
    }),
    { maxLength: 4 },
  ),
});
const taskArb = fc.record({
  unit: fc.option(fc.constantFrom(...UNITS), { nil: null }),
  deadlineKind: fc.option(fc.constantFrom(...DEADLINE_KINDS), { nil: null }),
  deadlineDate: fc.option(day, { nil: null }),
  updates: fc.array(
    fc.record({
      report: fc.nat(),
      status: fc.constantFrom('not_started' as const, 'in_progress' as const, 'done' as const),
      completedOn: fc.option(day, { nil: null }),
    }),
    { maxLength: 3 },
  ),
});
const planArb = fc.record({
  periods: fc.array(periodArb, { maxLength: 6 }),
  reports: fc.array(reportArb, { maxLength: 12 }),
  indicators: fc.array(indicatorArb, { maxLength: 4 }),
  tasks: fc.array(taskArb, { maxLength: 6 }),
  asOf: day,
});

type GeneratedPlan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

/** The rows of a generated plan, shaped as the overview reads them (periods by period end, then key). */
const rowsOf = (input: GeneratedPlan) => {
  const periods: PeriodRow[] = input.periods
    .map((row, index) => ({
      id: `period-${index}`,
      planId: 'plan',
      regimeId: row.regular ? 'regime' : null,
      key: `k${index}`,
      label: `Kỳ ${index}`,
      periodStart: row.dataFrom,
      periodEnd: row.periodEnd,
      dataFrom: row.dataFrom,
      dataTo: row.dataTo,
      dueDate: row.dueDate,
      createdAt: new Date(0),
    }))
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.key.localeCompare(b.key));
  const reports: OverviewReportRow[] =
    periods.length === 0
      ? []
      : input.reports.map((row, index) => ({
          id: `report-${index}`,
          periodId: periods[row.period % periods.length]!.id,
          unitId: row.unit,
          version: index + 1,
          status: row.status,
          submittedAt: row.submittedOn
            ? `${row.submittedOn}T${String(row.hour).padStart(2, '0')}:00:00.000Z`
            : null,
        }));
  const reportOf = (n: number) => (reports.length === 0 ? null : reports[n % reports.length]!);
  const indicators: OverviewIndicatorRow[] = input.indicators.map((row, index) => ({
    id: `indicator-${index}`,
    planId: 'plan',
    code: `${index + 1}`,
    unit: 'người',
    direction: row.direction,
    measure: row.measure,
    catalogCode: index % 2 === 0 ? `C${index}` : null,
    leadUnitId: row.unit,
    baselineYear: row.baselineYear,
    targets: row.targets.map((target) => ({
      ...target,
      valueHigh: target.op === 'range' && target.value != null ? target.value + 10 : null,
    })),
  }));
  const values: OverviewValueRow[] = input.indicators.flatMap((row, index) => {
    const seen = new Set<string>();
    return row.values.flatMap((value): OverviewValueRow[] => {
      const report = reportOf(value.report);
      if (!report || seen.has(report.id)) return [];
      seen.add(report.id);
      return [
        {
          reportId: report.id,
          indicatorId: `indicator-${index}`,
          value: value.value,
          numerator: null,
          denominator: null,
          assessment: value.assessment,
        },
      ];
    });
  });
  const tasks: OverviewTaskRow[] = input.tasks.map((row, index) => ({
    id: `task-${index}`,
    planId: 'plan',
    leadUnitId: row.unit,
    deadlineKind: row.deadlineKind,
    deadlineDate: row.deadlineDate,
  }));
  const updates: OverviewTaskUpdateRow[] = input.tasks.flatMap((row, index) =>
    row.updates.flatMap((update): OverviewTaskUpdateRow[] => {
      const report = reportOf(update.report);
      return report
        ? [
            {
              reportId: report.id,
              taskId: `task-${index}`,
              status: update.status,
              completedOn: update.completedOn,
            },
          ]
        : [];
    }),
  );
  return { periods, reports, indicators, values, tasks, updates: groupBy(updates, (row) => row.taskId) };
};

const plan = { id: 'plan' } as PlanRow;

describe("a plan's evaluation over the dates it cannot change on", () => {
  it('should be the same on every date from asOf to the day before stableUntil, and differ on stableUntil', () => {
    let bounded = 0;
    fc.assert(
      fc.property(planArb, (input) => {
        const rows = rowsOf(input);
        // As text: one comparison a day, fast enough to walk every day of every range.
        const evaluate = (asOf: string) => {
          const evaluation = evaluatePlan({ plan, year: YEAR, asOf, ...rows });
          return JSON.stringify({ summary: summaryOf(evaluation), stableUntil: evaluation.stableUntil });
        };
        const summaryOn = (asOf: string) =>
          JSON.stringify(summaryOf(evaluatePlan({ plan, year: YEAR, asOf, ...rows })));
        const first = evaluate(input.asOf);
        const until = evaluatePlan({ plan, year: YEAR, asOf: input.asOf, ...rows }).stableUntil;
        if (until != null) {
          expect(until > input.asOf).toBe(true);
          bounded++;
        }
        // Every date of the range (to the end of 2028 when it has no end).
        const last = until ?? '2029-01-01';
        for (let date = addDays(input.asOf, 1); date < last; date = addDays(date, 1)) {
          const now = evaluate(date);
          if (now !== first) expect(now, `${date} inside [${input.asOf}, ${until})`).toEqual(first);
        }
        if (until != null) expect(summaryOn(until), `on ${until}`).not.toEqual(summaryOn(input.asOf));
      }),
      { numRuns: 300 },
    );
    // The generator reaches both kinds of range.
    expect(bounded).toBeGreaterThan(30);
    expect(bounded).toBeLessThan(300);
  });
});

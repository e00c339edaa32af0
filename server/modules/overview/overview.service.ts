/**
 * The overview of a locality with child localities (a province: its communes and wards) for a year:
 * each child's plans in effect, report completeness, indicator statuses, overdue tasks, score, colour
 * and rank, and the roll-up of every catalog indicator the children report.
 *
 * Set-based: a fixed number of bulk queries for all children (overview.repository.ts and the bulk
 * reads of reporting.repository.ts), then the same pure evaluation the plan dashboard calls
 * (core/domain/plan-evaluation.ts over core/domain/evaluation.ts) and the roll-up (core/domain/rollup.ts). Only accepted unit reports give numbers; each row names its plan, whose
 * dashboard shows where every number comes from.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import {
  evaluateUnit,
  INDICATOR_STATUSES,
  type IndicatorStatus,
  type TaskStatus,
  type Timeliness,
  type UnitEvaluationState,
} from '@core/domain/evaluation';
import {
  countStatuses,
  evaluateIndicatorInPeriod,
  evaluateTaskInPeriod,
  judgedPeriodOf,
  judgeUnitReport,
  type ReportedProgress,
  rankByEvaluation,
  thresholdsOf,
} from '@core/domain/plan-evaluation';
import { type RollupInput, rollUp } from '@core/domain/rollup';
import type {
  TLocalityOverview,
  TOverviewLocality,
  TOverviewQuery,
  TOverviewRollup,
} from '@core/schemas/overview.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/route';
import type { CatalogService } from '../catalog/catalog.service';
import { findLocalityById, findLocalityChain } from '../locality/locality.repository';
import type { PlanRow } from '../plan/plan.repository';
import { presentPeriod } from '../reporting/reporting.presenter';
import {
  listActivePlansInLocalities,
  listRegimesOfPlans,
  type PeriodRow,
} from '../reporting/reporting.repository';
import type { ReportingService } from '../reporting/reporting.service';
import { canReadOverview } from './overview.policy';
import {
  listAcceptedValues,
  listChildLocalities,
  listIndicatorsOfPlans,
  listLatestAcceptedTaskUpdates,
  listPeriodsOfPlans,
  listReportsOfPeriodsBrief,
  listTasksOfPlans,
  type OverviewIndicatorRow,
  type OverviewReportRow,
  type OverviewTaskRow,
  type OverviewTaskUpdateRow,
  type OverviewValueRow,
} from './overview.repository';

type OverviewServiceDeps = {
  db: Database;
  clock: Clock;
  catalog: Pick<CatalogService, 'list'>;
  reporting: Pick<ReportingService, 'ensurePeriodsOfPlans'>;
};

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** Plans by issue date (undated last), then entry: the newest plan of a locality comes last. */
const byIssue = (a: PlanRow, b: PlanRow): number =>
  a.issuedDate === b.issuedDate
    ? a.createdAt.getTime() - b.createdAt.getTime()
    : a.issuedDate == null
      ? 1
      : b.issuedDate == null
        ? -1
        : a.issuedDate.localeCompare(b.issuedDate);

const groupBy = <T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
};

/** A lead unit's obligation in a plan's period, judged as the dashboard judges it. */
type Obligation = {
  state: UnitEvaluationState;
  timeliness: Timeliness;
  accepted: boolean;
  awaitingReview: boolean;
  indicators: IndicatorStatus[];
  tasks: TaskStatus[];
};

/** What one plan contributes to its locality's row and to the roll-ups. */
type PlanEvaluation = {
  plan: PlanRow;
  period: PeriodRow | null;
  indicatorStatuses: IndicatorStatus[];
  taskStatuses: TaskStatus[];
  obligations: Obligation[];
  /** The accepted value of each indicator in the period, by indicator id. */
  current: Map<string, { value: OverviewValueRow; reportId: string }>;
  indicators: OverviewIndicatorRow[];
};

export const createOverviewService = ({ db, clock, catalog, reporting }: OverviewServiceDeps) => {
  /**
   * Evaluates one plan for its period from rows already loaded: indicators against their path, tasks
   * against their deadlines, and each lead unit's report, with the dashboard's rules.
   */
  const evaluatePlan = (input: {
    plan: PlanRow;
    periods: PeriodRow[];
    year: number;
    asOf: string;
    indicators: OverviewIndicatorRow[];
    tasks: OverviewTaskRow[];
    reports: OverviewReportRow[];
    values: OverviewValueRow[];
    /** Accepted task progress by task id (any plan). */
    updates: Map<string, OverviewTaskUpdateRow[]>;
  }): PlanEvaluation => {
    const { plan, periods, year, asOf } = input;
    const period = judgedPeriodOf(periods, asOf, year);
    const periodById = new Map(periods.map((row) => [row.id, row]));
    const inScope = (periodId: string) => {
      const row = periodById.get(periodId);
      return row != null && period != null && row.periodEnd <= period.periodEnd;
    };
    const reports = input.reports.filter((report) => inScope(report.periodId));
    const acceptedById = new Map(
      reports.filter((report) => report.status === 'accepted').map((report) => [report.id, report]),
    );
    const valuesByIndicator = groupBy(
      input.values.filter((value) => acceptedById.has(value.reportId)),
      (value) => value.indicatorId,
    );
    const current = new Map<string, { value: OverviewValueRow; reportId: string }>();

    const indicatorStatus = new Map<string, IndicatorStatus>();
    for (const row of input.indicators) {
      const { evaluation, current: now } = evaluateIndicatorInPeriod({
        indicator: row,
        period,
        observations: (valuesByIndicator.get(row.id) ?? []).map((value) => ({
          value,
          period: periodById.get(acceptedById.get(value.reportId)!.periodId)!,
        })),
      });
      if (now) current.set(row.id, { value: now.value, reportId: now.value.reportId });
      indicatorStatus.set(row.id, evaluation.status);
    }

    const taskStatus = new Map<string, TaskStatus>();
    for (const row of input.tasks) {
      const progress: ReportedProgress[] = [];
      for (const update of input.updates.get(row.id) ?? []) {
        const report = acceptedById.get(update.reportId);
        if (!report) continue;
        progress.push({
          status: update.status,
          completedOn: update.completedOn,
          periodId: report.periodId,
          dataTo: periodById.get(report.periodId)!.dataTo,
        });
      }
      taskStatus.set(
        row.id,
        evaluateTaskInPeriod({ task: row, periodId: period?.id ?? null, progress, asOf }).status,
      );
    }

    const leadUnitIds = [
      ...new Set(
        [...input.indicators, ...input.tasks]
          .map((row) => row.leadUnitId)
          .filter((id): id is string => id != null),
      ),
    ];
    const periodReports = period ? reports.filter((report) => report.periodId === period.id) : [];
    const indicatorsByUnit = groupBy(input.indicators, (row) => row.leadUnitId);
    const tasksByUnit = groupBy(input.tasks, (row) => row.leadUnitId);
    const obligations = leadUnitIds.map((unitId): Obligation => {
      const { state, timeliness, accepted, awaitingReview } = judgeUnitReport({
        period,
        versions: periodReports.filter((report) => report.unitId === unitId),
        asOf,
      });
      return {
        state,
        timeliness,
        accepted: accepted != null,
        awaitingReview,
        indicators: (indicatorsByUnit.get(unitId) ?? []).map((row) => indicatorStatus.get(row.id)!),
        tasks: (tasksByUnit.get(unitId) ?? []).map((row) => taskStatus.get(row.id)!),
      };
    });

    return {
      plan,
      period,
      indicatorStatuses: [...indicatorStatus.values()],
      taskStatuses: [...taskStatus.values()],
      obligations: period ? obligations : [],
      current,
      indicators: input.indicators,
    };
  };

  /**
   * The overview of a locality's children for a year.
   *
   * @throws AppError LOCALITY_NOT_FOUND, also outside the actor's scope (a commune user asking for their
   *   province, a user of another province)
   */
  const getLocalityOverview = async (
    context: RequestContext,
    localityId: string,
    query: TOverviewQuery,
  ): Promise<TLocalityOverview> => {
    const root = await findLocalityById(db, localityId);
    if (!root) throw new AppError('LOCALITY_NOT_FOUND');
    if (!canReadOverview(context.actor, await findLocalityChain(db, localityId))) {
      throw new AppError('LOCALITY_NOT_FOUND');
    }
    const asOf = vietnamDateOf(clock.now());
    const thisYear = yearOf(asOf);
    const year = query.year ?? thisYear;

    const children = await listChildLocalities(db, localityId);
    const plans = (
      await listActivePlansInLocalities(
        db,
        children.map((row) => row.id),
      )
    ).sort(byIssue);
    const planIds = plans.map((row) => row.id);
    let periods = await listPeriodsOfPlans(db, planIds);
    // Periods are generated when a plan is first looked at in a year; a plan nobody opened yet gets them now.
    const withRegime = new Set((await listRegimesOfPlans(db, planIds)).map((row) => row.planId));
    const generatedThisYear = new Set(
      periods
        .filter((row) => row.regimeId != null && yearOf(row.periodEnd) === thisYear)
        .map((row) => row.planId),
    );
    const lacking = plans.filter((row) => withRegime.has(row.id) && !generatedThisYear.has(row.id));
    if (lacking.length > 0) {
      await db.transaction((tx) => reporting.ensurePeriodsOfPlans(tx, lacking));
      periods = await listPeriodsOfPlans(db, planIds);
    }

    const periodsByPlan = groupBy(periods, (row) => row.planId);
    const indicators = await listIndicatorsOfPlans(db, planIds);
    const baselineYears = new Set(indicators.map((row) => row.baselineYear).filter((y) => y != null));
    // Each plan's period of the year and those before it (task progress); values: that period and the
    // baseline years' (the start of an indicator's path).
    const upTo: PeriodRow[] = [];
    for (const plan of plans) {
      const own = periodsByPlan.get(plan.id) ?? [];
      const period = judgedPeriodOf(own, asOf, year);
      if (period) upTo.push(...own.filter((row) => row.periodEnd <= period.periodEnd));
    }
    const periodIds = upTo.map((row) => row.id);
    const valuePeriodIds = upTo
      .filter((row) => yearOf(row.periodEnd) === year || baselineYears.has(yearOf(row.dataTo)))
      .map((row) => row.id);
    const tasks = await listTasksOfPlans(db, planIds);
    const reports = await listReportsOfPeriodsBrief(db, periodIds);
    const values = await listAcceptedValues(db, valuePeriodIds);
    const updates = await listLatestAcceptedTaskUpdates(db, periodIds);

    const indicatorsByPlan = groupBy(indicators, (row) => row.planId);
    const tasksByPlan = groupBy(tasks, (row) => row.planId);
    const planOfPeriod = new Map(periods.map((row) => [row.id, row.planId]));
    const reportsByPlan = groupBy(reports, (row) => planOfPeriod.get(row.periodId)!);
    const planOfReport = new Map(reports.map((row) => [row.id, planOfPeriod.get(row.periodId)!]));
    const valuesByPlan = groupBy(values, (row) => planOfReport.get(row.reportId)!);
    const updatesByTask = groupBy(updates, (row) => row.taskId);

    const evaluations = plans.map((plan) =>
      evaluatePlan({
        plan,
        periods: periodsByPlan.get(plan.id) ?? [],
        year,
        asOf,
        indicators: indicatorsByPlan.get(plan.id) ?? [],
        tasks: tasksByPlan.get(plan.id) ?? [],
        reports: reportsByPlan.get(plan.id) ?? [],
        values: valuesByPlan.get(plan.id) ?? [],
        updates: updatesByTask,
      }),
    );
    const evaluationsByLocality = groupBy(evaluations, (row) => row.plan.localityId);

    const rows = children.map((child): Omit<TOverviewLocality, 'rank'> => {
      const own = evaluationsByLocality.get(child.id) ?? [];
      const obligations = own.flatMap((row) => row.obligations);
      const thresholds = thresholdsOf(child);
      // The locality is scored as one unit over its scored units: only verified facts count.
      const scored = obligations.filter((row) => row.state === 'scored');
      const state: UnitEvaluationState =
        scored.length > 0
          ? 'scored'
          : obligations.some((row) => row.state === 'pending_review')
            ? 'pending_review'
            : 'not_evaluated';
      const result = evaluateUnit({
        state,
        indicators: scored.flatMap((row) => row.indicators),
        tasks: scored.flatMap((row) => row.tasks),
        reports: scored.map((row) => row.timeliness),
        thresholds,
      });
      const indicatorCounts = countStatuses(
        INDICATOR_STATUSES,
        own.flatMap((row) => row.indicatorStatuses),
      );
      const taskStatuses = own.flatMap((row) => row.taskStatuses);
      return {
        localityId: child.id,
        name: child.name,
        kind: child.kind,
        // The newest plan first: its dashboard is where the row links.
        plans: [...own].reverse().map((row) => ({
          planId: row.plan.id,
          number: row.plan.number,
          title: row.plan.title,
          period: row.period ? presentPeriod(row.period) : null,
        })),
        reports: {
          expected: obligations.length,
          submitted: obligations.filter((row) => row.accepted || row.awaitingReview).length,
          accepted: obligations.filter((row) => row.accepted).length,
          pendingReview: obligations.filter((row) => row.awaitingReview).length,
          late: obligations.filter((row) => row.timeliness === 'late').length,
          missing: obligations.filter((row) => row.timeliness === 'missing').length,
        },
        indicators: indicatorCounts,
        indicatorCount: own.reduce((sum, row) => sum + row.indicatorStatuses.length, 0),
        taskCount: taskStatuses.length,
        overdueTasks: taskStatuses.filter((status) => status === 'in_progress_late').length,
        evaluation: result.state,
        score: result.score,
        colour: result.colour,
        thresholds,
      };
    });
    const ranked = rankByEvaluation(rows);

    return {
      locality: { id: root.id, name: root.name, level: root.level, kind: root.kind },
      year,
      asOf,
      localities: ranked,
      rollups: rollUpCatalog(children, evaluationsByLocality, query.catalogCode),
    };
  };

  /** For each catalog indicator some child maps, the children's accepted values of the year and their roll-up. */
  const rollUpCatalog = (
    children: Array<{ id: string; name: string }>,
    evaluationsByLocality: Map<string, PlanEvaluation[]>,
    catalogCode: string | undefined,
  ): TOverviewRollup[] => {
    const nameOf = new Map(children.map((row) => [row.id, row.name]));
    type Figure = RollupInput & {
      planId: string;
      indicatorId: string;
      indicatorCode: string | null;
      reportId: string | null;
    };
    // One figure per child and catalog code: from the newest plan that maps the code and has a value,
    // else the newest that maps it.
    const figuresByCode = new Map<string, Figure[]>();
    for (const child of children) {
      const chosen = new Map<string, { evaluation: PlanEvaluation; row: OverviewIndicatorRow }>();
      for (const evaluation of [...(evaluationsByLocality.get(child.id) ?? [])].reverse()) {
        for (const row of evaluation.indicators) {
          if (!row.catalogCode || (catalogCode && row.catalogCode !== catalogCode)) continue;
          const held = chosen.get(row.catalogCode);
          if (!held || (!held.evaluation.current.has(held.row.id) && evaluation.current.has(row.id))) {
            chosen.set(row.catalogCode, { evaluation, row });
          }
        }
      }
      for (const [code, { evaluation, row }] of chosen) {
        const current = evaluation.current.get(row.id);
        const figure: Figure = {
          localityId: child.id,
          unit: row.unit,
          value: current?.value.value ?? null,
          numerator: current?.value.numerator ?? null,
          denominator: current?.value.denominator ?? null,
          planId: evaluation.plan.id,
          indicatorId: row.id,
          indicatorCode: row.code,
          reportId: current?.reportId ?? null,
        };
        const list = figuresByCode.get(code);
        if (list) list.push(figure);
        else figuresByCode.set(code, [figure]);
      }
    }
    const rollups: TOverviewRollup[] = [];
    for (const entry of catalog.list()) {
      const figures = figuresByCode.get(entry.code);
      if (!figures) continue;
      const result = rollUp(entry, figures);
      if (result.reporting === 0) continue;
      const extreme = (item: { localityId: string; value: number } | null) =>
        item ? { ...item, localityName: nameOf.get(item.localityId) ?? '' } : null;
      rollups.push({
        catalogCode: entry.code,
        name: entry.name,
        nameEn: entry.nameEn,
        unit: entry.unit,
        direction: entry.direction,
        method: result.method,
        value: result.value,
        numerator: result.numerator,
        denominator: result.denominator,
        reporting: result.reporting,
        included: result.included,
        best: extreme(result.best),
        worst: extreme(result.worst),
        values: result.contributions.map((row, index) => ({
          localityId: row.localityId,
          localityName: nameOf.get(row.localityId) ?? '',
          planId: figures[index]!.planId,
          indicatorId: figures[index]!.indicatorId,
          indicatorCode: figures[index]!.indicatorCode,
          unit: row.unit,
          value: row.value,
          numerator: row.numerator,
          denominator: row.denominator,
          reportId: figures[index]!.reportId,
          included: row.included,
          excluded: row.excluded,
        })),
      });
    }
    return rollups;
  };

  return { getLocalityOverview };
};

export type OverviewService = ReturnType<typeof createOverviewService>;

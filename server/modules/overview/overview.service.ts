/**
 * The overview of a locality with child localities for a year.
 *
 * - A province: its communes and wards, each with its plans in effect, report completeness, indicator
 *   statuses, overdue tasks, score, colour and rank, and the roll-up of every catalog indicator.
 * - The nation: its provinces, each aggregated over its own communes' plans with the same evaluation
 *   (the province scored as one unit over the scored units of all its communes, as a commune is over its
 *   own), and the roll-ups over every commune.
 *
 * Set-based: a fixed number of bulk queries for all communes (overview.evaluation.ts), then pure code.
 * Only accepted unit reports give numbers; each commune row names its plan, whose dashboard shows where
 * every number comes from; each province row leads to the province's own overview.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import { evaluateUnit, INDICATOR_STATUSES, type UnitEvaluationState } from '@core/domain/evaluation';
import { countStatuses, rankByEvaluation, thresholdsOf } from '@core/domain/plan-evaluation';
import type {
  TLocalityOverview,
  TOverviewCoverage,
  TOverviewLocality,
  TOverviewQuery,
} from '@core/schemas/overview.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/route';
import type { CatalogService } from '../catalog/catalog.service';
import { findLocalityById, findLocalityChain } from '../locality/locality.repository';
import { presentPeriod } from '../reporting/reporting.presenter';
import type { ReportingService } from '../reporting/reporting.service';
import { evaluatePlansOfLocalities, groupBy, type PlanEvaluation, yearOf } from './overview.evaluation';
import { canReadOverview } from './overview.policy';
import { type ChildLocalityRow, listChildLocalities, listGrandchildLocalities } from './overview.repository';
import { rollUpCommunes, rollUpProvinces } from './overview.rollup';

type OverviewServiceDeps = {
  db: Database;
  clock: Clock;
  catalog: Pick<CatalogService, 'list'>;
  reporting: Pick<ReportingService, 'ensurePeriodsOfPlans'>;
};

type Row = Omit<TOverviewLocality, 'rank'>;

/**
 * A locality's row from the plans behind it: its own (a commune) or its communes' (a province in the
 * nation's overview). The locality is scored as one unit over the scored units: only verified facts count.
 */
const summarise = (
  locality: ChildLocalityRow,
  evaluations: PlanEvaluation[],
  options: { listPlans: boolean; communes: TOverviewCoverage | null },
): Row => {
  const obligations = evaluations.flatMap((row) => row.obligations);
  const thresholds = thresholdsOf(locality);
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
  const taskStatuses = evaluations.flatMap((row) => row.taskStatuses);
  return {
    localityId: locality.id,
    name: locality.name,
    kind: locality.kind,
    // The newest plan first: its dashboard is where the row links.
    plans: options.listPlans
      ? [...evaluations].reverse().map((row) => ({
          planId: row.plan.id,
          number: row.plan.number,
          title: row.plan.title,
          period: row.period ? presentPeriod(row.period) : null,
        }))
      : [],
    planCount: evaluations.length,
    communes: options.communes,
    reports: {
      expected: obligations.length,
      submitted: obligations.filter((row) => row.accepted || row.awaitingReview).length,
      accepted: obligations.filter((row) => row.accepted).length,
      pendingReview: obligations.filter((row) => row.awaitingReview).length,
      late: obligations.filter((row) => row.timeliness === 'late').length,
      missing: obligations.filter((row) => row.timeliness === 'missing').length,
    },
    indicators: countStatuses(
      INDICATOR_STATUSES,
      evaluations.flatMap((row) => row.indicatorStatuses),
    ),
    indicatorCount: evaluations.reduce((sum, row) => sum + row.indicatorStatuses.length, 0),
    taskCount: taskStatuses.length,
    overdueTasks: taskStatuses.filter((status) => status === 'in_progress_late').length,
    evaluation: result.state,
    score: result.score,
    colour: result.colour,
    thresholds,
  };
};

/** How many rows there are, how many have a plan in effect, how many have a report late or missing. */
const coverageOf = (rows: Row[]): TOverviewCoverage => ({
  total: rows.length,
  withPlans: rows.filter((row) => row.planCount > 0).length,
  lateReporting: rows.filter((row) => row.reports.late + row.reports.missing > 0).length,
});

export const createOverviewService = ({ db, clock, catalog, reporting }: OverviewServiceDeps) => {
  /**
   * The overview of a locality's children for a year.
   *
   * @throws AppError LOCALITY_NOT_FOUND, also outside the actor's scope (a commune user asking for their
   *   province, a user of another province, a province user asking for the nation)
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
    const year = query.year ?? yearOf(asOf);
    const head = { id: root.id, name: root.name, level: root.level, kind: root.kind };
    const children = await listChildLocalities(db, localityId);

    if (root.level !== 'nation') {
      const evaluations = await evaluatePlansOfLocalities(
        { db, reporting },
        children.map((row) => row.id),
        year,
        asOf,
      );
      const byLocality = groupBy(evaluations, (row) => row.plan.localityId);
      const rows = children.map((child) =>
        summarise(child, byLocality.get(child.id) ?? [], { listPlans: true, communes: null }),
      );
      return {
        locality: head,
        year,
        asOf,
        localities: rankByEvaluation(rows),
        summary: { localities: coverageOf(rows), communes: null },
        rollups: rollUpCommunes(catalog.list(), children, byLocality, query.catalogCode),
      };
    }

    // The nation: every province over its own communes.
    const communes = await listGrandchildLocalities(db, localityId);
    const evaluations = await evaluatePlansOfLocalities(
      { db, reporting },
      communes.map((row) => row.id),
      year,
      asOf,
    );
    const byLocality = groupBy(evaluations, (row) => row.plan.localityId);
    const communesByProvince = groupBy(communes, (row) => row.parentId);
    const communeRows: Row[] = [];
    const rows = children.map((province) => {
      const own = communesByProvince.get(province.id) ?? [];
      const ownRows = own.map((commune) =>
        summarise(commune, byLocality.get(commune.id) ?? [], { listPlans: false, communes: null }),
      );
      communeRows.push(...ownRows);
      return summarise(
        province,
        own.flatMap((commune) => byLocality.get(commune.id) ?? []),
        { listPlans: false, communes: coverageOf(ownRows) },
      );
    });
    return {
      locality: head,
      year,
      asOf,
      localities: rankByEvaluation(rows),
      summary: { localities: coverageOf(rows), communes: coverageOf(communeRows) },
      rollups: rollUpProvinces(catalog.list(), children, communesByProvince, byLocality, query.catalogCode),
    };
  };

  return { getLocalityOverview };
};

export type OverviewService = ReturnType<typeof createOverviewService>;

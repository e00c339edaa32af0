/**
 * The overview of a locality with child localities for a year.
 *
 * - A province: its communes and wards, each with its plans in effect, report completeness, indicator
 *   statuses, overdue tasks, score, colour and rank, and the roll-up of every catalog indicator.
 * - The nation: its provinces, each aggregated over its own communes' plans with the same evaluation
 *   (the province scored as one unit over the scored units of all its communes, as a commune is over its
 *   own), and the roll-ups over every commune.
 *
 * Set-based: a fixed number of bulk queries for all communes, scoped in SQL by the tree and the judged
 * period (overview.scope.ts, overview.evaluation.ts), then pure code.
 * Only accepted unit reports give numbers; each commune row names its plan, whose dashboard shows where
 * every number comes from; each province row leads to the province's own overview.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import { evaluateUnit, INDICATOR_STATUSES, type UnitEvaluationState } from '@core/domain/evaluation';
import { filterOverviewRows, hasProblem } from '@core/domain/overview-filter';
import { countStatuses, rankByEvaluation, thresholdsOf } from '@core/domain/plan-evaluation';
import type {
  TLocalityOverview,
  TOverviewChaseRequest,
  TOverviewChaseResult,
  TOverviewCoverage,
  TOverviewExportQuery,
  TOverviewLocality,
  TOverviewQuery,
} from '@core/schemas/overview.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import { findLocalityById, findLocalityChain } from '../../shared/localities';
import { listReceivedPackages } from '../../shared/received-packages';
import { actorName, hasRoleCovering } from '../auth/access';
import type { CatalogService } from '../catalog/catalog.service';
import { type ExportedFile, XLSX_TYPE } from '../export/export.service';
import type { NotificationService } from '../notification/notification.service';
import type { ReportingService } from '../reporting/reporting.service';
import { groupBy, plansOfArea, yearOf } from './overview.evaluation';
import { renderOverviewSheet } from './overview.export';
import { aggregateNation } from './overview.nation';
import { canReadOverview } from './overview.policy';
import { packagesOfYear, rowFromPackages, withReceivedCommunes } from './overview.received';
import {
  type ChildLocalityRow,
  listChildLocalities,
  listGrandchildLocalities,
  listRootLocalities,
} from './overview.repository';
import { rollUpCommunes, rollUpProvinces } from './overview.rollup';
import { landOfArea, localitiesInForceOfArea, type OverviewArea } from './overview.scope';
import {
  createSummaryWrites,
  type PlanFigures,
  pruneSummaries,
  storeMissingSummaries,
  summariesReady,
  summarisePlansOfArea,
  warmSummaries,
} from './overview.summary';

type OverviewServiceDeps = {
  db: Database;
  clock: Clock;
  catalog: Pick<CatalogService, 'list'>;
  reporting: Pick<ReportingService, 'ensurePeriodsOfPlans'>;
  notifications: Pick<NotificationService, 'notifyStandingOfficersOf'>;
  /** Hears what the overview answers despite (pino's logger fits). */
  log?: { warn: (details: object, message: string) => void };
  /**
   * false: the nation's rows and roll-ups evaluated in JavaScript from every plan's summary, as before
   * they were summed in SQL (overview.nation.ts; the reference its test compares with).
   */
  nationInSql?: boolean;
};

/** Who may chase the communes of a province ("đôn đốc"): those who answer for the province's plan work. */
const CHASING_ROLES = ['system_admin', 'leader', 'standing_officer'] as const;

type Row = Omit<TOverviewLocality, 'rank'>;

/**
 * A locality's row from the plans behind it: its own (a commune) or its communes' (a province in the
 * nation's overview). The locality is scored as one unit over the scored units: only verified facts count.
 */
const summarise = (
  locality: ChildLocalityRow,
  evaluations: PlanFigures[],
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
    code: locality.code,
    name: locality.name,
    kind: locality.kind,
    formedFrom: locality.formedFrom,
    validTo: locality.validTo ?? null,
    // The newest plan first: its dashboard is where the row links.
    plans: options.listPlans
      ? [...evaluations].reverse().map((row) => ({
          planId: row.plan.id,
          number: row.plan.number,
          title: row.plan.title,
          period: row.period,
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
    received: null,
  };
};

/** What coverage reads of a row. */
type Covered = Pick<Row, 'planCount' | 'received'> & { reports: Pick<Row['reports'], 'late' | 'missing'> };

/**
 * What coverage reads of a commune's row, without scoring it (the nation counts its communes, it does
 * not rank them): its plans and their units' reports late or missing.
 */
const coveredOf = (evaluations: PlanFigures[]): Covered => {
  let late = 0;
  let missing = 0;
  for (const row of evaluations) {
    for (const obligation of row.obligations) {
      if (obligation.timeliness === 'late') late += 1;
      else if (obligation.timeliness === 'missing') missing += 1;
    }
  }
  return { planCount: evaluations.length, received: null, reports: { late, missing } };
};

/** How many rows there are, how many have a plan in effect, how many have a report late or missing. */
const coverageOf = (rows: Covered[]): TOverviewCoverage => ({
  total: rows.length,
  withPlans: rows.filter((row) => row.planCount > 0).length,
  lateReporting: rows.filter((row) => row.reports.late + row.reports.missing > 0).length,
  received: rows.filter((row) => row.received != null).length,
});

export const createOverviewService = ({
  db,
  clock,
  catalog,
  reporting,
  notifications,
  log,
  nationInSql = true,
}: OverviewServiceDeps) => {
  const onWriteError = (error: unknown) =>
    log?.warn(
      { err: error },
      'overview: evaluation summaries not stored (the overview answered from the evaluation)',
    );
  // The summaries an overview evaluated are stored after it answered, one write at a time.
  const writes = createSummaryWrites();
  const { storeLater } = writes;
  /** The packages received for the area's communes that count for the year, by commune. */
  const receivedOfYear = async (area: OverviewArea, year: number) =>
    groupBy(
      packagesOfYear(await listReceivedPackages(db, localitiesInForceOfArea(area)), year),
      (row) => row.localityId,
    );

  /**
   * The nation summed in SQL from the stored summaries (overview.nation.ts), those missing evaluated
   * first in batches that let other requests through; null where it must be evaluated in JavaScript.
   */
  const nationFromSummaries = async (
    area: OverviewArea,
    land: Map<string, string>,
    year: number,
    provinces: ChildLocalityRow[],
    communesByProvince: Map<string, ChildLocalityRow[]>,
    query: TOverviewQuery,
  ) => {
    if (!(await summariesReady(db, area, year))) {
      const plans = await plansOfArea({ db, reporting }, area, land);
      try {
        await storeMissingSummaries(db, area, plans, year);
      } catch (error) {
        onWriteError(error);
        return null;
      }
    }
    return aggregateNation({
      db,
      area,
      land,
      year,
      provinces,
      communesByProvince,
      entries: catalog.list(),
      catalogCode: query.catalogCode,
      valuesOf: query.valuesOf,
    });
  };

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
    // "As of" a date: the map of that date (the localities then in force) and the plans of the former
    // localities whose land had come to them by then (docs/locality-history.md). Default: today.
    const asOf = query.asOf ?? vietnamDateOf(clock.now());
    const year = query.year ?? yearOf(asOf);
    const head = { id: root.id, code: root.code, name: root.name, level: root.level, kind: root.kind };
    const children = await listChildLocalities(db, localityId, asOf);

    if (root.level !== 'nation') {
      const area = { rootId: localityId, depth: 1, asOf } as const;
      const land = await landOfArea(db, area);
      const evaluations = await summarisePlansOfArea({ db, reporting }, area, land, year, {
        onWriteError,
        storeLater,
      });
      const byLocality = groupBy(evaluations, (row) => land.get(row.plan.localityId) ?? row.plan.localityId);
      // A commune whose own instance sent its approved figures for the year counts from them, once.
      const received = await receivedOfYear(area, year);
      const rows = children.map(
        (child) =>
          rowFromPackages(child, received.get(child.id) ?? [], byLocality.get(child.id)?.length ?? 0) ??
          summarise(child, byLocality.get(child.id) ?? [], { listPlans: true, communes: null }),
      );
      return {
        locality: head,
        year,
        asOf,
        localities: rankByEvaluation(rows),
        summary: { localities: coverageOf(rows), communes: null },
        rollups: rollUpCommunes(
          catalog.list(),
          children,
          byLocality,
          received,
          query.catalogCode,
          query.valuesOf,
        ),
      };
    }

    // The nation: every province over its own communes.
    const communes = await listGrandchildLocalities(db, localityId, asOf);
    const area = { rootId: localityId, depth: 2, asOf } as const;
    const land = await landOfArea(db, area);
    const received = await receivedOfYear(area, year);
    const communesByProvince = groupBy(communes, (row) => row.parentId);
    if (nationInSql && received.size === 0) {
      const summed = await nationFromSummaries(area, land, year, children, communesByProvince, query);
      if (summed) {
        return {
          locality: head,
          year,
          asOf,
          localities: rankByEvaluation(summed.rows),
          summary: { localities: coverageOf(summed.rows), communes: summed.communes },
          rollups: summed.rollups,
        };
      }
    }
    // The provinces' rows and roll-ups list no plan and name no indicator: the summaries without detail.
    const evaluations = await summarisePlansOfArea({ db, reporting }, area, land, year, {
      withDetail: false,
      onWriteError,
      storeLater,
    });
    const byLocality = groupBy(evaluations, (row) => land.get(row.plan.localityId) ?? row.plan.localityId);
    const communeRows: Covered[] = [];
    const rows = children.map((province) => {
      const own = communesByProvince.get(province.id) ?? [];
      const fromPackages: Row[] = [];
      const ownRows = own.map((commune) => {
        const row = rowFromPackages(
          commune,
          received.get(commune.id) ?? [],
          byLocality.get(commune.id)?.length ?? 0,
        );
        if (row) fromPackages.push(row);
        return row ?? coveredOf(byLocality.get(commune.id) ?? []);
      });
      communeRows.push(...ownRows);
      const evaluated = own.filter((commune) => !received.has(commune.id));
      const local = evaluated.flatMap((commune) => byLocality.get(commune.id) ?? []);
      const localUnits = local
        .flatMap((row) => row.obligations)
        .filter((row) => row.state === 'scored').length;
      return withReceivedCommunes(
        province,
        summarise(province, local, { listPlans: false, communes: coverageOf(ownRows) }),
        localUnits,
        fromPackages,
      );
    });
    return {
      locality: head,
      year,
      asOf,
      localities: rankByEvaluation(rows),
      summary: { localities: coverageOf(rows), communes: coverageOf(communeRows) },
      rollups: rollUpProvinces(
        catalog.list(),
        children,
        communesByProvince,
        byLocality,
        received,
        query.catalogCode,
        query.valuesOf,
      ),
    };
  };

  /**
   * The overview's rows that pass the page's filters, as an Excel sheet (the same rule as the page:
   * `filterOverviewRows`).
   *
   * @throws AppError LOCALITY_NOT_FOUND as for the overview
   */
  const exportLocalities = async (
    context: RequestContext,
    localityId: string,
    query: TOverviewExportQuery,
  ): Promise<ExportedFile> => {
    const overview = await getLocalityOverview(context, localityId, { year: query.year, asOf: query.asOf });
    const rows = filterOverviewRows(overview.localities, {
      colours: query.colours,
      problem: query.problem,
      query: query.q,
    });
    return {
      bytes: await renderOverviewSheet(overview, rows, query),
      contentType: XLSX_TYPE,
      fileName: `tong-quan-${overview.locality.code ?? 'dia-ban'}-${overview.year}.xlsx`,
    };
  };

  /**
   * "Đôn đốc": reminds the standing agencies of the chosen communes of a province that are late with
   * their reports (late or missing past the due date, in the year's overview), once a day each, and
   * records each reminder in the commune's audit trail.
   *
   * @throws AppError LOCALITY_NOT_FOUND as for the overview; FORBIDDEN for a reader who does not answer
   *   for the province (an inspector, a unit officer); BAD_REQUEST for the nation
   */
  const chaseLate = async (
    context: RequestContext,
    localityId: string,
    input: TOverviewChaseRequest,
  ): Promise<TOverviewChaseResult> => {
    const overview = await getLocalityOverview(context, localityId, { year: input.year });
    if (!hasRoleCovering(context.actor, await findLocalityChain(db, localityId), CHASING_ROLES))
      throw new AppError('FORBIDDEN');
    if (overview.locality.level !== 'province') {
      throw new AppError('BAD_REQUEST', {
        message: 'Chỉ đôn đốc được các xã, phường của một tỉnh, thành phố.',
        details: [{ field: 'localityIds', message: 'Hãy mở tổng quan của tỉnh để đôn đốc các xã, phường' }],
      });
    }
    const rowById = new Map(overview.localities.map((row) => [row.localityId, row]));
    const today = vietnamDateOf(clock.now());
    const result: TOverviewChaseResult = { reminded: 0, notifications: 0, skipped: [] };
    for (const id of [...new Set(input.localityIds)]) {
      const row = rowById.get(id);
      if (!row) {
        result.skipped.push({ localityId: id, name: null, reason: 'not_a_child' });
        continue;
      }
      if (!hasProblem(row, 'late_reporting')) {
        result.skipped.push({ localityId: id, name: row.name, reason: 'not_late' });
        continue;
      }
      const name = `${row.kind} ${row.name}`;
      const plan = row.plans[0];
      const sent = await db.transaction(async (tx) => {
        const told = await notifications.notifyStandingOfficersOf(tx, id, {
          kind: 'report_overdue',
          title: `Đôn đốc báo cáo năm ${overview.year}: ${name}`,
          body: `${actorName(context.actor)} (${overview.locality.kind} ${overview.locality.name}) đề nghị ${name} hoàn thành báo cáo thực hiện kế hoạch: ${row.reports.late} báo cáo nộp muộn, ${row.reports.missing} báo cáo quá hạn chưa nộp.`,
          link: plan
            ? `/plans/${plan.planId}?tab=reports${plan.period ? `&period=${plan.period.id}` : ''}`
            : null,
          baseKey: `chase:${id}:${overview.year}:${today}`,
        });
        if (told.officers === 0) return told;
        await recordAudit(tx, context, clock.now(), {
          entityType: 'reminder',
          entityId: id,
          localityId: id,
          action: 'create',
          after: {
            name: `Đôn đốc báo cáo năm ${overview.year} – ${name}`,
            year: overview.year,
            late: row.reports.late,
            missing: row.reports.missing,
            notified: told.created,
          },
        });
        return told;
      });
      if (sent.officers === 0) {
        result.skipped.push({ localityId: id, name: row.name, reason: 'no_standing_officer' });
        continue;
      }
      result.reminded += 1;
      result.notifications += sent.created;
    }
    return result;
  };

  /**
   * Keeps today's stored evaluation summaries ready (run by the background jobs): the plans of the
   * whole tree that changed, or were not looked at yet today, are evaluated off the requests, and the
   * summaries of other days are pruned.
   */
  const keepSummariesWarm = async (): Promise<{ evaluated: number; pruned: number }> => {
    const asOf = vietnamDateOf(clock.now());
    let evaluated = 0;
    for (const root of await listRootLocalities(db, asOf)) {
      const depth = root.level === 'nation' ? 2 : 1;
      evaluated += await warmSummaries({ db, reporting }, { rootId: root.id, depth, asOf });
    }
    return { evaluated, pruned: await pruneSummaries(db, asOf) };
  };

  return {
    getLocalityOverview,
    exportLocalities,
    chaseLate,
    keepSummariesWarm,
    /** Waits for the summaries queued to be stored after their overviews answered. */
    summariesStored: writes.settled,
  };
};

export type OverviewService = ReturnType<typeof createOverviewService>;

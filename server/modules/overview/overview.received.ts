/**
 * A commune's overview row from the submission packages its own instance sent (issue #15: a province
 * running its own instance receives its communes' approved figures). A commune that sent packages for
 * the year is counted from them, once, in its row, the catalog roll-ups and the nation's province row,
 * even where it also has a plan in effect in this instance: the approved figures it sent are what its
 * leader signed, while the local copy may be partial or stale. The row says how many local plans were
 * set aside (`received.localPlans`).
 *
 * Of each plan of origin, the package of the latest period that ends in the year counts, in its newest
 * approved version. One plan: the row shows the commune's own approved score and colour, as signed.
 * Several plans: their counts are added and the score is the mean of their scores weighted by the units
 * each scored, coloured with this locality's thresholds.
 */

import { CATALOG_VERSION } from '@core/catalog/standard-catalog';
import { colourOf } from '@core/domain/evaluation';
import { thresholdsOf } from '@core/domain/plan-evaluation';
import type { TOverviewLocality } from '@core/schemas/overview.schemas';
import type { ReceivedPackage } from '../../shared/received-packages';
import type { ChildLocalityRow } from './overview.repository';

type Row = Omit<TOverviewLocality, 'rank'>;

/** The packages that count for a year: per plan of origin, the latest period ending in it, newest version. */
export const packagesOfYear = (packages: readonly ReceivedPackage[], year: number): ReceivedPackage[] => {
  const best = new Map<string, ReceivedPackage>();
  for (const candidate of packages) {
    if (Number(candidate.figures.period.periodEnd.slice(0, 4)) !== year) continue;
    const key = `${candidate.localityId}:${candidate.sourcePlanId}`;
    const current = best.get(key);
    const newer =
      !current ||
      candidate.figures.period.periodEnd > current.figures.period.periodEnd ||
      (candidate.figures.period.periodEnd === current.figures.period.periodEnd &&
        candidate.reportVersion > current.reportVersion);
    if (newer) best.set(key, candidate);
  }
  return [...best.values()];
};

const add = <K extends string>(records: ReadonlyArray<Record<K, number>>): Record<K, number> => {
  const total = {} as Record<K, number>;
  for (const record of records)
    for (const [key, value] of Object.entries(record) as Array<[K, number]>)
      total[key] = (total[key] ?? 0) + value;
  return total;
};

/**
 * The row of a commune from its packages of the year (from `packagesOfYear`), or null without any.
 *
 * @param locality - the commune as this instance's register has it
 * @param packages - its packages that count for the year
 * @param localPlans - its plans in effect in this instance, set aside for the packages
 */
export const rowFromPackages = (
  locality: ChildLocalityRow,
  packages: readonly ReceivedPackage[],
  localPlans = 0,
): Row | null => {
  if (!packages.length) return null;
  const figures = packages.map((item) => item.figures);
  const thresholds = thresholdsOf(locality);
  const scored = figures.filter((item) => item.score != null);
  const weight = (item: (typeof figures)[number]) => Math.max(1, item.timeliness.units);
  const score =
    scored.length === 0
      ? null
      : scored.length === 1
        ? (scored[0]?.score ?? null)
        : scored.reduce((sum, item) => sum + (item.score ?? 0) * weight(item), 0) /
          scored.reduce((sum, item) => sum + weight(item), 0);
  const colour =
    scored.length === 1 && figures.length === 1 ? figures[0]!.colour : colourOf(score, thresholds);
  const timeliness = add(figures.map((item) => item.timeliness.counts));
  const indicators = add(figures.map((item) => item.indicatorCounts));
  const tasks = add(figures.map((item) => item.tasks.counts));
  const latest = [...packages].sort((a, b) =>
    b.figures.approval.approvedOn.localeCompare(a.figures.approval.approvedOn),
  )[0]!;
  const expected = figures.reduce((sum, item) => sum + item.timeliness.units, 0);
  const submitted = (timeliness.on_time ?? 0) + (timeliness.late ?? 0);
  return {
    localityId: locality.id,
    code: locality.code,
    name: locality.name,
    kind: locality.kind,
    formedFrom: locality.formedFrom,
    plans: [],
    planCount: packages.length,
    communes: null,
    // An approved report counts accepted unit reports only: none waits for review.
    reports: {
      expected,
      submitted,
      accepted: submitted,
      pendingReview: 0,
      late: timeliness.late ?? 0,
      missing: timeliness.missing ?? 0,
    },
    indicators,
    indicatorCount: Object.values<number>(indicators).reduce((sum, count) => sum + count, 0),
    taskCount: figures.reduce((sum, item) => sum + item.tasks.total, 0),
    overdueTasks: tasks.in_progress_late ?? 0,
    evaluation: score == null ? 'not_evaluated' : 'scored',
    score,
    colour,
    thresholds,
    received: {
      packages: packages.length,
      periodLabel: latest.figures.period.label,
      approvedOn: latest.figures.approval.approvedOn,
      reportVersion: latest.reportVersion,
      receivedAt: latest.receivedAt.toISOString(),
      localPlans,
      otherCatalogVersion:
        packages.map((item) => item.figures.catalogVersion).find((version) => version !== CATALOG_VERSION) ??
        null,
      catalogVersion: CATALOG_VERSION,
    },
  };
};

/** How many units a received commune's row was scored over (its packages' scored units). */
export const scoredUnitsOfReceived = (row: Row): number => row.reports.expected;

/**
 * A province's row in the nation's overview with the communes whose figures came in packages: their
 * counts are added to those of the communes evaluated here, and the score is the mean of the local score
 * (weighted by the units scored here) and each received commune's approved score (weighted by the units
 * it scored), coloured with the province's thresholds. Without received communes the row is unchanged.
 *
 * @param local - the province's row over the communes evaluated in this instance
 * @param localUnits - the units scored in that row
 * @param received - the rows of the communes counted from their packages (`rowFromPackages`)
 */
export const withReceivedCommunes = (
  province: ChildLocalityRow,
  local: Row,
  localUnits: number,
  received: readonly Row[],
): Row => {
  if (!received.length) return local;
  const parts = [
    ...(local.score == null ? [] : [{ score: local.score, weight: Math.max(1, localUnits) }]),
    ...received
      .filter((row) => row.score != null)
      .map((row) => ({ score: row.score!, weight: Math.max(1, scoredUnitsOfReceived(row)) })),
  ];
  const score = parts.length
    ? parts.reduce((sum, part) => sum + part.score * part.weight, 0) /
      parts.reduce((sum, part) => sum + part.weight, 0)
    : null;
  const rows = [local, ...received];
  return {
    ...local,
    planCount: rows.reduce((sum, row) => sum + row.planCount, 0),
    reports: add(rows.map((row) => row.reports)),
    indicators: add(rows.map((row) => row.indicators)),
    indicatorCount: rows.reduce((sum, row) => sum + row.indicatorCount, 0),
    taskCount: rows.reduce((sum, row) => sum + row.taskCount, 0),
    overdueTasks: rows.reduce((sum, row) => sum + row.overdueTasks, 0),
    evaluation: score == null ? local.evaluation : 'scored',
    score,
    colour: colourOf(score, thresholdsOf(province)),
  };
};

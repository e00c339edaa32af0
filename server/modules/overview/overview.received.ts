/**
 * A commune's overview row from the submission packages its own instance sent (issue #15: a province
 * running its own instance receives its communes' approved figures). Used only for a commune with no
 * plan in effect in this instance: local data, where there is any, is what this instance can trace to
 * the reporting units, so it wins.
 *
 * Of each plan of origin, the package of the latest period that ends in the year counts, in its newest
 * approved version. One plan: the row shows the commune's own approved score and colour, as signed.
 * Several plans: their counts are added and the score is the mean of their scores weighted by the units
 * each scored, coloured with this locality's thresholds.
 */
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
 */
export const rowFromPackages = (
  locality: ChildLocalityRow,
  packages: readonly ReceivedPackage[],
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
    },
  };
};

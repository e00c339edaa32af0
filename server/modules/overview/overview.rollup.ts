/**
 * Roll-ups of the standard (catalog) indicators over the communes' accepted figures (core/domain/rollup.ts):
 * for a province, each commune's figure beside the province value; for the nation, each province's
 * value (rolled up from its communes) beside the national value, which is rolled up from every commune
 * at once, so a rate is Σ numerators / Σ denominators over all communes, never an average of provinces.
 *
 * A commune counted from the submission packages its own instance sent (overview.received.ts) gives the
 * figures of its approved report instead of any plan here, once: its numerator and denominator where
 * the package has them, else its value, in the unit it states (another unit than the catalog's is shown
 * as not comparable, never converted).
 */
import { type Rollup, type RollupInput, rollUp } from '@core/domain/rollup';
import type { TOverviewRollup } from '@core/schemas/overview.schemas';
import type { ReceivedPackage } from '../../shared/received-packages';
import type { CatalogService } from '../catalog/catalog.service';
import type { CatalogFigure, PlanFigures } from './overview.summary';

type CatalogEntry = ReturnType<CatalogService['list']>[number];
type Named = { id: string; name: string };

type Figure = RollupInput & {
  planId: string | null;
  indicatorId: string | null;
  indicatorCode: string | null;
  reportId: string | null;
  received: NonNullable<TOverviewRollup['values']>[number]['received'];
};

/**
 * One figure per catalog code from a commune's packages of the year: the newest package (latest period,
 * newest approval) that maps the code and has a value or a fraction, else the newest that maps it.
 */
const receivedFigures = (
  localityId: string,
  packages: readonly ReceivedPackage[],
  catalogCode: string | undefined,
): Map<string, Figure> => {
  const newestFirst = [...packages].sort(
    (a, b) =>
      b.figures.period.periodEnd.localeCompare(a.figures.period.periodEnd) ||
      b.figures.approval.approvedAt.localeCompare(a.figures.approval.approvedAt),
  );
  const chosen = new Map<string, Figure>();
  for (const item of newestFirst) {
    for (const row of item.figures.indicators) {
      if (!row.catalogMapped || !row.catalogCode) continue;
      if (catalogCode && row.catalogCode !== catalogCode) continue;
      const numerator = row.numerator ?? null;
      const denominator = row.denominator ?? null;
      const hasFigure = row.value != null || (numerator != null && denominator != null);
      const held = chosen.get(row.catalogCode);
      if (held && (held.value != null || held.numerator != null || !hasFigure)) continue;
      chosen.set(row.catalogCode, {
        localityId,
        unit: row.unit,
        value: row.value,
        numerator,
        denominator,
        planId: null,
        indicatorId: null,
        indicatorCode: row.planCode,
        reportId: null,
        received: {
          periodLabel: item.figures.period.label,
          approvedOn: item.figures.approval.approvedOn,
          reportVersion: item.reportVersion,
        },
      });
    }
  }
  return chosen;
};

/**
 * One figure per commune and catalog code: from the newest plan that maps the code and has a value,
 * else the newest that maps it.
 */
const figuresByCode = (
  communes: Named[],
  evaluationsByLocality: Map<string, PlanFigures[]>,
  receivedByLocality: Map<string, ReceivedPackage[]>,
  catalogCode: string | undefined,
): Map<string, Figure[]> => {
  const byCode = new Map<string, Figure[]>();
  const push = (code: string, figure: Figure) => {
    const list = byCode.get(code);
    if (list) list.push(figure);
    else byCode.set(code, [figure]);
  };
  for (const commune of communes) {
    const packages = receivedByLocality.get(commune.id);
    if (packages?.length) {
      for (const [code, figure] of receivedFigures(commune.id, packages, catalogCode)) push(code, figure);
      continue;
    }
    const chosen = new Map<string, { evaluation: PlanFigures; row: CatalogFigure }>();
    for (const evaluation of [...(evaluationsByLocality.get(commune.id) ?? [])].reverse()) {
      for (const row of evaluation.catalog) {
        if (catalogCode && row.catalogCode !== catalogCode) continue;
        const held = chosen.get(row.catalogCode);
        if (!held || (held.row.current == null && row.current != null)) {
          chosen.set(row.catalogCode, { evaluation, row });
        }
      }
    }
    for (const [code, { evaluation, row }] of chosen) {
      const current = row.current;
      const figure: Figure = {
        localityId: commune.id,
        unit: row.unit,
        value: current?.value ?? null,
        numerator: current?.numerator ?? null,
        denominator: current?.denominator ?? null,
        planId: evaluation.plan.id,
        indicatorId: row.id,
        indicatorCode: row.code,
        reportId: current?.reportId ?? null,
        received: null,
      };
      push(code, figure);
    }
  }
  return byCode;
};

/**
 * A province's figure in a catalog roll-up, summed over its communes; `missingDenominator` says whether a
 * reporting commune fell out for want of a denominator (why a province with none included has no value).
 */
export const provinceValueOf = (
  entry: CatalogEntry,
  province: { id: string; name: string },
  result: Omit<Rollup, 'contributions'>,
  missingDenominator: boolean,
): NonNullable<TOverviewRollup['values']>[number] => ({
  localityId: province.id,
  localityName: province.name,
  planId: null,
  indicatorId: null,
  indicatorCode: null,
  unit: entry.unit,
  value: result.value,
  numerator: result.numerator,
  denominator: result.denominator,
  reportId: null,
  included: result.included > 0,
  // A province whose reporting communes all fell out of the value (no denominator, another unit).
  excluded:
    result.included > 0 || result.method === 'none'
      ? null
      : missingDenominator
        ? 'missing_denominator'
        : 'unit_mismatch',
  communes: { reporting: result.reporting, included: result.included },
  received: null,
});

/** A catalog roll-up as the overview sends it, but for its values: the entry, the result, named extremes. */
export const headOf = (
  entry: CatalogEntry,
  result: Omit<Rollup, 'contributions'>,
  nameOf: Map<string, string>,
): Omit<TOverviewRollup, 'values'> => {
  const extreme = (item: { localityId: string; value: number } | null) =>
    item ? { ...item, localityName: nameOf.get(item.localityId) ?? '' } : null;
  return {
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
  };
};

/**
 * Which roll-up sends its per-locality values: the one asked for, else the first one sent. The others
 * carry their totals only (a province's values of every code were most of its overview's bytes).
 */
const valuesPicker = (valuesOf: string | undefined) => {
  let chosen = valuesOf;
  return (code: string) => {
    chosen ??= code;
    return code === chosen;
  };
};

type RollupValues = NonNullable<TOverviewRollup['values']>;

/**
 * Every catalog entry that some locality reported, rolled up over its figures: the head for each, and the
 * per-locality values (built by `valuesFor`) only for the code looked at (`valuesOf`, else the first).
 */
const rollUpEntries = (
  entries: CatalogEntry[],
  byCode: Map<string, Figure[]>,
  nameOf: Map<string, string>,
  valuesOf: string | undefined,
  valuesFor: (entry: CatalogEntry, result: Rollup, figures: Figure[]) => RollupValues,
): TOverviewRollup[] => {
  const withValues = valuesPicker(valuesOf);
  const rollups: TOverviewRollup[] = [];
  for (const entry of entries) {
    const figures = byCode.get(entry.code);
    if (!figures) continue;
    const result = rollUp(entry, figures);
    if (result.reporting === 0) continue;
    const values = withValues(entry.code) ? valuesFor(entry, result, figures) : null;
    rollups.push({ ...headOf(entry, result, nameOf), values });
  }
  return rollups;
};

/**
 * A province's roll-up: each commune's accepted figure of the year beside the province value.
 *
 * @param valuesOf - the code whose communes' figures are sent (default: the first roll-up's)
 */
export const rollUpCommunes = (
  entries: CatalogEntry[],
  communes: Named[],
  evaluationsByLocality: Map<string, PlanFigures[]>,
  receivedByLocality: Map<string, ReceivedPackage[]>,
  catalogCode: string | undefined,
  valuesOf?: string,
): TOverviewRollup[] => {
  const nameOf = new Map(communes.map((row) => [row.id, row.name]));
  const byCode = figuresByCode(communes, evaluationsByLocality, receivedByLocality, catalogCode);
  return rollUpEntries(entries, byCode, nameOf, valuesOf, (_entry, result, figures) =>
    result.contributions.map((row, index) => ({
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
      communes: null,
      received: figures[index]!.received,
    })),
  );
};

/**
 * The nation's roll-up: the national value over every commune's figure (best and worst are communes),
 * and each province's value rolled up from its own communes (provinces in the order given).
 *
 * @param valuesOf - the code whose provinces' values are sent (default: the first roll-up's)
 */
export const rollUpProvinces = (
  entries: CatalogEntry[],
  provinces: Named[],
  communesByProvince: Map<string, Named[]>,
  evaluationsByLocality: Map<string, PlanFigures[]>,
  receivedByLocality: Map<string, ReceivedPackage[]>,
  catalogCode: string | undefined,
  valuesOf?: string,
): TOverviewRollup[] => {
  const communes = provinces.flatMap((province) => communesByProvince.get(province.id) ?? []);
  const nameOf = new Map(communes.map((row) => [row.id, row.name]));
  const provinceOf = new Map<string, string>();
  for (const province of provinces) {
    for (const commune of communesByProvince.get(province.id) ?? []) provinceOf.set(commune.id, province.id);
  }
  const byCode = figuresByCode(communes, evaluationsByLocality, receivedByLocality, catalogCode);
  return rollUpEntries(entries, byCode, nameOf, valuesOf, (entry, _national, figures) => {
    const byProvince = new Map<string, Figure[]>();
    for (const figure of figures) {
      const provinceId = provinceOf.get(figure.localityId)!;
      const list = byProvince.get(provinceId);
      if (list) list.push(figure);
      else byProvince.set(provinceId, [figure]);
    }
    const values: RollupValues = [];
    for (const province of provinces) {
      const own = byProvince.get(province.id);
      if (!own) continue;
      const result = rollUp(entry, own);
      if (result.reporting === 0) continue;
      values.push(
        provinceValueOf(
          entry,
          province,
          result,
          result.contributions.some((row) => row.excluded === 'missing_denominator'),
        ),
      );
    }
    return values;
  });
};

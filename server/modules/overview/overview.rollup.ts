/**
 * Roll-ups of the standard (catalog) indicators over the communes' accepted figures (core/domain/rollup.ts):
 * for a province, each commune's figure beside the province value; for the nation, each province's
 * value (rolled up from its communes) beside the national value, which is rolled up from every commune
 * at once, so a rate is Σ numerators / Σ denominators over all communes, never an average of provinces.
 */
import { type Rollup, type RollupInput, rollUp } from '@core/domain/rollup';
import type { TOverviewRollup } from '@core/schemas/overview.schemas';
import type { CatalogService } from '../catalog/catalog.service';
import type { PlanEvaluation } from './overview.evaluation';
import type { OverviewIndicatorRow } from './overview.repository';

type CatalogEntry = ReturnType<CatalogService['list']>[number];
type Named = { id: string; name: string };

type Figure = RollupInput & {
  planId: string;
  indicatorId: string;
  indicatorCode: string | null;
  reportId: string | null;
};

/**
 * One figure per commune and catalog code: from the newest plan that maps the code and has a value,
 * else the newest that maps it.
 */
const figuresByCode = (
  communes: Named[],
  evaluationsByLocality: Map<string, PlanEvaluation[]>,
  catalogCode: string | undefined,
): Map<string, Figure[]> => {
  const byCode = new Map<string, Figure[]>();
  for (const commune of communes) {
    const chosen = new Map<string, { evaluation: PlanEvaluation; row: OverviewIndicatorRow }>();
    for (const evaluation of [...(evaluationsByLocality.get(commune.id) ?? [])].reverse()) {
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
        localityId: commune.id,
        unit: row.unit,
        value: current?.value.value ?? null,
        numerator: current?.value.numerator ?? null,
        denominator: current?.value.denominator ?? null,
        planId: evaluation.plan.id,
        indicatorId: row.id,
        indicatorCode: row.code,
        reportId: current?.reportId ?? null,
      };
      const list = byCode.get(code);
      if (list) list.push(figure);
      else byCode.set(code, [figure]);
    }
  }
  return byCode;
};

const headOf = (
  entry: CatalogEntry,
  result: Rollup,
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

/** A province's roll-up: each commune's accepted figure of the year beside the province value. */
export const rollUpCommunes = (
  entries: CatalogEntry[],
  communes: Named[],
  evaluationsByLocality: Map<string, PlanEvaluation[]>,
  catalogCode: string | undefined,
): TOverviewRollup[] => {
  const nameOf = new Map(communes.map((row) => [row.id, row.name]));
  const byCode = figuresByCode(communes, evaluationsByLocality, catalogCode);
  const rollups: TOverviewRollup[] = [];
  for (const entry of entries) {
    const figures = byCode.get(entry.code);
    if (!figures) continue;
    const result = rollUp(entry, figures);
    if (result.reporting === 0) continue;
    rollups.push({
      ...headOf(entry, result, nameOf),
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
        communes: null,
      })),
    });
  }
  return rollups;
};

/**
 * The nation's roll-up: the national value over every commune's figure (best and worst are communes),
 * and each province's value rolled up from its own communes (provinces in the order given).
 */
export const rollUpProvinces = (
  entries: CatalogEntry[],
  provinces: Named[],
  communesByProvince: Map<string, Named[]>,
  evaluationsByLocality: Map<string, PlanEvaluation[]>,
  catalogCode: string | undefined,
): TOverviewRollup[] => {
  const communes = provinces.flatMap((province) => communesByProvince.get(province.id) ?? []);
  const nameOf = new Map(communes.map((row) => [row.id, row.name]));
  const provinceOf = new Map<string, string>();
  for (const province of provinces) {
    for (const commune of communesByProvince.get(province.id) ?? []) provinceOf.set(commune.id, province.id);
  }
  const byCode = figuresByCode(communes, evaluationsByLocality, catalogCode);
  const rollups: TOverviewRollup[] = [];
  for (const entry of entries) {
    const figures = byCode.get(entry.code);
    if (!figures) continue;
    const national = rollUp(entry, figures);
    if (national.reporting === 0) continue;
    const byProvince = new Map<string, Figure[]>();
    for (const figure of figures) {
      const provinceId = provinceOf.get(figure.localityId)!;
      const list = byProvince.get(provinceId);
      if (list) list.push(figure);
      else byProvince.set(provinceId, [figure]);
    }
    const values: TOverviewRollup['values'] = [];
    for (const province of provinces) {
      const own = byProvince.get(province.id);
      if (!own) continue;
      const result = rollUp(entry, own);
      if (result.reporting === 0) continue;
      values.push({
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
            : result.contributions.some((row) => row.excluded === 'missing_denominator')
              ? 'missing_denominator'
              : 'unit_mismatch',
        communes: { reporting: result.reporting, included: result.included },
      });
    }
    rollups.push({ ...headOf(entry, national, nameOf), values });
  }
  return rollups;
};

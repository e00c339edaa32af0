/**
 * The nation's overview summed in SQL (issue #13): each province's row and the catalog roll-ups from the
 * stored evaluation summaries of its communes' plans (overview.summary.ts), so the database sends a row
 * of counts per province and a group of sums per province and catalog code, not every commune's summary.
 *
 * The same figures as the evaluation in JavaScript (overview.service.ts `summarise`, overview.rollup.ts
 * `rollUpProvinces`; overview.nation-sql.test.ts compares the two):
 * - statuses and reports are counted; a province's score is `evaluateUnit` over the statuses counted
 *   (each point is 0, ½ or 1, so a sum of points is exact in any order);
 * - each commune's figure of a catalog code is chosen as `figuresByCode` chooses it (the newest plan
 *   with an accepted figure, else the newest mapping the code; the plan's order within);
 * - Σ numerators, Σ denominators and Σ values are summed in SQL in the order JavaScript sums them (the
 *   communes' order, sent as the list of communes), per unit as the commune states it; the units that
 *   count as the catalog's are told in JavaScript (`inCatalogUnit`).
 *
 * Where the sums could differ in the last bit (two spellings of the catalog's unit with fractional
 * sums), or a value would have to be rebuilt from its fraction, this answers null and the caller
 * evaluates in JavaScript as before; so does a plan without a valid stored summary (one changed just
 * now), and a nation with communes counted from received packages (overview.received.ts).
 */
import {
  evaluateUnit,
  INDICATOR_STATUSES,
  type IndicatorStatus,
  TASK_STATUSES,
  type TaskStatus,
  TIMELINESS,
  type Timeliness,
  type UnitEvaluationState,
} from '@core/domain/evaluation';
import { isPercentUnit, rateOf, round2 } from '@core/domain/indicator-values';
import { thresholdsOf } from '@core/domain/plan-evaluation';
import { inCatalogUnit, type Rollup, rollupMethodOf } from '@core/domain/rollup';
import type { TOverviewCoverage, TOverviewLocality, TOverviewRollup } from '@core/schemas/overview.schemas';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { CatalogService } from '../catalog/catalog.service';
import type { ChildLocalityRow } from './overview.repository';
import { headOf, provinceValueOf } from './overview.rollup';
import { activePlansOfArea, type OverviewArea } from './overview.scope';
import { withValidSummary } from './overview.summary';

type CatalogEntry = ReturnType<CatalogService['list']>[number];
type Row = Omit<TOverviewLocality, 'rank'>;
type Named = { id: string; name: string };

/** How many times a status's letter (overview.summary.ts `letters`) occurs in a stored list. */
const letterCount = (text: SQL, index: number): SQL =>
  sql`(length(${text}) - length(replace(${text}, ${sql.raw(`'${String.fromCharCode(97 + index)}'`)}, '')))`;
const sumOfLetters = (text: SQL, names: readonly string[], filter: SQL = sql`true`): SQL[] =>
  names.map((_, index) => sql`coalesce(sum(${letterCount(text, index)}) filter (where ${filter}), 0)`);

/** Σ in SQL's order of each plan's statuses (`p_*`) and of its obligations (`o_*`), per province. */
const planColumns = [
  sql`count(*)`,
  sql`count(distinct commune)`,
  sql`coalesce(sum(length(i)), 0)`,
  sql`coalesce(sum(length(t)), 0)`,
  ...sumOfLetters(sql`i`, INDICATOR_STATUSES),
  ...sumOfLetters(sql`t`, TASK_STATUSES),
];
const scored = sql`st = 'scored'`;
const obligationColumns = [
  sql`count(*)`,
  sql`count(*) filter (where acc or waiting)`,
  sql`count(*) filter (where acc)`,
  sql`count(*) filter (where waiting)`,
  sql`count(*) filter (where tl = 'late')`,
  sql`count(*) filter (where tl = 'missing')`,
  sql`count(distinct commune) filter (where tl in ('late', 'missing'))`,
  sql`bool_or(${scored})`,
  sql`bool_or(st = 'pending_review')`,
  ...TIMELINESS.map((name) => sql`count(*) filter (where ${scored} and tl = ${name})`),
  ...sumOfLetters(sql`oi`, INDICATOR_STATUSES, scored),
  ...sumOfLetters(sql`ot`, TASK_STATUSES, scored),
];

type PlanCounts = number[];
/** The highest as [−value, order] (the least of these is the first highest), the lowest as [value, order]. */
type Extreme = [number, number] | null;
type ObligationCounts = Array<number | boolean>;
/** A unit as communes state it, within a province (index from 1) or the nation (null), for one code. */
type Group = [
  province: number | null,
  code: string,
  unit: string | null,
  fractions: number,
  valuesOnly: number,
  rebuilt: number,
  numerator: number | null,
  denominator: number | null,
  total: number | null,
  highest: [string, number, number] | null,
  lowest: [string, number, number] | null,
];

const readAggregates = async (
  db: Database,
  area: OverviewArea,
  year: number,
  communeLists: string[][],
  formers: Array<[string, string]>,
  catalogCode: string | undefined,
) => {
  // For this statement alone: JIT compiling it (its estimates run high) costs more than it saves, and
  // its sorts of every commune's catalog figures (tens of megabytes for the country) stay in memory.
  const result = (await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
    return tx.execute(sql`
    with communes as (
      select c.value::uuid as id, p.n::int as province, (row_number() over (order by p.n, c.n))::float8 as ord
      from json_array_elements(${JSON.stringify(communeLists)}::json) with ordinality p(value, n)
      cross join lateral json_array_elements_text(p.value) with ordinality c(value, n)
    ),
    formers as (
      select (e->>0)::uuid as id, (e->>1)::uuid as commune
      from json_array_elements(${JSON.stringify(formers)}::json) e
    ),
    plans as (
      select p.id, p.issued_date, date_trunc('milliseconds', p.created_at) as created, c.id as commune,
        c.province, c.ord, s.summary::jsonb as summary
      from plan p
      left join formers f on f.id = p.locality_id
      join communes c on c.id = coalesce(f.commune, p.locality_id)
      ${withValidSummary(year, area.asOf)}
      where p.id in (${activePlansOfArea(area)})
    ),
    chosen as (
      select distinct on (pl.commune, (f.value->>0) collate "C") pl.province, pl.ord, pl.commune,
        (f.value->>0) collate "C" as code, (f.value->>1) collate "C" as unit, (f.value->>2)::float8 as v, (f.value->>3)::float8 as n, (f.value->>4)::float8 as d
      from plans pl cross join lateral jsonb_array_elements(pl.summary->'c') with ordinality f(value, idx)
      where pl.summary is not null ${catalogCode ? sql`and f.value->>0 = ${catalogCode}` : sql``}
      order by pl.commune, (f.value->>0) collate "C", (f.value->>5 = '1') desc, pl.issued_date desc nulls first,
        pl.created desc, pl.id desc, f.idx
    ),
    figures as (select *, (n is not null and d is not null and d > 0) as frac from chosen)
    select json_build_array(
      (select count(*) from plans where summary is null),
      (select coalesce(json_agg(x.a), '[]'::json) from (
        select json_build_array(province, ${sql.join(planColumns, sql`, `)}) as a
        from (select province, commune, summary->>'i' as i, summary->>'t' as t from plans
          where summary is not null) pl
        group by province) x),
      (select coalesce(json_agg(x.a), '[]'::json) from (
        select json_build_array(province, ${sql.join(obligationColumns, sql`, `)}) as a
        from (select pl.province, pl.commune, o->>0 as st, o->>1 as tl, (o->>2) = '1' as acc,
            (o->>3) = '1' as waiting, o->>4 as oi, o->>5 as ot
          from plans pl cross join lateral jsonb_array_elements(pl.summary->'o') o
          where pl.summary is not null) ob
        group by province) x),
      (select coalesce(json_agg(x.a), '[]'::json) from (
        select json_build_array(province, code, unit,
          count(*) filter (where frac),
          count(*) filter (where v is not null and not frac),
          count(*) filter (where v is null and frac),
          sum(n order by ord) filter (where frac),
          sum(d order by ord) filter (where frac),
          sum(v order by ord) filter (where v is not null),
          min(array[-v, ord]) filter (where v is not null),
          min(array[v, ord]) filter (where v is not null)
        ) as a
        from figures group by grouping sets ((code, unit), (province, code, unit))) x)
    )::text as result`);
  })) as unknown as { rows: Array<{ result: string }> };
  const [lacking, plans, obligations, sent] = JSON.parse(result.rows[0]!.result) as [
    number,
    PlanCounts[],
    ObligationCounts[],
    Array<[...(Group extends [...infer Head, unknown, unknown] ? Head : never), Extreme, Extreme]>,
  ];
  // The commune of an order (1 for the first of the first province).
  const communeAt = communeLists.flat();
  const groups = sent.map((group): Group => {
    const [highest, lowest] = [group[9], group[10]];
    return [
      ...group.slice(0, 9),
      highest ? [communeAt[highest[1] - 1]!, -highest[0], highest[1]] : null,
      lowest ? [communeAt[lowest[1] - 1]!, lowest[0], lowest[1]] : null,
    ] as Group;
  });
  return { lacking, plans, obligations, groups };
};

/** A list of statuses holding each as many times as counted (the score depends on counts only). */
const repeated = <T extends string>(names: readonly T[], counts: readonly number[]): T[] =>
  names.flatMap((name, index) => Array<T>(counts[index] ?? 0).fill(name));

/** A province's row from its counts, as `summarise` gives it from its communes' summaries. */
const provinceRow = (
  province: ChildLocalityRow,
  plans: PlanCounts | undefined,
  obligations: ObligationCounts | undefined,
  communes: TOverviewCoverage,
): Row => {
  const p = (plans ?? []).slice(1) as number[];
  const o = (obligations ?? []).slice(1);
  const count = (index: number) => (o[index] as number | undefined) ?? 0;
  const state: UnitEvaluationState = o[7] ? 'scored' : o[8] ? 'pending_review' : 'not_evaluated';
  const thresholds = thresholdsOf(province);
  const at = 9;
  const scoredIndicators = at + TIMELINESS.length;
  const scoredTasks = scoredIndicators + INDICATOR_STATUSES.length;
  const result = evaluateUnit({
    state,
    indicators: repeated<IndicatorStatus>(
      INDICATOR_STATUSES,
      o.slice(scoredIndicators, scoredTasks) as number[],
    ),
    tasks: repeated<TaskStatus>(TASK_STATUSES, o.slice(scoredTasks) as number[]),
    reports: repeated<Timeliness>(TIMELINESS, o.slice(at, scoredIndicators) as number[]),
    thresholds,
  });
  const indicatorCounts = p.slice(4, 4 + INDICATOR_STATUSES.length);
  const taskCounts = p.slice(4 + INDICATOR_STATUSES.length);
  return {
    localityId: province.id,
    code: province.code,
    name: province.name,
    kind: province.kind,
    formedFrom: province.formedFrom,
    validTo: province.validTo ?? null,
    plans: [],
    planCount: p[0] ?? 0,
    communes,
    reports: {
      expected: count(0),
      submitted: count(1),
      accepted: count(2),
      pendingReview: count(3),
      late: count(4),
      missing: count(5),
    },
    indicators: Object.fromEntries(
      INDICATOR_STATUSES.map((name, index) => [name, indicatorCounts[index] ?? 0]),
    ) as Row['indicators'],
    indicatorCount: p[2] ?? 0,
    taskCount: p[3] ?? 0,
    overdueTasks: taskCounts[TASK_STATUSES.indexOf('in_progress_late')] ?? 0,
    evaluation: result.state,
    score: result.score,
    colour: result.colour,
    thresholds,
    received: null,
  };
};

/** Partial sums added: exact only when there is one, or all are whole numbers that stay exact. */
const exactSum = (parts: number[]): number | undefined => {
  if (parts.length <= 1) return parts[0];
  const magnitude = parts.reduce((sum, part) => sum + Math.abs(part), 0);
  return parts.every(Number.isInteger) && magnitude <= Number.MAX_SAFE_INTEGER
    ? parts.reduce((sum, part) => sum + part, 0)
    : undefined;
};

/** A roll-up summed in SQL: no per-commune contributions, only how many lacked a denominator. */
type Summed = Omit<Rollup, 'contributions'> & { missingDenominator: number };

/** `rollUp` of one code over the groups of a province or the nation; null where it must be done in JS. */
const rollUpGroups = (entry: CatalogEntry, groups: Group[]): Summed | null => {
  const method = rollupMethodOf(entry.unit);
  const matching = groups.filter((group) => inCatalogUnit(group[2], entry.unit));
  if (matching.some((group) => group[5] > 0)) return null;
  const reporting = groups.reduce((sum, group) => sum + group[3] + group[4], 0);
  let included = 0;
  let value: number | null = null;
  let numerator: number | null = null;
  let denominator: number | null = null;
  if (method === 'ratio') {
    const withFractions = matching.filter((group) => group[3] > 0);
    included = withFractions.reduce((sum, group) => sum + group[3], 0);
    if (included > 0) {
      const n = exactSum(withFractions.map((group) => group[6]!));
      const d = exactSum(withFractions.map((group) => group[7]!));
      if (n === undefined || d === undefined) return null;
      numerator = n;
      denominator = d;
      value = round2(rateOf(n, d, isPercentUnit(entry.unit))!);
    }
  } else if (method === 'sum') {
    const withValues = matching.filter((group) => group[3] + group[4] > 0);
    included = withValues.reduce((sum, group) => sum + group[3] + group[4], 0);
    if (included > 0) {
      const total = exactSum(withValues.map((group) => group[8]!));
      if (total === undefined) return null;
      value = round2(total);
    }
  }
  // The first locality in order with the highest (lowest) value.
  const extreme = (pick: (group: Group) => Group[9], higher: boolean) =>
    matching
      .map(pick)
      .filter((item): item is [string, number, number] => item != null)
      .reduce<[string, number, number] | null>(
        (top, item) =>
          top == null ||
          (higher ? item[1] > top[1] : item[1] < top[1]) ||
          (item[1] === top[1] && item[2] < top[2])
            ? item
            : top,
        null,
      );
  const highest = extreme((group) => group[9], true);
  const lowest = extreme((group) => group[10], false);
  const [best, worst] = entry.direction === 'increase' ? [highest, lowest] : [lowest, highest];
  return {
    method,
    value,
    numerator,
    denominator,
    reporting,
    included,
    missingDenominator: method === 'ratio' ? matching.reduce((sum, group) => sum + group[4], 0) : 0,
    best: best ? { localityId: best[0], value: best[1] } : null,
    worst: worst ? { localityId: worst[0], value: worst[1] } : null,
  };
};

/**
 * The nation's province rows (unranked), its communes' coverage and its roll-ups, summed in SQL from the
 * stored summaries; null where the caller must evaluate in JavaScript (see above).
 *
 * @param provinces - the nation's provinces in force, in the overview's order
 * @param communesByProvince - each province's communes in force, in the overview's order
 * @param land - the land of the area (`landOfArea`)
 */
export const aggregateNation = async (input: {
  db: Database;
  area: OverviewArea;
  land: Map<string, string>;
  year: number;
  provinces: ChildLocalityRow[];
  communesByProvince: Map<string, Named[]>;
  entries: CatalogEntry[];
  catalogCode: string | undefined;
  valuesOf: string | undefined;
}): Promise<{ rows: Row[]; communes: TOverviewCoverage; rollups: TOverviewRollup[] } | null> => {
  const { provinces, communesByProvince } = input;
  const communeLists = provinces.map((province) =>
    (communesByProvince.get(province.id) ?? []).map((row) => row.id),
  );
  const listed = new Set(communeLists.flat());
  const formers = [...input.land].filter(([id, owner]) => id !== owner || !listed.has(id));
  const {
    lacking,
    plans: planCounts,
    obligations: obligationCounts,
    groups,
  } = await readAggregates(input.db, input.area, input.year, communeLists, formers, input.catalogCode);
  if (lacking > 0) return null;

  const plansOf = new Map(planCounts.map((row) => [row[0], row]));
  const obligationsOf = new Map(obligationCounts.map((row) => [row[0] as number, row]));
  const coverage: TOverviewCoverage = { total: 0, withPlans: 0, lateReporting: 0, received: 0 };
  const rows = provinces.map((province, index) => {
    const plans = plansOf.get(index + 1);
    const obligations = obligationsOf.get(index + 1);
    const communes: TOverviewCoverage = {
      total: communeLists[index]!.length,
      withPlans: plans?.[2] ?? 0,
      lateReporting: (obligations?.[7] as number | undefined) ?? 0,
      received: 0,
    };
    coverage.total += communes.total;
    coverage.withPlans += communes.withPlans;
    coverage.lateReporting += communes.lateReporting;
    return provinceRow(province, plans, obligations, communes);
  });

  const byScope = new Map<string, Group[]>();
  for (const group of groups) {
    const key = `${group[0] ?? ''}:${group[1]}`;
    const list = byScope.get(key);
    if (list) list.push(group);
    else byScope.set(key, [group]);
  }
  const nameOf = new Map([...communesByProvince.values()].flat().map((row) => [row.id, row.name]));
  let chosen = input.valuesOf;
  const rollups: TOverviewRollup[] = [];
  for (const entry of input.entries) {
    if (input.catalogCode && entry.code !== input.catalogCode) continue;
    const national = byScope.get(`:${entry.code}`);
    if (!national) continue;
    const result = rollUpGroups(entry, national);
    if (!result) return null;
    if (result.reporting === 0) continue;
    chosen ??= entry.code;
    let values: TOverviewRollup['values'] = null;
    if (entry.code === chosen) {
      values = [];
      for (const [index, province] of provinces.entries()) {
        const own = byScope.get(`${index + 1}:${entry.code}`);
        if (!own) continue;
        const summed = rollUpGroups(entry, own);
        if (!summed) return null;
        if (summed.reporting === 0) continue;
        values.push(provinceValueOf(entry, province, summed, summed.missingDenominator > 0));
      }
    }
    rollups.push({ ...headOf(entry, result, nameOf), values });
  }
  return { rows, communes: coverage, rollups };
};

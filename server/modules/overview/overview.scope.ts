/**
 * What an overview looks at, as SQL (issue #13, "cost bounded by what is looked at"): the localities of
 * an area by the tree (a province's communes, or the nation's through its provinces) in force on a date
 * with the former localities whose land had come to them by then, their plans in effect, and each
 * plan's periods up to the judged one. The bulk reads (overview.repository.ts) take these as
 * subqueries, so no list of thousands of ids travels from Node to the database and back, and no report
 * of a later period is read.
 *
 * The same sets can be given as ids (`idsOf`): what a caller already holds (a test's reference).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { ownersOf, type SuccessionEdge } from '../../shared/locality-history';

/** A subquery of one column of ids (uuid). */
export type IdSet = SQL;

/** A list of ids already at hand, as a subquery. */
export const idsOf = (ids: readonly string[]): IdSet => sql`select unnest(${`{${ids.join(',')}}`}::uuid[])`;

/** The localities in force on `asOf` one level under the root (a province's communes) or two (the nation's). */
export type OverviewArea = { rootId: string; depth: 1 | 2; asOf: string };

const inForce = (asOf: string) =>
  sql`(l.valid_from is null or l.valid_from <= ${asOf}::date) and (l.valid_to is null or l.valid_to >= ${asOf}::date)`;

/** The localities in force of the area (as `listChildLocalities` / `listGrandchildLocalities` read them). */
const inForceOfArea = ({ rootId, depth, asOf }: OverviewArea): SQL =>
  depth === 1
    ? sql`select l.id from locality l where l.parent_id = ${rootId} and ${inForce(asOf)}`
    : sql`select l.id from locality l join locality parent on parent.id = l.parent_id
        where parent.parent_id = ${rootId} and ${inForce(asOf)}`;

/** The area's localities in force on its date (a subquery). */
export const localitiesInForceOfArea = (area: OverviewArea): IdSet => inForceOfArea(area);

/** The recursive walk back from the area's localities through successions effective by `asOf`. */
const reachedCte = (area: OverviewArea): SQL => sql`with recursive reached(id) as (
    ${inForceOfArea(area)}
    union
    select s.predecessor_id from locality_succession s join reached on s.successor_id = reached.id
    where s.effective_date is null or s.effective_date <= ${area.asOf}::date
  )`;

/**
 * Every locality of the area's land: those in force and every former locality reached backwards from
 * them through successions effective by then (a superset of the land: a split former locality whose
 * primary successor lies outside the area is in it; `landOfArea` tells which count).
 */
export const localitiesOfArea = (area: OverviewArea): IdSet =>
  sql`${reachedCte(area)} select id from reached`;

/**
 * The land of the area's localities on its date, as `landOfLocalities` gives it for their ids: for every
 * locality of that land, the locality in force it rolls up to. One query, seeded by the tree.
 */
export const landOfArea = async (executor: Executor, area: OverviewArea): Promise<Map<string, string>> => {
  const result = (await executor.execute(sql`
    ${reachedCte(area)}
    select null as given, s.predecessor_id, s.successor_id, s.share,
      p.name as predecessor_name, p.kind as predecessor_kind,
      c.name as successor_name, c.kind as successor_kind, c.code as successor_code
    from locality_succession s
    join locality p on p.id = s.predecessor_id
    join locality c on c.id = s.successor_id
    where s.predecessor_id in (select id from reached)
      and (s.effective_date is null or s.effective_date <= ${area.asOf}::date)
    union all
    select g.id, null, null, null, null, null, null, null, null from (${inForceOfArea(area)}) g`)) as unknown as {
    rows: Array<SuccessionEdge & { given: string | null }>;
  };
  const given = result.rows.filter((row) => row.given != null).map((row) => row.given!);
  return ownersOf(
    given,
    result.rows.filter((row) => row.given == null),
  );
};

/** The plans in effect (active) of some localities. */
export const activePlansOf = (localities: IdSet): IdSet =>
  sql`select p.id from plan p where p.status = 'active' and p.locality_id in (${localities})`;

/**
 * The plans in effect (active) of the area's land (`localitiesOfArea`): those of the localities in
 * force joined by the tree, and apart those of the former localities, so that the planner estimates the
 * large part from the tree's statistics (a recursive walk is estimated blindly, which turned a nation's
 * hash joins into nested loops).
 */
export const activePlansOfArea = (area: OverviewArea): IdSet => sql`
  select p.id from plan p join (${inForceOfArea(area)}) f on f.id = p.locality_id where p.status = 'active'
  union
  select p.id from plan p where p.status = 'active' and p.locality_id in (
    ${reachedCte(area)} select s.predecessor_id from locality_succession s join reached on s.successor_id = reached.id
    where s.effective_date is null or s.effective_date <= ${area.asOf}::date)`;

/**
 * Each plan's periods up to the one judged for the year on `asOf` (`judgedPeriodOf`: the latest period
 * of a regime that ends in the year and whose data has started by then, the greatest period end, then
 * key); a plan without one has none. What the evaluation reads reports and progress from.
 */
export const periodsUpToJudged = (plans: IdSet, year: number, asOf: string): IdSet => sql`
  select rp.id from reporting_period rp
  join (
    select distinct on (j.plan_id) j.plan_id, j.period_end from reporting_period j
    where j.plan_id in (${plans}) and j.regime_id is not null and j.data_from <= ${asOf}::date
      and extract(year from j.period_end) = ${year}
    order by j.plan_id, j.period_end desc, j.key desc
  ) judged on judged.plan_id = rp.plan_id and rp.period_end <= judged.period_end`;

/**
 * The regular periods of some plans ending in the year whose data window opens after `asOf`: none is
 * judged yet, and the first to open is judged from its opening day (when a plan's evaluation changes).
 */
export const periodsOpeningAfter = (plans: IdSet, year: number, asOf: string): IdSet => sql`
  select rp.id from reporting_period rp
  where rp.plan_id in (${plans}) and rp.regime_id is not null and rp.data_from > ${asOf}::date
    and extract(year from rp.period_end) = ${year}`;

/**
 * Of some periods, those whose values the evaluation reads: ending in the year, or closing their data
 * in one of the indicators' baseline years (where a target path starts).
 */
export const valuePeriodsOf = (periods: IdSet, year: number, baselineYears: readonly number[]): IdSet => sql`
  select rp.id from reporting_period rp where rp.id in (${periods})
    and (extract(year from rp.period_end) = ${year}
      or extract(year from rp.data_to) = any(${`{${baselineYears.join(',')}}`}::int[]))`;

/**
 * Of some plans, those with a reporting regime but no period of it ending in the year: their periods
 * are generated when first looked at (reporting's `ensurePeriodsOfPlans`).
 */
export const plansLackingPeriods = async (
  executor: Executor,
  plans: IdSet,
  year: number,
): Promise<string[]> => {
  const result = (await executor.execute(sql`
    select p.id from plan p where p.id in (${plans})
      and exists (select 1 from reporting_regime r where r.plan_id = p.id)
      and not exists (select 1 from reporting_period rp where rp.plan_id = p.id and rp.regime_id is not null
        and extract(year from rp.period_end) = ${year})`)) as unknown as { rows: Array<{ id: string }> };
  return result.rows.map((row) => row.id);
};

/**
 * The stored summary of a plan's evaluation: what the overview's rows and roll-ups read of it
 * (overview.service.ts `summarise`, overview.rollup.ts), kept per plan, year and "as of" date in
 * `plan_evaluation_summary`, so that the nation's and a province's overview evaluate only the plans
 * that changed since they were last looked at on that date.
 *
 * Never stale: every write to a row the evaluation reads moves the plan's revision in the same
 * transaction (triggers of migration 0019, from one sequence, so a revision never comes back). The
 * revisions are read before the rows evaluated, and a summary is stored with the revision read: a
 * change committed between the two reads leaves a summary whose revision is already not the plan's,
 * which is then never used. A summary is used only for its year and from its date up to the day before
 * the first date on which the evaluation reads otherwise with the rows unchanged (`valid_until`, the
 * evaluation's `stableUntil`: a deadline or due date passed, a later period opened; null: no such date),
 * so a new day reuses the summaries of the days before until one of them is reached.
 */
import {
  INDICATOR_STATUSES,
  type IndicatorStatus,
  TASK_STATUSES,
  type TaskStatus,
} from '@core/domain/evaluation';
import type { TReportingPeriod } from '@core/schemas/reporting.schemas';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { PlanRow } from '../../shared/plan-contents';
import { presentPeriod } from '../reporting/reporting.presenter';
import {
  type EvaluationDeps,
  evaluatePlansOfSet,
  type Obligation,
  type PlanEvaluation,
  plansOfArea,
  yearOf,
} from './overview.evaluation';
import {
  activePlansOfArea,
  type IdSet,
  idsOf,
  landOfArea,
  type OverviewArea,
  plansLackingPeriods,
} from './overview.scope';

/**
 * A catalog-mapped indicator of a plan and its accepted figure in the judged period (roll-ups). The ids
 * (`id`, `code`, `reportId`) are the summary's detail: null when it was read without it (the nation's
 * overview, whose roll-ups name provinces, not plans).
 */
export type CatalogFigure = {
  id: string | null;
  code: string | null;
  unit: string | null;
  catalogCode: string;
  current: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    reportId: string | null;
  } | null;
};

/**
 * What the overview reads of a plan's evaluation: plain data, stored as JSON. `period` is part of the
 * detail (null when read without it, as for a plan with no period in the year).
 */
export type PlanSummary = {
  period: TReportingPeriod | null;
  indicatorStatuses: IndicatorStatus[];
  taskStatuses: TaskStatus[];
  obligations: Obligation[];
  /** The plan's catalog-mapped indicators in the plan's order. */
  catalog: CatalogFigure[];
};

/** A plan with the summary of its evaluation. */
export type PlanFigures = PlanSummary & { plan: PlanRow };

/** The summary of a full evaluation. */
export const summaryOf = (evaluation: PlanEvaluation): PlanSummary => ({
  period: evaluation.period ? presentPeriod(evaluation.period) : null,
  indicatorStatuses: evaluation.indicatorStatuses,
  taskStatuses: evaluation.taskStatuses,
  obligations: evaluation.obligations.map((row) => ({
    state: row.state,
    timeliness: row.timeliness,
    accepted: row.accepted,
    awaitingReview: row.awaitingReview,
    indicators: row.indicators,
    tasks: row.tasks,
  })),
  catalog: evaluation.indicators.flatMap((row): CatalogFigure[] => {
    if (!row.catalogCode) return [];
    const current = evaluation.current.get(row.id);
    return [
      {
        id: row.id,
        code: row.code,
        unit: row.unit,
        catalogCode: row.catalogCode,
        current: current
          ? {
              value: current.value.value ?? null,
              numerator: current.value.numerator ?? null,
              denominator: current.value.denominator ?? null,
              reportId: current.reportId,
            }
          : null,
      },
    ];
  }),
});

/**
 * How a summary is stored: a list of statuses as one letter each (its place in INDICATOR_STATUSES or
 * TASK_STATUSES, order kept), an obligation and a catalog figure as arrays; in two columns, `summary`
 * (what every overview reads) and `detail` (the period and the ids, which only a province's overview
 * reads: about two thirds of the bytes, so the nation reads a third).
 */
type StoredSummary = {
  i: string;
  t: string;
  o: Array<[Obligation['state'], Obligation['timeliness'], 0 | 1, 0 | 1, string, string]>;
  /** catalog code, unit, value, numerator, denominator, whether there is an accepted figure (1) */
  c: Array<[string, string | null, number | null, number | null, number | null, 0 | 1]>;
};
type StoredDetail = {
  period: TReportingPeriod | null;
  /** indicator id, its code in the plan, the report of its figure: in the order of `c` */
  c: Array<[string, string | null, string | null]>;
};

const letters = <T extends string>(names: readonly T[]) => {
  const letterOf = new Map(names.map((name, i) => [name, String.fromCharCode(97 + i)]));
  return {
    encode: (list: readonly T[]): string =>
      list
        .map((name) => {
          const letter = letterOf.get(name);
          if (!letter) throw new Error(`unknown status ${name}`);
          return letter;
        })
        .join(''),
    decode: (text: string): T[] => Array.from(text, (letter) => names[letter.charCodeAt(0) - 97]!),
  };
};
const indicatorLetters = letters(INDICATOR_STATUSES);
const taskLetters = letters(TASK_STATUSES);

export const encodeSummary = (summary: PlanSummary): { summary: StoredSummary; detail: StoredDetail } => ({
  summary: {
    i: indicatorLetters.encode(summary.indicatorStatuses),
    t: taskLetters.encode(summary.taskStatuses),
    o: summary.obligations.map((row) => [
      row.state,
      row.timeliness,
      row.accepted ? 1 : 0,
      row.awaitingReview ? 1 : 0,
      indicatorLetters.encode(row.indicators),
      taskLetters.encode(row.tasks),
    ]),
    c: summary.catalog.map((row) => [
      row.catalogCode,
      row.unit,
      row.current?.value ?? null,
      row.current?.numerator ?? null,
      row.current?.denominator ?? null,
      row.current ? 1 : 0,
    ]),
  },
  detail: {
    period: summary.period,
    c: summary.catalog.map((row) => [row.id!, row.code, row.current?.reportId ?? null]),
  },
});

/** A stored summary; without its detail (null), no period and no ids. */
export const decodeSummary = (stored: StoredSummary, detail: StoredDetail | null): PlanSummary => ({
  period: detail?.period ?? null,
  indicatorStatuses: indicatorLetters.decode(stored.i),
  taskStatuses: taskLetters.decode(stored.t),
  obligations: stored.o.map(([state, timeliness, accepted, awaitingReview, indicators, tasks]) => ({
    state,
    timeliness,
    accepted: accepted === 1,
    awaitingReview: awaitingReview === 1,
    indicators: indicatorLetters.decode(indicators),
    tasks: taskLetters.decode(tasks),
  })),
  catalog: stored.c.map(([catalogCode, unit, value, numerator, denominator, accepted], index) => {
    const [id, code, reportId] = detail?.c[index] ?? [null, null, null];
    return {
      id,
      code,
      unit,
      catalogCode,
      current: accepted === 1 ? { value, numerator, denominator, reportId } : null,
    };
  }),
});

/**
 * The joins that give each plan `p` its current revision (`r.revision`, null before any change) and its
 * summary valid at that revision for the year on the date (`s`, null when there is none): stored on or
 * before the date, valid until after it. Two may be (one stored for an earlier "as of" date after
 * one of today): both are the same evaluation, the latest is taken.
 */
export const withValidSummary = (year: number, asOf: string) => sql`
    left join plan_evaluation_revision r on r.plan_id = p.id
    left join lateral (
      select v.plan_id, v.summary, v.detail from plan_evaluation_summary v
      where v.plan_id = p.id and v.year = ${year} and v.as_of <= ${asOf}::date
        and (v.valid_until is null or v.valid_until > ${asOf}::date) and v.revision = coalesce(r.revision, 0)
      order by v.as_of desc limit 1) s on true`;

type Stored = { revision: number; summary: PlanSummary | null };

/**
 * Each plan's current revision (0 when no row of it changed since migration 0019) and its summary
 * for the year and date when it was stored at that revision.
 *
 * @param withDetail - false: without the period and the ids (the nation's overview)
 */
export const readStoredSummaries = async (
  db: Database,
  plans: IdSet,
  year: number,
  asOf: string,
  withDetail = true,
): Promise<Map<string, Stored>> => {
  const result = (await db.execute(sql`
    select coalesce(json_agg(json_build_array(p.id, coalesce(r.revision, 0), s.summary${
      withDetail ? sql`, s.detail` : sql``
    })), '[]'::json)::text as rows
    from plan p
    ${withValidSummary(year, asOf)}
    where p.id in (${plans})`)) as unknown as { rows: Array<{ rows: string }> };
  const rows = JSON.parse(result.rows[0]?.rows ?? '[]') as Array<
    [string, number | string, StoredSummary | null, StoredDetail | null | undefined]
  >;
  return new Map(
    rows.map(([id, revision, summary, detail]) => [
      id,
      { revision: Number(revision), summary: summary ? decodeSummary(summary, detail ?? null) : null },
    ]),
  );
};

/** Plans' summaries per statement: a bounded parameter whatever the number of plans. */
const WRITE_BATCH = 500;

/**
 * Stores summaries for a year and date, each with the revision read before its plan was evaluated and
 * the first date it is no longer valid on (the evaluation's `stableUntil`).
 */
export const writeSummaries = async (
  db: Database,
  year: number,
  asOf: string,
  rows: Array<{ planId: string; revision: number; summary: PlanSummary; validUntil: string | null }>,
): Promise<void> => {
  for (let start = 0; start < rows.length; start += WRITE_BATCH) {
    const batch = rows.slice(start, start + WRITE_BATCH).map((row) => {
      const stored = encodeSummary(row.summary);
      return [row.planId, row.revision, stored.summary, stored.detail, row.validUntil];
    });
    // A plan deleted meanwhile is skipped (the join), not an error; rows in id order, so two overviews
    // storing at once lock them in the same order.
    await db.execute(sql`
      insert into plan_evaluation_summary (plan_id, year, as_of, revision, summary, detail, valid_until)
      select p.id, ${year}, ${asOf}::date, (e->>1)::bigint, (e->2)::json, (e->3)::json, (e->>4)::date
      from jsonb_array_elements(${JSON.stringify(batch)}::jsonb) e
      join plan p on p.id = (e->>0)::uuid
      order by p.id
      on conflict (plan_id, year, as_of) do update
        set revision = excluded.revision, summary = excluded.summary, detail = excluded.detail,
          valid_until = excluded.valid_until, created_at = now()
        where excluded.revision >= plan_evaluation_summary.revision`);
  }
};

/**
 * The summaries of every plan in effect of an area's land on its date for a year (their newest plan
 * last), as `evaluatePlansOfArea` would give them: the stored ones still valid, the others evaluated
 * now (only those plans are read) and stored.
 *
 * @param land - the land of the area (`landOfArea`): only plans of a locality in it count
 * @param options.withDetail - false: the stored ones without their period and ids (the nation's
 *   overview, which lists no plan and names no indicator)
 * @param options.onWriteError - hears a failure to store the fresh summaries (they are returned all the same)
 * @param options.storeLater - takes the storing of the fresh summaries to run after the answer
 *   (`createSummaryWrites`); without it they are stored before this returns
 */
export const summarisePlansOfArea = async (
  deps: EvaluationDeps,
  area: OverviewArea,
  land: Map<string, string>,
  year: number,
  {
    withDetail = true,
    onWriteError,
    storeLater,
  }: {
    withDetail?: boolean;
    onWriteError?: (error: unknown) => void;
    storeLater?: (store: () => Promise<void>) => void;
  } = {},
): Promise<PlanFigures[]> => {
  const { db } = deps;
  const plans = await plansOfArea(deps, area, land);
  const planSet = activePlansOfArea(area);
  // Before the rows are read: a change committed after this read leaves the summary already stale.
  const stored = await readStoredSummaries(db, planSet, year, area.asOf, withDetail);
  const missing = plans.filter((row) => stored.get(row.id)?.summary == null);
  const fresh = new Map<string, PlanSummary>();
  if (missing.length > 0) {
    const set = missing.length === plans.length ? planSet : idsOf(missing.map((row) => row.id));
    const evaluations = await evaluatePlansOfSet(db, set, missing, year, area.asOf);
    for (const evaluation of evaluations) fresh.set(evaluation.plan.id, summaryOf(evaluation));
    const validUntil = new Map(evaluations.map((evaluation) => [evaluation.plan.id, evaluation.stableUntil]));
    const rows = missing.map((row) => ({
      planId: row.id,
      revision: stored.get(row.id)?.revision ?? 0,
      summary: fresh.get(row.id)!,
      validUntil: validUntil.get(row.id) ?? null,
    }));
    // A summary is a copy kept to answer faster: one that cannot be stored (the database refusing the
    // write, a lock timing out) is said and made again next time; the answer is the fresh evaluation.
    // Stored later (after the answer) or now, it carries the revisions read above: never stale.
    const store = () =>
      writeSummaries(db, year, area.asOf, rows).catch((error: unknown) => onWriteError?.(error));
    if (storeLater) storeLater(store);
    else await store();
  }
  return plans.map((plan) => ({ plan, ...(stored.get(plan.id)?.summary ?? fresh.get(plan.id)!) }));
};

/** Writes of summaries waiting at most: beyond, a write is dropped (its plans are evaluated next time). */
const MAX_PENDING_WRITES = 8;

/**
 * Summaries stored after the answer (`summarisePlansOfArea`'s `storeLater`): one write at a time, in
 * the order the requests evaluated them, at most MAX_PENDING_WRITES waiting; a failure is heard by
 * the write itself (`onWriteError`). `settled` waits for those queued (tests, closing the server).
 */
export const createSummaryWrites = () => {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  return {
    storeLater: (store: () => Promise<void>) => {
      if (pending >= MAX_PENDING_WRITES) return;
      pending++;
      tail = tail
        .then(store)
        .catch(() => undefined)
        .finally(() => {
          pending--;
        });
    },
    settled: (): Promise<void> => tail,
  };
};

/** Plans evaluated at a time when summaries are warmed: the server answers requests between two. */
const WARM_BATCH = 50;

/**
 * Each plan of the set without a valid summary for the year and date, with its current revision (a
 * lean read: no summary is sent).
 */
const readPlansLackingSummary = async (
  db: Database,
  plans: IdSet,
  year: number,
  asOf: string,
): Promise<Map<string, number>> => {
  const result = (await db.execute(sql`
    select p.id, coalesce(r.revision, 0) as revision
    from plan p
    ${withValidSummary(year, asOf)}
    where p.id in (${plans}) and s.plan_id is null`)) as unknown as {
    rows: Array<{ id: string; revision: number | string }>;
  };
  return new Map(result.rows.map((row) => [row.id, Number(row.revision)]));
};

/**
 * Evaluates and stores the summaries of some plans for a year and date, a batch at a time with a turn
 * of the event loop between batches, so the server answers other requests meanwhile.
 *
 * @param revisions - each plan's revision read before its rows (`readPlansLackingSummary`)
 */
const storeInBatches = async (
  db: Database,
  plans: PlanRow[],
  revisions: Map<string, number>,
  year: number,
  asOf: string,
): Promise<void> => {
  for (let start = 0; start < plans.length; start += WARM_BATCH) {
    const batch = plans.slice(start, start + WARM_BATCH);
    const evaluations = await evaluatePlansOfSet(db, idsOf(batch.map((row) => row.id)), batch, year, asOf);
    await writeSummaries(
      db,
      year,
      asOf,
      evaluations.map((evaluation) => ({
        planId: evaluation.plan.id,
        revision: revisions.get(evaluation.plan.id) ?? 0,
        summary: summaryOf(evaluation),
        validUntil: evaluation.stableUntil,
      })),
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
};

/**
 * Stores the summary of every plan of an area (`plansOfArea`) that has no valid one for the year and
 * date, evaluated in batches (`storeInBatches`): what the nation's overview needs before it sums the
 * stored summaries in SQL. A failure to store is thrown.
 *
 * @returns how many plans were evaluated
 */
export const storeMissingSummaries = async (
  db: Database,
  area: OverviewArea,
  plans: PlanRow[],
  year: number,
): Promise<number> => {
  const lacking = await readPlansLackingSummary(db, activePlansOfArea(area), year, area.asOf);
  const missing = plans.filter((row) => lacking.has(row.id));
  await storeInBatches(db, missing, lacking, year, area.asOf);
  return missing.length;
};

/**
 * Whether every plan in effect of an area has its periods of the year and a valid summary for the year
 * and date (two lean reads): then the nation's overview need not list the plans at all.
 */
export const summariesReady = async (db: Database, area: OverviewArea, year: number): Promise<boolean> => {
  const plans = activePlansOfArea(area);
  const [lackingPeriods, lackingSummary] = await Promise.all([
    plansLackingPeriods(db, plans, yearOf(area.asOf)),
    readPlansLackingSummary(db, plans, year, area.asOf),
  ]);
  return lackingPeriods.length === 0 && lackingSummary.size === 0;
};

/**
 * Warms the summaries of a day: every plan in effect under a root locality (its whole tree, as the
 * nation's overview reads it) that has no valid summary for the date's year and date is evaluated and
 * stored, a batch at a time with a turn of the event loop between batches, so the first overview of a
 * day — and the first after a report is accepted — reads stored summaries instead of evaluating them
 * on the request. Safe at any moment: a plan changed meanwhile moves its revision, and its summary is
 * then not used.
 *
 * @param area - a root locality, the depth of its communes below it (2 for the nation), and the date
 * @returns how many plans were evaluated
 */
export const warmSummaries = async (deps: EvaluationDeps, area: OverviewArea): Promise<number> => {
  const land = await landOfArea(deps.db, area);
  const plans = await plansOfArea(deps, area, land);
  return storeMissingSummaries(deps.db, area, plans, yearOf(area.asOf));
};

/**
 * Deletes the summaries no overview will use again: those of a revision that is no longer their
 * plan's (a revision never comes back), and those not valid today stored more than a day ago (a summary
 * is a copy that can be made again; without this, rows would pile up).
 *
 * @returns how many were deleted
 */
export const pruneSummaries = async (db: Database, today: string): Promise<number> => {
  const result = (await db.execute(sql`
    with deleted as (
      delete from plan_evaluation_summary s
      where s.revision <> coalesce((select r.revision from plan_evaluation_revision r where r.plan_id = s.plan_id), 0)
        or (not (s.as_of <= ${today}::date and (s.valid_until is null or s.valid_until > ${today}::date))
          and s.created_at < now() - interval '1 day')
      returning 1)
    select count(*)::int as n from deleted`)) as unknown as { rows: Array<{ n: number }> };
  return result.rows[0]?.n ?? 0;
};

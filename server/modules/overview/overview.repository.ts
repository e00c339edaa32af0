/**
 * Bulk reads for the overview of a locality: each function answers for every child locality (or every
 * plan) at once, so the overview costs a fixed number of queries whatever the number of communes. The
 * plans and periods are given as subqueries (overview.scope.ts), never as lists of ids.
 *
 * The large reads (a province has tens of thousands of targets, values and task updates) come back as
 * one value per query (a JSON array, or a delimited text for ids, numbers and dates): the driver then
 * decodes one value instead of every row and column, which is most of the time on PGlite (measured
 * with `npm run bench:dashboard`).
 */

import type { AnyColumn } from 'drizzle-orm';
import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import {
  indicator,
  indicatorTarget,
  indicatorValue,
  locality,
  plan,
  reportingPeriod,
  task,
  taskUpdate,
  unitReport,
} from '../../db/schema';
import { inForceOn, kindOn, nameOn } from '../../shared/locality-history';
import type { PlanRow } from '../../shared/plan-contents';
import type { PeriodRow, ReportRow } from '../../shared/report-reads';
import type { IdSet } from './overview.scope';

export type ChildLocalityRow = Pick<
  typeof locality.$inferSelect,
  'id' | 'code' | 'name' | 'kind' | 'formedFrom' | 'scoreGreen' | 'scoreYellow'
> & { validTo?: string | null };

/** The localities directly under a locality in force on a date, by name. */
export const listChildLocalities = (
  executor: Executor,
  parentId: string,
  asOf: string,
): Promise<ChildLocalityRow[]> =>
  executor
    .select({
      id: locality.id,
      code: locality.code,
      name: nameOn(asOf),
      kind: kindOn(asOf),
      formedFrom: locality.formedFrom,
      validTo: locality.validTo,
      scoreGreen: locality.scoreGreen,
      scoreYellow: locality.scoreYellow,
    })
    .from(locality)
    .where(and(eq(locality.parentId, parentId), inForceOn(asOf)))
    .orderBy(asc(nameOn(asOf)));

/** The roots of the locality tree in force on a date (the nation; a province where it has none). */
export const listRootLocalities = (
  executor: Executor,
  asOf: string,
): Promise<Array<{ id: string; level: string }>> =>
  executor
    .select({ id: locality.id, level: locality.level })
    .from(locality)
    .where(and(isNull(locality.parentId), inForceOn(asOf)));

export type GrandchildLocalityRow = ChildLocalityRow & { parentId: string };

/**
 * The localities two levels under a locality (the communes of the nation's provinces) in force on a
 * date, by name (one query).
 */
export const listGrandchildLocalities = async (
  executor: Executor,
  rootId: string,
  asOf: string,
): Promise<GrandchildLocalityRow[]> => {
  const parent = alias(locality, 'parent');
  const rows = await executor
    .select({
      id: locality.id,
      code: locality.code,
      name: nameOn(asOf),
      kind: kindOn(asOf),
      formedFrom: locality.formedFrom,
      scoreGreen: locality.scoreGreen,
      scoreYellow: locality.scoreYellow,
      parentId: locality.parentId,
    })
    .from(locality)
    .innerJoin(parent, eq(parent.id, locality.parentId))
    .where(and(eq(parent.parentId, rootId), inForceOn(asOf)))
    .orderBy(asc(nameOn(asOf)));
  return rows.map((row) => ({ ...row, parentId: row.parentId! }));
};

/** `column in (subquery)`. */
const within = (column: AnyColumn, ids: IdSet): SQL => sql`${column} in (${ids})`;

/** Periods (a set of period ids) by period end (as `listPeriodsByPlan` orders one plan's). */
export const listPeriods = (executor: Executor, periods: IdSet): Promise<PeriodRow[]> =>
  executor
    .select()
    .from(reportingPeriod)
    .where(within(reportingPeriod.id, periods))
    .orderBy(asc(reportingPeriod.periodEnd), asc(reportingPeriod.key));

/** The plans of a set of plan ids, with all their rows. */
export const listPlans = (executor: Executor, plans: IdSet): Promise<PlanRow[]> =>
  executor.select().from(plan).where(within(plan.id, plans));

/**
 * One JSON array for a whole select: `rows` holds `[[v1, v2, …], …]` as text, which the driver hands
 * over untouched; `read` parses it once and names the fields.
 */
const asJson = <T>(fields: { [K in keyof T & string]: SQL | AnyColumn }, orderBy?: SQL) => {
  const keys = Object.keys(fields) as Array<keyof T & string>;
  const values = sql.join(
    keys.map((key) => sql`${fields[key]}`),
    sql`, `,
  );
  return {
    select: {
      rows: sql<string>`coalesce(json_agg(json_build_array(${values})${orderBy ? sql` order by ${orderBy}` : sql``}), '[]'::json)::text`,
    },
    read: async (query: PromiseLike<Array<{ rows: string }>>): Promise<T[]> => {
      const arrays = JSON.parse((await query)[0]?.rows ?? '[]') as unknown[][];
      const rows = new Array<T>(arrays.length);
      for (let r = 0; r < arrays.length; r++) {
        const array = arrays[r]!;
        const row = {} as Record<string, unknown>;
        for (let k = 0; k < keys.length; k++) row[keys[k]!] = array[k];
        rows[r] = row as T;
      }
      return rows;
    },
  };
};

const FIELD = '\u001f';
const RECORD = '\u001e';
const NULL = '\u001b';

/**
 * The rows of a select as one text of records (record separator) of fields (unit separator), for the
 * largest reads, whose fields are ids, numbers, dates and enum words (never free text): building and
 * splitting a text costs less than half of a JSON array on PGlite. `number` fields are parsed, the
 * others stay strings; null is kept.
 */
const asDelimited = <T>(fields: { [K in keyof T & string]: [SQL | AnyColumn, 'number' | 'string'] }) => {
  const keys = Object.keys(fields) as Array<keyof T & string>;
  const parts = sql.join(
    keys.map((key) => sql`coalesce((${fields[key][0]})::text, ${NULL})`),
    sql`, `,
  );
  return {
    select: { rows: sql<string | null>`string_agg(concat_ws(${FIELD}, ${parts}), ${RECORD})` },
    read: async (query: PromiseLike<Array<{ rows: string | null }>>): Promise<T[]> => {
      const text = (await query)[0]?.rows;
      if (!text) return [];
      const numeric = keys.map((key) => fields[key][1] === 'number');
      const records = text.split(RECORD);
      const rows = new Array<T>(records.length);
      for (let r = 0; r < records.length; r++) {
        const values = records[r]!.split(FIELD);
        const row = {} as Record<string, unknown>;
        for (let k = 0; k < keys.length; k++) {
          const value = values[k]!;
          row[keys[k]!] = value === NULL ? null : numeric[k] ? Number(value) : value;
        }
        rows[r] = row as T;
      }
      return rows;
    },
  };
};

type Target = {
  year: number;
  op: (typeof indicatorTarget.$inferSelect)['op'];
  value: number | null;
  valueHigh: number | null;
};

export type OverviewIndicatorRow = Pick<
  typeof indicator.$inferSelect,
  'id' | 'planId' | 'code' | 'unit' | 'direction' | 'measure' | 'catalogCode' | 'leadUnitId' | 'baselineYear'
> & { targets: Target[] };

/** The indicators of the plans with their targets: two queries for all plans. */
export const listIndicatorsOfPlans = async (
  executor: Executor,
  plans: IdSet,
): Promise<OverviewIndicatorRow[]> => {
  const indicators = asJson<Omit<OverviewIndicatorRow, 'targets'>>(
    {
      id: indicator.id,
      planId: indicator.planId,
      code: indicator.code,
      unit: indicator.unit,
      direction: indicator.direction,
      measure: indicator.measure,
      catalogCode: indicator.catalogCode,
      leadUnitId: indicator.leadUnitId,
      baselineYear: indicator.baselineYear,
    },
    sql`${indicator.planId}, ${indicator.position}`,
  );
  const rows = await indicators.read(
    executor.select(indicators.select).from(indicator).where(within(indicator.planId, plans)),
  );
  const targets = asDelimited<Target & { indicatorId: string }>({
    indicatorId: [indicatorTarget.indicatorId, 'string'],
    year: [indicatorTarget.year, 'number'],
    op: [indicatorTarget.op, 'string'],
    value: [indicatorTarget.value, 'number'],
    valueHigh: [indicatorTarget.valueHigh, 'number'],
  });
  const targetRows = await targets.read(
    executor
      .select(targets.select)
      .from(indicatorTarget)
      .innerJoin(indicator, eq(indicator.id, indicatorTarget.indicatorId))
      .where(within(indicator.planId, plans)),
  );
  const byIndicator = new Map<string, Target[]>();
  for (const { indicatorId, ...target } of targetRows) {
    const list = byIndicator.get(indicatorId);
    if (list) list.push(target);
    else byIndicator.set(indicatorId, [target]);
  }
  return rows.map((row) => ({ ...row, targets: byIndicator.get(row.id) ?? [] }));
};

export type OverviewTaskRow = Pick<
  typeof task.$inferSelect,
  'id' | 'planId' | 'leadUnitId' | 'deadlineKind' | 'deadlineDate'
>;

export const listTasksOfPlans = (executor: Executor, plans: IdSet): Promise<OverviewTaskRow[]> => {
  const tasks = asDelimited<OverviewTaskRow>({
    id: [task.id, 'string'],
    planId: [task.planId, 'string'],
    leadUnitId: [task.leadUnitId, 'string'],
    deadlineKind: [task.deadlineKind, 'string'],
    deadlineDate: [task.deadlineDate, 'string'],
  });
  return tasks.read(executor.select(tasks.select).from(task).where(within(task.planId, plans)));
};

export type OverviewReportRow = Pick<ReportRow, 'id' | 'periodId' | 'unitId' | 'version' | 'status'> & {
  /** First submission of the version (ISO instant), or null. */
  submittedAt: string | null;
};

/** Every version of every unit report of the periods, oldest version first. */
export const listReportsOfPeriodsBrief = (
  executor: Executor,
  periods: IdSet,
): Promise<OverviewReportRow[]> => {
  const reports = asJson<OverviewReportRow>(
    {
      id: unitReport.id,
      periodId: unitReport.periodId,
      unitId: unitReport.unitId,
      version: unitReport.version,
      status: unitReport.status,
      submittedAt: unitReport.submittedAt,
    },
    sql`${unitReport.version}`,
  );
  return reports.read(
    executor.select(reports.select).from(unitReport).where(within(unitReport.periodId, periods)),
  );
};

export type OverviewValueRow = Pick<
  typeof indicatorValue.$inferSelect,
  'reportId' | 'indicatorId' | 'value' | 'numerator' | 'denominator' | 'assessment'
>;

/** The values of the accepted reports of the periods. */
export const listAcceptedValues = (executor: Executor, periods: IdSet): Promise<OverviewValueRow[]> => {
  const values = asDelimited<OverviewValueRow>({
    reportId: [indicatorValue.reportId, 'string'],
    indicatorId: [indicatorValue.indicatorId, 'string'],
    value: [indicatorValue.value, 'number'],
    numerator: [indicatorValue.numerator, 'number'],
    denominator: [indicatorValue.denominator, 'number'],
    assessment: [indicatorValue.assessment, 'string'],
  });
  return values.read(
    executor
      .select(values.select)
      .from(indicatorValue)
      .innerJoin(unitReport, eq(unitReport.id, indicatorValue.reportId))
      .where(and(within(unitReport.periodId, periods), eq(unitReport.status, 'accepted'))),
  );
};

export type OverviewTaskUpdateRow = Pick<
  typeof taskUpdate.$inferSelect,
  'reportId' | 'taskId' | 'status' | 'completedOn'
>;

/**
 * The latest accepted progress of each task over the periods (by the period's data-closing day): what
 * a task is judged on. For recurring work the caller checks that it is the judged period's.
 */
export const listLatestAcceptedTaskUpdates = (
  executor: Executor,
  periods: IdSet,
): Promise<OverviewTaskUpdateRow[]> => {
  const latest = executor
    .selectDistinctOn([taskUpdate.taskId], {
      reportId: taskUpdate.reportId,
      taskId: taskUpdate.taskId,
      status: taskUpdate.status,
      completedOn: taskUpdate.completedOn,
    })
    .from(taskUpdate)
    .innerJoin(unitReport, eq(unitReport.id, taskUpdate.reportId))
    .innerJoin(reportingPeriod, eq(reportingPeriod.id, unitReport.periodId))
    .where(and(within(unitReport.periodId, periods), eq(unitReport.status, 'accepted')))
    .orderBy(taskUpdate.taskId, desc(reportingPeriod.dataTo))
    .as('latest');
  const updates = asDelimited<OverviewTaskUpdateRow>({
    reportId: [latest.reportId, 'string'],
    taskId: [latest.taskId, 'string'],
    status: [latest.status, 'string'],
    completedOn: [latest.completedOn, 'string'],
  });
  return updates.read(executor.select(updates.select).from(latest));
};

import { toSearchText } from '@core/domain/text';
import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { indicator, indicatorGroup, indicatorTarget, indicatorUnit, indicatorValue } from '../../db/schema';
import {
  findOrCreateGroup,
  type IndicatorGroupRow,
  type IndicatorRow,
  type IndicatorWithChildren,
  indicatorsWithChildren,
  nextPositionInPlan,
  replaceOrderedRows,
  type TargetRow,
} from '../../shared/plan-contents';
import { searchableWrites } from '../../shared/text-search';

type IndicatorValues = Omit<typeof indicator.$inferInsert, 'searchText' | 'id' | 'createdAt' | 'updatedAt'>;

const searchTextOf = (values: { code?: string | null; name: string }) =>
  toSearchText(values.code, values.name);

/** Finds the plan's group of that name, creating it at the end when it does not exist yet. */
export const findOrCreateIndicatorGroup = (
  executor: Executor,
  planId: string,
  name: string,
): Promise<IndicatorGroupRow> => findOrCreateGroup(executor, indicatorGroup, planId, name);

export const nextIndicatorPosition = (executor: Executor, planId: string): Promise<number> =>
  nextPositionInPlan(executor, indicator, planId);

export const findIndicatorById = async (executor: Executor, id: string): Promise<IndicatorRow | undefined> =>
  (await executor.select().from(indicator).where(eq(indicator.id, id)))[0];

export const loadIndicator = async (
  executor: Executor,
  id: string,
): Promise<IndicatorWithChildren | undefined> => {
  const row = await findIndicatorById(executor, id);
  return row ? (await indicatorsWithChildren(executor, [row]))[0] : undefined;
};

const writes = searchableWrites<IndicatorRow, IndicatorValues, 'code' | 'name'>(
  indicator,
  ['code', 'name'],
  searchTextOf,
);

/** Inserts a indicator with its search text. */
export const insertIndicator = writes.insert;

/** Changes a indicator's fields (those named) and its search text. */
export const updateIndicator = writes.update;

/** Whether any unit report (of any status or version) holds a figure, judgement or note for the indicator. */
export const indicatorHasReportedData = async (executor: Executor, id: string): Promise<boolean> => {
  const rows = await executor
    .select({ id: indicatorValue.id })
    .from(indicatorValue)
    .where(
      and(
        eq(indicatorValue.indicatorId, id),
        or(
          isNotNull(indicatorValue.value),
          isNotNull(indicatorValue.numerator),
          isNotNull(indicatorValue.denominator),
          isNotNull(indicatorValue.assessment),
          isNotNull(indicatorValue.note),
        ),
      ),
    )
    .limit(1);
  return rows.length > 0;
};

export const deleteIndicator = async (executor: Executor, id: string): Promise<void> => {
  await executor.delete(indicator).where(eq(indicator.id, id));
};

export const replaceIndicatorUnits = (
  executor: Executor,
  indicatorId: string,
  unitIds: string[],
): Promise<void> =>
  replaceOrderedRows(
    executor,
    indicatorUnit,
    'indicatorId',
    indicatorId,
    unitIds.map((unitId) => ({ unitId })),
  );

export const findTarget = async (
  executor: Executor,
  indicatorId: string,
  year: number,
): Promise<TargetRow | undefined> =>
  (
    await executor
      .select()
      .from(indicatorTarget)
      .where(and(eq(indicatorTarget.indicatorId, indicatorId), eq(indicatorTarget.year, year)))
  )[0];

export const upsertTarget = async (
  executor: Executor,
  values: Omit<typeof indicatorTarget.$inferInsert, 'id'>,
): Promise<TargetRow> => {
  const { indicatorId: _indicatorId, year: _year, ...changes } = values;
  return (
    await executor
      .insert(indicatorTarget)
      .values(values)
      .onConflictDoUpdate({ target: [indicatorTarget.indicatorId, indicatorTarget.year], set: changes })
      .returning()
  )[0]!;
};

export const insertTargets = async (
  executor: Executor,
  values: Array<Omit<typeof indicatorTarget.$inferInsert, 'id'>>,
) => {
  if (values.length === 0) return;
  await executor.insert(indicatorTarget).values(values);
};

export const deleteTarget = async (executor: Executor, indicatorId: string, year: number): Promise<void> => {
  await executor
    .delete(indicatorTarget)
    .where(and(eq(indicatorTarget.indicatorId, indicatorId), eq(indicatorTarget.year, year)));
};

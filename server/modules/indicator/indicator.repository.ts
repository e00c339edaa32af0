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
  type TargetRow,
} from '../../shared/plan-contents';

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

export const insertIndicator = async (executor: Executor, values: IndicatorValues): Promise<IndicatorRow> =>
  (
    await executor
      .insert(indicator)
      .values({ ...values, searchText: searchTextOf(values) })
      .returning()
  )[0]!;

export const updateIndicator = async (
  executor: Executor,
  before: IndicatorRow,
  values: Partial<IndicatorValues>,
  at: Date,
): Promise<IndicatorRow> => {
  const merged = {
    code: values.code !== undefined ? values.code : before.code,
    name: values.name ?? before.name,
  };
  return (
    await executor
      .update(indicator)
      .set({ ...values, searchText: searchTextOf(merged), updatedAt: at })
      .where(eq(indicator.id, before.id))
      .returning()
  )[0]!;
};

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

export const replaceIndicatorUnits = async (
  executor: Executor,
  indicatorId: string,
  unitIds: string[],
): Promise<void> => {
  await executor.delete(indicatorUnit).where(eq(indicatorUnit.indicatorId, indicatorId));
  if (unitIds.length === 0) return;
  await executor
    .insert(indicatorUnit)
    .values(unitIds.map((unitId, position) => ({ indicatorId, unitId, position })));
};

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

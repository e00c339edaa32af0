import { toSearchText } from '@core/domain/text';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { indicator, indicatorUnit, plan, roleAssignment, task, taskUnit, unit } from '../../db/schema';
import { insertSearchable } from '../../shared/text-search';
import type { UnitRow } from '../../shared/units';

export const insertUnit = (
  executor: Executor,
  values: Omit<typeof unit.$inferInsert, 'searchText'>,
): Promise<UnitRow> => insertSearchable<UnitRow>(executor, unit, values, toSearchText(values.name));

export const updateUnit = async (
  executor: Executor,
  id: string,
  values: Partial<Pick<UnitRow, 'name' | 'kind' | 'isExternal'>>,
): Promise<UnitRow> =>
  (
    await executor
      .update(unit)
      .set({ ...values, ...(values.name ? { searchText: toSearchText(values.name) } : {}) })
      .where(eq(unit.id, id))
      .returning()
  )[0]!;

export const deleteUnit = async (executor: Executor, id: string): Promise<void> => {
  await executor.delete(unit).where(eq(unit.id, id));
};

/** How many plans, indicators, tasks and role assignments name the unit. */
export const countUnitUsage = async (executor: Executor, id: string): Promise<number> => {
  const [row] = await executor
    .select({
      n: sql<number>`(
        (select count(*) from ${indicator} where ${indicator.leadUnitId} = ${id}) +
        (select count(*) from ${indicatorUnit} where ${indicatorUnit.unitId} = ${id}) +
        (select count(*) from ${task} where ${task.leadUnitId} = ${id}) +
        (select count(*) from ${taskUnit} where ${taskUnit.unitId} = ${id}) +
        (select count(*) from ${plan} where ${plan.standingAgencyUnitId} = ${id}) +
        (select count(*) from ${roleAssignment} where ${roleAssignment.unitId} = ${id})
      )::int`,
    })
    .from(unit)
    .where(eq(unit.id, id));
  return Number(row?.n ?? 0);
};

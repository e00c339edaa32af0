/**
 * Looking up the units (agencies) of a locality, which plans, reports, users and the consolidated report
 * all name. The unit module owns the table's writes.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { unit } from '../db/schema';

export type UnitRow = typeof unit.$inferSelect;

export const listUnitsByLocality = (executor: Executor, localityId: string): Promise<UnitRow[]> =>
  executor
    .select()
    .from(unit)
    .where(eq(unit.localityId, localityId))
    .orderBy(asc(unit.isExternal), asc(unit.name));

export const findUnitById = async (executor: Executor, id: string): Promise<UnitRow | undefined> =>
  (await executor.select().from(unit).where(eq(unit.id, id)))[0];

export const findUnitsByIds = async (executor: Executor, ids: string[]): Promise<UnitRow[]> => {
  // Guard against an invalid `IN ()` query.
  if (ids.length === 0) return [];
  return executor.select().from(unit).where(inArray(unit.id, ids));
};

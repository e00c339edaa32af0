import { toSearchText } from '@core/domain/text';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { locality } from '../../db/schema';
import type { LocalityRow } from '../../shared/localities';

export const listLocalities = (
  executor: Executor,
  filter: { parentId?: string; level?: LocalityRow['level'] },
): Promise<LocalityRow[]> => {
  const conditions: SQL[] = [];
  if (filter.parentId) conditions.push(eq(locality.parentId, filter.parentId));
  if (filter.level) conditions.push(eq(locality.level, filter.level));
  return executor
    .select()
    .from(locality)
    .where(and(...conditions))
    .orderBy(asc(locality.level), asc(locality.name));
};

export const insertLocality = async (
  executor: Executor,
  values: Omit<typeof locality.$inferInsert, 'searchText'>,
): Promise<LocalityRow> =>
  (
    await executor
      .insert(locality)
      .values({ ...values, searchText: toSearchText(values.name) })
      .returning()
  )[0]!;

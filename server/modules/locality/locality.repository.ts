import { toSearchText } from '@core/domain/text';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { locality } from '../../db/schema';

export type LocalityRow = typeof locality.$inferSelect;

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

export const findLocalityById = async (executor: Executor, id: string): Promise<LocalityRow | undefined> =>
  (await executor.select().from(locality).where(eq(locality.id, id)))[0];

export const findLocalityByCode = async (
  executor: Executor,
  code: string,
): Promise<LocalityRow | undefined> =>
  (await executor.select().from(locality).where(eq(locality.code, code)))[0];

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

/**
 * The locality's id followed by its ancestors' ids (commune → province → nation): what scope checks need.
 *
 * @returns an empty list when the locality does not exist
 */
export const findLocalityChain = async (executor: Executor, id: string): Promise<string[]> => {
  const chain: string[] = [];
  let current: string | null = id;
  // The tree is shallow (nation → province → commune); the guard stops a corrupted cycle.
  while (current && chain.length < 10) {
    const [row] = await executor
      .select({ id: locality.id, parentId: locality.parentId })
      .from(locality)
      .where(eq(locality.id, current));
    if (!row) break;
    chain.push(row.id);
    current = row.parentId;
  }
  return chain;
};

/**
 * Every locality in the subtrees rooted at the given ids (the roots included).
 */
export const findLocalitySubtreeIds = async (executor: Executor, rootIds: string[]): Promise<string[]> => {
  if (rootIds.length === 0) return [];
  const ids = new Set(rootIds);
  let frontier = rootIds;
  while (frontier.length > 0) {
    const children = await executor
      .select({ id: locality.id })
      .from(locality)
      .where(inArray(locality.parentId, frontier));
    frontier = children.map((child) => child.id).filter((childId) => !ids.has(childId));
    for (const childId of frontier) ids.add(childId);
  }
  return [...ids];
};

/**
 * Looking up localities, which every module needs for its scope checks (a row's locality and its
 * ancestors, a role's subtree). The locality module owns the table's other reads and its writes.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { locality } from '../db/schema';
import { findSuccessorChainIds } from './locality-history';

export type LocalityRow = typeof locality.$inferSelect;

/** The locality of that id, if any. */
export const findLocalityById = async (executor: Executor, id: string): Promise<LocalityRow | undefined> =>
  (await executor.select().from(locality).where(eq(locality.id, id)))[0];

/** The locality of that official code (register code, 'VN' for the nation), if any. */
export const findLocalityByCode = async (
  executor: Executor,
  code: string,
): Promise<LocalityRow | undefined> =>
  (await executor.select().from(locality).where(eq(locality.code, code)))[0];

/**
 * The locality's id followed by its ancestors' ids (commune → province → nation): what scope checks need.
 * A former locality (one with an end of validity) is followed by the localities its land went to and
 * their ancestors (docs/locality-history.md): scope follows the land, so the officers of a commune read
 * the plans of the communes merged into it.
 *
 * @returns an empty list when the locality does not exist
 */
export const findLocalityChain = async (executor: Executor, id: string): Promise<string[]> => {
  const chain: string[] = [];
  let current: string | null = id;
  let former = false;
  // The tree is shallow (nation → province → commune); the guard stops a corrupted cycle.
  while (current && chain.length < 10) {
    const [row] = await executor
      .select({ id: locality.id, parentId: locality.parentId, validTo: locality.validTo })
      .from(locality)
      .where(eq(locality.id, current));
    if (!row) break;
    if (chain.length === 0) former = row.validTo !== null;
    chain.push(row.id);
    current = row.parentId;
  }
  if (former) {
    for (const successor of await findSuccessorChainIds(executor, id)) {
      if (!chain.includes(successor)) chain.push(successor);
    }
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

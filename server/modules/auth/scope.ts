import { and, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { locality } from '../../db/schema';
import { findLocalityChain, findLocalitySubtreeIds } from '../../shared/localities';
import { findPredecessorIds } from '../../shared/locality-history';
import type { Actor } from './access';

/**
 * The localities whose data the actor may read: the subtrees of their role localities, and the former
 * localities whose land is now theirs (scope follows the land: docs/locality-history.md).
 *
 * @returns null when the actor reads everything (the system, or a role held at a root of the tree)
 */
export const readableLocalityIds = async (executor: Executor, actor: Actor): Promise<string[] | null> => {
  if (actor.kind === 'system') return null;
  const roots = [...new Set(actor.assignments.map((assignment) => assignment.localityId))];
  if (roots.length === 0) return [];
  const atRoot = await executor
    .select({ id: locality.id })
    .from(locality)
    .where(and(inArray(locality.id, roots), isNull(locality.parentId)));
  if (atRoot.length > 0) return null;
  const subtree = await findLocalitySubtreeIds(executor, roots);
  const predecessors = await findPredecessorIds(executor, subtree);
  return predecessors.length === 0 ? subtree : [...new Set([...subtree, ...predecessors])];
};

/** The localities of the actor's roles and all their ancestors: what breadcrumbs may name. */
export const ancestorLocalityIds = async (executor: Executor, actor: Actor): Promise<string[]> => {
  if (actor.kind === 'system') return [];
  const ids = new Set<string>();
  for (const assignment of actor.assignments) {
    for (const id of await findLocalityChain(executor, assignment.localityId)) ids.add(id);
  }
  return [...ids];
};

export { findLocalityChain as chainOf };

import { type Actor, canReadIn, hasRoleCovering } from '../auth/access';

/** A locality is visible inside the actor's scope, and so are the ancestors of their own localities. */
export const canReadLocality = (
  actor: Actor,
  chain: readonly string[],
  ancestorsOfOwn: readonly string[],
): boolean => canReadIn(actor, chain) || (chain[0] !== undefined && ancestorsOfOwn.includes(chain[0]));

/** Creating a locality under a parent needs an administrator covering the parent. */
export const canCreateLocalityUnder = (actor: Actor, parentChain: readonly string[]): boolean =>
  hasRoleCovering(actor, parentChain, ['system_admin', 'locality_admin']);

/** A top-level locality (a nation) is created by the system only (the admin CLI or the demo). */
export const canCreateRootLocality = (actor: Actor): boolean => actor.kind === 'system';

/** A locality's settings (English name, score thresholds) are kept by an administrator covering it. */
export const canEditLocality = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'locality_admin']);

/**
 * Dated changes (rename, change of kind, merger, split) are recorded by an administrator covering the
 * parent: the nation's for a province, the province's (or the nation's) for its communes.
 */
export const canChangeLocalitiesUnder = (actor: Actor, parentChain: readonly string[]): boolean =>
  hasRoleCovering(actor, parentChain, ['system_admin', 'locality_admin']);

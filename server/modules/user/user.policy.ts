import { type Actor, hasRoleCovering, type Role } from '../auth/access';

/** Administrators manage the users and role assignments of their locality subtree. */
export const canManageUsersIn = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'locality_admin']);

/** Only a system administrator grants the system administrator role. */
export const canGrantRole = (actor: Actor, chain: readonly string[], role: string): boolean =>
  role === 'system_admin' ? hasRoleCovering(actor, chain, ['system_admin']) : canManageUsersIn(actor, chain);

/** One role a user holds, with the chain (its locality and the ancestors) of the locality it is held in. */
export type HeldRole = { role: Role; chain: readonly string[] };

/**
 * How far the actor manages a user, from the roles the user holds:
 * - `none`: no role of the user lies in the actor's area (the user is hidden from them);
 * - `partial`: some role lies outside it, or is system administrator and the actor is not one;
 * - `full`: the actor could grant every one of the user's roles, so may reset, lock, rename the user
 *   and change their roles. A user with roles in several areas is managed only by someone whose scope
 *   covers all of them, and a system administrator by a system administrator only.
 */
export const userManagement = (actor: Actor, held: readonly HeldRole[]): 'none' | 'partial' | 'full' => {
  if (actor.kind === 'system') return 'full';
  if (!held.some(({ chain }) => canManageUsersIn(actor, chain))) return 'none';
  return held.every(({ role, chain }) => canGrantRole(actor, chain, role)) ? 'full' : 'partial';
};

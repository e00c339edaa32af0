import { type Actor, hasRoleCovering } from '../auth/access';

/** Administrators manage the users and role assignments of their locality subtree. */
export const canManageUsersIn = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'locality_admin']);

/** Only a system administrator grants the system administrator role. */
export const canGrantRole = (actor: Actor, chain: readonly string[], role: string): boolean =>
  role === 'system_admin' ? hasRoleCovering(actor, chain, ['system_admin']) : canManageUsersIn(actor, chain);

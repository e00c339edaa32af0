import { type Actor, hasRoleCovering } from '../auth/access';

/** The administrators of the locality (or above) issue, list and revoke its integrations' API keys. */
export const canManageApiKeys = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'locality_admin']);

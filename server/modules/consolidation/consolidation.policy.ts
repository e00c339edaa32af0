import { type Actor, hasRoleCovering } from '../auth/access';

/** The standing agency writes and sends the locality's consolidated report. */
export const canEditConsolidated = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'standing_officer']);

/** The leader approves it or sends it back. */
export const canDecideConsolidated = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'leader']);

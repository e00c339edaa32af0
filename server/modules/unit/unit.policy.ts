import { type Actor, canReadIn, hasRoleCovering } from '../auth/access';

/** Every role covering the locality sees its units. */
export const canReadUnits = (actor: Actor, chain: readonly string[]): boolean => canReadIn(actor, chain);

/** Locality administrators manage units; the standing agency adds them while setting a plan up. */
export const canEditUnits = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'locality_admin', 'standing_officer']);

/**
 * Who may exchange packages with the levels above. Downloading a locality's package or its DHIS2 file is
 * reading its approved report. Importing a commune's package at the province's instance is for the
 * province (or the nation) above that commune: its administrators, leaders and standing agency — not the
 * commune's own users, and not an inspector (who only reads); or an integration's submit-only API key
 * issued for the commune or a locality above it.
 */
import { type Actor, canReadIn, type Role } from '../auth/access';
import { canReadPlan } from '../plan/plan.policy';

const IMPORT_ROLES: readonly Role[] = ['system_admin', 'locality_admin', 'leader', 'standing_officer'];

/** Everyone who may read the plan may download its approved report's package. */
export const canDownloadPackage = (actor: Actor, chain: readonly string[]): boolean =>
  canReadPlan(actor, chain);

/**
 * @param chain - the commune's locality id followed by its ancestors' ids
 */
export const canImportPackageOf = (actor: Actor, chain: readonly string[]): boolean =>
  actor.kind === 'system' ||
  // A submit-only API key sends the packages of the communes in its locality (its own, if a commune).
  (actor.kind === 'api_key' && actor.scope === 'submit' && chain.includes(actor.localityId)) ||
  actor.assignments.some(
    (assignment) =>
      IMPORT_ROLES.includes(assignment.role) &&
      assignment.localityId !== chain[0] &&
      chain.includes(assignment.localityId),
  );

/** Received packages are read by everyone whose scope covers the commune. */
export const canReadReceived = (actor: Actor, chain: readonly string[]): boolean => canReadIn(actor, chain);

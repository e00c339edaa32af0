/**
 * Who may read and change a plan and what it holds. `chain` is the plan's locality followed by its
 * ancestors. Reads outside scope are answered 404 by the services, writes in a readable scope 403.
 */
import { type Actor, assignmentsCovering, canReadIn, hasRoleCovering } from '../auth/access';

/** Every role covering the plan's locality reads the whole plan. */
export const canReadPlan = (actor: Actor, chain: readonly string[]): boolean => canReadIn(actor, chain);

/** The standing agency (and the system administrator) sets the plan up and edits all of it. */
export const canEditPlan = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'standing_officer']);

/** A unit officer edits the indicators and tasks their own unit leads; plan editors edit all. */
export const canEditLedItem = (actor: Actor, chain: readonly string[], leadUnitId: string | null): boolean =>
  canEditPlan(actor, chain) ||
  (actor.kind === 'user' &&
    leadUnitId != null &&
    assignmentsCovering(actor, chain).some(
      (assignment) => assignment.role === 'unit_officer' && assignment.unitId === leadUnitId,
    ));

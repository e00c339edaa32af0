/**
 * Who may fill in, submit, review and read unit reports. `chain` is the plan's locality and its ancestors.
 */
import { type Actor, assignmentsCovering, hasRoleCovering } from '../auth/access';

/**
 * The standing agency (or the system administrator) may enter a unit's report on its behalf ("nhập
 * thay"), for a unit without an account that sent its signed report on paper.
 */
export const canEnterOnBehalf = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'standing_officer']);

/**
 * The officers of the unit fill in and submit its report (the system administrator may help); the
 * standing agency only a report entered on the unit's behalf, never one the unit writes itself.
 *
 * @param report - the report's current version, when there is one
 */
export const canEditUnitReport = (
  actor: Actor,
  chain: readonly string[],
  unitId: string,
  report?: { enteredOnBehalfBy: string | null } | null,
): boolean =>
  hasRoleCovering(actor, chain, ['system_admin']) ||
  (actor.kind === 'user' &&
    assignmentsCovering(actor, chain).some(
      (assignment) => assignment.role === 'unit_officer' && assignment.unitId === unitId,
    )) ||
  (report?.enteredOnBehalfBy != null && canEnterOnBehalf(actor, chain));

/** The standing agency checks reports: accepts them or returns them with a reason; it also opens ad hoc periods. */
export const canReviewReports = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'standing_officer']);

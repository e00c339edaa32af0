/**
 * Who may fill in, submit, review and read unit reports. `chain` is the plan's locality and its ancestors.
 */
import { type Actor, assignmentsCovering, hasRoleCovering } from '../auth/access';

/** The officers of the unit fill in and submit its report (the system administrator may help). */
export const canEditUnitReport = (actor: Actor, chain: readonly string[], unitId: string): boolean =>
  hasRoleCovering(actor, chain, ['system_admin']) ||
  (actor.kind === 'user' &&
    assignmentsCovering(actor, chain).some(
      (assignment) => assignment.role === 'unit_officer' && assignment.unitId === unitId,
    ));

/** The standing agency checks reports: accepts them or returns them with a reason; it also opens ad hoc periods. */
export const canReviewReports = (actor: Actor, chain: readonly string[]): boolean =>
  hasRoleCovering(actor, chain, ['system_admin', 'standing_officer']);

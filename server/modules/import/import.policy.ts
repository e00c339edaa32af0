/**
 * Who may import a plan document. An import only prepares a draft for the person to review; saving it
 * goes through the plan endpoints and their policies. Reading a document costs CPU (OCR), so it is
 * kept to those who set plans up: the standing agency and the system administrator, anywhere in scope.
 */
import type { Actor } from '../auth/access';

/** The roles that set plans up, and so may turn a document into a plan draft. */
export const canImportPlans = (actor: Actor): boolean =>
  actor.kind === 'system' ||
  actor.assignments.some(
    (assignment) => assignment.role === 'system_admin' || assignment.role === 'standing_officer',
  );

/**
 * Who may import a plan document. An import only prepares a draft for the person to review; saving it
 * as a plan is a plan edit in the chosen locality (`canEditPlan`). Reading a document costs CPU (OCR),
 * so it is kept to those who set plans up: the standing agency and the system administrator.
 */
import type { Actor } from '../auth/access';

/** The roles that set plans up, and so may turn a document into a plan draft. */
export const canImportPlans = (actor: Actor): boolean =>
  actor.kind === 'system' ||
  actor.assignments.some(
    (assignment) => assignment.role === 'system_admin' || assignment.role === 'standing_officer',
  );

/** An import job holds a document the officer has not published yet: only its creator and system administrators see it. */
export const canSeeImportJob = (actor: Actor, job: { createdBy: string | null }): boolean =>
  actor.kind === 'system' ||
  (actor.kind === 'user' && actor.userId === job.createdBy) ||
  actor.assignments.some((assignment) => assignment.role === 'system_admin');

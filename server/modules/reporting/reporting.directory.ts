/**
 * What the reporting services read of other modules, as one typed object (the services receive it; none
 * of them imports another module's repository): the plan in the actor's scope, its indicators and
 * tasks, units and people by id, the localities an actor may read, and the audit trail. This file is the
 * one place that binds them to the other modules; a test can hand the services a narrower one.
 */

import { findUserById } from '../../shared/accounts';
import { recordAudit } from '../../shared/audit-log';
import { listIndicatorsByPlan, listTasksByPlan } from '../../shared/plan-contents';
import { findUnitById } from '../../shared/units';
import { readableLocalityIds } from '../auth/scope';
import { loadPlanInScope } from '../plan/plan.service';

export type ReportingDirectory = {
  /** The plan, after the read (or edit) check of its locality chain. @throws AppError the given not-found code */
  loadPlanInScope: typeof loadPlanInScope;
  listIndicatorsByPlan: typeof listIndicatorsByPlan;
  listTasksByPlan: typeof listTasksByPlan;
  findUnitById: typeof findUnitById;
  findUserById: typeof findUserById;
  /** The localities an actor may read (null: all). */
  readableLocalityIds: typeof readableLocalityIds;
  recordAudit: typeof recordAudit;
};

/** The directory bound to the modules that own each piece. */
export const reportingDirectory: ReportingDirectory = {
  loadPlanInScope,
  listIndicatorsByPlan,
  listTasksByPlan,
  findUnitById,
  findUserById,
  readableLocalityIds,
  recordAudit,
};

/**
 * Who may download and upload documents. Downloads follow the plan's read scope (the services that build
 * the views answer 404 outside it); uploading a filled template is writing the unit's report.
 */
import type { Actor } from '../auth/access';
import { canReadPlan } from '../plan/plan.policy';
import { canEditUnitReport } from '../reporting/reporting.policy';

/** Everyone who may read the plan may download its documents and those of its periods. */
export const canDownloadFromPlan = (actor: Actor, chain: readonly string[]): boolean =>
  canReadPlan(actor, chain);

/** Only those who may edit the unit's report may send its filled template. */
export const canImportTemplate = (actor: Actor, chain: readonly string[], unitId: string): boolean =>
  canEditUnitReport(actor, chain, unitId);

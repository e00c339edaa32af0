/**
 * What an approval freezes besides the figures: the unit reports the figures come from (to tell when
 * newer data has arrived) and the head of the Word file (the plan's number, date and title, who issues
 * it and who signs), so the approved document reads the same forever.
 */
import type { TConsolidatedDocumentHead, TConsolidatedSnapshot } from '@core/schemas/consolidation.schemas';
import type { Executor } from '../../db/client';
import { findLocalityById } from '../../shared/localities';
import type { PlanRow } from '../../shared/plan-contents';
import { listPeriodsByPlan, listReportsOfPeriods } from '../../shared/report-reads';
import { findUnitById } from '../../shared/units';

export type Source = TConsolidatedSnapshot['sources'][number];

/** The same unit reports, in the same versions. */
export const sameSources = (a: readonly Source[], b: readonly Source[]) => {
  const key = (row: Source) => `${row.reportId}:${row.version}`;
  const left = new Set(a.map(key));
  return left.size === b.length && b.every((row) => left.has(key(row)));
};

/** Every accepted unit report, up to the period, that the figures are built from (the dashboard's). */
export const sourcesOf = async (
  executor: Executor,
  planId: string,
  period: { periodEnd: string },
): Promise<Source[]> => {
  const periodIds = (await listPeriodsByPlan(executor, planId))
    .filter((row) => row.periodEnd <= period.periodEnd)
    .map((row) => row.id);
  return (await listReportsOfPeriods(executor, periodIds))
    .filter((report) => report.status === 'accepted')
    .map((report) => ({
      reportId: report.id,
      unitId: report.unitId,
      periodId: report.periodId,
      version: report.version,
    }));
};

/**
 * The head of the consolidated report's Word file as the plan stands now: its number, date and title,
 * the issuing locality with its province, the issuer kind, the signer and the standing agency.
 */
export const documentHeadOf = async (
  executor: Executor,
  plan: PlanRow,
): Promise<TConsolidatedDocumentHead> => {
  const locality = (await findLocalityById(executor, plan.localityId))!;
  const parent = locality.parentId ? await findLocalityById(executor, locality.parentId) : undefined;
  const standingAgency = plan.standingAgencyUnitId
    ? await findUnitById(executor, plan.standingAgencyUnitId)
    : undefined;
  return {
    plan: { number: plan.number, issuedDate: plan.issuedDate, title: plan.title },
    issuerKind: plan.issuerKind,
    locality: { name: locality.name, kind: locality.kind },
    province: parent && parent.level === 'province' ? { name: parent.name, kind: parent.kind } : null,
    signer: { name: plan.signerName, position: plan.signerPosition },
    standingAgencyName: standingAgency?.name ?? null,
  };
};

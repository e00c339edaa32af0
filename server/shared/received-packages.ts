/**
 * Reading the submission packages this instance received from its communes, as the province overview
 * shows them (a commune with no plan here, whose own instance sent its approved figures). The exchange
 * module owns receiving them.
 */
import { type TSubmissionFigures, ZSubmissionFigures } from '@core/schemas/exchange.schemas';
import { inArray, SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { submissionPackage } from '../db/schema';

/** A received package: the commune, the plan of origin and the approved figures. */
export type ReceivedPackage = {
  localityId: string;
  sourcePlanId: string;
  reportVersion: number;
  receivedAt: Date;
  fileName: string;
  figures: TSubmissionFigures;
};

/**
 * Every package received for these localities, given as ids or as a subquery of ids (one indexed query).
 *
 * @throws ZodError when a stored package no longer reads as figures.json (they were checked on receipt)
 */
export const listReceivedPackages = async (
  executor: Executor,
  localityIds: readonly string[] | SQL,
): Promise<ReceivedPackage[]> => {
  if (!(localityIds instanceof SQL) && !localityIds.length) return [];
  const rows = await executor
    .select({
      localityId: submissionPackage.localityId,
      sourcePlanId: submissionPackage.sourcePlanId,
      reportVersion: submissionPackage.reportVersion,
      receivedAt: submissionPackage.receivedAt,
      fileName: submissionPackage.fileName,
      figures: submissionPackage.figures,
    })
    .from(submissionPackage)
    .where(
      localityIds instanceof SQL
        ? sql`${submissionPackage.localityId} in (${localityIds})`
        : inArray(submissionPackage.localityId, [...localityIds]),
    );
  return rows.map((row) => ({ ...row, figures: ZSubmissionFigures.parse(row.figures) }));
};

/**
 * SQL of the public site: publication decisions with the frozen snapshot they publish, and the
 * locality tree. Only `report_publication` rows lead to a snapshot: a report that was never published
 * (draft, sent, returned, approved but not published) is never read here.
 */
import type { TConsolidatedSnapshot } from '@core/schemas/consolidation.schemas';
import { and, asc, count, eq, inArray, isNull, like, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  consolidatedReportVersion,
  locality,
  plan,
  reportingPeriod,
  reportPublication,
} from '../../db/schema';

export type PublicLocality = {
  id: string;
  code: string;
  name: string;
  kind: string;
  level: 'nation' | 'province' | 'commune';
  parentId: string | null;
  scoreGreen: number | null;
  scoreYellow: number | null;
};

/** A publication decision (in force or withdrawn) with what it published. */
export type PublishedRow = {
  id: string;
  localityId: string;
  version: number;
  documentNumber: string | null;
  publishedAt: Date;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  periodId: string;
  periodKey: string;
  periodLabel: string;
  periodEnd: string;
  dataFrom: string;
  dataTo: string;
  planId: string;
  planNumber: string | null;
  planTitle: string;
  approvedAt: Date;
  snapshot: TConsolidatedSnapshot;
};

const localityColumns = {
  id: locality.id,
  code: locality.code,
  name: locality.name,
  kind: locality.kind,
  level: locality.level,
  parentId: locality.parentId,
  scoreGreen: locality.scoreGreen,
  scoreYellow: locality.scoreYellow,
};

export const findPublicLocalityByCode = async (
  executor: Executor,
  code: string,
): Promise<PublicLocality | undefined> =>
  (await executor.select(localityColumns).from(locality).where(eq(locality.code, code)))[0];

export const findPublicLocalityById = async (
  executor: Executor,
  id: string,
): Promise<PublicLocality | undefined> =>
  (await executor.select(localityColumns).from(locality).where(eq(locality.id, id)))[0];

/**
 * Localities by level (the nation, the provinces) or by parent, by name: the map of today, without the
 * former units closed in a reorganisation (`valid_to` set); by `ids`, whatever their dates (a
 * publication stays readable after its locality merged).
 */
export const listPublicLocalities = (
  executor: Executor,
  filter: { level?: PublicLocality['level']; parentId?: string; ids?: string[] },
): Promise<PublicLocality[]> =>
  executor
    .select(localityColumns)
    .from(locality)
    .where(
      and(
        filter.level ? eq(locality.level, filter.level) : undefined,
        filter.parentId ? eq(locality.parentId, filter.parentId) : undefined,
        filter.ids ? inArray(locality.id, filter.ids) : isNull(locality.validTo),
      ),
    )
    .orderBy(asc(locality.name));

/** Localities of today's map whose folded text contains the folded query (search that ignores diacritics). */
export const searchPublicLocalities = (
  executor: Executor,
  folded: string,
  options: { parentId?: string; limit: number },
): Promise<PublicLocality[]> =>
  executor
    .select(localityColumns)
    .from(locality)
    .where(
      and(
        like(locality.searchText, `%${folded.replace(/[\\%_]/g, (char) => `\\${char}`)}%`),
        options.parentId ? eq(locality.parentId, options.parentId) : undefined,
        isNull(locality.validTo),
      ),
    )
    .orderBy(asc(locality.level), asc(locality.name))
    .limit(options.limit);

/**
 * Publication decisions with their snapshots: of the given localities (all when omitted), in force
 * only unless `withWithdrawn`.
 */
export const listPublished = async (
  executor: Executor,
  filter: { localityIds?: string[]; withWithdrawn?: boolean; id?: string },
): Promise<PublishedRow[]> => {
  if (filter.localityIds && filter.localityIds.length === 0) return [];
  const rows = await executor
    .select({
      id: reportPublication.id,
      localityId: reportPublication.localityId,
      version: reportPublication.version,
      documentNumber: reportPublication.documentNumber,
      publishedAt: reportPublication.publishedAt,
      withdrawnAt: reportPublication.withdrawnAt,
      withdrawReason: reportPublication.withdrawReason,
      periodId: reportingPeriod.id,
      periodKey: reportingPeriod.key,
      periodLabel: reportingPeriod.label,
      periodEnd: reportingPeriod.periodEnd,
      dataFrom: reportingPeriod.dataFrom,
      dataTo: reportingPeriod.dataTo,
      planId: plan.id,
      planNumber: plan.number,
      planTitle: plan.title,
      approvedAt: consolidatedReportVersion.approvedAt,
      snapshot: consolidatedReportVersion.snapshot,
    })
    .from(reportPublication)
    .innerJoin(
      consolidatedReportVersion,
      and(
        eq(consolidatedReportVersion.reportId, reportPublication.reportId),
        eq(consolidatedReportVersion.version, reportPublication.version),
      ),
    )
    .innerJoin(reportingPeriod, eq(reportingPeriod.id, reportPublication.periodId))
    .innerJoin(plan, eq(plan.id, reportingPeriod.planId))
    .where(
      and(
        filter.localityIds ? inArray(reportPublication.localityId, filter.localityIds) : undefined,
        filter.withWithdrawn ? undefined : isNull(reportPublication.withdrawnAt),
        filter.id ? eq(reportPublication.id, filter.id) : undefined,
      ),
    )
    .orderBy(asc(reportingPeriod.periodEnd), asc(reportPublication.publishedAt));
  return rows.map((row) => ({ ...row, snapshot: row.snapshot as TConsolidatedSnapshot }));
};

/**
 * How many publication decisions there are and when the last one was made or withdrawn: the whole
 * public site changes only with these, so they make its ETag and Last-Modified.
 */
export const publicationStamp = async (executor: Executor): Promise<{ key: string; last: Date | null }> => {
  const [row] = await executor
    .select({
      count: count(),
      last: max(
        sql<Date>`greatest(${reportPublication.publishedAt}, coalesce(${reportPublication.withdrawnAt}, ${reportPublication.publishedAt}))`,
      ),
      withdrawn: count(reportPublication.withdrawnAt),
    })
    .from(reportPublication);
  const last = row?.last ? new Date(row.last) : null;
  return { key: `${row?.count ?? 0}.${row?.withdrawn ?? 0}.${last?.getTime() ?? 0}`, last };
};

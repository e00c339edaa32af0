/**
 * The public site's data (/cong-khai): only what a leader decided to publish, read from the frozen
 * snapshots of approved consolidated reports. The public projection leaves out every name of a person
 * (who submitted, reviewed, sent, approved), the units' narratives and the evidence files: it keeps the
 * figures, statuses, targets, task completion, report timeliness, score and colour, the dates and the
 * document number.
 */

import { CATALOG_VERSION } from '@core/catalog/standard-catalog';
import { vietnamDateOf } from '@core/domain/deadlines';
import {
  type Colour,
  INDICATOR_STATUSES,
  rankByScore,
  TASK_STATUSES,
  TIMELINESS,
} from '@core/domain/evaluation';
import { countStatuses, thresholdsOf } from '@core/domain/plan-evaluation';
import {
  publishedValuesByYear,
  publishedYears,
  reportsOfYear,
  scorePublished,
  taskCompletion,
  yearOfReport,
} from '@core/domain/publication';
import { foldText } from '@core/domain/text';
import type { Database } from '../../db/client';
import { catalogCodesOf } from '../../shared/plan-contents';
import {
  findPublicLocalityByCode,
  findPublicLocalityById,
  listPublicLocalities,
  listPublished,
  type PublicLocality,
  type PublishedRow,
  publicationStamp,
  searchPublicLocalities,
} from './public.repository';

export type PublicIndicator = {
  id: string;
  /** The catalog code when the plan's indicator is mapped to one, else the plan's own code. */
  code: string | null;
  codeSource: 'catalog' | 'plan';
  planCode: string | null;
  name: string;
  unit: string | null;
  status: (typeof INDICATOR_STATUSES)[number];
  value: number | null;
  targetText: string | null;
  expected: number | null;
};

/** A published report as the public reads it. */
export type PublicReport = {
  id: string;
  version: number;
  documentNumber: string | null;
  approvedOn: string;
  publishedOn: string;
  withdrawnOn: string | null;
  withdrawReason: string | null;
  periodKey: string;
  periodLabel: string;
  dataFrom: string;
  dataTo: string;
  periodEnd: string;
  year: number;
  planNumber: string | null;
  planTitle: string;
  score: number | null;
  colour: Colour;
  indicators: PublicIndicator[];
  indicatorCounts: Record<(typeof INDICATOR_STATUSES)[number], number>;
  taskCounts: Record<(typeof TASK_STATUSES)[number], number>;
  taskTotal: number;
  taskCompletion: number | null;
  reportCounts: Record<(typeof TIMELINESS)[number], number>;
};

export type RankedLocality = {
  locality: PublicLocality;
  score: number | null;
  colour: Colour;
  rank: number | null;
  /** How many published reports stand for the year (a province: of itself and its communes). */
  reports: number;
  /** A province: how many of its communes have a published report for the year. */
  communesPublished: number | null;
};

/** One published figure, a row of the open data files (docs/open-data.md). */
export type OpenDataRecord = {
  locality_code: string;
  locality_name: string;
  locality_level: string;
  parent_code: string | null;
  year: number;
  period: string;
  period_label: string;
  period_from: string;
  period_to: string;
  indicator_code: string;
  code_source: 'catalog' | 'plan';
  catalog_version: string;
  plan_indicator_code: string | null;
  indicator_name: string;
  unit: string | null;
  value: number | null;
  status: string;
  target: string | null;
  expected: number | null;
  report_version: number;
  approved_on: string;
  document_number: string | null;
  published_on: string;
  plan_number: string | null;
  report_url: string;
};

const dateOf = (instant: Date) => vietnamDateOf(instant);

/** "Phường Thành Đông", "Tỉnh Thái Nguyên". */
export const localityTitle = (row: Pick<PublicLocality, 'kind' | 'name' | 'level'>): string =>
  row.level === 'nation' ? row.name : `${row.kind.charAt(0).toUpperCase()}${row.kind.slice(1)} ${row.name}`;

export const createPublicSiteService = ({ db }: { db: Database }) => {
  /** The public projection of a publication: no names, no narratives, no evidence. */
  const present = (row: PublishedRow, catalogCodes: Map<string, string | null>): PublicReport => {
    const dashboard = row.snapshot.dashboard;
    const scored = scorePublished([dashboard], dashboard.thresholds);
    return {
      id: row.id,
      version: row.version,
      documentNumber: row.documentNumber,
      approvedOn: row.snapshot.approvedOn,
      publishedOn: dateOf(row.publishedAt),
      withdrawnOn: row.withdrawnAt ? dateOf(row.withdrawnAt) : null,
      withdrawReason: row.withdrawReason,
      periodKey: row.periodKey,
      periodLabel: row.periodLabel,
      dataFrom: row.dataFrom,
      dataTo: row.dataTo,
      periodEnd: row.periodEnd,
      year: yearOfReport(row),
      planNumber: row.planNumber,
      planTitle: row.planTitle,
      score: scored.score,
      colour: scored.colour,
      indicators: dashboard.indicators.map((item) => {
        const catalogCode = catalogCodes.get(item.id) ?? null;
        return {
          id: item.id,
          code: catalogCode ?? item.code,
          codeSource: catalogCode ? 'catalog' : 'plan',
          planCode: item.code,
          name: item.name,
          unit: item.unit,
          status: item.status,
          value: item.value,
          targetText: item.targetText,
          expected: item.expected,
        };
      }),
      indicatorCounts: countStatuses(
        INDICATOR_STATUSES,
        dashboard.indicators.map((item) => item.status),
      ),
      taskCounts: countStatuses(
        TASK_STATUSES,
        dashboard.tasks.map((item) => item.status),
      ),
      taskTotal: dashboard.tasks.length,
      taskCompletion: taskCompletion(dashboard.tasks),
      reportCounts: countStatuses(
        TIMELINESS,
        dashboard.units.filter((unit) => unit.evaluation === 'scored').map((unit) => unit.timeliness),
      ),
    };
  };

  const presentAll = async (rows: PublishedRow[]) => {
    const codes = await catalogCodesOf(
      db,
      rows.flatMap((row) => row.snapshot.dashboard.indicators.map((item) => item.id)),
    );
    return rows.map((row) => present(row, codes));
  };

  /** Ranks localities on the published reports standing for the year. */
  const rank = (
    localities: PublicLocality[],
    rowsByLocality: Map<string, PublishedRow[]>,
    year: number,
    childrenOf?: Map<string, string[]>,
  ): RankedLocality[] =>
    rankByScore(
      localities.map((locality) => {
        const covered = [locality.id, ...(childrenOf?.get(locality.id) ?? [])];
        const standing = covered.flatMap((id) => reportsOfYear(rowsByLocality.get(id) ?? [], year));
        const scored = scorePublished(
          standing.map((row) => row.snapshot.dashboard),
          thresholdsOf(locality),
        );
        return {
          locality,
          score: scored.score,
          colour: scored.colour,
          reports: standing.length,
          communesPublished: childrenOf
            ? (childrenOf.get(locality.id) ?? []).filter(
                (id) => reportsOfYear(rowsByLocality.get(id) ?? [], year).length > 0,
              ).length
            : null,
        };
      }),
    ).sort(
      (a, b) =>
        (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
        a.locality.name.localeCompare(b.locality.name, 'vi'),
    );

  const groupByLocality = (rows: PublishedRow[]) => {
    const map = new Map<string, PublishedRow[]>();
    for (const row of rows) map.set(row.localityId, [...(map.get(row.localityId) ?? []), row]);
    return map;
  };

  const chooseYear = (years: number[], wanted: number | undefined) =>
    wanted != null && years.includes(wanted) ? wanted : (years[0] ?? null);

  /** The nation: provinces ranked on published data, with a search over every locality. */
  const nation = async (options: { year?: number; query?: string }) => {
    const provinces = await listPublicLocalities(db, { level: 'province' });
    const rows = await listPublished(db, {});
    const localities = await listPublicLocalities(db, {
      ids: [...new Set(rows.map((row) => row.localityId))],
    });
    const childrenOf = new Map<string, string[]>();
    for (const row of localities) {
      if (row.level !== 'commune' || !row.parentId) continue;
      childrenOf.set(row.parentId, [...(childrenOf.get(row.parentId) ?? []), row.id]);
    }
    const years = publishedYears(rows);
    const year = chooseYear(years, options.year);
    const byLocality = groupByLocality(rows);
    const ranking = year != null ? rank(provinces, byLocality, year, childrenOf) : [];
    return { years, year, ranking, search: await search(options.query) };
  };

  const search = async (query: string | undefined, parentId?: string) => {
    const folded = query ? foldText(query) : '';
    if (!folded) return null;
    const found = await searchPublicLocalities(db, folded, { parentId, limit: 50 });
    return { query: query ?? '', results: found.filter((row) => row.level !== 'nation') };
  };

  /**
   * A locality's page: its published reports in force (newest first) and its withdrawn ones, and for a
   * province its communes ranked. Undefined when there is no such locality.
   */
  const locality = async (code: string, options: { year?: number; query?: string }) => {
    const row = await findPublicLocalityByCode(db, code);
    if (!row || row.level === 'nation') return undefined;
    const parent = row.parentId ? await findPublicLocalityById(db, row.parentId) : undefined;
    const own = await listPublished(db, { localityIds: [row.id], withWithdrawn: true });
    const presented = await presentAll(own);
    const published = presented.filter((item) => item.withdrawnOn == null).reverse();
    const withdrawn = presented.filter((item) => item.withdrawnOn != null).reverse();
    let communes: null | {
      years: number[];
      year: number | null;
      ranking: RankedLocality[];
      search: Awaited<ReturnType<typeof search>>;
    } = null;
    if (row.level === 'province') {
      const children = await listPublicLocalities(db, { parentId: row.id });
      const rows = await listPublished(db, { localityIds: children.map((child) => child.id) });
      const years = publishedYears(rows);
      const year = chooseYear(years, options.year);
      const ranking = year != null ? rank(children, groupByLocality(rows), year) : [];
      const searched = await search(options.query, row.id);
      communes = { years, year, ranking, search: searched };
    }
    return {
      locality: row,
      parent: parent?.level === 'nation' ? null : (parent ?? null),
      published,
      withdrawn,
      communes,
    };
  };

  /**
   * An indicator of a locality's published reports: its target path (from the newest published report)
   * and its published value by year. Undefined when no published report of the locality has it.
   */
  const indicator = async (code: string, indicatorId: string) => {
    const row = await findPublicLocalityByCode(db, code);
    if (!row) return undefined;
    const rows = (await listPublished(db, { localityIds: [row.id] })).filter((item) =>
      item.snapshot.dashboard.indicators.some((entry) => entry.id === indicatorId),
    );
    const latest = rows.at(-1);
    if (!latest) return undefined;
    const item = latest.snapshot.dashboard.indicators.find((entry) => entry.id === indicatorId)!;
    const codes = await catalogCodesOf(db, [indicatorId]);
    const values = publishedValuesByYear(
      rows.map((report) => ({
        periodEnd: report.periodEnd,
        series: report.snapshot.dashboard.indicators.find((entry) => entry.id === indicatorId)?.series ?? [],
      })),
    );
    return {
      locality: row,
      indicator: {
        id: item.id,
        name: item.name,
        unit: item.unit,
        planCode: item.code,
        catalogCode: codes.get(indicatorId) ?? null,
        status: item.status,
        targetText: item.targetText,
      },
      targets: item.targets
        .filter((target) => target.value != null)
        .map((target) => ({
          year: target.year,
          op: target.op,
          value: target.value!,
          valueHigh: target.valueHigh,
        }))
        .sort((a, b) => a.year - b.year),
      values,
    };
  };

  /** A publication in force, for its PDF or Word file; undefined when it is not (or no longer) public. */
  const publicationInForce = async (id: string) => (await listPublished(db, { id }))[0];

  /**
   * Every published figure of a locality and the localities under it (all localities when the code is
   * omitted): one record per indicator of each publication in force.
   * Undefined for an unknown locality code.
   */
  const openData = async (code?: string): Promise<OpenDataRecord[] | undefined> => {
    let rows: PublishedRow[];
    if (code) {
      const root = await findPublicLocalityByCode(db, code);
      if (!root) return undefined;
      const children = root.level === 'nation' ? null : await listPublicLocalities(db, { parentId: root.id });
      rows = await listPublished(
        db,
        root.level === 'nation'
          ? {}
          : { localityIds: [root.id, ...(children ?? []).map((child) => child.id)] },
      );
    } else rows = await listPublished(db, {});
    const localities = new Map(
      (await listPublicLocalities(db, { ids: [...new Set(rows.map((row) => row.localityId))] })).map(
        (row) => [row.id, row],
      ),
    );
    const parents = new Map(
      (
        await listPublicLocalities(db, {
          ids: [
            ...new Set(
              [...localities.values()].map((row) => row.parentId).filter((id): id is string => id != null),
            ),
          ],
        })
      ).map((row) => [row.id, row]),
    );
    const reports = await presentAll(rows);
    const records: OpenDataRecord[] = [];
    for (const report of reports) {
      const row = rows.find((item) => item.id === report.id)!;
      const place = localities.get(row.localityId)!;
      const parent = place.parentId ? parents.get(place.parentId) : undefined;
      for (const item of report.indicators) {
        records.push({
          locality_code: place.code,
          locality_name: localityTitle(place),
          locality_level: place.level,
          parent_code: parent && parent.level !== 'nation' ? parent.code : null,
          year: report.year,
          period: report.periodKey,
          period_label: report.periodLabel,
          period_from: report.dataFrom,
          period_to: report.dataTo,
          indicator_code: item.code ?? `${report.planNumber ?? ''}#${item.id}`,
          code_source: item.codeSource,
          catalog_version: CATALOG_VERSION,
          plan_indicator_code: item.planCode,
          indicator_name: item.name,
          unit: item.unit,
          value: item.value,
          status: item.status,
          target: item.targetText,
          expected: item.expected,
          report_version: report.version,
          approved_on: report.approvedOn,
          document_number: report.documentNumber,
          published_on: report.publishedOn,
          plan_number: report.planNumber,
          report_url: `/cong-khai/bao-cao/${report.id}.pdf`,
        });
      }
    }
    return records.sort(
      (a, b) =>
        a.locality_code.localeCompare(b.locality_code) ||
        a.period_to.localeCompare(b.period_to) ||
        a.indicator_code.localeCompare(b.indicator_code),
    );
  };

  /** What the site's ETag and Last-Modified are made of. */
  const stamp = () => publicationStamp(db);

  return { nation, locality, indicator, publicationInForce, openData, stamp };
};

export type PublicSiteService = ReturnType<typeof createPublicSiteService>;

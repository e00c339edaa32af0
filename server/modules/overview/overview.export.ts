/** The overview's rows as the Excel sheet a province officer downloads. */

import { formatDateVi, vietnamDateOf } from '@core/domain/deadlines';
import { COLOUR_LABELS, UNIT_EVALUATION_STATE_LABELS } from '@core/domain/evaluation';
import { OVERVIEW_PROBLEM_LABELS } from '@core/domain/overview-filter';
import type {
  TLocalityOverview,
  TOverviewExportQuery,
  TOverviewLocality,
} from '@core/schemas/overview.schemas';
import { renderOverviewXlsx } from '../../documents/export/excel-exporter';

/** The filters of an export in words, printed above its table. */
export const describeFilter = (query: TOverviewExportQuery): string => {
  const parts: string[] = [];
  if (query.colours?.length)
    parts.push(`xếp loại ${query.colours.map((colour) => COLOUR_LABELS[colour]).join(', ')}`);
  if (query.problem) parts.push(OVERVIEW_PROBLEM_LABELS[query.problem].toLocaleLowerCase('vi'));
  if (query.q?.trim()) parts.push(`tên có "${query.q.trim()}"`);
  return parts.length ? parts.join('; ') : 'tất cả';
};

/**
 * @param overview - the overview the rows come from
 * @param rows - its rows that passed the filter, ranked
 * @param query - the filter, printed above the table
 * @returns the .xlsx bytes
 */
export const renderOverviewSheet = (
  overview: TLocalityOverview,
  rows: readonly TOverviewLocality[],
  query: TOverviewExportQuery,
): Promise<Buffer> =>
  renderOverviewXlsx({
    title: `Tổng quan ${overview.locality.kind} ${overview.locality.name} năm ${overview.year} (số liệu đến ${formatDateVi(overview.asOf)})`,
    filter: describeFilter(query),
    localityHeader: overview.locality.level === 'nation' ? 'Tỉnh, thành phố' : 'Xã, phường, đặc khu',
    rows: rows.map((row) => ({
      rank: row.rank,
      code: row.code,
      name: `${row.kind} ${row.name}`,
      colourText:
        row.evaluation === 'scored'
          ? COLOUR_LABELS[row.colour]
          : UNIT_EVALUATION_STATE_LABELS[row.evaluation],
      score: row.score == null ? null : Math.round(row.score * 10) / 10,
      plans: row.received
        ? `Gói báo cáo nhận ngày ${formatDateVi(vietnamDateOf(new Date(row.received.receivedAt)))}: ${row.received.periodLabel}, duyệt ngày ${formatDateVi(row.received.approvedOn)}${row.received.localPlans > 0 ? ` (thay cho ${row.received.localPlans} kế hoạch của xã trên hệ thống này)` : ''}${row.received.otherCatalogVersion ? `; gói lập với danh mục phiên bản ${row.received.otherCatalogVersion}, khác phiên bản ${row.received.catalogVersion} của hệ thống này, tính theo mã` : ''}`
        : row.plans.map((plan) => plan.number ?? plan.title).join('; ') ||
          (row.planCount > 0 ? `${row.planCount} kế hoạch` : 'Chưa có kế hoạch'),
      reportsSubmitted: `${row.reports.submitted}/${row.reports.expected}`,
      late: row.reports.late,
      missing: row.reports.missing,
      pendingReview: row.reports.pendingReview,
      indicatorsBehind: row.indicators.behind ?? 0,
      overdueTasks: row.overdueTasks,
      formedFrom: row.formedFrom,
    })),
  });

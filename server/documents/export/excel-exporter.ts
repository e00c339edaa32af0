/**
 * Excel workbooks: the indicator matrix, the task list, a period's report status, and the overview of a
 * province's communes. Pure functions from a view to the .xlsx bytes. The unit's entry template is in
 * excel-template.ts.
 */
import { FONT_NAME, newWorkbook, tableSheet, toBuffer } from './excel-workbook';

/** The indicator matrix of a plan. */
export type IndicatorMatrixView = {
  planTitle: string;
  targetYears: number[];
  indicators: Array<{
    code: string | null;
    groupName: string | null;
    name: string;
    unit: string | null;
    catalogCode: string | null;
    baselineYear: number | null;
    targets: Record<number, string>;
    leadUnitName: string | null;
    coordinatingUnitNames: string[];
  }>;
};

/**
 * The indicators of a plan with one column per target year, each cell the target as printed.
 *
 * @returns the .xlsx bytes
 */
export const renderIndicatorMatrixXlsx = (view: IndicatorMatrixView): Promise<Buffer> => {
  const workbook = newWorkbook();
  tableSheet(
    workbook,
    'Chỉ tiêu',
    `Các chỉ tiêu: ${view.planTitle}`,
    [
      { header: 'Mã', width: 8 },
      { header: 'Nhóm', width: 24 },
      { header: 'Chỉ tiêu', width: 50 },
      { header: 'Đơn vị tính', width: 10 },
      ...view.targetYears.map((year) => ({ header: `Năm ${year}`, width: 14 })),
      { header: 'Năm cơ sở', width: 10 },
      { header: 'Đơn vị chủ trì', width: 26 },
      { header: 'Đơn vị phối hợp', width: 30 },
      { header: 'Mã chỉ tiêu chuẩn', width: 26 },
    ],
    view.indicators.map((row) => [
      row.code,
      row.groupName,
      row.name,
      row.unit,
      ...view.targetYears.map((year) => row.targets[year] ?? null),
      row.baselineYear,
      row.leadUnitName,
      row.coordinatingUnitNames.join(', '),
      row.catalogCode,
    ]),
  );
  return toBuffer(workbook);
};

/** The task list of a plan. */
export type TaskListView = {
  planTitle: string;
  tasks: Array<{
    code: string | null;
    groupName: string | null;
    name: string;
    leadUnitName: string | null;
    coordinatingUnitNames: string[];
    leader: string | null;
    output: string | null;
    deadlineText: string | null;
  }>;
};

/** @returns the .xlsx bytes of the plan's tasks */
export const renderTaskListXlsx = (view: TaskListView): Promise<Buffer> => {
  const workbook = newWorkbook();
  tableSheet(
    workbook,
    'Nhiệm vụ',
    `Nhiệm vụ, giải pháp: ${view.planTitle}`,
    [
      { header: 'Mã', width: 8 },
      { header: 'Nhóm', width: 30 },
      { header: 'Nhiệm vụ', width: 60 },
      { header: 'Đơn vị chủ trì', width: 26 },
      { header: 'Đơn vị phối hợp', width: 30 },
      { header: 'Lãnh đạo phụ trách', width: 20 },
      { header: 'Sản phẩm đầu ra', width: 24 },
      { header: 'Thời gian hoàn thành', width: 18 },
    ],
    view.tasks.map((row) => [
      row.code,
      row.groupName,
      row.name,
      row.leadUnitName,
      row.coordinatingUnitNames.join(', '),
      row.leader,
      row.output,
      row.deadlineText,
    ]),
  );
  return toBuffer(workbook);
};

/** Who must report in a period and where each stands. */
export type PeriodStatusView = {
  planTitle: string;
  periodLabel: string;
  dueDate: string;
  obligations: Array<{
    unitName: string;
    indicatorCount: number;
    taskCount: number;
    statusText: string;
    version: number | null;
    submittedOn: string | null;
    timelinessText: string;
  }>;
};

/** @returns the .xlsx bytes of the period's report status */
export const renderPeriodStatusXlsx = (view: PeriodStatusView): Promise<Buffer> => {
  const workbook = newWorkbook();
  const sheet = tableSheet(
    workbook,
    'Tình hình báo cáo',
    `Tình hình báo cáo ${view.periodLabel} (hạn ${view.dueDate.split('-').reverse().join('/')}): ${view.planTitle}`,
    [
      { header: 'Đơn vị', width: 40 },
      { header: 'Số chỉ tiêu', width: 12 },
      { header: 'Số nhiệm vụ', width: 12 },
      { header: 'Trạng thái báo cáo', width: 22 },
      { header: 'Lần', width: 8 },
      { header: 'Ngày nộp', width: 14 },
      { header: 'Đúng hạn / muộn', width: 22 },
    ],
    view.obligations.map((row) => [
      row.unitName,
      row.indicatorCount,
      row.taskCount,
      row.statusText,
      row.version,
      row.submittedOn ? row.submittedOn.split('-').reverse().join('/') : null,
      row.timelinessText,
    ]),
  );
  sheet.autoFilter = { from: 'A3', to: 'G3' };
  return toBuffer(workbook);
};

export type OverviewSheetView = {
  title: string;
  /** The filters the rows passed, in words ("Xếp loại: Đỏ"). */
  filter: string;
  /** "Xã, phường" or "Tỉnh, thành phố". */
  localityHeader: string;
  rows: Array<{
    rank: number | null;
    code: string;
    name: string;
    colourText: string;
    score: number | null;
    plans: string;
    reportsSubmitted: string;
    late: number;
    missing: number;
    pendingReview: number;
    indicatorsBehind: number;
    overdueTasks: number;
    formedFrom: string | null;
  }>;
};

/**
 * The rows of a locality overview, as filtered on the page: rank, official code, name, rating and the
 * figures behind it.
 *
 * @returns the .xlsx bytes
 */
export const renderOverviewXlsx = (view: OverviewSheetView): Promise<Buffer> => {
  const workbook = newWorkbook();
  const sheet = tableSheet(
    workbook,
    'Tổng quan',
    view.title,
    [
      { header: 'Hạng', width: 8 },
      { header: 'Mã', width: 10 },
      { header: view.localityHeader, width: 30 },
      { header: 'Xếp loại', width: 16 },
      { header: 'Điểm', width: 10 },
      { header: 'Kế hoạch', width: 30 },
      { header: 'Báo cáo đã nộp', width: 14 },
      { header: 'Nộp muộn', width: 11 },
      { header: 'Chưa nộp (quá hạn)', width: 13 },
      { header: 'Chờ xem xét', width: 11 },
      { header: 'Chỉ tiêu chậm lộ trình', width: 14 },
      { header: 'Nhiệm vụ quá hạn', width: 12 },
      { header: 'Hình thành từ (1/7/2025)', width: 40 },
    ],
    view.rows.map((row) => [
      row.rank,
      row.code,
      row.name,
      row.colourText,
      row.score,
      row.plans,
      row.reportsSubmitted,
      row.late,
      row.missing,
      row.pendingReview,
      row.indicatorsBehind,
      row.overdueTasks,
      row.formedFrom,
    ]),
  );
  sheet.getCell('A2').value = `Lọc: ${view.filter} · ${view.rows.length} dòng`;
  sheet.getCell('A2').font = { name: FONT_NAME, italic: true };
  sheet.autoFilter = { from: 'A3', to: 'M3' };
  return toBuffer(workbook);
};

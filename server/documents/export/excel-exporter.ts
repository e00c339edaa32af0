/**
 * Excel workbooks: the indicator matrix, the task list, a period's report status, and the overview of a
 * province's communes. Pure functions from a view to the .xlsx bytes. The unit's entry template is in
 * excel-template.ts.
 */
import { formatDateVi } from '@core/domain/deadlines';
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
  tableSheet<IndicatorMatrixView['indicators'][number]>(workbook, {
    name: 'Chỉ tiêu',
    heading: [`Các chỉ tiêu: ${view.planTitle}`],
    columns: [
      { header: 'Mã', width: 8, value: (row) => row.code },
      { header: 'Nhóm', width: 24, value: (row) => row.groupName },
      { header: 'Chỉ tiêu', width: 50, value: (row) => row.name },
      { header: 'Đơn vị tính', width: 10, value: (row) => row.unit },
      ...view.targetYears.map((year) => ({
        header: `Năm ${year}`,
        width: 14,
        value: (row: IndicatorMatrixView['indicators'][number]) => row.targets[year] ?? null,
      })),
      { header: 'Năm cơ sở', width: 10, value: (row) => row.baselineYear },
      { header: 'Đơn vị chủ trì', width: 26, value: (row) => row.leadUnitName },
      { header: 'Đơn vị phối hợp', width: 30, value: (row) => row.coordinatingUnitNames.join(', ') },
      { header: 'Mã chỉ tiêu chuẩn', width: 26, value: (row) => row.catalogCode },
    ],
    rows: view.indicators,
  });
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
  tableSheet<TaskListView['tasks'][number]>(workbook, {
    name: 'Nhiệm vụ',
    heading: [`Nhiệm vụ, giải pháp: ${view.planTitle}`],
    columns: [
      { header: 'Mã', width: 8, value: (row) => row.code },
      { header: 'Nhóm', width: 30, value: (row) => row.groupName },
      { header: 'Nhiệm vụ', width: 60, value: (row) => row.name },
      { header: 'Đơn vị chủ trì', width: 26, value: (row) => row.leadUnitName },
      { header: 'Đơn vị phối hợp', width: 30, value: (row) => row.coordinatingUnitNames.join(', ') },
      { header: 'Lãnh đạo phụ trách', width: 20, value: (row) => row.leader },
      { header: 'Sản phẩm đầu ra', width: 24, value: (row) => row.output },
      { header: 'Thời gian hoàn thành', width: 18, value: (row) => row.deadlineText },
    ],
    rows: view.tasks,
  });
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
  const sheet = tableSheet<PeriodStatusView['obligations'][number]>(workbook, {
    name: 'Tình hình báo cáo',
    heading: [`Tình hình báo cáo ${view.periodLabel} (hạn ${formatDateVi(view.dueDate)}): ${view.planTitle}`],
    columns: [
      { header: 'Đơn vị', width: 40, value: (row) => row.unitName },
      { header: 'Số chỉ tiêu', width: 12, value: (row) => row.indicatorCount },
      { header: 'Số nhiệm vụ', width: 12, value: (row) => row.taskCount },
      { header: 'Trạng thái báo cáo', width: 22, value: (row) => row.statusText },
      { header: 'Lần', width: 8, value: (row) => row.version },
      {
        header: 'Ngày nộp',
        width: 14,
        value: (row) => (row.submittedOn ? formatDateVi(row.submittedOn) : null),
      },
      { header: 'Đúng hạn / muộn', width: 22, value: (row) => row.timelinessText },
    ],
    rows: view.obligations,
  });
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
  const sheet = tableSheet<OverviewSheetView['rows'][number]>(workbook, {
    name: 'Tổng quan',
    heading: [view.title],
    columns: [
      { header: 'Hạng', width: 8, value: (row) => row.rank },
      { header: 'Mã', width: 10, value: (row) => row.code },
      { header: view.localityHeader, width: 30, value: (row) => row.name },
      { header: 'Xếp loại', width: 16, value: (row) => row.colourText },
      { header: 'Điểm', width: 10, value: (row) => row.score },
      { header: 'Kế hoạch', width: 30, value: (row) => row.plans },
      { header: 'Báo cáo đã nộp', width: 14, value: (row) => row.reportsSubmitted },
      { header: 'Nộp muộn', width: 11, value: (row) => row.late },
      { header: 'Chưa nộp (quá hạn)', width: 13, value: (row) => row.missing },
      { header: 'Chờ xem xét', width: 11, value: (row) => row.pendingReview },
      { header: 'Chỉ tiêu chậm lộ trình', width: 14, value: (row) => row.indicatorsBehind },
      { header: 'Nhiệm vụ quá hạn', width: 12, value: (row) => row.overdueTasks },
      { header: 'Hình thành từ (1/7/2025)', width: 40, value: (row) => row.formedFrom },
    ],
    rows: view.rows,
  });
  sheet.getCell('A2').value = `Lọc: ${view.filter} · ${view.rows.length} dòng`;
  sheet.getCell('A2').font = { name: FONT_NAME, italic: true };
  sheet.autoFilter = { from: 'A3', to: 'M3' };
  return toBuffer(workbook);
};

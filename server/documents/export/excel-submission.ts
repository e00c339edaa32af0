/**
 * The Excel sheet of a submission package, in the standard catalog's layout: one row per indicator of
 * the approved report, keyed by catalog code (the plan's own code, marked, when it maps to none), with
 * the catalog version, the locality's official code and the period above the table.
 */
import { formatDateVi } from '@core/domain/deadlines';
import { INDICATOR_STATUS_LABELS } from '@core/domain/evaluation';
import type { TSubmissionFigures } from '@core/schemas/exchange.schemas';
import { newWorkbook, type SheetColumn, tableSheet, toBuffer } from './excel-workbook';

type Indicator = TSubmissionFigures['indicators'][number];

/** The columns of the sheet (docs/open-data.md). */
const SUBMISSION_SHEET_COLUMNS: SheetColumn<Indicator>[] = [
  { header: 'Mã chỉ tiêu', width: 22, value: (item) => item.code },
  { header: 'Mã danh mục chuẩn', width: 12, value: (item) => item.catalogCode ?? 'Không có' },
  { header: 'Mã trong kế hoạch', width: 12, value: (item) => item.planCode },
  { header: 'Tên chỉ tiêu', width: 50, value: (item) => item.name },
  { header: 'Đơn vị tính', width: 12, value: (item) => item.unit },
  { header: 'Mục tiêu', width: 22, value: (item) => item.target },
  { header: 'Giá trị cần đạt theo lộ trình', width: 14, value: (item) => item.expected },
  { header: 'Kết quả', width: 12, value: (item) => item.value },
  {
    header: 'Đánh giá',
    width: 12,
    value: (item) =>
      item.assessment === 'achieved' ? 'Đạt' : item.assessment === 'not_achieved' ? 'Không đạt' : null,
  },
  { header: 'Tình trạng', width: 18, value: (item) => INDICATOR_STATUS_LABELS[item.status] },
];

/** The sheet's name, read back by tests and by whoever imports the file. */
export const SUBMISSION_SHEET = 'Chỉ tiêu';
/** The row of the column titles; the indicators follow it. */
export const SUBMISSION_HEADER_ROW = 6;

/**
 * @param figures - the package's figures.json
 * @returns the .xlsx bytes
 */
export const renderSubmissionXlsx = async (figures: TSubmissionFigures): Promise<Buffer> => {
  const workbook = newWorkbook();
  const { locality, period, plan, approval } = figures;
  tableSheet(workbook, {
    name: SUBMISSION_SHEET,
    heading: [
      `Kết quả chỉ tiêu: ${locality.kind} ${locality.name} (mã ${locality.code}) — ${period.label}`,
      `Kế hoạch: ${plan.number ? `${plan.number}: ` : ''}${plan.title}`,
      `Báo cáo tổng hợp phiên bản ${approval.version}, phê duyệt ngày ${formatDateVi(approval.approvedOn)}; kỳ ${period.key}${period.dhis2 ? ` (DHIS2: ${period.dhis2})` : ''}`,
      `Danh mục chỉ tiêu chuẩn phiên bản ${figures.catalogVersion}`,
    ],
    headerRow: SUBMISSION_HEADER_ROW,
    columns: SUBMISSION_SHEET_COLUMNS,
    rows: figures.indicators,
  });
  return toBuffer(workbook);
};

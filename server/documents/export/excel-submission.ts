/**
 * The Excel sheet of a submission package, in the standard catalog's layout: one row per indicator of
 * the approved report, keyed by catalog code (the plan's own code, marked, when it maps to none), with
 * the catalog version, the locality's official code and the period above the table.
 */
import { INDICATOR_STATUS_LABELS } from '@core/domain/evaluation';
import type { TSubmissionFigures } from '@core/schemas/exchange.schemas';
import {
  addTableSheet,
  FONT_NAME,
  newWorkbook,
  styleBodyCell,
  styleHeaderRow,
  toBuffer,
} from './excel-workbook';

/** The columns of the sheet (docs/open-data.md). */
export const SUBMISSION_SHEET_COLUMNS = [
  { header: 'Mã chỉ tiêu', width: 22 },
  { header: 'Mã danh mục chuẩn', width: 12 },
  { header: 'Mã trong kế hoạch', width: 12 },
  { header: 'Tên chỉ tiêu', width: 50 },
  { header: 'Đơn vị tính', width: 12 },
  { header: 'Mục tiêu', width: 22 },
  { header: 'Giá trị cần đạt theo lộ trình', width: 14 },
  { header: 'Kết quả', width: 12 },
  { header: 'Đánh giá', width: 12 },
  { header: 'Tình trạng', width: 18 },
] as const;

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
  const sheet = addTableSheet(workbook, SUBMISSION_SHEET, { ySplit: SUBMISSION_HEADER_ROW });
  sheet.columns = SUBMISSION_SHEET_COLUMNS.map((column) => ({ width: column.width }));
  const { locality, period, plan, approval } = figures;
  const heading = [
    `Kết quả chỉ tiêu: ${locality.kind} ${locality.name} (mã ${locality.code}) — ${period.label}`,
    `Kế hoạch: ${plan.number ? `${plan.number}: ` : ''}${plan.title}`,
    `Báo cáo tổng hợp phiên bản ${approval.version}, phê duyệt ngày ${approval.approvedOn.split('-').reverse().join('/')}; kỳ ${period.key}${period.dhis2 ? ` (DHIS2: ${period.dhis2})` : ''}`,
    `Danh mục chỉ tiêu chuẩn phiên bản ${figures.catalogVersion}`,
  ];
  heading.forEach((text, index) => {
    const cell = sheet.getCell(`A${index + 1}`);
    cell.value = text;
    cell.font = { name: FONT_NAME, bold: index === 0, size: index === 0 ? 14 : 11 };
  });
  const header = sheet.getRow(SUBMISSION_HEADER_ROW);
  header.values = SUBMISSION_SHEET_COLUMNS.map((column) => column.header);
  styleHeaderRow(header);
  for (const item of figures.indicators) {
    const row = sheet.addRow([
      item.code,
      item.catalogCode ?? 'Không có',
      item.planCode,
      item.name,
      item.unit,
      item.target,
      item.expected,
      item.value,
      item.assessment === 'achieved' ? 'Đạt' : item.assessment === 'not_achieved' ? 'Không đạt' : null,
      INDICATOR_STATUS_LABELS[item.status],
    ]);
    row.eachCell({ includeEmpty: true }, styleBodyCell);
  }
  return toBuffer(workbook);
};

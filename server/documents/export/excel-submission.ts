/**
 * The Excel sheet of a submission package, in the standard catalog's layout: one row per indicator of
 * the approved report, keyed by catalog code (the plan's own code, marked, when it maps to none), with
 * the catalog version, the locality's official code and the period above the table.
 */
import { INDICATOR_STATUS_LABELS } from '@core/domain/evaluation';
import type { TSubmissionFigures } from '@core/schemas/exchange.schemas';
import ExcelJS from 'exceljs';

const FONT_NAME = 'Times New Roman';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lộ trình';
  const sheet = workbook.addWorksheet(SUBMISSION_SHEET, {
    views: [{ state: 'frozen', ySplit: SUBMISSION_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
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
  header.eachCell((cell) => {
    cell.font = { name: FONT_NAME, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDERS;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
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
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT_NAME };
      cell.border = BORDERS;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

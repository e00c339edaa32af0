/**
 * The plain workbook every Excel download starts from: the shared fills, borders and font, a new workbook,
 * its bytes, and the plain table sheet (title, column titles, rows, frozen under the titles).
 */
import ExcelJS from 'exceljs';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F0' } };
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
export const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const FONT_NAME = 'Times New Roman';

export const newWorkbook = () => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lộ trình';
  return workbook;
};

export const toBuffer = async (workbook: ExcelJS.Workbook): Promise<Buffer> =>
  Buffer.from(await workbook.xlsx.writeBuffer());

/** A plain table sheet: a title row, the column titles, the rows; frozen under the titles. */
export const tableSheet = (
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: Array<{ header: string; width: number }>,
  rows: Array<Array<string | number | null>>,
) => {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.getCell('A1').value = title;
  sheet.getCell('A1').font = { name: FONT_NAME, bold: true, size: 14 };
  const header = sheet.getRow(3);
  header.values = columns.map((column) => column.header);
  header.eachCell((cell) => {
    cell.font = { name: FONT_NAME, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDERS;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT_NAME };
      cell.border = BORDERS;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  }
  return sheet;
};

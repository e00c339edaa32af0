/**
 * The plain workbook every Excel download starts from: the shared fills, borders and font, a new workbook,
 * its bytes, the table sheet's page and styles, and the plain table sheet (heading, column titles, rows
 * made by each column's value, frozen under the titles).
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

/**
 * A sheet holding a table: printed landscape on A4, as wide as the page, frozen under the column titles.
 *
 * @param frozen - the rows (and columns) that stay in view
 */
export const addTableSheet = (
  workbook: ExcelJS.Workbook,
  name: string,
  frozen: { ySplit: number; xSplit?: number },
) =>
  workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ...frozen }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });

/** The row of column titles: bold, shaded, bordered, centred, wrapped. */
export const styleHeaderRow = (row: ExcelJS.Row): void => {
  row.eachCell((cell) => {
    cell.font = { name: FONT_NAME, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDERS;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
};

/** A cell of the table's body: bordered, at the top, wrapped. */
export const styleBodyCell = (cell: ExcelJS.Cell): void => {
  cell.font = { name: FONT_NAME };
  cell.border = BORDERS;
  cell.alignment = { vertical: 'top', wrapText: true };
};

/** A column of a table sheet: its title, its width, and what a row shows in it. */
export type SheetColumn<R> = { header: string; width: number; value: (row: R) => string | number | null };

/**
 * A table sheet: the heading's lines from A1 (the first bold and large), the column titles on `headerRow`,
 * then a row per item, each cell from its column's `value`; frozen under the titles.
 */
export const tableSheet = <R>(
  workbook: ExcelJS.Workbook,
  {
    name,
    heading,
    headerRow = 3,
    columns,
    rows,
  }: { name: string; heading: string[]; headerRow?: number; columns: SheetColumn<R>[]; rows: R[] },
) => {
  const sheet = addTableSheet(workbook, name, { ySplit: headerRow });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  heading.forEach((text, index) => {
    const cell = sheet.getCell(`A${index + 1}`);
    cell.value = text;
    cell.font =
      index === 0 ? { name: FONT_NAME, bold: true, size: 14 } : { name: FONT_NAME, bold: false, size: 11 };
  });
  const header = sheet.getRow(headerRow);
  header.values = columns.map((column) => column.header);
  styleHeaderRow(header);
  for (const row of rows)
    sheet.addRow(columns.map((column) => column.value(row))).eachCell({ includeEmpty: true }, styleBodyCell);
  return sheet;
};

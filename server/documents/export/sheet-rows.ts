/**
 * The cells of a workbook's first sheet as text, row by row: what a list uploaded as Excel (users to
 * create) is read from. Run only on a file the spreadsheet guard has passed, in the bounded worker
 * (guarded-template-reader.ts `readGuardedSheetRows`).
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';

/** A cell's value as the sheet shows it: formulas give their result, links and rich text their text. */
const cellText = (value: ExcelJS.CellValue): string => {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const [year, month, day] = value.toISOString().slice(0, 10).split('-');
    return `${day}/${month}/${year}`;
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
};

/**
 * Reads the first sheet of an .xlsx into rows of cell texts (row 1 first; empty rows kept as empty
 * lists, so a row's index + 1 is its number in the sheet).
 *
 * @throws AppError UNREADABLE_DOCUMENT for a file that is not a workbook, or one without a sheet
 */
export const readFirstSheetRows = async (bytes: Buffer): Promise<string[][]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('UNREADABLE_DOCUMENT', {
      message: 'Không đọc được tệp Excel (.xlsx) này. Hãy lưu lại tệp bằng Excel rồi gửi lại.',
      cause: error,
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw new AppError('UNREADABLE_DOCUMENT', { message: 'Tệp Excel này không có trang tính nào.' });
  }
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  }
  return rows;
};

/**
 * Reads a filled entry template (see renderTemplateXlsx) back into the rows of a unit report. Every cell is
 * checked and every problem listed with its sheet, row and column; nothing is returned unless all are right,
 * so the caller writes nothing from a template with a single wrong cell.
 */
import {
  checkFraction,
  checkIndicatorFigure,
  FRACTION_INCOMPLETE_MESSAGE,
  formatVietnameseNumber,
  incompleteFractionField,
  parseVietnameseNumber,
  type ValueField,
} from '@core/domain/indicator-values';
import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../../errors';
import { ASSESSMENT_TEXTS, TASK_STATUS_TEXTS, TEMPLATE } from './excel-template';

/** A message placed after a cell's address reads on in lower case: "C7: cần nhập …". */
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** What the template must match: the period and unit it is uploaded for, and what the unit leads. */
export type TemplateExpectation = {
  periodId: string;
  unitId: string;
  unitName: string;
  periodLabel: string;
  indicators: Map<string, { code: string | null; unit: string | null }>;
  taskIds: Set<string>;
};

export type ImportedValueRow = {
  indicatorId: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  assessment: 'achieved' | 'not_achieved' | null;
  note: string | null;
  /** Where the row is, to point a later error (from the reporting rules) at its cells. */
  rowNumber: number;
};

export type ImportedTaskRow = {
  taskId: string;
  status: 'not_started' | 'in_progress' | 'done';
  progress: number | null;
  completedOn: string | null;
  result: string | null;
  rowNumber: number;
};

export type ImportedTemplate = {
  values: ImportedValueRow[];
  taskUpdates: ImportedTaskRow[];
  /** The indicators and tasks that have a row in the sheets (filled or left empty). */
  indicatorRows: Map<string, number>;
  taskRows: Map<string, number>;
};

/** "Sheet 'Chỉ tiêu', ô F7": how every problem names its cell. */
export const cellLabel = (sheet: string, address: string) => `Sheet '${sheet}', ô ${address}`;

type Scalar = string | number | boolean | Date | null;

/** The cell's value as one scalar: formulas give their result, rich text its plain text. */
const scalarOf = (value: ExcelJS.CellValue): Scalar => {
  if (value == null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return scalarOf((value.result ?? null) as ExcelJS.CellValue);
    if ('richText' in value) return scalarOf(value.richText.map((part) => part.text).join(''));
    if ('text' in value) return scalarOf(String(value.text));
    if ('error' in value) return String(value.error);
  }
  return String(value);
};

const describe = (value: Scalar) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

/** Reads every problem of one sheet into `problems`, with the sheet's name and the cell's address. */
const cellReader = (sheet: ExcelJS.Worksheet, problems: ErrorDetail[]) => {
  const fail = (address: string, message: string) =>
    problems.push({ field: cellLabel(sheet.name, address), message });
  const at = (column: string, row: number) => {
    const address = `${column}${row}`;
    return { address, value: scalarOf(sheet.getCell(address).value) };
  };
  const text = (column: string, row: number): string | null => {
    const { value } = at(column, row);
    return value == null ? null : describe(value);
  };
  /**
   * A number, or a text holding one written the Vietnamese way ("1.710", "85,5"; core/domain/indicator-values.ts):
   * a text that could be read two ways ("12.5") is refused with how to write it.
   */
  const number = (column: string, row: number, label: string): number | null | undefined => {
    const { address, value } = at(column, row);
    if (value == null) return null;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string') {
      const parsed = parseVietnameseNumber(value);
      if (parsed.ok) return parsed.value;
      // The reader's own "… is not a number" would say it twice; its advice on how to write it stays.
      const advice = parsed.message.replace(/^".*" không phải là một số\. /s, '');
      fail(address, `${label} phải là một số, không phải "${describe(value)}". ${advice}`);
      return undefined;
    }
    fail(address, `${label} phải là một số, không phải "${describe(value)}"`);
    return undefined;
  };
  /** A figure of an indicator outside what its unit allows: refused, never clamped. */
  const figure = (
    column: string,
    row: number,
    field: ValueField,
    value: number | null | undefined,
    unit: string | null,
  ) => {
    if (value == null) return;
    const message = checkIndicatorFigure(field, value, unit);
    if (!message) return;
    const shown =
      field === 'value'
        ? `${message.replace(/^Chỉ tiêu/, 'chỉ tiêu')} (đang là ${formatVietnameseNumber(value)})`
        : message;
    fail(`${column}${row}`, shown);
  };
  const date = (column: string, row: number, label: string): string | null | undefined => {
    const { address, value } = at(column, row);
    if (value == null) return null;
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    if (typeof value === 'string') {
      const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value) ?? null;
      const iso = match
        ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`
        : /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? value
          : null;
      if (
        iso &&
        !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) &&
        new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso)
      )
        return iso;
    }
    fail(address, `${label} phải là một ngày (dd/mm/yyyy), không phải "${describe(value)}"`);
    return undefined;
  };
  return { at, text, number, figure, date, fail };
};

/** Reads the hidden sheet that names the template's period and unit. */
const readMeta = (workbook: ExcelJS.Workbook): Record<string, string> | null => {
  const sheet = workbook.getWorksheet(TEMPLATE.metaSheet);
  if (!sheet) return null;
  const meta: Record<string, string> = {};
  sheet.eachRow((row) => {
    const key = scalarOf(row.getCell(1).value);
    const value = scalarOf(row.getCell(2).value);
    if (key != null && value != null) meta[describe(key)] = describe(value);
  });
  return meta;
};

const lastDataRow = (sheet: ExcelJS.Worksheet) => Math.max(sheet.rowCount, TEMPLATE.firstDataRow - 1);

/**
 * Reads a filled template.
 *
 * @param bytes - the .xlsx file
 * @param expected - the period and unit it is uploaded for, and the indicators and tasks that unit leads
 * @returns the indicator values and task updates of the non-empty rows
 * @throws AppError UNREADABLE_DOCUMENT when the file is not a template of this application;
 *   TEMPLATE_INVALID with one detail per wrong cell (or for a template of another unit or period)
 */
export const readTemplateXlsx = async (
  bytes: Buffer,
  expected: TemplateExpectation,
): Promise<ImportedTemplate> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('UNREADABLE_DOCUMENT', {
      message:
        'Không đọc được tệp Excel (.xlsx) này. Hãy tải biểu mẫu về, nhập số liệu rồi gửi lại đúng tệp đó.',
      cause: error,
    });
  }
  const meta = readMeta(workbook);
  const indicatorSheet = workbook.getWorksheet(TEMPLATE.indicatorSheet);
  const taskSheet = workbook.getWorksheet(TEMPLATE.taskSheet);
  if (!meta || meta.format !== TEMPLATE.version || !indicatorSheet || !taskSheet) {
    throw new AppError('UNREADABLE_DOCUMENT', {
      message:
        'Tệp này không phải biểu mẫu nhập số liệu của hệ thống (thiếu sheet "Chỉ tiêu", "Nhiệm vụ" hoặc thông tin biểu mẫu). Hãy tải biểu mẫu về và nhập vào đó.',
    });
  }
  if (meta.unitId !== expected.unitId || meta.periodId !== expected.periodId) {
    const of = `${meta.unitName ?? 'đơn vị khác'}, ${meta.periodLabel ?? 'kỳ khác'}`;
    throw new AppError('TEMPLATE_INVALID', {
      message: `Biểu mẫu này là của ${of}, không phải của ${expected.unitName}, ${expected.periodLabel}. Chưa lưu số liệu nào.`,
      details: [{ field: 'Biểu mẫu', message: `của ${of}` }],
    });
  }

  const problems: ErrorDetail[] = [];
  const values: ImportedValueRow[] = [];
  const seenIndicators = new Map<string, number>();
  const ic = TEMPLATE.indicatorColumns;
  const readIndicators = cellReader(indicatorSheet, problems);
  for (let row = TEMPLATE.firstDataRow; row <= lastDataRow(indicatorSheet); row++) {
    const id = readIndicators.text(ic.id, row);
    const inputs = [ic.value, ic.numerator, ic.denominator, ic.assessment, ic.note].map(
      (column) => readIndicators.at(column, row).value,
    );
    if (!id) {
      if (inputs.some((value) => value != null))
        readIndicators.fail(`${ic.id}${row}`, 'dòng này không gắn với chỉ tiêu nào của biểu mẫu');
      continue;
    }
    const indicator = expected.indicators.get(id);
    const code = readIndicators.text(ic.code, row);
    if (!indicator) {
      readIndicators.fail(
        `${ic.id}${row}`,
        `chỉ tiêu${code ? ` ${code}` : ''} không do ${expected.unitName} chủ trì trong kế hoạch này`,
      );
      continue;
    }
    if (seenIndicators.has(id)) {
      readIndicators.fail(`${ic.id}${row}`, `chỉ tiêu${code ? ` ${code}` : ''} có hai dòng`);
      continue;
    }
    seenIndicators.set(id, row);
    const value = readIndicators.number(ic.value, row, 'Giá trị');
    readIndicators.figure(ic.value, row, 'value', value, indicator.unit);
    const numerator = readIndicators.number(ic.numerator, row, 'Tử số');
    const denominator = readIndicators.number(ic.denominator, row, 'Mẫu số');
    readIndicators.figure(ic.numerator, row, 'numerator', numerator, indicator.unit);
    readIndicators.figure(ic.denominator, row, 'denominator', denominator, indicator.unit);
    // The fraction's rules are the form's and the server's (core/domain/indicator-values.ts).
    const fraction = checkFraction(numerator, denominator);
    if (fraction) readIndicators.fail(`${ic.numerator}${row}`, fraction.message);
    const incomplete = incompleteFractionField(numerator, denominator);
    if (incomplete && numerator !== undefined && denominator !== undefined)
      readIndicators.fail(
        `${incomplete === 'numerator' ? ic.numerator : ic.denominator}${row}`,
        lowerFirst(FRACTION_INCOMPLETE_MESSAGE),
      );
    const assessmentText = readIndicators.text(ic.assessment, row);
    const assessment =
      assessmentText == null
        ? null
        : assessmentText === ASSESSMENT_TEXTS.achieved
          ? 'achieved'
          : assessmentText === ASSESSMENT_TEXTS.not_achieved
            ? 'not_achieved'
            : undefined;
    if (assessment === undefined)
      readIndicators.fail(
        `${ic.assessment}${row}`,
        `Đánh giá phải là "Đạt" hoặc "Không đạt", không phải "${assessmentText}"`,
      );
    const note = readIndicators.text(ic.note, row);
    if (
      value === undefined ||
      numerator === undefined ||
      denominator === undefined ||
      assessment === undefined
    )
      continue;
    if (inputs.every((input) => input == null)) continue;
    values.push({ indicatorId: id, value, numerator, denominator, assessment, note, rowNumber: row });
  }

  const taskUpdates: ImportedTaskRow[] = [];
  const seenTasks = new Map<string, number>();
  const tc = TEMPLATE.taskColumns;
  const readTasks = cellReader(taskSheet, problems);
  const statusByText = new Map<string, ImportedTaskRow['status']>(
    Object.entries(TASK_STATUS_TEXTS).map(([status, text]) => [text, status as ImportedTaskRow['status']]),
  );
  for (let row = TEMPLATE.firstDataRow; row <= lastDataRow(taskSheet); row++) {
    const id = readTasks.text(tc.id, row);
    const inputs = [tc.status, tc.progress, tc.completedOn, tc.result].map(
      (column) => readTasks.at(column, row).value,
    );
    if (!id) {
      if (inputs.some((value) => value != null))
        readTasks.fail(`${tc.id}${row}`, 'dòng này không gắn với nhiệm vụ nào của biểu mẫu');
      continue;
    }
    const code = readTasks.text(tc.code, row);
    if (!expected.taskIds.has(id)) {
      readTasks.fail(
        `${tc.id}${row}`,
        `nhiệm vụ${code ? ` ${code}` : ''} không do ${expected.unitName} chủ trì trong kế hoạch này`,
      );
      continue;
    }
    if (seenTasks.has(id)) {
      readTasks.fail(`${tc.id}${row}`, `nhiệm vụ${code ? ` ${code}` : ''} có hai dòng`);
      continue;
    }
    seenTasks.set(id, row);
    if (inputs.every((input) => input == null)) continue;
    const statusText = readTasks.text(tc.status, row);
    const status = statusText ? statusByText.get(statusText) : undefined;
    if (!status)
      readTasks.fail(
        `${tc.status}${row}`,
        statusText
          ? `Tình trạng phải là một trong: ${Object.values(TASK_STATUS_TEXTS).join(', ')}; không phải "${statusText}"`
          : 'chưa chọn tình trạng',
      );
    const progress = readTasks.number(tc.progress, row, 'Tiến độ');
    if (progress != null && (!Number.isInteger(progress) || progress < 0 || progress > 100))
      readTasks.fail(`${tc.progress}${row}`, `Tiến độ là số nguyên từ 0 đến 100 (%), không phải ${progress}`);
    const completedOn = readTasks.date(tc.completedOn, row, 'Ngày hoàn thành');
    const result = readTasks.text(tc.result, row);
    if (!status || progress === undefined || completedOn === undefined) continue;
    taskUpdates.push({ taskId: id, status, progress, completedOn, result, rowNumber: row });
  }

  if (problems.length) throw templateInvalid(problems);
  return { values, taskUpdates, indicatorRows: seenIndicators, taskRows: seenTasks };
};

/** How many wrong cells a refusal names; a sheet wrong everywhere would otherwise answer megabytes. */
const CELLS_NAMED = 50;

/** The refusal of a filled template: how many cells are wrong, and the first of them by name. */
export const templateInvalid = (problems: ErrorDetail[]): AppError => {
  const named = problems.slice(0, CELLS_NAMED);
  const more = problems.length - named.length;
  const list = named.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
  return new AppError('TEMPLATE_INVALID', {
    message: `Biểu mẫu có ${problems.length} ô không hợp lệ, chưa lưu số liệu nào. ${list}${more > 0 ? `; và ${more} ô khác.` : ''}`,
    details: named,
  });
};

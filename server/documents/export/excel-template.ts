/**
 * The entry template of one unit for one period (read back by excel-importer.ts): its sheet and column
 * layout, the texts of its lists, the protected sheets with their input cells, and the hidden sheet that
 * names the period and the unit.
 */
import { formatDateVi } from '@core/domain/deadlines';
import type ExcelJS from 'exceljs';
import {
  addTableSheet,
  FONT_NAME,
  INPUT_FILL,
  newWorkbook,
  styleBodyCell,
  styleHeaderRow,
  toBuffer,
} from './excel-workbook';

/** The sheet and column layout of the entry template, shared with the importer. */
export const TEMPLATE = {
  version: '1',
  metaSheet: '_lotrinh',
  indicatorSheet: 'Chỉ tiêu',
  taskSheet: 'Nhiệm vụ',
  /** Rows 1–4 hold the title and instructions, row 5 the column titles; data start at row 6. */
  headerRow: 5,
  firstDataRow: 6,
  indicatorColumns: {
    id: 'A',
    code: 'B',
    name: 'C',
    unit: 'D',
    target: 'E',
    value: 'F',
    numerator: 'G',
    denominator: 'H',
    assessment: 'I',
    note: 'J',
  },
  taskColumns: {
    id: 'A',
    code: 'B',
    name: 'C',
    deadline: 'D',
    status: 'E',
    progress: 'F',
    completedOn: 'G',
    result: 'H',
  },
} as const;

/** The task statuses as the template lists them. */
export const TASK_STATUS_TEXTS = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
} as const;
export const ASSESSMENT_TEXTS = { achieved: 'Đạt', not_achieved: 'Không đạt' } as const;

/** The entry template of one unit for one period, pre-filled with what the unit's current report holds. */
export type TemplateView = {
  periodId: string;
  unitId: string;
  unitName: string;
  periodLabel: string;
  dataFrom: string;
  dataTo: string;
  planTitle: string;
  indicators: Array<{
    id: string;
    code: string | null;
    name: string;
    unit: string | null;
    targetText: string | null;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    assessment: 'achieved' | 'not_achieved' | null;
    note: string | null;
  }>;
  tasks: Array<{
    id: string;
    code: string | null;
    name: string;
    deadlineText: string | null;
    status: keyof typeof TASK_STATUS_TEXTS | null;
    progress: number | null;
    completedOn: string | null;
    result: string | null;
  }>;
};

const listValidation = (values: readonly string[], title: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${values.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: title,
  error: `Chọn một trong: ${values.join(', ')}`,
});

/**
 * A column of a template sheet: its title and width, what a row shows in it, and for the cells people
 * fill in (`input`: unlocked, shaded) the check Excel makes of what they type and the cell's number format.
 */
type TemplateColumn<R> = {
  header: string;
  width: number;
  value: (row: R) => ExcelJS.CellValue;
  input?: boolean;
  hidden?: boolean;
  validation?: ExcelJS.DataValidation;
  numFmt?: string;
};

/**
 * A protected sheet of the template: the unit, period, plan and `instructions` above the column titles
 * (row TEMPLATE.headerRow), then a row per item from TEMPLATE.firstDataRow; only the input cells open.
 */
const templateSheet = async <R>(
  workbook: ExcelJS.Workbook,
  view: TemplateView,
  {
    name,
    instructions,
    columns,
    rows,
  }: { name: string; instructions: string; columns: TemplateColumn<R>[]; rows: R[] },
) => {
  const sheet = addTableSheet(workbook, name, { ySplit: TEMPLATE.headerRow, xSplit: 3 });
  sheet.columns = columns.map((column) => ({ width: column.width, hidden: column.hidden ?? false }));
  sheet.getCell('B1').value = `BIỂU NHẬP SỐ LIỆU: ${view.unitName}, ${view.periodLabel}`;
  sheet.getCell('B1').font = { name: FONT_NAME, bold: true, size: 14 };
  sheet.getCell('B2').value =
    `Kế hoạch: ${view.planTitle}. Số liệu từ ${formatDateVi(view.dataFrom)} đến ${formatDateVi(view.dataTo)}.`;
  sheet.getCell('B3').value = instructions;
  sheet.getCell('B3').font = { name: FONT_NAME, italic: true };
  const header = sheet.getRow(TEMPLATE.headerRow);
  header.values = columns.map((column) => column.header);
  styleHeaderRow(header);
  rows.forEach((item, index) => {
    const row = sheet.getRow(TEMPLATE.firstDataRow + index);
    row.values = columns.map((column) => column.value(item));
    columns.forEach((column, columnIndex) => {
      const cell = row.getCell(columnIndex + 1);
      styleBodyCell(cell);
      if (!column.input) return;
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      if (column.numFmt) cell.numFmt = column.numFmt;
      if (column.validation) cell.dataValidation = column.validation;
    });
  });
  await sheet.protect(TEMPLATE_PASSWORD, PROTECTION);
};

/** A figure the unit types in: a number, not negative. */
const FIGURE_VALIDATION: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'greaterThanOrEqual',
  formulae: [0],
  allowBlank: true,
  showErrorMessage: true,
  errorTitle: 'Số không hợp lệ',
  error: 'Ô này nhận một số không âm.',
};

/** Everything but the input cells is locked; the password only guards against slips, it is no secret. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};
export const TEMPLATE_PASSWORD = 'lotrinh';

/**
 * The entry template of a unit for a period: sheet "Chỉ tiêu" (one row per indicator the unit leads: hidden
 * id, code, name, unit, target of the year, then value, numerator, denominator, assessment and note to fill
 * in) and sheet "Nhiệm vụ" (one row per task: status from a list, progress, completion date, result). The
 * sheets are protected except the input cells; a hidden sheet names the period and the unit.
 *
 * @returns the .xlsx bytes
 */
export const renderTemplateXlsx = async (view: TemplateView): Promise<Buffer> => {
  const workbook = newWorkbook();
  await templateSheet<TemplateView['indicators'][number]>(workbook, view, {
    name: TEMPLATE.indicatorSheet,
    instructions:
      'Nhập vào các ô nền vàng. Giá trị là số (tỷ lệ % từ 0 đến 100); có tử số và mẫu số thì giá trị được tính từ chúng. Chỉ tiêu định tính: chọn Đạt / Không đạt.',
    columns: [
      { header: 'Mã hệ thống', width: 4, hidden: true, value: (item) => item.id },
      { header: 'Mã', width: 8, value: (item) => item.code },
      { header: 'Chỉ tiêu', width: 50, value: (item) => item.name },
      { header: 'Đơn vị tính', width: 10, value: (item) => item.unit },
      { header: 'Mục tiêu năm', width: 14, value: (item) => item.targetText },
      {
        header: 'Giá trị',
        width: 12,
        input: true,
        validation: FIGURE_VALIDATION,
        value: (item) => item.value,
      },
      {
        header: 'Tử số',
        width: 12,
        input: true,
        validation: FIGURE_VALIDATION,
        value: (item) => item.numerator,
      },
      {
        header: 'Mẫu số',
        width: 12,
        input: true,
        validation: FIGURE_VALIDATION,
        value: (item) => item.denominator,
      },
      {
        header: 'Đánh giá (định tính)',
        width: 14,
        input: true,
        validation: listValidation(Object.values(ASSESSMENT_TEXTS), 'Đánh giá'),
        value: (item) => (item.assessment ? ASSESSMENT_TEXTS[item.assessment] : null),
      },
      { header: 'Ghi chú', width: 40, input: true, value: (item) => item.note },
    ],
    rows: view.indicators,
  });
  await templateSheet<TemplateView['tasks'][number]>(workbook, view, {
    name: TEMPLATE.taskSheet,
    instructions:
      'Chọn tình trạng trong danh sách; tiến độ là số nguyên từ 0 đến 100 (%); ngày hoàn thành dạng ngày (dd/mm/yyyy).',
    columns: [
      { header: 'Mã hệ thống', width: 4, hidden: true, value: (item) => item.id },
      { header: 'Mã', width: 8, value: (item) => item.code },
      { header: 'Nhiệm vụ', width: 60, value: (item) => item.name },
      { header: 'Thời hạn', width: 18, value: (item) => item.deadlineText },
      {
        header: 'Tình trạng',
        width: 18,
        input: true,
        validation: listValidation(Object.values(TASK_STATUS_TEXTS), 'Tình trạng'),
        value: (item) => (item.status ? TASK_STATUS_TEXTS[item.status] : null),
      },
      {
        header: 'Tiến độ (%)',
        width: 12,
        input: true,
        validation: {
          type: 'whole',
          operator: 'between',
          formulae: [0, 100],
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: 'Tiến độ',
          error: 'Tiến độ là số nguyên từ 0 đến 100.',
        },
        value: (item) => item.progress,
      },
      {
        header: 'Ngày hoàn thành',
        width: 16,
        input: true,
        numFmt: 'dd/mm/yyyy',
        validation: {
          type: 'date',
          operator: 'greaterThan',
          formulae: [new Date('2000-01-01T00:00:00.000Z')],
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: 'Ngày hoàn thành',
          error: 'Nhập một ngày, ví dụ 15/10/2026.',
        },
        value: (item) => (item.completedOn ? new Date(`${item.completedOn}T00:00:00.000Z`) : null),
      },
      { header: 'Kết quả', width: 50, input: true, value: (item) => item.result },
    ],
    rows: view.tasks,
  });

  const meta = workbook.addWorksheet(TEMPLATE.metaSheet, { state: 'veryHidden' });
  meta.addRows([
    ['format', TEMPLATE.version],
    ['periodId', view.periodId],
    ['unitId', view.unitId],
    ['unitName', view.unitName],
    ['periodLabel', view.periodLabel],
  ]);
  await meta.protect(TEMPLATE_PASSWORD, {});
  return toBuffer(workbook);
};

/** The communes of a province (or the provinces of the nation) as the overview ranks them. */

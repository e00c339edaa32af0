/**
 * The entry template of one unit for one period (read back by excel-importer.ts): its sheet and column
 * layout, the texts of its lists, the protected sheets with their input cells, and the hidden sheet that
 * names the period and the unit.
 */
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

const templateSheet = (
  workbook: ExcelJS.Workbook,
  name: string,
  view: TemplateView,
  instructions: string,
  columns: Array<{ header: string; width: number; input: boolean; hidden?: boolean }>,
) => {
  const sheet = addTableSheet(workbook, name, { ySplit: TEMPLATE.headerRow, xSplit: 3 });
  sheet.columns = columns.map((column) => ({ width: column.width, hidden: column.hidden ?? false }));
  sheet.getCell('B1').value = `BIỂU NHẬP SỐ LIỆU: ${view.unitName}, ${view.periodLabel}`;
  sheet.getCell('B1').font = { name: FONT_NAME, bold: true, size: 14 };
  sheet.getCell('B2').value =
    `Kế hoạch: ${view.planTitle}. Số liệu từ ${view.dataFrom.split('-').reverse().join('/')} đến ${view.dataTo.split('-').reverse().join('/')}.`;
  sheet.getCell('B3').value = instructions;
  sheet.getCell('B3').font = { name: FONT_NAME, italic: true };
  const header = sheet.getRow(TEMPLATE.headerRow);
  header.values = columns.map((column) => column.header);
  styleHeaderRow(header);
  return sheet;
};

const styleDataRow = (row: ExcelJS.Row, inputs: boolean[]) => {
  inputs.forEach((isInput, index) => {
    const cell = row.getCell(index + 1);
    styleBodyCell(cell);
    if (isInput) {
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
    }
  });
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
  const indicators = templateSheet(
    workbook,
    TEMPLATE.indicatorSheet,
    view,
    'Nhập vào các ô nền vàng. Giá trị là số (tỷ lệ % từ 0 đến 100); có tử số và mẫu số thì giá trị được tính từ chúng. Chỉ tiêu định tính: chọn Đạt / Không đạt.',
    [
      { header: 'Mã hệ thống', width: 4, input: false, hidden: true },
      { header: 'Mã', width: 8, input: false },
      { header: 'Chỉ tiêu', width: 50, input: false },
      { header: 'Đơn vị tính', width: 10, input: false },
      { header: 'Mục tiêu năm', width: 14, input: false },
      { header: 'Giá trị', width: 12, input: true },
      { header: 'Tử số', width: 12, input: true },
      { header: 'Mẫu số', width: 12, input: true },
      { header: 'Đánh giá (định tính)', width: 14, input: true },
      { header: 'Ghi chú', width: 40, input: true },
    ],
  );
  view.indicators.forEach((item, index) => {
    const row = indicators.getRow(TEMPLATE.firstDataRow + index);
    row.values = [
      item.id,
      item.code,
      item.name,
      item.unit,
      item.targetText,
      item.value,
      item.numerator,
      item.denominator,
      item.assessment ? ASSESSMENT_TEXTS[item.assessment] : null,
      item.note,
    ];
    styleDataRow(row, [false, false, false, false, false, true, true, true, true, true]);
    for (const column of ['F', 'G', 'H']) {
      indicators.getCell(`${column}${row.number}`).dataValidation = {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: 'Số không hợp lệ',
        error: 'Ô này nhận một số không âm.',
      };
    }
    indicators.getCell(`I${row.number}`).dataValidation = listValidation(
      Object.values(ASSESSMENT_TEXTS),
      'Đánh giá',
    );
  });
  await indicators.protect(TEMPLATE_PASSWORD, PROTECTION);

  const tasks = templateSheet(
    workbook,
    TEMPLATE.taskSheet,
    view,
    'Chọn tình trạng trong danh sách; tiến độ là số nguyên từ 0 đến 100 (%); ngày hoàn thành dạng ngày (dd/mm/yyyy).',
    [
      { header: 'Mã hệ thống', width: 4, input: false, hidden: true },
      { header: 'Mã', width: 8, input: false },
      { header: 'Nhiệm vụ', width: 60, input: false },
      { header: 'Thời hạn', width: 18, input: false },
      { header: 'Tình trạng', width: 18, input: true },
      { header: 'Tiến độ (%)', width: 12, input: true },
      { header: 'Ngày hoàn thành', width: 16, input: true },
      { header: 'Kết quả', width: 50, input: true },
    ],
  );
  view.tasks.forEach((item, index) => {
    const row = tasks.getRow(TEMPLATE.firstDataRow + index);
    row.values = [
      item.id,
      item.code,
      item.name,
      item.deadlineText,
      item.status ? TASK_STATUS_TEXTS[item.status] : null,
      item.progress,
      item.completedOn ? new Date(`${item.completedOn}T00:00:00.000Z`) : null,
      item.result,
    ];
    styleDataRow(row, [false, false, false, false, true, true, true, true]);
    tasks.getCell(`E${row.number}`).dataValidation = listValidation(
      Object.values(TASK_STATUS_TEXTS),
      'Tình trạng',
    );
    tasks.getCell(`F${row.number}`).dataValidation = {
      type: 'whole',
      operator: 'between',
      formulae: [0, 100],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: 'Tiến độ',
      error: 'Tiến độ là số nguyên từ 0 đến 100.',
    };
    tasks.getCell(`G${row.number}`).numFmt = 'dd/mm/yyyy';
    tasks.getCell(`G${row.number}`).dataValidation = {
      type: 'date',
      operator: 'greaterThan',
      formulae: [new Date('2000-01-01T00:00:00.000Z')],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: 'Ngày hoàn thành',
      error: 'Nhập một ngày, ví dụ 15/10/2026.',
    };
  });
  await tasks.protect(TEMPLATE_PASSWORD, PROTECTION);

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

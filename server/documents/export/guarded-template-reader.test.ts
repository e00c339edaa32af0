import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { sheetOfCells, withParts } from '../../test/xlsx-files';
import type { TemplateExpectation } from './excel-importer';
import { renderTemplateXlsx, type TemplateView } from './excel-template';
import { readGuardedTemplateXlsx, TEMPLATE_LIMITS } from './guarded-template-reader';

const VIEW: TemplateView = {
  periodId: 'period-1',
  unitId: 'unit-1',
  unitName: 'Phòng Văn hóa - Xã hội',
  periodLabel: 'Năm 2026',
  dataFrom: '2026-01-01',
  dataTo: '2026-12-31',
  planTitle: 'Kế hoạch chuyển đổi số năm 2026',
  indicators: [
    {
      id: 'indicator-1',
      code: 'I.1',
      name: 'Tỷ lệ hộ gia đình có internet cáp quang',
      unit: '%',
      targetText: '90%',
      value: null,
      numerator: null,
      denominator: null,
      assessment: null,
      note: null,
    },
  ],
  tasks: [],
};

const EXPECTED: TemplateExpectation = {
  periodId: VIEW.periodId,
  unitId: VIEW.unitId,
  unitName: VIEW.unitName,
  periodLabel: VIEW.periodLabel,
  indicators: new Map([['indicator-1', { code: 'I.1', unit: '%' }]]),
  taskIds: new Set(),
};

const refusal = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('readGuardedTemplateXlsx', () => {
  let filled: Buffer;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderTemplateXlsx(VIEW)) as unknown as ArrayBuffer);
    workbook.getWorksheet('Chỉ tiêu')!.getCell('F6').value = 84.5;
    filled = Buffer.from(await workbook.xlsx.writeBuffer());
  });

  it('should read a filled template in the worker and give back what readTemplateXlsx reads', async () => {
    const imported = await readGuardedTemplateXlsx(filled, EXPECTED);
    expect(imported.values).toEqual([
      {
        indicatorId: 'indicator-1',
        value: 84.5,
        numerator: null,
        denominator: null,
        assessment: null,
        note: null,
        rowNumber: 6,
      },
    ]);
    expect(imported.indicatorRows).toEqual(new Map([['indicator-1', 6]]));
  }, 30_000);

  it('should carry the importer’s Vietnamese cell errors back from the worker', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(filled as unknown as ArrayBuffer);
    workbook.getWorksheet('Chỉ tiêu')!.getCell('F6').value = 'tám mươi';
    const error = await refusal(
      readGuardedTemplateXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), EXPECTED),
    );
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.details).toEqual([
      {
        field: "Sheet 'Chỉ tiêu', ô F6",
        message: 'Giá trị phải là một số, không phải "tám mươi". Hãy nhập chữ số, ví dụ "1.710" hoặc "12,5".',
      },
    ]);
  }, 30_000);

  it('should refuse a zip bomb before any worker starts', async () => {
    const bomb = await withParts(filled, [
      { name: 'xl/worksheets/sheet1.xml', data: sheetOfCells(400_000, 13, { addresses: false }) },
    ]);
    const error = await refusal(readGuardedTemplateXlsx(bomb, EXPECTED));
    expect(error.status).toBe(413);
    expect(error.message).toContain('giải nén ra 78,6 MB, mỗi phần tối đa 10 MB');
  }, 30_000);

  it('should stop a parse that passes the time limit, with a Vietnamese 422', async () => {
    const error = await refusal(
      readGuardedTemplateXlsx(filled, EXPECTED, { ...TEMPLATE_LIMITS, parseTimeMs: 50 }),
    );
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      'Máy chủ đã dừng đọc tệp Excel này vì quá 0,1 giây chưa xong. Chưa lưu số liệu nào. Hãy tải biểu mẫu từ hệ thống, chỉ nhập số liệu vào các ô cần nhập rồi gửi lại.',
    );
  });

  it('should keep the event loop free while a heavy sheet is parsed in the worker', async () => {
    // 150,000 cells pass the guard and take the worker a while; each names an indicator the unit does
    // not lead, so the sheet is refused cell by cell. (The time limit has its own test above.)
    const heavy = await withParts(filled, [
      { name: 'xl/worksheets/sheet1.xml', data: sheetOfCells(15_000, 10) },
    ]);
    let longestPause = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      longestPause = Math.max(longestPause, Date.now() - last);
      last = Date.now();
    }, 10);
    const error = await refusal(readGuardedTemplateXlsx(heavy, EXPECTED)).finally(() =>
      clearInterval(ticker),
    );
    expect(error.code).toBe('TEMPLATE_INVALID');
    expect(error.message).toMatch(/^Biểu mẫu có \d+ ô không hợp lệ, chưa lưu số liệu nào\./);
    expect(longestPause).toBeLessThan(500);
  }, 30_000);

  it('should stop a worker that passes its memory cap, with a Vietnamese 413', async () => {
    const heavy = await withParts(filled, [
      { name: 'xl/worksheets/sheet1.xml', data: sheetOfCells(15_000, 10) },
    ]);
    const error = await refusal(
      readGuardedTemplateXlsx(heavy, EXPECTED, {
        ...TEMPLATE_LIMITS,
        parseMemoryMb: 16,
        parseTimeMs: 60_000,
      }),
    );
    expect(error.status).toBe(413);
    expect(error.message).toContain('Tệp Excel này cần quá nhiều bộ nhớ để đọc nên máy chủ đã dừng đọc.');
  }, 90_000);

  it('should answer "busy" beyond the templates read at once, and read again once they are done', async () => {
    const limits = { ...TEMPLATE_LIMITS, maxConcurrentParses: 1 };
    const first = readGuardedTemplateXlsx(filled, EXPECTED, limits);
    const second = await refusal(readGuardedTemplateXlsx(filled, EXPECTED, limits));
    expect(second.status).toBe(503);
    expect(second.message).toBe(
      'Máy chủ đang đọc các biểu mẫu khác. Vui lòng gửi lại sau ít phút; chưa lưu số liệu nào.',
    );
    await expect(first).resolves.toMatchObject({ values: [expect.objectContaining({ value: 84.5 })] });
    await expect(readGuardedTemplateXlsx(filled, EXPECTED, limits)).resolves.toBeDefined();
  }, 30_000);
});

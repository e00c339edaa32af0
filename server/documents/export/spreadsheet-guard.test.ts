import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { sheetOfCells, withParts, zipOf } from '../../test/xlsx-files';
import { guardSpreadsheet, SPREADSHEET_LIMITS } from './spreadsheet-guard';
import { readZipDirectory, ZipEntryCountError, ZipFormatError } from './zip-directory';

const SHEET = 'xl/worksheets/sheet1.xml';

/** The AppError a promise rejects with (fails the test when it resolves). */
const refusal = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('readZipDirectory', () => {
  it('should list every part of a real workbook with its sizes', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Chỉ tiêu').getCell('B2').value = 'Tỷ lệ hộ gia đình có internet';
    const entries = readZipDirectory(Buffer.from(await workbook.xlsx.writeBuffer()), 100);
    const sheet = entries.find((entry) => entry.name === SHEET)!;
    expect(sheet.method).toBe(8);
    expect(sheet.uncompressedSize).toBeGreaterThan(sheet.compressedSize);
    expect(entries.map((entry) => entry.name)).toContain('xl/workbook.xml');
  });

  it('should refuse what is not a zip, a truncated zip and too many entries', () => {
    expect(() => readZipDirectory(Buffer.from('không phải Excel'), 100)).toThrow(ZipFormatError);
    const zip = zipOf([{ name: 'a.xml', data: Buffer.from('<a/>') }]);
    expect(() => readZipDirectory(zip.subarray(0, zip.length - 5), 100)).toThrow(ZipFormatError);
    const damaged = Buffer.from(zip);
    damaged.writeUInt32LE(0xdeadbeef, 0); // the local header's signature
    expect(() => readZipDirectory(damaged, 100)).toThrow(ZipFormatError);
    const many = zipOf(
      Array.from({ length: 5 }, (_, n) => ({ name: `${n}.xml`, data: Buffer.from('<a/>') })),
    );
    expect(() => readZipDirectory(many, 4)).toThrow(ZipEntryCountError);
  });
});

describe('guardSpreadsheet', () => {
  let base: Buffer;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Chỉ tiêu');
    for (let row = 1; row <= 200; row++)
      for (let column = 1; column <= 10; column++) sheet.getCell(row, column).value = row * column;
    base = Buffer.from(await workbook.xlsx.writeBuffer());
  });

  it('should let an ordinary workbook through', async () => {
    await expect(guardSpreadsheet(base, SPREADSHEET_LIMITS)).resolves.toBeUndefined();
  });

  it('should refuse a zip bomb (80 MB of repeated cells) from its directory, before unpacking', async () => {
    const bomb = await withParts(base, [
      { name: SHEET, data: sheetOfCells(400_000, 13, { addresses: false }) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    const error = await refusal(guardSpreadsheet(bomb, SPREADSHEET_LIMITS));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.status).toBe(413);
    expect(error.message).toBe(
      'Tệp Excel quá lớn để đọc: phần "xl/worksheets/sheet1.xml" giải nén ra 78,6 MB, mỗi phần tối đa 10 MB. Hãy tải biểu mẫu từ hệ thống, chỉ nhập số liệu vào các ô cần nhập rồi gửi lại.',
    );
  }, 30_000);

  it('should refuse a bomb whose directory understates its size as damaged (unpacking stops at the claim)', async () => {
    const lying = zipOf([
      { name: SHEET, data: sheetOfCells(100_000, 13, { addresses: false }), declaredSize: 1000 },
    ]);
    const error = await refusal(guardSpreadsheet(lying, SPREADSHEET_LIMITS));
    expect(error.status).toBe(422);
    expect(error.code).toBe('UNREADABLE_DOCUMENT');
    expect(error.message).toContain('không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng');
    // A size overstated is as wrong as one understated.
    const padded = zipOf([{ name: SHEET, data: Buffer.from('<worksheet/>'), declaredSize: 5000 }]);
    expect((await refusal(guardSpreadsheet(padded, SPREADSHEET_LIMITS))).code).toBe('UNREADABLE_DOCUMENT');
  });

  it('should refuse all parts together above the total, and a part compressed beyond the ratio', async () => {
    const part = (n: number) => ({ name: `xl/media/image${n}.bin`, data: Buffer.alloc(6 * 1024 * 1024, n) });
    const total = await refusal(
      guardSpreadsheet(zipOf([1, 2, 3, 4].map(part)), { ...SPREADSHEET_LIMITS, maxRatio: Infinity }),
    );
    expect(total.status).toBe(413);
    expect(total.message).toContain('giải nén ra 24 MB, tối đa 20 MB');
    const ratio = await refusal(guardSpreadsheet(zipOf([part(1)]), SPREADSHEET_LIMITS));
    expect(ratio.status).toBe(413);
    expect(ratio.message).toMatch(/phần "xl\/media\/image1\.bin" bị nén [\d.]+ lần, tối đa 200 lần/);
  });

  it('should refuse a sheet with more cells than a template can have, though small once unpacked', async () => {
    const sheet = sheetOfCells(25_000, 10);
    expect(sheet.length).toBeLessThan(SPREADSHEET_LIMITS.maxEntryBytes);
    const error = await refusal(
      guardSpreadsheet(await withParts(base, [{ name: SHEET, data: sheet }]), SPREADSHEET_LIMITS),
    );
    expect(error.status).toBe(413);
    expect(error.message).toBe(
      'Tệp Excel quá lớn để đọc: có hơn 200.000 ô (tối đa 200.000 ô). Hãy tải biểu mẫu từ hệ thống, chỉ nhập số liệu vào các ô cần nhập rồi gửi lại.',
    );
  }, 30_000);

  it('should refuse a sheet that names a row far below any template, by its rows or its dimension', async () => {
    const far = Buffer.from(
      '<worksheet><sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>',
    );
    const error = await refusal(
      guardSpreadsheet(await withParts(base, [{ name: SHEET, data: far }]), SPREADSHEET_LIMITS),
    );
    expect(error.status).toBe(413);
    expect(error.message).toContain('một sheet có 1.048.576 dòng, tối đa 50.000 dòng');
    const dimension = Buffer.from('<worksheet><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>');
    const byDimension = await refusal(
      guardSpreadsheet(await withParts(base, [{ name: SHEET, data: dimension }]), SPREADSHEET_LIMITS),
    );
    expect(byDimension.message).toContain('1.048.576 dòng');
  });

  it('should refuse too many parts and too many shared strings', async () => {
    const parts = zipOf(
      Array.from({ length: 201 }, (_, n) => ({ name: `x/${n}.xml`, data: Buffer.from('<a/>') })),
    );
    const many = await refusal(guardSpreadsheet(parts, SPREADSHEET_LIMITS));
    expect(many.status).toBe(413);
    expect(many.message).toContain('có 201 thành phần, tối đa 200');
    const strings = Buffer.from(`<sst>${'<si><t>x</t></si>'.repeat(201)}</sst>`);
    const error = await refusal(
      guardSpreadsheet(zipOf([{ name: 'xl/sharedStrings.xml', data: strings }]), {
        ...SPREADSHEET_LIMITS,
        maxSharedStrings: 200,
      }),
    );
    expect(error.message).toContain('có hơn 200 đoạn chữ');
  });

  it('should refuse a damaged zip as unreadable (422)', async () => {
    const scrambled = Buffer.from(base);
    const sheet = readZipDirectory(base, 100).find((entry) => entry.name === SHEET)!;
    scrambled.fill(0xff, sheet.dataOffset, sheet.dataOffset + 64);
    for (const bytes of [
      Buffer.from('không phải Excel'),
      base.subarray(0, base.length - 30),
      base.subarray(100),
      scrambled,
    ]) {
      const error = await refusal(guardSpreadsheet(bytes, SPREADSHEET_LIMITS));
      expect(error.status).toBe(422);
      expect(error.message).toBe(
        'Tệp này không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng. Hãy tải biểu mẫu từ hệ thống, chỉ nhập số liệu vào các ô cần nhập rồi gửi lại.',
      );
    }
  });
});

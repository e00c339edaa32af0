/**
 * Table headers OCR damaged past reading a label, read from the rest of the table: a name column by its
 * contents, a year column by the run of the others, a column-numbering row by its shape.
 */
import { describe, expect, it } from 'vitest';
import { cell, type DocTable } from './document-model';
import { importPlanFromDocument } from './import-plan';
import { isColumnNumbering, repairYearRun } from './table-grid-header';
import { planDocumentOf } from './test-documents';

const PREAMBLE = [
  'ĐẢNG BỘ PHƯỜNG AN BÌNH',
  'Số: 12-KH/ĐU',
  'An Bình, ngày 20 tháng 10 năm 2025',
  'KẾ HOẠCH HÀNH ĐỘNG',
  'Thực hiện Nghị quyết số 57-NQ/TW',
];

const row = (...texts: string[]) => texts.map((text) => cell(text));
const YEARS = ['Năm 2025', 'Đến năm 2026', 'Đến năm 2027', 'Đến năm 2028', 'Đến năm 2029', 'Đến năm 2030'];
const BODY = [
  row('I', 'Phát triển hạ tầng số', '', '', '', '', '', '', ''),
  row(
    '1',
    'Tỷ lệ hộ gia đình có kết nối cáp quang băng rộng',
    'Phòng Văn hóa - Xã hội',
    '50%',
    '60%',
    '70%',
    '80%',
    '90%',
    '100%',
  ),
  row(
    '2',
    'Tỷ lệ người dân trưởng thành có điện thoại thông minh',
    'Phòng Kinh tế',
    '70%',
    '75%',
    '80%',
    '85%',
    '90%',
    '95%',
  ),
  row(
    '3',
    'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng',
    'Văn phòng HĐND&UBND',
    '80%',
    '85%',
    '90%',
    '95%',
    '100%',
    '100%',
  ),
];
const tableOf = (header: string[], body = BODY): DocTable => ({
  kind: 'table',
  rows: [row(...header), ...body],
});
const draftOf = (table: DocTable) => importPlanFromDocument(planDocumentOf('ocr', [table], PREAMBLE));

describe('a name label OCR damaged past reading ("Nụ dung")', () => {
  it('takes the column of long texts that are no agencies or targets for the names, in a table of plan columns', () => {
    const draft = draftOf(tableOf(['STT', 'Nụ dung', 'Chủ trì', ...YEARS]));
    expect(draft.indicators.map((i) => [i.name, i.lead, i.targets.length])).toEqual([
      ['Tỷ lệ hộ gia đình có kết nối cáp quang băng rộng', 'Phòng Văn hóa - Xã hội', 6],
      ['Tỷ lệ người dân trưởng thành có điện thoại thông minh', 'Phòng Kinh tế', 6],
      ['Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng', 'Văn phòng HĐND&UBND', 6],
    ]);
  });

  it('gives no column the names in a table without plan columns, nor a column of short texts', () => {
    const notes = tableOf(
      ['STT', 'Nụ dung', 'Ghi chú'],
      [
        row('1', 'Tỷ lệ hộ gia đình có kết nối cáp quang băng rộng', 'Xem phụ lục kèm theo văn bản'),
        row('2', 'Tỷ lệ người dân trưởng thành có điện thoại thông minh', 'Xem phụ lục kèm theo văn bản'),
      ],
    );
    expect(draftOf(notes).indicators).toEqual([]);
  });
});

describe('a year column OCR misread by one digit', () => {
  const yearsOf = (...list: number[]) => new Map(list.map((year, c) => [c + 3, { year, baseline: false }]));

  it('is read as the year the run of the other columns needs there, and says so', () => {
    const years = yearsOf(2025, 2026, 2027, 2026, 2029, 2030);
    expect(repairYearRun(years)).toEqual({ column: 6, printed: 2026, year: 2028 });
    expect([...years.values()].map((y) => y.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(repairYearRun(yearsOf(2025, 2030, 2035, 2046, 2045))).toEqual({
      column: 6,
      printed: 2046,
      year: 2040,
    });
  });

  it('leaves a whole run, a short one, two misfits, or a year more than one digit away', () => {
    for (const list of [
      [2025, 2026, 2027, 2028],
      [2025, 2026, 2026],
      [2025, 2026, 2021, 2026, 2029, 2030],
      [2025, 2026, 2027, 2035, 2029, 2030],
      [2024, 2025, 2030, 2035],
      [2025, 2026, 2027, 2028, 2029, 2036],
    ]) {
      const years = yearsOf(...list);
      expect(repairYearRun(years), list.join(' ')).toBeNull();
      expect([...years.values()].map((y) => y.year)).toEqual(list);
    }
  });

  it('reads the targets under it for that year, every row of the table flagged', () => {
    const draft = draftOf(
      tableOf(['STT', 'Chỉ tiêu', 'Chủ trì', ...YEARS.map((y) => y.replace('2028', '2026'))]),
    );
    const [first] = draft.indicators;
    expect(first?.targets.map((t) => [t.year, t.raw])).toEqual([
      [2025, '50%'],
      [2026, '60%'],
      [2027, '70%'],
      [2028, '80%'],
      [2029, '90%'],
      [2030, '100%'],
    ]);
    expect(draft.indicators.every((i) => i.review?.confident === false)).toBe(true);
    expect(first?.review?.reasons.join(' ')).toContain('được hiểu là năm 2028');
  });
});

describe('a column-numbering row OCR damaged', () => {
  it('is told by its short bracketed cells, not read as a row', () => {
    expect(isColumnNumbering(['G)', 'ma', 'G)', '(4)', '©)', '(6)', '(52)', '(6)', '', '(10)', '(1)'])).toBe(
      true,
    );
    expect(isColumnNumbering(['G)', '', 'G)', '(4)', '@)', '(6)', 'Ơ)', '(6)', '(9)', '(0)', '(1)'])).toBe(
      true,
    );
    const draft = draftOf(
      tableOf(
        ['STT', 'Chỉ tiêu', 'Chủ trì', ...YEARS],
        [row('G)', '(2)', 'G)', '(4)', '©)', '(6)', '(52)', '(8)', '(9)'), ...BODY],
      ),
    );
    expect(draft.indicators).toHaveLength(3);
  });

  it('adds nothing to the labels above it: the number column keeps its "TT", a group stays a group', () => {
    const table: DocTable = {
      kind: 'table',
      rows: [
        row('TT', 'Nội dung chỉ tiêu', 'ĐVT', 'Chủ trì', ...YEARS),
        row('G)', '(2)', 'G)', '(4)', '©)', '(6)', '(52)', '(8)', '(9)', '(10)'),
        row('I', 'Phát triển hạ tầng số', '', '', '', '', '', '', '', ''),
        row(
          '1',
          'Tỷ lệ hộ gia đình có kết nối cáp quang băng rộng',
          '%',
          'Phòng Văn hóa - Xã hội',
          '50%',
          '60%',
          '70%',
          '80%',
          '90%',
          '100%',
        ),
        row(
          '2',
          'Tỷ lệ người dân trưởng thành có điện thoại thông minh',
          '%',
          'Phòng Kinh tế',
          '70%',
          '75%',
          '80%',
          '85%',
          '90%',
          '95%',
        ),
      ],
    };
    expect(draftOf(table).indicators.map((i) => [i.code, i.group, i.targets.length])).toEqual([
      ['I.1', 'Phát triển hạ tầng số', 6],
      ['I.2', 'Phát triển hạ tầng số', 6],
    ]);
  });

  it('leaves rows of values or names alone, a bracketed unit or figure among them', () => {
    expect(isColumnNumbering(['1', 'Tỷ lệ (%)', 'Phòng Kinh tế', '(3%)', 'Duy trì (3%)', '(3%)'])).toBe(
      false,
    );
    expect(isColumnNumbering(['(a)', '(b)', 'Nội dung', 'Ghi chú'])).toBe(false);
  });
});

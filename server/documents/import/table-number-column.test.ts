import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocCell, cell as docCell } from './document-model';
import { importPlanFromDocument } from './import-plan';
import { numberColumnByContent } from './table-row-numbers';
import { planDocumentOf } from './test-documents';

// The number column found by what its cells hold when OCR damaged its label. Generated tables only.

/** "STT" as OCR may print it, readable or not. */
const damagedLabel = fc.constantFrom(
  'ST 4k',
  'S T',
  '5TT',
  'ST|',
  'Sl T',
  'TT.',
  'Số',
  '8TT',
  'ST 4',
  '',
  '—',
);

const NAME_WORDS = [
  'Tỷ lệ',
  'hộ gia đình',
  'sử dụng',
  'dịch vụ công',
  'trực tuyến',
  'đạt chuẩn',
  'người dân',
];
const name = fc
  .array(fc.constantFrom(...NAME_WORDS), { minLength: 3, maxLength: 6 })
  .map((words) => words.join(' ').replace(/^./, (c) => c.toUpperCase()));
const GROUPS = ['Hạ tầng số', 'Chính quyền số', 'Kinh tế số', 'Xã hội số', 'Nguồn nhân lực số'];

/** Groups I, II … each with 1..4 rows numbered from 1, OCR reading a numeral now and then as a letter. */
const body = fc.array(fc.array(name, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 4 });

describe('the number column of a table whose "STT" label OCR damaged', () => {
  it('is found by its counting cells: group headings stay headings, rows keep their numbers', () => {
    fc.assert(
      fc.property(damagedLabel, body, fc.boolean(), (label, groups, misreadNumeral) => {
        const rows: DocCell[][] = [
          [
            '' === label ? ' ' : label,
            'Chỉ tiêu',
            'Đơn vị tính',
            'Năm 2026',
            'Năm 2030',
            'Cơ quan chủ trì',
          ].map((text) => docCell(text)),
        ];
        const romans = ['I', 'II', 'III', 'IV'];
        groups.forEach((names, g) => {
          const numeral = misreadNumeral && g === 1 ? 'H' : (romans[g] as string);
          rows.push([docCell(numeral), docCell(GROUPS[g] as string, 5)]);
          names.forEach((n, i) => {
            rows.push(
              [String(i + 1), `${n} ${g}.${i}`, '%', `${50 + i}%`, `${80 + i}%`, 'Phòng Kinh tế'].map(
                (text) => docCell(text),
              ),
            );
          });
        });
        const doc = planDocumentOf('ocr', [{ kind: 'table', rows }]);
        const draft = importPlanFromDocument(doc);
        const expected = groups.flatMap((names, g) => names.map((n, i) => `${n} ${g}.${i}`));
        expect(draft.indicators.map((indicator) => indicator.name)).toEqual(expected);
        for (const indicator of draft.indicators) expect(indicator.code).toMatch(/^[IVXH]+\.\d+$/);
      }),
      { numRuns: 40 },
    );
  });

  it('is never a column of values, however they read as numbers', () => {
    const value = fc.oneof(
      fc.integer({ min: 2, max: 100 }).map(String),
      fc.integer({ min: 2, max: 100 }).map((n) => `${n}%`),
      fc.constantFrom('Duy trì', '≥ 80', '100'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 3, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        (columns) => {
          // Values that happen to count on (5, 6, 7) are left out: a column that counts is a number column.
          fc.pre(
            columns.every((cells) =>
              cells.every(
                (cell, i) => i === 0 || Number(cell) !== Number(cells[i - 1]) + 1 || !/^\d+$/.test(cell),
              ),
            ),
          );
          expect(numberColumnByContent(columns, -1)).toBe(-1);
        },
      ),
    );
  });

  it('looks only left of the name column, and finds numbers damaged by OCR ("l0", "m", roman headings between)', () => {
    const numbers = ['I', '1', '2', '3', 'H', '1', '2', 'l0', 'm', '1'];
    expect(numberColumnByContent([numbers, ['a', 'b', 'c']], 1)).toBe(0);
    expect(numberColumnByContent([['Tên'], numbers], 0)).toBe(-1);
    expect(numberColumnByContent([['Tỷ lệ', 'Số hộ', 'Người dân', 'Cán bộ'], numbers], -1)).toBe(1);
  });
});

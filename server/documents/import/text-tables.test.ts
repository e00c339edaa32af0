import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DocTable, documentText, type ReadDocument, textDocument } from './document-model';
import { readDocxDocument } from './docx-reader';
import { scoreLabel } from './header-roles';
import { readPlanDocument } from './import-document';
import { extractIndicatorsFromTables } from './indicator-extractor';
import { interpretTables } from './table-interpreter';
import type { Column, Table, TableRow } from './table-reader';
import { emptyColumns } from './text-aligned-columns';
import { readMarker, readRowNumber } from './text-row-markers';
import { splitHeaderLabels } from './text-table-labels';
import { UNSURE_SPLIT } from './text-table-rows';
import { detectTextTables } from './text-tables';

const tablesOf = (text: string): DocTable[] =>
  detectTextTables(textDocument(text, 'text')).blocks.filter(
    (block): block is DocTable => block.kind === 'table',
  );
const cellsOf = (table: DocTable | undefined): string[][] =>
  (table?.rows ?? []).map((row) => row.map((cell) => cell.text));

describe('splitHeaderLabels', () => {
  it('splits a running header into one label per column, each year a column', () => {
    const columns = splitHeaderLabels(
      'Stt Chỉ tiêu / Mốc thời gian Mức năm 2025 (Cơ sở) 2026 2027 Mức năm 2030 (Đích) Đơn vị chủ trì Cá nhân/Cơ quan thực hiện Đơn vị phối hợp',
    );
    expect(columns.map((column) => [column.role, column.label])).toEqual([
      ['number', 'Stt'],
      ['name', 'Chỉ tiêu / Mốc thời gian'],
      ['value', 'Mức năm 2025 (Cơ sở)'],
      ['value', '2026'],
      ['value', '2027'],
      ['value', 'Mức năm 2030 (Đích)'],
      ['lead', 'Đơn vị chủ trì'],
      ['executor', 'Cá nhân/Cơ quan thực hiện'],
      ['coordinating', 'Đơn vị phối hợp'],
    ]);
  });

  it('reads a label whose "m" OCR printed as "rn" ("Nhiệrn vụ")', () => {
    expect(splitHeaderLabels('STT Nhiệrn vụ Chủ trì Phối hợp').map((column) => column.role)).toEqual([
      'number',
      'name',
      'lead',
      'coordinating',
    ]);
    expect(scoreLabel('Nhiệrn vụ').name).toBeGreaterThan(0);
    expect(scoreLabel('Nhiệrn vụ').name).toBe(scoreLabel('Nhiệm vụ').name);
  });

  it('folds a group label over the years into each year', () => {
    const columns = splitHeaderLabels('TT Nội dung Mục tiêu theo năm 2026 2030 Thời gian hoàn thành');
    expect(columns.map((column) => column.label)).toEqual([
      'TT',
      'Nội dung',
      'Mục tiêu theo năm 2026',
      'Mục tiêu theo năm 2030',
      'Thời gian hoàn thành',
    ]);
  });
});

describe('a bare "Đơn vị" label', () => {
  it('is the unit column right before the year columns, and no column of its own elsewhere', () => {
    expect(
      splitHeaderLabels('STT Tên chỉ tiêu Đơn vị Năm 2026 Năm 2030 Cơ quan chủ trì').map((c) => [
        c.role,
        c.label,
      ]),
    ).toEqual([
      ['number', 'STT'],
      ['name', 'Tên chỉ tiêu'],
      ['unit', 'Đơn vị'],
      ['value', 'Năm 2026'],
      ['value', 'Năm 2030'],
      ['lead', 'Cơ quan chủ trì'],
    ]);
    expect(splitHeaderLabels('STT Nhiệm vụ Đơn vị chủ trì Thời gian').map((c) => c.role)).toEqual([
      'number',
      'name',
      'lead',
      'deadline',
    ]);
  });
});

describe('readRowNumber', () => {
  it.each([
    ['1', '1'],
    ['12.', '12'],
    ['2.10', '2.10'],
    ['l0', '10'],
    ['1O', '10'],
    ['I1', '11'],
    ['100%', null],
    ['2025', null],
    ['Tỷ', null],
  ])('%s → %s', (printed, number) => {
    expect(readRowNumber(printed)).toBe(number);
  });
});

describe('detectTextTables on tables written as text', () => {
  it('reads "|"-separated rows, drops rule lines and keeps section rows spanning', () => {
    const tables = tablesOf(
      [
        'PHỤ LỤC I',
        '| STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2030 | Đơn vị chủ trì |',
        '|-----|----------|-------------|----------|----------|----------------|',
        '| I | Hạ tầng số |',
        '| 1 | Tỷ lệ phủ sóng 5G | % | 60% | 100% | Phòng Văn hóa - Xã hội |',
        '|_____|__________|',
        '| 2 | Tỷ lệ hộ có cáp quang | % | 80% | 95% | Phòng Kinh tế |',
        'Nơi nhận:',
      ].join('\n'),
    );
    expect(tables).toHaveLength(1);
    expect(cellsOf(tables[0])).toEqual([
      ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Năm 2026', 'Năm 2030', 'Đơn vị chủ trì'],
      ['I', 'Hạ tầng số'],
      ['1', 'Tỷ lệ phủ sóng 5G', '%', '60%', '100%', 'Phòng Văn hóa - Xã hội'],
      ['2', 'Tỷ lệ hộ có cáp quang', '%', '80%', '95%', 'Phòng Kinh tế'],
    ]);
    expect(tables[0]?.rows[1]?.[1]?.colSpan).toBe(5);
  });

  it('reads columns aligned with spaces, joining wrapped names and reading damaged numbers', () => {
    const tables = tablesOf(
      [
        'TT   Nội dung nhiệm vụ                 Thời gian        Đơn vị chủ trì',
        'l    Xây dựng kho dữ liệu số           Quý II/2026      Văn phòng UBND',
        '     dùng chung của xã',
        '2    Số hóa hồ sơ hộ tịch              Năm 2027         Công chức Tư pháp',
        '3    Tập huấn kỹ năng số cho           Hằng năm         Phòng Văn hóa - Xã hội',
        '     cán bộ, công chức',
        '- 4 -',
        'l0   Đánh giá, báo cáo kết quả         Quý IV/2030      Văn phòng UBND',
      ].join('\n'),
    );
    expect(cellsOf(tables[0])).toEqual([
      ['TT', 'Nội dung nhiệm vụ', 'Thời gian', 'Đơn vị chủ trì'],
      ['1', 'Xây dựng kho dữ liệu số dùng chung của xã', 'Quý II/2026', 'Văn phòng UBND'],
      ['2', 'Số hóa hồ sơ hộ tịch', 'Năm 2027', 'Công chức Tư pháp'],
      ['3', 'Tập huấn kỹ năng số cho cán bộ, công chức', 'Hằng năm', 'Phòng Văn hóa - Xã hội'],
      ['10', 'Đánh giá, báo cáo kết quả', 'Quý IV/2030', 'Văn phòng UBND'],
    ]);
  });

  it('reads a flowed table, one cell per line, with header labels above and below "STT"', () => {
    const tables = tablesOf(
      [
        'Mức năm',
        'STT Chỉ tiêu',
        '2025 (Cơ sở)',
        '2030',
        'Đơn vị chủ trì',
        'Đơn vị phối hợp',
        'I Chính quyền số',
        '1',
        'Tỷ lệ hồ sơ xử lý',
        'trực tuyến',
        '≥ 60%',
        'Duy trì',
        '100%',
        'Trung tâm Phục vụ',
        'hành chính công',
        'Công an xã; Văn phòng',
        'HĐND và UBND',
        '- Nhóm dịch vụ',
        '2',
        'Người dân có tài khoản định danh điện tử',
        '70% 90%',
        'Công an xã',
        'Trung tâm Phục vụ hành chính công',
        'TM. ỦY BAN NHÂN DÂN',
      ].join('\n'),
    );
    expect(cellsOf(tables[0])).toEqual([
      ['STT', 'Chỉ tiêu', 'Mức năm 2025 (Cơ sở)', '2030', 'Đơn vị chủ trì', 'Đơn vị phối hợp'],
      ['I', 'Chính quyền số'],
      [
        '1',
        'Tỷ lệ hồ sơ xử lý trực tuyến',
        '≥ 60%',
        'Duy trì 100%',
        'Trung tâm Phục vụ hành chính công',
        'Công an xã; Văn phòng HĐND và UBND',
      ],
      ['-', 'Nhóm dịch vụ'],
      [
        '2',
        'Người dân có tài khoản định danh điện tử',
        '70%',
        '90%',
        'Công an xã',
        'Trung tâm Phục vụ hành chính công',
      ],
    ]);
  });

  it('skips a column numbering flowed a number a line, with a page number inside it, and ends at the next appendix', () => {
    const tables = tablesOf(
      [
        'TT',
        'Nội dung chỉ tiêu',
        'ĐVT',
        '2025',
        '2030',
        'Chủ trì',
        '(1)',
        '(2)',
        '(3)',
        '7',
        '(4)',
        '(5)',
        '(6)',
        '1',
        'Tỷ lệ trường học có Wi-Fi',
        '%',
        '80%',
        '100%',
        'Phòng Văn hóa - Xã hội',
        '2',
        'Tỷ lệ hồ sơ được số hóa (theo',
        'Phụ lục số 01)',
        '%',
        '50%',
        '90%',
        'Văn phòng HĐND và UBND',
        '',
        '         Phụ lục số 02',
        'Danh mục nhiệm vụ',
        'TT',
        'Nội dung nhiệm vụ',
        'Chủ trì',
        '1',
        'Lắp đặt Wi-Fi tại các trường học',
        'Phòng Văn hóa - Xã hội',
        '2',
        'Số hóa hồ sơ lưu trữ',
        'Văn phòng HĐND và UBND',
      ].join('\n'),
    );
    expect(cellsOf(tables[0])).toEqual([
      ['TT', 'Nội dung chỉ tiêu', 'ĐVT', '2025', '2030', 'Chủ trì'],
      ['1', 'Tỷ lệ trường học có Wi-Fi', '%', '80%', '100%', 'Phòng Văn hóa - Xã hội'],
      // A wrapped cell that starts at the margin with "Phụ lục số 01" does not end the table.
      ['2', 'Tỷ lệ hồ sơ được số hóa (theo Phụ lục số 01)', '%', '50%', '90%', 'Văn phòng HĐND và UBND'],
    ]);
    // The second appendix's "TT" is not read as the first table's header repeated on a new page.
    expect(tables.flatMap(cellsOf).some((row) => row.includes('Lắp đặt Wi-Fi tại các trường học'))).toBe(
      false,
    );
  });

  it('reads a header that goes on over a page break, its page number between two labels', () => {
    const tables = tablesOf(
      [
        'TT',
        'Nhiệm vụ',
        'Đơn vị chủ trì',
        '',
        '7',
        '',
        'Thời gian thực hiện',
        '1',
        'Lắp đặt Wi-Fi tại các trường học',
        'Phòng Văn hóa - Xã hội',
        'Quý IV/2026',
        '2',
        'Số hóa hồ sơ lưu trữ',
        'Văn phòng HĐND và UBND',
        'Năm 2027',
      ].join('\n'),
    );
    expect(cellsOf(tables[0])).toEqual([
      ['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian thực hiện'],
      ['1', 'Lắp đặt Wi-Fi tại các trường học', 'Phòng Văn hóa - Xã hội', 'Quý IV/2026'],
      ['2', 'Số hóa hồ sơ lưu trữ', 'Văn phòng HĐND và UBND', 'Năm 2027'],
    ]);
  });

  it('keeps the table title that names a resolution out of the header printed below it', () => {
    const tables = tablesOf(
      [
        'DANH MỤC CHỈ TIÊU THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW',
        'STT',
        'Nội dung',
        'Chủ trì',
        'Đơn vị tính',
        'Năm 2025',
        'Đến năm 2030',
        '1',
        'Tỷ lệ hồ sơ giải quyết trực tuyến',
        'Văn phòng HĐND và UBND',
        '%',
        '60%',
        '100%',
      ].join('\n'),
    );
    expect(cellsOf(tables[0])).toEqual([
      ['STT', 'Nội dung', 'Chủ trì', 'Đơn vị tính', 'Năm 2025', 'Đến năm 2030'],
      ['1', 'Tỷ lệ hồ sơ giải quyết trực tuyến', 'Văn phòng HĐND và UBND', '%', '60%', '100%'],
    ]);
  });

  it('keeps a unit sign ("%") in the unit column when a row has fewer targets than years', () => {
    const tables = tablesOf(
      [
        'TT Chỉ tiêu Đơn vị tính Năm 2025 Năm 2030 Cơ quan chủ trì',
        '1  Tỷ lệ hồ sơ trực tuyến   %   80   100   Trung tâm HCC',
        '2  Tỷ lệ thôn có cáp quang   %   100   Phòng Văn hóa - Xã hội',
        '3  Tỷ lệ trường có Wi-Fi   %   70   90   Phòng Văn hóa - Xã hội',
        'TM. ỦY BAN NHÂN DÂN',
      ].join('\n'),
    );
    expect(cellsOf(tables[0])[2]?.slice(0, 3)).toEqual(['2', 'Tỷ lệ thôn có cáp quang', '%']);
  });

  it('reads a note in parentheses on the line after a figure as the next target, not a lost cell', () => {
    const tables = tablesOf(
      [
        'STT Chỉ tiêu',
        '2025',
        '2026',
        '2027',
        'Đơn vị chủ trì',
        '1',
        'Tỷ lệ trạm y tế có Internet',
        '100%',
        'Duy trì',
        '100%',
        '(Đã đạt)',
        'Trạm Y tế',
        '2',
        'Tỷ lệ trường học có Wi-Fi',
        '80%',
        '90%',
        '100%',
        'Trung tâm',
        '(chủ trì)',
      ].join('\n'),
    );
    expect(cellsOf(tables[0]).slice(1)).toEqual([
      ['1', 'Tỷ lệ trạm y tế có Internet', '100%', 'Duy trì 100%', '(Đã đạt)', 'Trạm Y tế'],
      // After a word, a note in parentheses stays with the cell above.
      ['2', 'Tỷ lệ trường học có Wi-Fi', '80%', '90%', '100%', 'Trung tâm (chủ trì)'],
    ]);
  });

  it('reads rows flowed onto one line each, cells separated by single spaces', () => {
    const tables = tablesOf(
      [
        'TT Chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì',
        'I Đến năm 2025',
        '1 Dân số trưởng thành tiếp cận dịch vụ số. % 80 Phòng Văn hóa - Xã hội',
        '2 Hồ sơ thủ tục hành chính xử lý trực tuyến. % ≥ 92 Trung tâm phục vụ hành chính công',
        'II Đến hết năm 2030',
        '3 Cơ sở dữ liệu được số hóa. % 100 Trung tâm phục vụ hành chính công',
      ].join('\n'),
    );
    expect(cellsOf(tables[0]).slice(1)).toEqual([
      ['I', 'Đến năm 2025'],
      ['1', 'Dân số trưởng thành tiếp cận dịch vụ số.', '%', '80', 'Phòng Văn hóa - Xã hội'],
      ['2', 'Hồ sơ thủ tục hành chính xử lý trực tuyến.', '%', '≥ 92', 'Trung tâm phục vụ hành chính công'],
      ['II', 'Đến hết năm 2030'],
      ['3', 'Cơ sở dữ liệu được số hóa.', '%', '100', 'Trung tâm phục vụ hành chính công'],
    ]);
  });

  it('drops a header repeated on a new page and the page number before it', () => {
    const header = 'STT\tNội dung\tThời gian\tĐơn vị chủ trì';
    const tables = tablesOf(
      [
        header,
        '1\tRà soát thủ tục\tQuý I/2026\tVăn phòng UBND',
        '7',
        header,
        '2\tCập nhật cổng thông tin\tHằng tháng\tVăn phòng UBND',
      ].join('\n'),
    );
    expect(tables).toHaveLength(1);
    expect(cellsOf(tables[0]).map((row) => row[0])).toEqual(['STT', '1', '2']);
  });

  it('leaves a text without a table header as paragraphs', () => {
    const doc = textDocument('KẾ HOẠCH\n1. Mục đích\nTriển khai đúng tiến độ.', 'text');
    expect(detectTextTables(doc)).toEqual(doc);
  });

  it('leaves an OCR page read across all columns as paragraphs (its rows do not read in order)', () => {
    const text = readFileSync(
      resolve(import.meta.dirname, '../../test/fixtures/seeds/000_bd3d5bbc84b55fc1.txt'),
      'utf8',
    );
    expect(tablesOf(text)).toEqual([]);
  });
});

// --- property test: random tables written as aligned text and as flowed text are read back -------------

/** A small deterministic random generator (mulberry32), so that a failure can be replayed. */
const random = (seed: number) => () => {
  seed += 0x6d2b79f5;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const NAMES = [
  'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến',
  'Người dân có tài khoản định danh điện tử',
  'Tỷ lệ doanh nghiệp ứng dụng công nghệ số',
  'Cán bộ, công chức được bồi dưỡng kỹ năng số',
  'Hộ gia đình có đường truyền cáp quang',
  'Trường học triển khai học bạ số',
  'Giao dịch thanh toán không dùng tiền mặt',
];
const LEADS = [
  'Phòng Văn hóa - Xã hội',
  'Trung tâm Phục vụ hành chính công',
  'Công an xã',
  'Văn phòng HĐND và UBND',
  'Phòng Kinh tế',
];
const NAME_LABELS = ['Chỉ tiêu', 'Nội dung', 'Tên chỉ tiêu', 'Chỉ tiêu cụ thể'];
const LEAD_LABELS = ['Đơn vị chủ trì', 'Cơ quan chủ trì', 'Chủ trì'];
const COORD_LABELS = ['Đơn vị phối hợp', 'Cơ quan phối hợp', 'Phối hợp'];

type Spec = {
  header: string[];
  rows: Array<{ number: string; cells: string[] } | { section: string; text: string }>;
};

const makeSpec = (next: () => number): Spec => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const years = [2026, 2027, 2028, 2029, 2030].slice(0, 2 + Math.floor(next() * 3));
  const tail = next() < 0.5 ? ['lead', 'coord'] : ['coord', 'lead'];
  const header = [
    pick(['STT', 'TT', 'Stt']),
    pick(NAME_LABELS),
    ...years.map((year) => (next() < 0.5 ? `Năm ${year}` : String(year))),
    ...tail.map((kind) => (kind === 'lead' ? pick(LEAD_LABELS) : pick(COORD_LABELS))),
  ];
  const style = pick(['restart', 'running', 'dotted']);
  const rows: Spec['rows'] = [];
  let running = 0;
  for (let group = 1; group <= 2; group++) {
    rows.push({
      section: ['I', 'II'][group - 1] as string,
      text: pick(['Chính quyền số', 'Kinh tế số', 'Xã hội số']),
    });
    const count = 1 + Math.floor(next() * 3);
    for (let k = 1; k <= count; k++) {
      running++;
      const number =
        style === 'restart' ? String(k) : style === 'running' ? String(running) : `${group}.${k}`;
      const base = 40 + Math.floor(next() * 40);
      rows.push({
        number,
        cells: [
          pick(NAMES),
          ...years.map(
            (_, index) => `${index === 0 && next() < 0.5 ? '≥ ' : ''}${Math.min(100, base + index * 5)}%`,
          ),
          ...tail.map((kind) => (kind === 'lead' ? pick(LEADS) : `${pick(LEADS)}; Công an xã`)),
        ],
      });
    }
  }
  return { header, rows };
};

/** Writes the table with its columns at fixed character positions, names wrapped at a word. */
const writeAligned = (spec: Spec, next: () => number): string => {
  const widths = spec.header.map((label, index) =>
    Math.max(
      label.length,
      ...spec.rows.map(
        (row) => ('cells' in row ? (index === 0 ? row.number : (row.cells[index - 1] ?? '')) : '').length,
      ),
    ),
  );
  const wrapAt = 18 + Math.floor(next() * 10);
  widths[1] = Math.max(wrapAt + 12, (spec.header[1] ?? '').length);
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => cell.padEnd((widths[index] ?? 0) + 3))
      .join('')
      .trimEnd();
  const out = [line(spec.header)];
  for (const row of spec.rows) {
    if ('section' in row) {
      out.push(line([row.section, row.text]));
      continue;
    }
    const name = row.cells[0] ?? '';
    const cut = name.indexOf(' ', wrapAt);
    const first = cut > 0 ? name.slice(0, cut) : name;
    out.push(line([row.number, first, ...row.cells.slice(1)]));
    if (cut > 0) out.push(line(['', name.slice(cut + 1)]));
  }
  return out.join('\n');
};

/** Writes the table flowed: the header on a few lines, every cell on its own line(s). */
const writeFlowed = (spec: Spec): string => {
  const out = [spec.header.slice(0, 2).join(' '), ...spec.header.slice(2)];
  for (const row of spec.rows) {
    if ('section' in row) {
      out.push(`${row.section} ${row.text}`);
      continue;
    }
    out.push(row.number);
    const [name = '', ...rest] = row.cells;
    const words = name.split(' ');
    out.push(words.slice(0, 4).join(' '));
    if (words.length > 4) out.push(words.slice(4).join(' '));
    out.push(...rest);
  }
  return out.join('\n');
};

const expected = (spec: Spec): string[][] => [
  spec.header,
  ...spec.rows.map((row) => ('section' in row ? [row.section, row.text] : [row.number, ...row.cells])),
];

describe('detectTextTables reads back random tables', () => {
  for (let seed = 1; seed <= 30; seed++) {
    it(`table ${seed} written aligned and flowed`, () => {
      const next = random(seed);
      const spec = makeSpec(next);
      const aligned = cellsOf(tablesOf(writeAligned(spec, next))[0]);
      expect(aligned.slice(1)).toEqual(expected(spec).slice(1));
      const flowed = cellsOf(tablesOf(writeFlowed(spec))[0]);
      expect(flowed.slice(1)).toEqual(expected(spec).slice(1));
      expect(flowed[0]?.length).toBe(spec.header.length);
    });
  }
});

// --- documents -------------------------------------------------------------------------------------------

describe('a DOCX whose table is only paragraphs of text', () => {
  it('reads the paragraphs back as a table', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const lines = [
      'PHỤ LỤC I',
      'TT Chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì',
      'I Đến năm 2026',
      '1 Hồ sơ thủ tục hành chính xử lý trực tuyến. % ≥ 92 Trung tâm phục vụ hành chính công',
      '2 Dân số trưởng thành có tài khoản định danh điện tử. % 85 Công an xã',
    ];
    const file = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
    const doc: ReadDocument = await readDocxDocument(new Uint8Array(await Packer.toBuffer(file)));
    expect(doc.blocks.some((block) => block.kind === 'table')).toBe(false);
    const tables = detectTextTables(doc).blocks.filter((block): block is DocTable => block.kind === 'table');
    expect(cellsOf(tables[0]).slice(2)).toEqual([
      ['1', 'Hồ sơ thủ tục hành chính xử lý trực tuyến.', '%', '≥ 92', 'Trung tâm phục vụ hành chính công'],
      ['2', 'Dân số trưởng thành có tài khoản định danh điện tử.', '%', '85', 'Công an xã'],
    ]);
    // The old text steps read the table as one tab-separated line per row.
    expect(documentText({ ...doc, blocks: tables })).toContain(
      '1\tHồ sơ thủ tục hành chính xử lý trực tuyến.\t%',
    );
  });
});

describe('the seed documents read through detectTextTables', () => {
  const SEEDS = resolve(import.meta.dirname, '../../test/fixtures/seeds');
  it.each([
    ['002_fd7da9144eb7c425', 25],
    ['004_f65c0da7dbd96e8d', 9],
    ['000_bd3d5bbc84b55fc1', 25],
  ])('%s keeps its %i indicators', async (stem, indicators) => {
    const { draft } = await readPlanDocument(readFileSync(join(SEEDS, `${stem}.txt`)));
    expect(draft.indicators).toHaveLength(indicators);
  });
});

describe('rows whose cells were split by guess', () => {
  const flowed = [
    'STT Chỉ tiêu',
    '2025',
    '2030',
    'Đơn vị chủ trì',
    '1',
    'Tỷ lệ hồ sơ xử lý trực tuyến',
    '60%',
    '100%',
    'Văn phòng UBND',
    '2',
    'Người dân có tài khoản định danh điện tử',
    '70% 80% 85% 90%',
    'Công an xã',
    '3',
    'Cơ sở dữ liệu được số hóa',
    '50%',
    '100%',
    'Văn phòng UBND',
    '4',
    'Doanh nghiệp ứng dụng công nghệ số',
    '20%',
    '40%',
    'Phòng Kinh tế',
    'TM. ỦY BAN NHÂN DÂN',
  ].join('\n');

  it('marks the table as rebuilt from text and names the rows whose split did not read cleanly', () => {
    const table = tablesOf(flowed)[0];
    expect(table?.fromText).toBe(true);
    // Row 1 (the header is row 0) reads cleanly; row 2 has four figures for two year columns.
    expect(Object.keys(table?.rowReasons ?? {})).toEqual(['2']);
    expect(table?.rowReasons?.[2]?.[0]).toBe(UNSURE_SPLIT);
  });

  it('passes those reasons to the rows the interpreter reads, which the importer then flags', () => {
    const table = tablesOf(flowed)[0] as DocTable;
    const rows = interpretTables([table]).tables[0]?.rows ?? [];
    const body = rows.filter((row) => row.kind === 'row');
    expect(body.map((row) => (row.kind === 'row' ? (row.reasons ?? []) : []))).toEqual([
      [],
      [UNSURE_SPLIT],
      [],
      [],
    ]);
  });

  it('a table read from real cells carries no such marks', () => {
    const table = tablesOf(
      ['STT\tNội dung\tThời gian\tĐơn vị chủ trì', '1\tRà soát\tQuý I/2026\tVăn phòng UBND'].join('\n'),
    )[0];
    expect(table?.rowReasons).toBeUndefined();
  });
});

describe('aligned tables printed as a grid (pdftotext -layout)', () => {
  // Rows lettered a, b; wrapped cells indented to their column; "Tổ chức thực hiện" over two columns.
  const grid = [
    'STT    Tên nhiệm vụ                    Tổ chức thực hiện                  Thời hạn',
    '                                       Cơ quan chủ trì   Cơ quan phối hợp',
    '(1)    (2)                             (3)               (4)              (5)',
    '       Rà soát hạ tầng nhà văn hóa     Phòng Kinh tế,',
    'a      của các tổ dân phố và lắp đặt   Hạ tầng và Đô     Doanh nghiệp     Quý IV/2025',
    '       cáp quang tốc độ cao            thị               viễn thông',
    '       Làm việc với các nhà mạng',
    '       để lắp đặt trạm phát sóng 5G,',
    'b      bảo đảm độ phủ sóng theo        Công an xã        Văn phòng UBND   Quý I/2030',
    '       lộ trình',
    '       Tuyên truyền, vận động người',
    'c      dân dùng gói cước tốc độ cao    Trung tâm HCC     Công an xã       Hằng năm',
    'TM. ỦY BAN NHÂN DÂN',
  ].join('\n');

  it('reads rows lettered a, b, c and wrapped cells indented to their column', () => {
    const rows = cellsOf(tablesOf(grid)[0]);
    expect(rows.map((row) => row[0])).toEqual(['STT', 'a', 'b', 'c']);
    expect(rows[1]).toEqual([
      'a',
      'Rà soát hạ tầng nhà văn hóa của các tổ dân phố và lắp đặt cáp quang tốc độ cao',
      'Phòng Kinh tế, Hạ tầng và Đô thị',
      'Doanh nghiệp viễn thông',
      'Quý IV/2025',
    ]);
  });

  it('gives a column under a group label the role of its own label', () => {
    const header = interpretTables(tablesOf(grid)).tables[0]?.header.columns ?? [];
    expect(header.map((column) => column.role)).toEqual([
      'number',
      'name',
      'lead',
      'coordinating',
      'deadline',
    ]);
  });

  it('reads a bare letter as a row number, but not a letter with its bracket (a group) nor l/i/o', () => {
    expect(readRowNumber('a')).toBe('a');
    expect(readRowNumber('đ')).toBe('đ');
    expect(readRowNumber('l')).toBe('1');
    expect(readRowNumber('o')).toBeNull();
    expect(readMarker('a) Nhóm dịch vụ công')?.kind).toBe('group');
    expect(readMarker('b 100% nhà văn hóa kết nối Internet')).toEqual({
      kind: 'number',
      number: 'b',
      rest: '100% nhà văn hóa kết nối Internet',
    });
  });
});

describe('merged headers and numbered groups in flowed tables', () => {
  it('puts columns under a group label in the group label place, whatever order the header rows were read in', () => {
    const columns = splitHeaderLabels(
      'TT Nội dung nhiệm vụ Đơn vị thực hiện Sản phẩm Tiến độ Chủ trì Phối hợp',
    ).map((column) => column.role);
    expect(columns).toEqual(['number', 'name', 'lead', 'coordinating', 'output', 'deadline']);
    const indicator = splitHeaderLabels(
      'TT Nội dung chỉ tiêu ĐVT Mục tiêu theo năm Đơn vị thực hiện 2025 2030 Chủ trì Phối hợp',
    );
    expect(indicator.map((column) => [column.role, column.label])).toEqual([
      ['number', 'TT'],
      ['name', 'Nội dung chỉ tiêu'],
      ['unit', 'ĐVT'],
      ['value', 'Mục tiêu theo năm 2025'],
      ['value', 'Mục tiêu theo năm 2030'],
      ['lead', 'Chủ trì'],
      ['coordinating', 'Phối hợp'],
    ]);
    // A real "thực hiện" column with no lead column after it stays.
    expect(splitHeaderLabels('STT Nội dung Đơn vị thực hiện Thời gian').map((c) => c.role)).toEqual([
      'number',
      'name',
      'executor',
      'deadline',
    ]);
  });

  it('reads a numbered group row as a name alone, and a figure alone on its line as a cell, not a row', () => {
    const lines = [
      'TT',
      'Nội dung chỉ tiêu',
      'ĐVT',
      '2025',
      '2030',
      'Chủ trì',
      '1',
      'Phát triển nguồn lực',
      '1.1',
      'Dân số trưởng thành tiếp cận dịch vụ số',
      '%',
      '80',
      '100',
      'Phòng Văn hóa - Xã hội',
      '1.2',
      'Cơ sở dữ liệu được số hóa',
      '%',
      '70',
      '90',
      'Trung tâm HCC',
      '2',
      'Phát triển chuyển đổi số',
      '2.1',
      'Hồ sơ xử lý trực tuyến',
      '%',
      '60',
      '100',
      'Trung tâm HCC',
      'TM. ỦY BAN NHÂN DÂN',
    ];
    const rows = cellsOf(tablesOf(lines.join('\n'))[0]);
    expect(rows.map((row) => row[0])).toEqual(['TT', '1', '1.1', '1.2', '2', '2.1']);
    expect(rows[1]).toEqual(['1', 'Phát triển nguồn lực', '', '', '', '']);
    expect(rows[2]).toEqual([
      '1.1',
      'Dân số trưởng thành tiếp cận dịch vụ số',
      '%',
      '80',
      '100',
      'Phòng Văn hóa - Xã hội',
    ]);
  });
});

describe('stage labels in a flowed header', () => {
  it('reads "Đến năm …" as a header line and bare figures as cells', () => {
    const lines = [
      'TT',
      'Chỉ tiêu',
      'Năm 2025',
      'Đến năm 2030',
      'Đơn vị chủ trì',
      '1',
      'Dân số tiếp cận dịch vụ số',
      '80',
      '100',
      'Phòng Văn hóa - Xã hội',
      '2',
      'Hồ sơ xử lý trực tuyến',
      '≥ 70',
      '100',
      'Trung tâm HCC',
      '3',
      'Cơ sở dữ liệu được số hóa',
      '50',
      '90',
      'Trung tâm HCC',
      'TM. ỦY BAN NHÂN DÂN',
    ];
    expect(cellsOf(tablesOf(lines.join('\n'))[0])).toEqual([
      ['TT', 'Chỉ tiêu', 'Năm 2025', 'Đến năm 2030', 'Đơn vị chủ trì'],
      ['1', 'Dân số tiếp cận dịch vụ số', '80', '100', 'Phòng Văn hóa - Xã hội'],
      ['2', 'Hồ sơ xử lý trực tuyến', '≥ 70', '100', 'Trung tâm HCC'],
      ['3', 'Cơ sở dữ liệu được số hóa', '50', '90', 'Trung tâm HCC'],
    ]);
  });
});

describe('stage headings and "no target" dashes in flowed rows', () => {
  it('reads dashes between targets as cells of their own', () => {
    const lines = [
      'TT Chỉ tiêu Đơn vị tính Năm 2025 Năm 2030 Năm 2035 Cơ quan chủ trì',
      '1 Dân số tiếp cận dịch vụ số % 80 - 100 Phòng Văn hóa - Xã hội',
      '2 Hồ sơ xử lý trực tuyến % ≥ 70 100 100 Trung tâm HCC',
      '3 Cơ sở dữ liệu được số hóa % - - 100 Trung tâm HCC',
      '4 Doanh nghiệp ứng dụng công nghệ số % 20 40 60 Phòng Kinh tế',
      'TM. ỦY BAN NHÂN DÂN',
    ];
    expect(cellsOf(tablesOf(lines.join('\n'))[0]).slice(1)).toEqual([
      ['1', 'Dân số tiếp cận dịch vụ số', '%', '80', '-', '100', 'Phòng Văn hóa - Xã hội'],
      ['2', 'Hồ sơ xử lý trực tuyến', '%', '≥ 70', '100', '100', 'Trung tâm HCC'],
      ['3', 'Cơ sở dữ liệu được số hóa', '%', '-', '-', '100', 'Trung tâm HCC'],
      ['4', 'Doanh nghiệp ứng dụng công nghệ số', '%', '20', '40', '60', 'Phòng Kinh tế'],
    ]);
  });

  it('keeps the stage of a stage table across its numbered sections, from the first stage under the header', async () => {
    const text = [
      'ỦY BAN NHÂN DÂN XÃ AN THỬ',
      'KẾ HOẠCH',
      'Thực hiện chuyển đổi số năm 2026',
      'PHỤ LỤC I',
      'TT Chỉ tiêu Đơn vị tính   Kết quả   Cơ quan chủ trì',
      'Mục tiêu đến năm 2026',
      'I. Hạ tầng số',
      '1  Tỷ lệ thôn có cáp quang   %   80%   Phòng Văn hóa - Xã hội',
      'II. Chính quyền số',
      '2  Tỷ lệ hồ sơ trực tuyến   %   60%   Trung tâm HCC',
      'Mục tiêu đến năm 2030',
      'I. Hạ tầng số',
      '3  Tỷ lệ thôn có cáp quang   %   100%   Phòng Văn hóa - Xã hội',
      'II. Chính quyền số',
      '4  Tỷ lệ hồ sơ trực tuyến   %   90%   Trung tâm HCC',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    const { draft } = await readPlanDocument(Buffer.from(text, 'utf8'), { fileName: 'ke-hoach.txt' });
    expect(
      draft.indicators.map((indicator) => [
        indicator.name,
        indicator.targets.map((target) => `${target.year}: ${target.raw}`),
      ]),
    ).toEqual([
      ['Tỷ lệ thôn có cáp quang', ['2026: 80%', '2030: 100%']],
      ['Tỷ lệ hồ sơ trực tuyến', ['2026: 60%', '2030: 90%']],
    ]);
  });

  it('keeps a stage heading line of a stage table (one result column) as its own row', () => {
    const lines = [
      'TT Chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì',
      '1 Dân số tiếp cận dịch vụ số % 80 Phòng Văn hóa - Xã hội',
      '2 Hồ sơ xử lý trực tuyến % ≥ 70 Trung tâm HCC',
      'Mục tiêu đến năm 2030',
      '3 Cơ sở dữ liệu được số hóa % 100 Trung tâm HCC',
      '4 Doanh nghiệp ứng dụng công nghệ số % 60 Phòng Kinh tế',
      'TM. ỦY BAN NHÂN DÂN',
    ];
    expect(cellsOf(tablesOf(lines.join('\n'))[0]).slice(1)).toEqual([
      ['1', 'Dân số tiếp cận dịch vụ số', '%', '80', 'Phòng Văn hóa - Xã hội'],
      ['2', 'Hồ sơ xử lý trực tuyến', '%', '≥ 70', 'Trung tâm HCC'],
      ['', 'Mục tiêu đến năm 2030'],
      ['3', 'Cơ sở dữ liệu được số hóa', '%', '100', 'Trung tâm HCC'],
      ['4', 'Doanh nghiệp ứng dụng công nghệ số', '%', '60', 'Phòng Kinh tế'],
    ]);
  });
});

describe('aligned tables with columns left empty on every row', () => {
  // Numbers centred in tall cells; the last two columns empty on every row.
  const grid = [
    'STT   Nhiệm vụ                    Cơ quan chủ   Cơ quan phối   Ghi chú',
    '                                  trì           hợp',
    '      Lắp đặt điểm truy cập',
    '1     không dây tại các nhà văn   Văn phòng',
    '      hóa thôn                    UBND',
    '      Cập nhật dữ liệu hộ tịch',
    '2     lên hệ thống dùng chung     Phòng Tư',
    '      của tỉnh                    pháp',
    'TM. ỦY BAN NHÂN DÂN',
  ].join('\n');

  it('keeps the columns a header names over no body text, each with its own label', () => {
    const rows = cellsOf(tablesOf(grid)[0]);
    expect(rows).toEqual([
      ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Ghi chú'],
      ['1', 'Lắp đặt điểm truy cập không dây tại các nhà văn hóa thôn', 'Văn phòng UBND', '', ''],
      ['2', 'Cập nhật dữ liệu hộ tịch lên hệ thống dùng chung của tỉnh', 'Phòng Tư pháp', '', ''],
    ]);
    const header = interpretTables(tablesOf(grid)).tables[0]?.header.columns ?? [];
    expect(header.map((column) => column.role)).toEqual(['number', 'name', 'lead', 'coordinating', 'note']);
  });

  it('finds an empty column only where no body column lies under the header label', () => {
    const body = [
      { start: 0, end: 3 },
      { start: 6, end: 30 },
      { start: 34, end: 44 },
    ];
    expect(
      emptyColumns([{ text: 'STT   Nhiệm vụ                    Chủ trì     Phối hợp   Ghi chú' }], body),
    ).toEqual([
      { start: 46, end: 54 },
      { start: 57, end: 64 },
    ]);
    // A label wrapped over two header lines is one column; a label over a body column is none.
    expect(
      emptyColumns(
        [
          { text: 'STT   Nhiệm vụ                    Cơ quan chủ trì  Ghi' },
          { text: '                                                  chú thêm' },
        ],
        body,
      ),
    ).toEqual([{ start: 50, end: 58 }]);
  });
});

describe('lone section numerals in flowed tables', () => {
  it('reads a section numeral alone on its line, with its name on the next, as a section row', () => {
    const rows = cellsOf(
      tablesOf(
        [
          'STT',
          'Nhiệm vụ',
          'Chủ trì',
          'Ghi chú',
          'I',
          'Hạ tầng số',
          '1',
          'Lắp đặt điểm phát sóng công cộng',
          'Văn phòng UBND',
          'X',
          'II',
          'Dữ liệu số',
          '1',
          'Số hóa sổ hộ tịch',
          'Phòng Tư pháp',
          'V',
          'Hoàn thành trước năm 2027',
          'TM. ỦY BAN NHÂN DÂN',
        ].join('\n'),
      )[0],
    );
    expect(rows.slice(1)).toEqual([
      ['I', 'Hạ tầng số'],
      // "X" after section I is no section of its own (it would be X, not II): a mark in its cell.
      ['1', 'Lắp đặt điểm phát sóng công cộng', 'Văn phòng UBND', 'X'],
      ['II', 'Dữ liệu số'],
      // "V" after section II is not the next section either.
      ['1', 'Số hóa sổ hộ tịch', 'Phòng Tư pháp', 'V Hoàn thành trước năm 2027'],
    ]);
  });
});

describe('stage tables read from text: doubts are flagged, never marked certain', () => {
  const extract = (lines: string[]) =>
    extractIndicatorsFromTables(interpretTables(tablesOf(lines.join('\n'))).tables, {
      ocr: false,
      fromText: true,
    });
  const head = [
    'TT Chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì',
    'Mục tiêu đến năm 2026',
    'I. Chính quyền số',
  ];

  it('flags an indicator with no value in a stage the table has', () => {
    const indicators = extract([
      ...head,
      '1 Hồ sơ xử lý trực tuyến % ≥ 50% Trung tâm HCC',
      '2 Thủ tục công bố đúng hạn % 90% Văn phòng UBND',
      'Mục tiêu đến năm 2030',
      'I. Chính quyền số',
      '1 Hồ sơ xử lý trực tuyến % 90% Trung tâm HCC',
      'TM. ỦY BAN NHÂN DÂN',
    ]);
    expect(indicators.map((i) => [i.name, i.targets.map((t) => t.year), i.review?.confident])).toEqual([
      ['Hồ sơ xử lý trực tuyến', [2026, 2030], true],
      ['Thủ tục công bố đúng hạn', [2026], false],
    ]);
    expect(indicators[1]?.review?.reasons.join(' ')).toMatch(/giai đoạn năm 2030/);
  });

  it('flags two different values for one year (a stage heading that did not read)', () => {
    const indicators = extract([
      ...head,
      '1 Hồ sơ xử lý trực tuyến % ≥ 50% Trung tâm HCC',
      // A digit of the year lost: the heading does not read as a stage.
      'Mục tiêu đến năm 2O3',
      'I. Chính quyền số',
      '1 Hồ sơ xử lý trực tuyến % 90% Trung tâm HCC',
      'TM. ỦY BAN NHÂN DÂN',
    ]);
    expect(indicators).toHaveLength(1);
    expect(indicators[0]?.review?.confident).toBe(false);
    expect(indicators[0]?.review?.reasons.join(' ')).toMatch(/Hai giá trị khác nhau cho năm 2026/);
  });

  it('reads a stage heading whose year OCR printed with letters ("2O3O")', () => {
    const indicators = extract([
      ...head,
      '1 Hồ sơ xử lý trực tuyến % ≥ 50% Trung tâm HCC',
      'Mục tiêu đến năm 2O3O',
      'I. Chính quyền số',
      '1 Hồ sơ xử lý trực tuyến % 90% Trung tâm HCC',
      'TM. ỦY BAN NHÂN DÂN',
    ]);
    expect(indicators.map((i) => [i.targets.map((t) => [t.year, t.value]), i.review?.confident])).toEqual([
      [
        [
          [2026, 50],
          [2030, 90],
        ],
        true,
      ],
    ]);
  });

  it('flags the same value twice for one year (a stage heading not read, its value taken for the stage above)', () => {
    const indicators = extract([
      ...head,
      '1 Hồ sơ xử lý trực tuyến % 100% Trung tâm HCC',
      'Mục tiêu đến năm 2O3',
      'I. Chính quyền số',
      '1 Hồ sơ xử lý trực tuyến % 100% Trung tâm HCC',
      'TM. ỦY BAN NHÂN DÂN',
    ]);
    expect(indicators).toHaveLength(1);
    expect(indicators[0]?.targets.map((t) => t.year)).toEqual([2026]);
    expect(indicators[0]?.review?.confident).toBe(false);
    expect(indicators[0]?.review?.reasons.join(' ')).toMatch(/hai dòng cho năm 2026/);
  });

  it("carries a doubt on one stage's row to the indicator it joins", () => {
    const columns: Column[] = [
      { role: 'number', label: 'TT' },
      { role: 'name', label: 'Chỉ tiêu' },
      { role: 'unit', label: 'Đơn vị tính' },
      { role: 'result', label: 'Kết quả' },
      { role: 'lead', label: 'Cơ quan chủ trì' },
    ];
    const row = (cells: string[], guessed: boolean): TableRow => ({
      kind: 'row',
      number: '1',
      cells,
      guessed,
    });
    const table = (guessed: boolean): Table => ({
      header: { columns, layout: 'flowed' },
      start: 0,
      end: 5,
      rows: [
        { kind: 'section', roman: '', text: 'Mục tiêu đến năm 2026' },
        row(['1', 'Hồ sơ xử lý trực tuyến', '%', '≥ 50%', 'Trung tâm HCC'], false),
        { kind: 'section', roman: '', text: 'Mục tiêu đến năm 2030' },
        row(['1', 'Hồ sơ xử lý trực tuyến', '%', '90%', 'Trung tâm HCC'], guessed),
      ],
    });
    const read = (guessed: boolean) =>
      extractIndicatorsFromTables([table(guessed)], { ocr: false, fromText: true });
    expect(read(false).map((i) => [i.targets.map((t) => t.raw), i.review?.confident])).toEqual([
      [['≥ 50%', '90%'], true],
    ]);
    const [joined] = read(true);
    expect(joined?.targets.map((t) => t.raw)).toEqual(['≥ 50%', '90%']);
    expect(joined?.review?.confident).toBe(false);
    expect(joined?.review?.reasons).toContain('Không chắc cách tách các ô của dòng này trong bảng');
  });

  it("flags a stage's value that did not read on the indicator it joins, as on its first row", () => {
    const columns: Column[] = [
      { role: 'number', label: 'TT' },
      { role: 'name', label: 'Chỉ tiêu' },
      { role: 'unit', label: 'Đơn vị tính' },
      { role: 'result', label: 'Kết quả' },
    ];
    const table = (first: string, second: string): Table => ({
      header: { columns, layout: 'flowed' },
      start: 0,
      end: 4,
      rows: [
        { kind: 'section', roman: '', text: 'Mục tiêu đến năm 2026' },
        { kind: 'row', number: '1', cells: ['1', 'Hồ sơ xử lý trực tuyến', '%', first], guessed: false },
        { kind: 'section', roman: '', text: 'Mục tiêu đến năm 2030' },
        { kind: 'row', number: '1', cells: ['1', 'Hồ sơ xử lý trực tuyến', '%', second], guessed: false },
      ],
    });
    const read = (first: string, second: string) =>
      extractIndicatorsFromTables([table(first, second)], { ocr: false, fromText: true })[0]?.review;
    // "9O%" (the letter O for a zero) reads as no figure, in either stage.
    expect(read('9O%', '100%')?.reasons).toContain('Không đọc được giá trị chỉ tiêu năm 2026');
    const joined = read('50%', '9O%');
    expect(joined?.confident).toBe(false);
    expect(joined?.reasons).toContain('Không đọc được giá trị chỉ tiêu năm 2030');
    expect(read('50%', '90%')?.confident).toBe(true);
  });
});

describe('a page number alone between the rows of an aligned table', () => {
  const grid = (pageNumber: string) =>
    [
      'STT   Nhiệm vụ                    Cơ quan chủ trì   Thời hạn',
      '      Lắp đặt điểm truy cập',
      '1     không dây tại các nhà văn   Văn phòng         Quý IV/2026',
      '      hóa thôn                    UBND',
      '',
      pageNumber,
      '',
      '      Cập nhật dữ liệu hộ tịch',
      '2     lên hệ thống dùng chung     Phòng Tư          Năm 2027',
      '      của tỉnh                    pháp',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');

  it('is no row when it does not follow the last row number', () => {
    expect(cellsOf(tablesOf(grid('12'))[0]).slice(1)).toEqual([
      ['1', 'Lắp đặt điểm truy cập không dây tại các nhà văn hóa thôn', 'Văn phòng UBND', 'Quý IV/2026'],
      ['2', 'Cập nhật dữ liệu hộ tịch lên hệ thống dùng chung của tỉnh', 'Phòng Tư pháp', 'Năm 2027'],
    ]);
  });

  it('stays a row number when it follows the last one (a number centred in a tall cell)', () => {
    const rows = cellsOf(tablesOf(grid('2'))[0]).slice(1);
    expect(rows.map((row) => row[0])).toEqual(['1', '2', '2']);
  });

  it('is left out but said on the rows beside it when the next row number follows it (a row may be lost)', () => {
    // Rows 1 and 4 with "3" alone between them: a page number, or row 3 whose text went into row 1.
    const lost = grid('3').replace('\n2     lên', '\n4     lên');
    const table = tablesOf(lost)[0];
    expect(
      cellsOf(table)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['1', '4']);
    expect(table?.rowReasons?.[1]?.join(' ')).toMatch(/Số "3" đứng riêng một dòng/);
    expect(table?.rowReasons?.[2]?.join(' ')).toMatch(/Số "3" đứng riêng một dòng/);
    // A page number the next row does not follow is noise: nothing to say.
    expect(tablesOf(grid('12'))[0]?.rowReasons).toBeUndefined();
  });
});

describe('a section of an aligned table whose text wraps', () => {
  it('keeps the wrapped line (in lower case) with the section, not with the row below', () => {
    const grid = [
      'STT   Nhiệm vụ                    Cơ quan chủ trì   Thời hạn',
      'I     Xây dựng hạ tầng số đồng bộ, hiện đại',
      '      và an toàn cho chính quyền số',
      '      Lắp đặt điểm truy cập',
      '1     không dây tại các nhà văn   Văn phòng         Quý IV/2026',
      '      hóa thôn                    UBND',
      '      Cập nhật dữ liệu hộ tịch',
      '2     lên hệ thống dùng chung     Phòng Tư          Năm 2027',
      '      của tỉnh                    pháp',
      'TM. ỦY BAN NHÂN DÂN',
    ].join('\n');
    expect(cellsOf(tablesOf(grid)[0]).slice(1)).toEqual([
      ['I', 'Xây dựng hạ tầng số đồng bộ, hiện đại và an toàn cho chính quyền số'],
      ['1', 'Lắp đặt điểm truy cập không dây tại các nhà văn hóa thôn', 'Văn phòng UBND', 'Quý IV/2026'],
      ['2', 'Cập nhật dữ liệu hộ tịch lên hệ thống dùng chung của tỉnh', 'Phòng Tư pháp', 'Năm 2027'],
    ]);
  });
});

describe('a title in capitals above a flowed table', () => {
  it('keeps a title in capitals above "STT" out of the header, whatever order the columns come in', () => {
    const rows = cellsOf(
      tablesOf(
        [
          'DANH MỤC CHỈ TIÊU THỰC HIỆN KẾ HOẠCH',
          'STT',
          'Chỉ tiêu',
          'Chủ trì',
          'Phối hợp',
          'Đơn vị tính',
          '2026',
          '2030',
          '1',
          'Tỷ lệ trường học có mạng không dây',
          'Phòng Giáo dục',
          'Các trường học',
          '%',
          '50%',
          '100%',
          '2',
          'Số điểm truy cập công cộng',
          'Trung tâm Văn hóa',
          'Doanh nghiệp viễn thông',
          '%',
          '10%',
          '25%',
          'Nơi nhận:',
        ].join('\n'),
      )[0],
    );
    expect(rows[0]).toEqual(['STT', 'Chỉ tiêu', 'Chủ trì', 'Phối hợp', 'Đơn vị tính', '2026', '2030']);
    expect(rows[2]).toEqual([
      '2',
      'Số điểm truy cập công cộng',
      'Trung tâm Văn hóa',
      'Doanh nghiệp viễn thông',
      '%',
      '10%',
      '25%',
    ]);
  });
});

describe('an appendix title between two flowed tables', () => {
  it.each([
    ['set in from the margin', '   Phụ lục số 2'],
    ['at the margin', 'Phụ lục số 2'],
    ['in capitals', 'PHỤ LỤC II'],
  ])(
    'ends a table at the next appendix title %s, but not at a cell wrapped to "Phụ lục số 1"',
    (_, title) => {
      const tables = tablesOf(
        [
          'TT',
          'Nội dung',
          'Đơn vị chủ trì',
          'Thời gian',
          '1',
          'Ban hành danh mục dữ liệu mở',
          'Văn phòng UBND',
          'Trong năm 2026 theo',
          'Phụ lục số 1',
          '2',
          'Cập nhật cổng thông tin',
          'Văn phòng UBND',
          'Hằng tháng',
          title,
          'Danh mục nhiệm vụ trọng tâm',
          'TT',
          'Nhiệm vụ',
          'Đơn vị thực hiện',
          'Sản phẩm',
          'Chủ trì',
          'Phối hợp',
          '(1)',
          '(2)',
          '(3)',
          '(4)',
          '(5)',
          '1',
          'Tập huấn kỹ năng số',
          'Phòng Nội vụ',
          'Các phòng chuyên môn',
          'Lớp tập huấn',
        ].join('\n'),
      );
      expect(tables).toHaveLength(2);
      expect(cellsOf(tables[0]).slice(1)).toEqual([
        ['1', 'Ban hành danh mục dữ liệu mở', 'Văn phòng UBND', 'Trong năm 2026 theo Phụ lục số 1'],
        ['2', 'Cập nhật cổng thông tin', 'Văn phòng UBND', 'Hằng tháng'],
      ]);
      // The numbering row's cells, one a line, are no part of any label.
      expect(cellsOf(tables[1])).toEqual([
        ['TT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Sản phẩm'],
        ['1', 'Tập huấn kỹ năng số', 'Phòng Nội vụ', 'Các phòng chuyên môn', 'Lớp tập huấn'],
      ]);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { cell, type DocTable } from './document-model';
import {
  joinTableParts,
  layoutPage,
  layoutPages,
  type PdfPageGeometry,
  type PdfRule,
  type PdfRun,
  tableBodyStart,
} from './pdf-layout';

/** A run of text at (x, y), 10 pt, about 5 pt per character. */
const run = (x: number, y: number, text: string, size = 10): PdfRun => ({
  x,
  y,
  end: x + text.length * size * 0.5,
  size,
  text,
});

const page = (pageNumber: number, runs: PdfRun[], rules: PdfRule[] = []): PdfPageGeometry => ({
  pageNumber,
  box: [0, 0, 595, 842],
  runs,
  rules,
  images: 0,
});

/** The rules of a box from (x1, top) to (x2, bottom). */
const box = (x1: number, top: number, x2: number, bottom: number): PdfRule[] => [
  [x1, top, x2, top],
  [x1, bottom, x2, bottom],
  [x1, bottom, x1, top],
  [x2, bottom, x2, top],
];

const shape = (table: DocTable) => table.rows.map((row) => row.map((c) => [c.text, c.colSpan, c.rowSpan]));

describe('layoutPage', () => {
  it('should make one cell of two slots where the rule between them is missing, in either direction', () => {
    // Columns at 50 | 150 | 250 | 350; rows at 700 | 680 | 660 | 640.
    // Row 1: "Mục tiêu" spans columns 2–3 (no rule at x=250 there); column 1 "Tên" spans rows 1–2.
    const rules: PdfRule[] = [
      [50, 700, 350, 700],
      [150, 680, 350, 680], // no rule under "Tên" at y=680
      [50, 660, 350, 660],
      [50, 640, 350, 640],
      [50, 640, 50, 700],
      [150, 640, 150, 700],
      [250, 640, 250, 680], // no rule between the two year columns in the top row
      [350, 640, 350, 700],
    ];
    const runs = [
      run(55, 685, 'Tên'),
      run(160, 685, 'Mục tiêu'),
      run(160, 665, '2030'),
      run(260, 665, '2035'),
      run(55, 645, 'Chỉ tiêu A'),
      run(160, 645, '10%'),
      run(260, 645, '20%'),
    ];

    const { blocks } = layoutPage(page(1, runs, rules));

    expect(blocks).toHaveLength(1);
    expect(shape(blocks[0] as DocTable)).toEqual([
      [
        ['Tên', 1, 2],
        ['Mục tiêu', 2, 1],
      ],
      [
        ['2030', 1, 1],
        ['2035', 1, 1],
      ],
      [
        ['Chỉ tiêu A', 1, 1],
        ['10%', 1, 1],
        ['20%', 1, 1],
      ],
    ]);
  });

  it('should join a cell’s lines in reading order, a list item on its own line, a dash that wraps in the text', () => {
    const rules = [
      ...box(50, 700, 200, 640),
      ...box(200, 700, 350, 640),
      ...box(50, 640, 200, 620),
      ...box(200, 640, 350, 620),
    ];
    const runs = [
      run(55, 690, '- Rà soát thủ tục'),
      run(55, 680, 'hành chính;'),
      run(55, 670, '- Số hóa hồ sơ'),
      run(205, 690, 'Phòng Văn hóa'),
      run(205, 680, '- Xã hội'),
      run(55, 625, '1'),
      run(205, 625, '2'),
    ];

    const { blocks } = layoutPage(page(1, runs, rules));

    expect((blocks[0] as DocTable).rows[0]?.map((c) => c.text)).toEqual([
      '- Rà soát thủ tục hành chính;\n- Số hóa hồ sơ',
      'Phòng Văn hóa - Xã hội',
    ]);
  });

  it('should join a paragraph’s wrapped lines, and not a line whose next word would have fitted', () => {
    const long = 'Ủy ban nhân dân xã xây dựng kế hoạch thực hiện chuyển đổi số với các nội dung';
    const runs = [
      run(60, 760, long),
      run(60, 745, 'sau đây để triển khai trong năm.'),
      run(60, 730, 'KẾ HOẠCH'),
      run(60, 715, 'Thực hiện năm 2026'),
      run(60, 700, '- Rà soát hạ tầng mạng của các cơ quan, đơn vị, bảo đảm kết nối thông suốt'),
      run(60, 685, '- Số hóa hồ sơ'),
    ];

    const { blocks } = layoutPage(page(1, runs));

    expect(blocks.map((block) => (block.kind === 'paragraph' ? block.text : ''))).toEqual([
      `${long} sau đây để triển khai trong năm.`,
      'KẾ HOẠCH',
      'Thực hiện năm 2026',
      '- Rà soát hạ tầng mạng của các cơ quan, đơn vị, bảo đảm kết nối thông suốt',
      '- Số hóa hồ sơ',
    ]);
  });
});

describe('layoutPages', () => {
  it('should drop page numbers and running headers, but keep a row number cut off at a page’s foot', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [
        run(60, 800, 'Kế hoạch số 12/KH-UBND'),
        run(60, 700, `Nội dung của trang ${n}.`),
        ...(n === 2 ? [run(60, 680, '4')] : []),
        run(290, 40, String(n)),
      ]),
    );

    const blocks = layoutPages(pages);

    expect(blocks.map((block) => (block.kind === 'paragraph' ? block.text : ''))).toEqual([
      'Nội dung của trang 1.',
      'Nội dung của trang 2.',
      '4',
      'Nội dung của trang 3.',
    ]);
  });

  it('should keep a lone number at a page’s foot when the pages print no page numbers', () => {
    const pages = [
      page(1, [run(60, 700, 'Nội dung của trang 1.'), run(60, 60, '7')]),
      page(2, [run(60, 700, 'Nội dung của trang 2.')]),
    ];

    expect(layoutPages(pages).map((block) => (block.kind === 'paragraph' ? block.text : ''))).toContain('7');
  });
});

describe('joinTableParts', () => {
  const header = [cell('STT'), cell('Nhiệm vụ'), cell('Đơn vị chủ trì')];
  const before: DocTable = {
    kind: 'table',
    rows: [
      header,
      [cell('1'), cell('Rà soát'), cell('Phòng Kinh tế')],
      [cell('2'), cell('Xây dựng kho'), cell('Văn phòng')],
    ],
  };

  it('should drop the repeated header and continue a row cut by the page break', () => {
    const after: DocTable = {
      kind: 'table',
      rows: [
        header,
        [cell(''), cell('dữ liệu số'), cell('HĐND và UBND')],
        [cell('3'), cell('Đào tạo'), cell('Phòng Nội vụ')],
      ],
    };

    expect(shape(joinTableParts(before, after))).toEqual([
      [
        ['STT', 1, 1],
        ['Nhiệm vụ', 1, 1],
        ['Đơn vị chủ trì', 1, 1],
      ],
      [
        ['1', 1, 1],
        ['Rà soát', 1, 1],
        ['Phòng Kinh tế', 1, 1],
      ],
      [
        ['2', 1, 1],
        ['Xây dựng kho dữ liệu số', 1, 1],
        ['Văn phòng HĐND và UBND', 1, 1],
      ],
      [
        ['3', 1, 1],
        ['Đào tạo', 1, 1],
        ['Phòng Nội vụ', 1, 1],
      ],
    ]);
  });

  it('should keep every row of a continuation that starts with a numbered row and no header', () => {
    const after: DocTable = { kind: 'table', rows: [[cell('3'), cell('Đào tạo'), cell('Phòng Nội vụ')]] };

    expect(joinTableParts(before, after).rows).toHaveLength(4);
  });
});

describe('tableBodyStart', () => {
  it('should start the body at a group heading written across the table, not only at a numbered row', () => {
    const table: DocTable = {
      kind: 'table',
      rows: [
        [cell('TT'), cell('Chỉ tiêu'), cell('Năm 2030')],
        [cell('(1)'), cell('(2)'), cell('(3)')],
        [cell('I. Phát triển hạ tầng', 3)],
        [cell('1'), cell('Tỷ lệ phủ sóng 5G'), cell('100%')],
      ],
    };

    expect(tableBodyStart(table)).toBe(2);
    // A wide title row above the header is not a group heading.
    expect(tableBodyStart({ ...table, rows: [[cell('CHỈ TIÊU CỤ THỂ', 3)], ...table.rows] })).toBe(3);
  });

  it('should start the body at a stage or unnamed group written across the table below the labels', () => {
    const table: DocTable = {
      kind: 'table',
      rows: [
        [cell('BẢNG CHỈ TIÊU', 4)],
        [cell('TT', 1, 2), cell('Chỉ tiêu', 1, 2), cell('Mục tiêu', 2)],
        [cell('Năm 2025'), cell('Năm 2030')],
        [cell('Mục tiêu đến năm 2030', 4)],
        [cell('1'), cell('Tỷ lệ phủ sóng 5G'), cell('80%'), cell('100%')],
      ],
    };

    expect(tableBodyStart(table)).toBe(3);
    // A label spanning only some columns stays in the header.
    const partial: DocTable = {
      kind: 'table',
      rows: [
        [cell('TT'), cell('Chỉ tiêu'), cell('Kết quả')],
        [cell('Giai đoạn 2026-2030', 2)],
        ...table.rows.slice(4),
      ],
    };
    expect(tableBodyStart(partial)).toBe(2);
  });
});

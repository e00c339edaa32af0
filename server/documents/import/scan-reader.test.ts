import { crc32 } from 'node:zlib';
import { foldText } from '@core/domain/text';
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocTable, documentText, tableGrid } from './document-model';
import { UnreadableDocumentError } from './errors';
import { importPlanDocument } from './import-document';
import {
  decodeImage,
  MAX_OCR_PAGES,
  MAX_PAGE_PIXELS,
  type PreparedPage,
  recognizeImages,
} from './ocr-reader';
import { estimateSkew, type GreyImage, imageSize } from './scan-image';
import { foldHeader, layoutPage, type PlacedWord } from './scan-layout';
import { buildGrids, findRules } from './scan-tables';
import { buildStageTableDocx, printToPdf, STAGE_ROWS, scanPdfPage } from './scan-test-documents';

/** Draws on a white canvas and returns its grey pixels. */
const draw = (
  width: number,
  height: number,
  paint: (context: CanvasRenderingContext2D) => void,
): GreyImage => {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.strokeStyle = '#000000';
  paint(context as unknown as CanvasRenderingContext2D);
  const rgba = context.getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[4 * i] ?? 255;
  return { width, height, data };
};

/** A page of text-like bars (words on lines), turned by `degrees` about its centre. */
const barsPage = (degrees: number) =>
  draw(1200, 1600, (context) => {
    context.translate(600, 800);
    context.rotate((degrees * Math.PI) / 180);
    context.translate(-600, -800);
    for (let y = 150; y < 1450; y += 48)
      for (let x = 150; x < 1050; x += 70 + ((x * 7 + y) % 40)) context.fillRect(x, y, 50, 18);
  });

/** A ruled table: 3 columns, a header whose last cell is split into two, a row merged over two columns. */
const ruledTable = () =>
  draw(1200, 900, (context) => {
    context.lineWidth = 2;
    const line = (x0: number, y0: number, x1: number, y1: number) => {
      context.beginPath();
      context.moveTo(x0, y0);
      context.lineTo(x1, y1);
      context.stroke();
    };
    // Row lines: 100 (top), 160 (under the merged header label, only over the two right columns), 220,
    // 300, 380 (bottom).
    line(100, 100, 1100, 100);
    line(700, 160, 1100, 160);
    for (const y of [220, 300, 380]) line(100, y, 1100, y);
    // Column lines: the inner line at 900 starts below the header label; at 250–700 the second body
    // row has no line at 700 (a cell over two columns).
    line(100, 100, 100, 380);
    line(250, 100, 250, 380);
    line(700, 100, 700, 300);
    line(900, 160, 900, 380);
    line(1100, 100, 1100, 380);
    // A word in a cell (no rule).
    context.fillRect(300, 250, 80, 20);
  });

describe('scan image', () => {
  it('should find the slope of text lines, either way', () => {
    for (const degrees of [0, 0.8, -1.5, 3]) {
      expect(Math.abs(estimateSkew(barsPage(degrees)) - degrees)).toBeLessThan(0.1);
    }
  });

  it('should build the cell grid of a ruled table, merging cells where a rule is missing', () => {
    const grids = buildGrids(findRules(ruledTable()));

    expect(grids).toHaveLength(1);
    const grid = grids[0]!;
    expect(grid.xs.map(Math.round)).toEqual([100, 250, 700, 900, 1100]);
    expect(grid.ys.map(Math.round)).toEqual([100, 160, 220, 300, 380]);
    const spans = grid.cells.map((cell) => [cell.row, cell.col, cell.rowSpan, cell.colSpan]);
    expect(spans).toEqual([
      [0, 0, 2, 1], // left header cell over two row lines (no rule at 160 there)
      [0, 1, 2, 1],
      [0, 2, 1, 2], // the header label over the two right columns
      [1, 2, 1, 1],
      [1, 3, 1, 1],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
      [2, 3, 1, 1],
      [3, 0, 1, 1],
      [3, 1, 1, 2], // no rule at 700 in the last row
      [3, 3, 1, 1],
    ]);
  });

  it('should not take text, underlines or a lone box edge for a table', () => {
    const page = draw(1200, 600, (context) => {
      context.lineWidth = 2;
      context.beginPath();
      context.moveTo(400, 100);
      context.lineTo(800, 100);
      context.stroke();
      for (let x = 100; x < 1100; x += 60) context.fillRect(x, 200, 40, 30);
    });
    expect(buildGrids(findRules(page))).toEqual([]);
  });
});

describe('scan layout', () => {
  const word = (text: string, x0: number, y0: number, line: number): PlacedWord => ({
    text,
    x0,
    y0,
    x1: x0 + 10 * text.length,
    y1: y0 + 20,
    line,
  });

  it('should put words in the cells that contain them, lines around the table in reading order', () => {
    const grid = buildGrids(findRules(ruledTable()))[0]!;
    const blocks = layoutPage(
      [
        word('KẾ', 100, 40, 0),
        word('HOẠCH', 140, 40, 0),
        word('STT', 120, 150, 1),
        word('Mục', 720, 120, 1),
        word('tiêu', 770, 120, 1),
        word('2035', 720, 180, 2),
        word('2040', 920, 180, 2),
        word('1', 120, 250, 3),
        word('Tỷ', 270, 235, 3),
        word('lệ', 300, 235, 3),
        word('phủ', 270, 262, 4),
        word('sóng', 310, 262, 4),
        word('|', 880, 250, 3),
        word('2', 120, 330, 5),
        word('Dòng', 300, 330, 5),
        word('gộp', 760, 330, 5),
        word('Nơi', 100, 420, 6),
        word('nhận:', 140, 420, 6),
      ],
      [grid],
      3,
    );

    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = blocks[1] as DocTable;
    expect(table.page).toBe(3);
    // The two header rows are folded into one row of labels.
    expect(table.rows[0]?.map((cell) => cell.text)).toEqual(['STT', '', 'Mục tiêu 2035', 'Mục tiêu 2040']);
    expect(table.rows[1]?.map((cell) => cell.text)).toEqual(['1', 'Tỷ lệ phủ sóng', '', '']);
    // The cell over two columns keeps its span; the rule debris "|" is gone.
    expect(table.rows[2]).toEqual([
      { text: '2', colSpan: 1, rowSpan: 1 },
      { text: 'Dòng gộp', colSpan: 2, rowSpan: 1 },
      { text: '', colSpan: 1, rowSpan: 1 },
    ]);
    expect(documentText({ origin: 'ocr', blocks, stamps: [] })).not.toContain('|');
  });

  it('should glue a word a narrow cell broke over two lines ("HĐND&UBN" over "D"), and keep other lines apart', () => {
    const grid = buildGrids(findRules(ruledTable()))[0]!;
    const [, table] = layoutPage(
      [
        word('KẾ', 100, 40, 0),
        word('STT', 120, 150, 1),
        word('1', 120, 250, 3),
        word('Văn', 270, 235, 3),
        word('phòng', 310, 235, 3),
        word('HĐND&UBN', 370, 235, 3),
        word('D', 270, 262, 4),
        word('2', 120, 330, 5),
        word('Phòng', 270, 320, 5),
        word('Văn', 330, 320, 5),
        word('hóa', 270, 347, 6),
      ],
      [grid],
      1,
    ) as DocTable[];
    expect(table?.rows.map((row) => row[1]?.text)).toContain('Văn phòng HĐND&UBND');
    expect(table?.rows.map((row) => row[1]?.text)).toContain('Phòng Văn hóa');
  });

  it('should join header cells split by a stray stroke that no row below keeps as a column edge', () => {
    // Edge 2 (x 300) is ruled in the header only: every body row runs across it.
    const cells = (row: number, split: boolean) =>
      split
        ? [0, 1, 2, 3].map((col) => ({ row, col, rowSpan: 1, colSpan: 1 }))
        : [
            { row, col: 0, rowSpan: 1, colSpan: 1 },
            { row, col: 1, rowSpan: 1, colSpan: 2 },
            { row, col: 3, rowSpan: 1, colSpan: 1 },
          ];
    const grid = (bodySplit: boolean) => ({
      xs: [0, 100, 300, 500, 700],
      ys: [0, 50, 100, 150, 200],
      cells: [...cells(0, true), ...cells(1, false), ...cells(2, bodySplit), ...cells(3, false)],
    });
    const words = [
      word('STT', 10, 15, 0),
      word('Nhi', 200, 15, 0),
      word('ệm', 310, 15, 0),
      word('vụ', 340, 15, 0),
      word('Chủ', 510, 15, 0),
      word('trì', 550, 15, 0),
      word('1', 10, 65, 1),
      word('Rà', 110, 65, 1),
      word('soát', 140, 65, 1),
    ];

    const [table] = layoutPage(words, [grid(false)]) as DocTable[];
    expect(table?.rows[0]).toEqual([
      { text: 'STT', colSpan: 1, rowSpan: 1 },
      { text: 'Nhi ệm vụ', colSpan: 2, rowSpan: 1 },
      { text: 'Chủ trì', colSpan: 1, rowSpan: 1 },
    ]);
    expect(table?.rows[1]?.map((cell) => cell.text)).toEqual(['1', 'Rà soát', '']);
    // One body row printing the two columns apart keeps the header's edge.
    const [kept] = layoutPage(words, [grid(true)]) as DocTable[];
    expect(kept?.rows[0]?.map((cell) => cell.text)).toEqual(['STT', 'Nhi', 'ệm vụ', 'Chủ trì']);
  });

  it('should write a wide gap between words of a line as a tab (cells of a table without rules)', () => {
    const blocks = layoutPage(
      [word('STT', 100, 40, 0), word('Nội', 300, 40, 0), word('dung', 340, 40, 0), word('Năm', 400, 40, 0)],
      [],
    );

    // Words 20 px high: the 170 px gap after "STT" separates cells, gaps of 10–20 px do not.
    expect(blocks).toEqual([{ kind: 'paragraph', text: 'STT\tNội dung Năm' }]);
  });

  it('should keep a header whose cells do not reach below the first row as it is', () => {
    const table: DocTable = {
      kind: 'table',
      rows: [
        [
          { text: 'STT', colSpan: 1, rowSpan: 1 },
          { text: 'Nội dung', colSpan: 1, rowSpan: 1 },
        ],
        [
          { text: '1', colSpan: 1, rowSpan: 1 },
          { text: 'Việc', colSpan: 1, rowSpan: 1 },
        ],
      ],
    };
    expect(foldHeader(table)).toEqual(table);
  });
});

describe('scan bounds', () => {
  it(`should refuse more than ${MAX_OCR_PAGES} pages before reading any, saying the limit and what to do`, async () => {
    let read = 0;
    const pages = Array.from({ length: MAX_OCR_PAGES + 1 }, () => async () => {
      read++;
      return new Uint8Array();
    });

    const refusal = await recognizeImages(pages).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(UnreadableDocumentError);
    expect((refusal as Error).message).toContain(`${MAX_OCR_PAGES + 1} trang`);
    expect((refusal as Error).message).toContain(`giới hạn ${MAX_OCR_PAGES} trang`);
    expect((refusal as Error).message).toMatch(/tách riêng/);
    expect(read).toBe(0);
  });

  it('should scale a large photo down to the pixel limit, keeping its proportions', async () => {
    const canvas = createCanvas(5000, 4000);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 5000, 4000);
    const image = await decodeImage(await canvas.encode('jpeg', 60));

    expect(image.width * image.height).toBeLessThanOrEqual(MAX_PAGE_PIXELS);
    expect(image.width * image.height).toBeGreaterThan(MAX_PAGE_PIXELS * 0.99);
    expect(image.width / image.height).toBeCloseTo(5000 / 4000, 2);
  });

  it('should refuse an image whose header is damaged before decoding it (the decoder would crash)', async () => {
    const canvas = createCanvas(300, 200);
    const png = await canvas.encode('png');
    const jpeg = await canvas.encode('jpeg', 80);
    const damaged = [
      png.subarray(0, 11),
      new Uint8Array([...png.subarray(0, 16), ...new Uint8Array(100).fill(7)]),
      new Uint8Array([...jpeg.subarray(0, 20), ...new Uint8Array(100).fill(7)]),
    ];
    for (const bytes of damaged) await expect(decodeImage(bytes)).rejects.toThrow(/Tệp ảnh bị hỏng/);
    expect(imageSize(png)).toEqual({ width: 300, height: 200 });
    expect(imageSize(jpeg)).toEqual({ width: 300, height: 200 });
  });

  it('should refuse a photo too large to decode, saying the limit', async () => {
    const png = await createCanvas(20, 10).encode('png');
    const huge = new Uint8Array(png);
    // The header says 20000 × 10000 pixels, with a valid checksum.
    const view = new DataView(huge.buffer);
    view.setUint32(16, 20_000);
    view.setUint32(20, 10_000);
    view.setUint32(29, crc32(huge.subarray(12, 29)));
    await expect(decodeImage(huge)).rejects.toThrow(/Ảnh quá lớn \(20000 × 10000 điểm ảnh\).*100 triệu/);
  });
});

describe('scanned plan with a ruled table (LibreOffice print, 200 dpi, turned, noisy)', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = printToPdf(await buildStageTableDocx());
  }, 180_000);

  /** 1 − edit distance / length: how close two texts are. */
  const similarity = (a: string, b: string): number => {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++)
        current[j] = Math.min(
          (previous[j] ?? 0) + 1,
          (current[j - 1] ?? 0) + 1,
          (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
      previous = current;
    }
    return 1 - (previous[b.length] ?? 0) / Math.max(1, a.length, b.length);
  };

  /** Folds case and diacritics, so OCR slips in a letter's accent do not decide a layout test. */
  const loose = (text: string) => foldText(text).replace(/\s+/g, '');

  it('should straighten the page, read the table cell by cell and leave no rule debris', async () => {
    const png = await scanPdfPage(pdf, { degrees: 0.8, format: 'png' });
    const prepared: PreparedPage[] = [];

    const [blocks] = await recognizeImages([png], { onPage: (page) => prepared.push(page) });

    expect(prepared).toHaveLength(1);
    expect(Math.abs((prepared[0]?.skewDegrees ?? 0) - 0.8)).toBeLessThan(0.15);
    const tables = (blocks ?? []).filter((block): block is DocTable => block.kind === 'table');
    expect(tables).toHaveLength(1);
    const grid = tableGrid(tables[0]!);
    // One folded header row, the section row, three indicators; 8 columns.
    expect(grid).toHaveLength(5);
    expect(grid[0]).toHaveLength(8);
    const header = grid[0]!.map((slot) => loose(slot.text));
    expect(header.slice(3, 7)).toEqual(
      ['2030', '2035', '2040', '2045'].map((year) => loose(`Mục tiêu theo giai đoạn Năm ${year}`)),
    );
    // The section row spans the table after its numeral.
    expect(tables[0]!.rows[1]?.[1]?.colSpan).toBe(7);
    // Targets sit in their own year cells.
    expect(grid[2]!.slice(3, 7).map((slot) => slot.text)).toEqual(STAGE_ROWS[0]!.slice(3, 7));
    expect(grid[3]!.slice(3, 7).map((slot) => slot.text)).toEqual(STAGE_ROWS[1]!.slice(3, 7));
    // The lead merged down two rows is one cell.
    expect(loose(grid[2]![7]!.text)).toBe(loose('Phòng Văn hóa - Xã hội'));
    expect(grid[3]![7]).toMatchObject({ row: 2, origin: false });
    // No rule debris anywhere: no bars, underscores or lines of punctuation.
    const text = documentText({ origin: 'ocr', blocks: blocks ?? [], stamps: [] });
    expect(text).not.toMatch(/[|_¦]/);
    expect(text.split('\n').filter((line) => line.trim() && !/[\p{L}\p{N}]/u.test(line))).toEqual([]);
    expect(text).toContain('215/KH-UBND');
  }, 240_000);

  it('should import a JPEG photo of the page, turned the other way, through the plan reader', async () => {
    const jpeg = await scanPdfPage(pdf, { degrees: -0.6, format: 'jpeg' });

    const draft = await importPlanDocument(jpeg, { fileName: 'anh-chup.jpg' });

    expect(draft.plan.number).toBe('215/KH-UBND');
    // The three indicators come through, their names read with at most a letter or two wrong (a roman
    // "I" read as "1" may add its section as a fourth row: telling a section from an indicator is the
    // table reader's work, not the scan's).
    const names = draft.indicators.map((indicator) => loose(indicator.name));
    const closest = (name: string) =>
      names.reduce(
        (best, candidate) => (similarity(candidate, name) > similarity(best, name) ? candidate : best),
        '',
      );
    for (const row of STAGE_ROWS)
      expect(similarity(closest(loose(row[1] ?? '')), loose(row[1] ?? ''))).toBeGreaterThan(0.9);
    expect(names.length).toBeLessThanOrEqual(STAGE_ROWS.length + 1);
    const second = draft.indicators.find(
      (indicator) => loose(indicator.name) === closest(loose(STAGE_ROWS[1]?.[1] ?? '')),
    );
    expect(second?.targets.map((target) => [target.year, target.raw])).toEqual([
      [2030, '60%'],
      [2035, '70%'],
      [2040, '85%'],
      [2045, '100%'],
    ]);
  }, 240_000);
});

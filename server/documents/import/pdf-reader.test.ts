import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocTable, ReadDocument } from './document-model';
import { UnreadableDocumentError } from './errors';
import { importPlanDocument } from './import-document';
import { MAX_PDF_PAGES, readPdfDocument } from './pdf-reader';
import { buildTableDocx, convertToPdf, type TestCell, type TestDocument } from './pdf-test-documents';
import { FONT_PATH } from './test-documents';

const c = (text: string, colSpan = 1, rowSpan = 1): TestCell => ({ text, colSpan, rowSpan });

const HEADING = [
  'ỦY BAN NHÂN DÂN XÃ DÂN TIẾN',
  'Số: 12/KH-UBND',
  'Dân Tiến, ngày 03 tháng 12 năm 2025',
  'KẾ HOẠCH',
  'Thực hiện chuyển đổi số giai đoạn 2026 - 2045',
  'PHỤ LỤC I',
  'CÁC CHỈ TIÊU CỤ THỂ',
];

const LONG_NAME = 'Tỷ lệ hộ gia đình sử dụng Internet cáp quang băng rộng cố định tốc độ cao trên địa bàn';

/** Ruled stage table: a two-row header with the stages merged under one label, a group row, a lead merged down. */
const STAGES: TestDocument = {
  before: HEADING,
  table: {
    widths: [600, 2600, 900, 900, 900, 900, 900, 1900],
    rows: [
      [
        c('STT', 1, 2),
        c('Chỉ tiêu', 1, 2),
        c('Đơn vị tính', 1, 2),
        c('Mục tiêu theo giai đoạn', 4),
        c('Đơn vị chủ trì', 1, 2),
      ],
      [c('Năm 2030'), c('Năm 2035'), c('Năm 2040'), c('Năm 2045')],
      [c('I'), c('Phát triển hạ tầng số', 7)],
      [
        c('1'),
        c(LONG_NAME),
        c('%'),
        c('80%'),
        c('90%'),
        c('95%'),
        c('100%'),
        c('Phòng Văn hóa - Xã hội', 1, 2),
      ],
      [c('2'), c('Tỷ lệ phủ sóng 5G'), c('%'), c('60%'), c('80%'), c('100%'), c('Duy trì 100%')],
      [
        c('3'),
        c('Số doanh nghiệp công nghệ số'),
        c('Doanh nghiệp'),
        c('10'),
        c('15'),
        c('20'),
        c('25'),
        c('Phòng Kinh tế, Hạ tầng và Đô thị'),
      ],
    ],
  },
  after: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn An'],
};

const TASK_COUNT = 45;

/** A task table running over several pages, its header row repeated on each. */
const LONG: TestDocument = {
  before: HEADING.slice(0, 5),
  table: {
    widths: [600, 4600, 2400, 2000],
    headerRows: 1,
    rows: [
      [c('STT'), c('Nhiệm vụ'), c('Đơn vị chủ trì'), c('Thời gian hoàn thành')],
      ...Array.from({ length: TASK_COUNT }, (_, i) => [
        c(String(i + 1)),
        c(`Nhiệm vụ số ${i + 1}: triển khai nền tảng số dùng chung cho các cơ quan, đơn vị trên địa bàn xã`),
        c(i % 2 ? 'Văn phòng HĐND và UBND' : 'Phòng Kinh tế'),
        c(`Quý ${(i % 4) + 1}/${2026 + (i % 5)}`),
      ]),
    ],
  },
  after: ['Nơi nhận:', '- Như trên;'],
};

/** A table laid out without rules, one header row, one wrapped cell. */
const UNRULED: TestDocument = {
  before: HEADING,
  table: {
    borderless: true,
    widths: [600, 2600, 900, 900, 900, 900, 900, 1900],
    rows: [
      [
        c('STT'),
        c('Chỉ tiêu'),
        c('Đơn vị tính'),
        c('Năm 2030'),
        c('Năm 2035'),
        c('Năm 2040'),
        c('Năm 2045'),
        c('Đơn vị chủ trì'),
      ],
      [c('1'), c(LONG_NAME), c('%'), c('80%'), c('90%'), c('95%'), c('100%'), c('Phòng Văn hóa - Xã hội')],
      [
        c('2'),
        c('Tỷ lệ phủ sóng 5G'),
        c('%'),
        c('60%'),
        c('80%'),
        c('100%'),
        c('Duy trì 100%'),
        c('Phòng Văn hóa - Xã hội'),
      ],
    ],
  },
  after: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
};

const pdfs: Record<string, Uint8Array> = {};

beforeAll(async () => {
  Object.assign(
    pdfs,
    await convertToPdf({
      stages: await buildTableDocx(STAGES),
      long: await buildTableDocx(LONG),
      unruled: await buildTableDocx(UNRULED),
    }),
  );
}, 240_000);

const shape = (table: DocTable) =>
  table.rows.map((row) => row.map((cell) => [cell.text, cell.colSpan, cell.rowSpan]));

/** The table as written in the test document: each cell's text and spans. */
const written = (document: TestDocument) =>
  document.table.rows.map((row) => row.map((cell) => [cell.text, cell.colSpan ?? 1, cell.rowSpan ?? 1]));

const paragraphs = (doc: ReadDocument) =>
  doc.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));

/** A PDF of `count` pages, each with one line of text (or none), made with pdf-lib. */
const textPages = async (lines: ReadonlyArray<string | null>, image?: { page: number; png: Uint8Array }) => {
  const { PDFDocument } = await import('pdf-lib');
  const fontkit = (await import('@pdf-lib/fontkit')).default;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(FONT_PATH), { subset: true });
  for (const [index, line] of lines.entries()) {
    const page = pdf.addPage([595, 842]);
    if (line) page.drawText(line, { x: 60, y: 760, size: 11, font });
    if (image && image.page === index + 1) {
      const png = await pdf.embedPng(image.png);
      page.drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
    }
  }
  return pdf.save();
};

const pngOfSize = async (width: number, height: number): Promise<Uint8Array> => {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.fillRect(width / 4, height / 4, width / 2, 4);
  return canvas.encode('png');
};

const refusal = async (work: Promise<unknown>): Promise<string> => {
  const error = await work.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(UnreadableDocumentError);
  return (error as Error).message;
};

describe('readPdfDocument on PDFs printed by LibreOffice', () => {
  it('should read a ruled table cell by cell, with its merged header, group row and a lead merged down', async () => {
    const doc = await readPdfDocument(pdfs.stages as Uint8Array, undefined, { legacyTables: false });

    expect(doc.origin).toBe('pdf');
    const found = doc.blocks.filter((block): block is DocTable => block.kind === 'table');
    expect(found).toHaveLength(1);
    expect(shape(found[0] as DocTable)).toEqual(written(STAGES));
    // The paragraphs keep their order around the table; a line that ends short is not joined to the next.
    expect(paragraphs(doc)).toEqual([...STAGES.before, ...STAGES.after]);
    expect(doc.blocks.findIndex((block) => block.kind === 'table')).toBe(STAGES.before.length);
  });

  it('should fold the header rows into one row of labels per column and repeat merged-down cells by default', async () => {
    const [table] = (await readPdfDocument(pdfs.stages as Uint8Array)).blocks.filter(
      (block): block is DocTable => block.kind === 'table',
    );

    expect(table?.rows[0]?.map((cell) => cell.text)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Mục tiêu theo giai đoạn Năm 2030',
      'Mục tiêu theo giai đoạn Năm 2035',
      'Mục tiêu theo giai đoạn Năm 2040',
      'Mục tiêu theo giai đoạn Năm 2045',
      'Đơn vị chủ trì',
    ]);
    const body = written(STAGES).slice(2);
    // The lead merged down over indicators 1 and 2 is the lead of each.
    body[1] = (body[1] ?? []).map((cell) => (cell[2] === 2 ? [cell[0] ?? '', 1, 1] : cell));
    body[2]?.push(['Phòng Văn hóa - Xã hội', 1, 1]);
    expect(shape(table as DocTable).slice(1)).toEqual(body);
  });

  it('should import the stage targets up to 2045 from the ruled table', async () => {
    const draft = await importPlanDocument(pdfs.stages as Uint8Array, { fileName: 'ke-hoach.pdf' });

    expect(draft.indicators.map((indicator) => indicator.name)).toEqual([
      LONG_NAME,
      'Tỷ lệ phủ sóng 5G',
      'Số doanh nghiệp công nghệ số',
    ]);
    expect(draft.indicators.map((indicator) => indicator.lead)).toEqual([
      'Phòng Văn hóa - Xã hội',
      'Phòng Văn hóa - Xã hội',
      'Phòng Kinh tế, Hạ tầng và Đô thị',
    ]);
    expect(draft.indicators[0]?.targets.map((target) => [target.year, target.raw])).toEqual([
      [2030, '80%'],
      [2035, '90%'],
      [2040, '95%'],
      [2045, '100%'],
    ]);
  });

  it('should join a table that runs over pages, dropping the header row repeated on each page', async () => {
    const doc = await readPdfDocument(pdfs.long as Uint8Array, undefined, { legacyTables: false });
    const found = doc.blocks.filter((block): block is DocTable => block.kind === 'table');

    expect(found).toHaveLength(1);
    const table = found[0] as DocTable;
    // The table really does run over pages (else this test proves nothing).
    expect(new Set(doc.blocks.map((block) => block.page)).size).toBeGreaterThan(1);
    expect(shape(table)).toEqual(written(LONG));
    expect(paragraphs(doc).slice(-2)).toEqual(LONG.after);
  });

  it('should read a table printed without rules from its columns, a wrapped cell in one cell', async () => {
    const doc = await readPdfDocument(pdfs.unruled as Uint8Array, undefined, { legacyTables: false });
    const found = doc.blocks.filter((block): block is DocTable => block.kind === 'table');

    expect(found).toHaveLength(1);
    expect(shape(found[0] as DocTable)).toEqual(written(UNRULED));
    expect(paragraphs(doc)).toEqual([...UNRULED.before, ...UNRULED.after]);
  });
});

describe('readPdfDocument limits and scanned pages', () => {
  it('should refuse a PDF with more pages than the limit, saying how many it has', async () => {
    const bytes = await textPages(Array.from({ length: MAX_PDF_PAGES + 1 }, () => null));

    const message = await refusal(readPdfDocument(bytes));
    expect(message).toContain(`${MAX_PDF_PAGES + 1} trang`);
    expect(message).toContain(`giới hạn ${MAX_PDF_PAGES} trang`);
  });

  it('should refuse a damaged or truncated PDF', async () => {
    const whole = await textPages(['Kế hoạch chuyển đổi số của xã Dân Tiến năm 2026']);

    expect(await refusal(readPdfDocument(whole.subarray(0, 2048)))).toContain('bị hỏng');
    const junk = new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(3000)}\n%%EOF\n`);
    expect(await refusal(readPdfDocument(junk))).toContain('bị hỏng');
  });

  it('should send pages with an image and no text to OCR, in page order, and keep the text pages around them', async () => {
    const text = (n: number) => `Trang ${n}: nội dung kế hoạch chuyển đổi số của Ủy ban nhân dân xã Dân Tiến`;
    // A small image is painted; a page-sized scan is only counted, never decoded.
    for (const png of [await pngOfSize(300, 200), await pngOfSize(1400, 1000)]) {
      const bytes = await textPages([text(1), null, text(3)], { page: 2, png });
      const asked: number[][] = [];
      const doc = await readPdfDocument(bytes, async (pdf, pageNumbers) => {
        asked.push([...pageNumbers]);
        expect(pdf.numPages).toBe(3);
        return pageNumbers.map((n) => [{ kind: 'paragraph', text: `OCR ${n}` }]);
      });

      expect(asked).toEqual([[2]]);
      expect(doc.origin).toBe('ocr');
      expect(paragraphs(doc)).toEqual([text(1), 'OCR 2', text(3)]);
    }
  });

  it("should keep a scanned page's table as OCR laid it out: rows whose number OCR damaged are not folded into the header", async () => {
    const bytes = await textPages([null], { page: 1, png: await pngOfSize(300, 200) });
    const cell = (text: string) => ({ text, colSpan: 1, rowSpan: 1 });
    const rows = [
      [cell('STT'), cell('Nhiệm vụ'), cell('Chủ trì')],
      [cell(''), cell('phần cuối của dòng ở trang trước'), cell('')],
      [cell('Lị'), cell('Rà soát quy định'), cell('Phòng Kinh tế')],
      [cell('9'), cell('Phát động phong trào thi đua'), cell('Công an xã')],
    ];
    const doc = await readPdfDocument(bytes, async (_pdf, pageNumbers) =>
      pageNumbers.map(() => [{ kind: 'table', rows, page: 1 }]),
    );

    // The legacy fold would take every row above "9" (the first number read) for the header.
    expect(doc.blocks).toEqual([{ kind: 'table', rows, page: 1 }]);
  });

  it('should read a page turned to landscape by its /Rotate entry the way it is shown', async () => {
    const { PDFDocument, degrees } = await import('pdf-lib');
    const fontkit = (await import('@pdf-lib/fontkit')).default;
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont(readFileSync(FONT_PATH), { subset: true });
    const page = pdf.addPage([595, 842]);
    page.setRotation(degrees(90));
    // Shown turned a quarter clockwise, text drawn a quarter anticlockwise reads left to right.
    const lines = ['PHỤ LỤC II: nhiệm vụ trọng tâm của xã Dân Tiến', 'Bảng được in trên trang khổ ngang'];
    lines.forEach((line, index) => {
      page.drawText(line, { x: 100 + index * 20, y: 60, size: 11, font, rotate: degrees(90) });
    });

    const doc = await readPdfDocument(await pdf.save());

    expect(paragraphs(doc)).toEqual(lines);
  });

  it('should take a short page without an image for a short page, not a scan', async () => {
    const doc = await readPdfDocument(await textPages(['Nguyễn Văn An']));

    expect(doc.origin).toBe('pdf');
    expect(paragraphs(doc)).toEqual(['Nguyễn Văn An']);
  });

  it('should refuse a scanned PDF when no OCR is given', async () => {
    const bytes = await textPages([null], { page: 1, png: await pngOfSize(300, 200) });

    expect(await refusal(readPdfDocument(bytes))).toContain('bản quét');
  });
});

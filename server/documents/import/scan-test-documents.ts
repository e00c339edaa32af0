/**
 * Test support: scans made the way an office makes them. A plan (Times New Roman 13 pt) with a ruled stage table (merged header
 * over the year columns, a section row across the table, a lead unit merged down two rows) is written as
 * DOCX with `docx`, printed to PDF by LibreOffice, rendered at 200 dpi, turned by a small angle and
 * speckled with noise, then saved as PNG or JPEG. Used by tests only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { greyCanvas, renderPdfPage } from './ocr-reader';
import { openPdf } from './pdf-reader';
import type { GreyImage } from './scan-image';

/** The paragraphs above the table: letterhead, number, date, title, appendix heading. */
export const SCAN_PLAN_LINES = [
  'ỦY BAN NHÂN DÂN XÃ DÂN TIẾN',
  'Số: 215/KH-UBND',
  'Dân Tiến, ngày 20 tháng 11 năm 2025',
  'KẾ HOẠCH',
  'Thực hiện chuyển đổi số giai đoạn 2030 - 2045',
  'PHỤ LỤC I',
  'CÁC CHỈ TIÊU CỤ THỂ',
];

/** The stage columns under the merged "Mục tiêu theo giai đoạn" header. */
export const STAGE_YEARS = ['Năm 2030', 'Năm 2035', 'Năm 2040', 'Năm 2045'];

/** Body rows: number, indicator, unit, one target per stage, lead (rows 1–2 share one merged lead). */
export const STAGE_ROWS = [
  ['1', 'Tỷ lệ hộ gia đình có cáp quang', '%', '80%', '90%', '95%', '100%', 'Phòng Văn hóa - Xã hội'],
  ['2', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '60%', '70%', '85%', '100%', ''],
  ['3', 'Số doanh nghiệp công nghệ số', 'Doanh nghiệp', '5', '10', '-', '-', 'Phòng Kinh tế'],
];

/** Builds the plan as a DOCX with a ruled table (single borders, as Word draws them by default). */
export const buildStageTableDocx = async (): Promise<Uint8Array> => {
  const {
    BorderStyle,
    Document,
    Packer,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    VerticalMergeType,
    WidthType,
  } = await import('docx');
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const borders = { top: line, bottom: line, left: line, right: line };
  const cell = (
    text: string,
    options: { columnSpan?: number; merge?: 'restart' | 'continue'; width?: number } = {},
  ) =>
    new TableCell({
      borders,
      children: [new Paragraph(text)],
      ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
      ...(options.width ? { width: { size: options.width, type: WidthType.DXA } } : {}),
      ...(options.merge
        ? {
            verticalMerge:
              options.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
          }
        : {}),
    });
  const widths = [800, 2600, 1200, 1000, 1000, 1000, 1000, 1700];
  const rows = [
    new TableRow({
      children: [
        cell('STT', { merge: 'restart' }),
        cell('Chỉ tiêu', { merge: 'restart' }),
        cell('Đơn vị tính', { merge: 'restart' }),
        cell('Mục tiêu theo giai đoạn', { columnSpan: 4 }),
        cell('Đơn vị chủ trì', { merge: 'restart' }),
      ],
    }),
    new TableRow({
      children: [
        cell('', { merge: 'continue' }),
        cell('', { merge: 'continue' }),
        cell('', { merge: 'continue' }),
        ...STAGE_YEARS.map((year) => cell(year)),
        cell('', { merge: 'continue' }),
      ],
    }),
    new TableRow({ children: [cell('I'), cell('Hạ tầng số', { columnSpan: 7 })] }),
    ...STAGE_ROWS.map(
      (row, index) =>
        new TableRow({
          children: row.map((text, column) => {
            if (column === 7 && index < 2) return cell(text, { merge: index === 0 ? 'restart' : 'continue' });
            return cell(text, { width: widths[column] });
          }),
        }),
    ),
  ];
  // Administrative documents are set in Times New Roman 13–14 pt (Decree 30/2020/NĐ-CP).
  const doc = new Document({
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [
      {
        children: [
          ...SCAN_PLAN_LINES.map((text) => new Paragraph(text)),
          new Table({ rows, columnWidths: widths, width: { size: 10300, type: WidthType.DXA } }),
          new Paragraph('Nơi nhận:'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
};

/**
 * Prints a DOCX to PDF with LibreOffice (as an office would before scanning).
 *
 * @param docx - the Word file
 * @returns the PDF bytes
 */
export const printToPdf = (docx: Uint8Array): Uint8Array => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-test-'));
  try {
    writeFileSync(join(dir, 'plan.docx'), docx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'plan.docx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    return new Uint8Array(readFileSync(join(dir, 'plan.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** A small deterministic random generator (mulberry32), so a noisy scan is the same on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * "Scans" the first page of a PDF: rendered at 200 dpi, turned by `degrees` (clockwise on the page, so
 * lines go down to the right), with grey grain and dark specks, saved as PNG or JPEG.
 *
 * @param pdf - the printed document
 * @param options - the angle, the image format, the share of speckled pixels
 * @returns the image file
 */
export const scanPdfPage = async (
  pdf: Uint8Array,
  options: { degrees: number; format: 'png' | 'jpeg'; specks?: number },
): Promise<Uint8Array> => {
  const { createCanvas } = await import('@napi-rs/canvas');
  const doc = await openPdf(pdf);
  let page: GreyImage;
  try {
    page = await renderPdfPage(doc, 1);
  } finally {
    await doc.destroy();
  }
  const source = await greyCanvas(page);
  const canvas = createCanvas(page.width, page.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, page.width, page.height);
  context.translate(page.width / 2, page.height / 2);
  context.rotate((options.degrees * Math.PI) / 180);
  context.drawImage(source, -page.width / 2, -page.height / 2);
  const noisy = context.getImageData(0, 0, page.width, page.height);
  const next = random(57);
  const specks = options.specks ?? 0.002;
  for (let i = 0; i < page.width * page.height; i++) {
    const grain = Math.round((next() - 0.5) * 40);
    const speck = next() < specks ? -200 : 0;
    const value = Math.max(0, Math.min(255, (noisy.data[4 * i] ?? 255) + grain + speck));
    noisy.data[4 * i] = value;
    noisy.data[4 * i + 1] = value;
    noisy.data[4 * i + 2] = value;
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.putImageData(noisy, 0, 0);
  return options.format === 'png' ? canvas.encode('png') : canvas.encode('jpeg', 85);
};

/**
 * Test support: the same small plan built as DOCX (with a merged-cell indicator table), digital PDF
 * (drawn table, embedded Unicode font) and PNG "scan", so the readers are tested on real files.
 * Used by tests only.
 */
import { readFileSync } from 'node:fs';
import type { DocBlock, DocTable } from './document-model';

export const PLAN_LINES = [
  'ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG',
  'Số: 99/KH-UBND',
  'Thành Đông, ngày 15 tháng 11 năm 2025',
  'KẾ HOẠCH',
  'Thực hiện chuyển đổi số năm 2026',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.',
  'II. TỔ CHỨC THỰC HIỆN',
  'Phòng Văn hóa - Xã hội là cơ quan thường trực, theo dõi, tổng hợp.',
];

/** The indicator table: header rows (merged), a section row, three indicators, a shared lead cell. */
export const TABLE = {
  header: [
    ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu theo năm', '', 'Đơn vị chủ trì', 'Đơn vị phối hợp'],
    ['', '', '', '2025', '2030', '', ''],
  ],
  section: ['I', 'Phát triển hạ tầng số'],
  rows: [
    [
      '1',
      'Tỷ lệ phủ sóng 5G trên địa bàn',
      '%',
      '≥ 60%',
      '100%',
      'Phòng Văn hóa - Xã hội',
      'Doanh nghiệp viễn thông',
    ],
    ['2', 'Tỷ lệ hộ gia đình có cáp quang', '%', '80%', 'Duy trì 100%', '', 'Doanh nghiệp viễn thông'],
    ['3', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '50%', '80%', 'Trung tâm Phục vụ hành chính công', ''],
  ],
};

export const FONT_PATH = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Builds the plan as a DOCX: the lead of rows 1–2 is one cell merged down, the year header spans two columns. */
export const buildPlanDocx = async (): Promise<Uint8Array> => {
  const { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType, WidthType } =
    await import('docx');
  const cell = (
    text: string,
    options: { columnSpan?: number; verticalMerge?: 'restart' | 'continue' } = {},
  ) =>
    new TableCell({
      children: [new Paragraph(text)],
      ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
      ...(options.verticalMerge
        ? {
            verticalMerge:
              options.verticalMerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
          }
        : {}),
    });
  const merged = (text: string, first: boolean) =>
    cell(text, { verticalMerge: first ? 'restart' : 'continue' });
  const rows = [
    new TableRow({
      children: [
        merged('STT', true),
        merged('Chỉ tiêu', true),
        merged('Đơn vị tính', true),
        cell('Mục tiêu theo năm', { columnSpan: 2 }),
        merged('Đơn vị chủ trì', true),
        merged('Đơn vị phối hợp', true),
      ],
    }),
    new TableRow({
      children: [
        merged('', false),
        merged('', false),
        merged('', false),
        cell('2025'),
        cell('2030'),
        merged('', false),
        merged('', false),
      ],
    }),
    new TableRow({ children: [cell('I'), cell('Phát triển hạ tầng số', { columnSpan: 6 })] }),
    ...TABLE.rows.map(
      (row, index) =>
        new TableRow({
          children: row.map((text, column) => {
            if (column !== 5 || index > 1) return cell(text);
            return merged(text, index === 0);
          }),
        }),
    ),
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          ...PLAN_LINES.map((line) => new Paragraph(line)),
          new Paragraph('PHỤ LỤC I'),
          new Paragraph('CÁC CHỈ TIÊU CỤ THỂ'),
          new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
};

/** Builds the plan as a digital PDF (A4, DejaVu Sans embedded), the table drawn with wrapped cells. */
export const buildPlanPdf = async (): Promise<Uint8Array> => {
  const { PDFDocument, rgb } = await import('pdf-lib');
  const fontkit = (await import('@pdf-lib/fontkit')).default;
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(FONT_PATH), { subset: true });
  const page = pdf.addPage([595, 842]);
  let y = 800;
  for (const line of [...PLAN_LINES, 'PHỤ LỤC I', 'CÁC CHỈ TIÊU CỤ THỂ']) {
    page.drawText(line, { x: 50, y, size: 11, font });
    y -= 18;
  }
  // Columns: STT, name, unit, 2025, 2030, lead, coordinating.
  const widths = [28, 130, 40, 50, 60, 110, 100];
  const size = 8;
  const wrap = (text: string, width: number): string[] => {
    const lines: string[] = [];
    let current = '';
    for (const word of text.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width - 6 && current) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    if (current) lines.push(current);
    return lines;
  };
  const drawRow = (cells: string[], spans: number[] = cells.map(() => 1)) => {
    let x = 40;
    let height = 0;
    const placed: Array<{ x: number; width: number; lines: string[] }> = [];
    cells.forEach((text, index) => {
      const start = spans.slice(0, index).reduce((a, b) => a + b, 0);
      const width = widths.slice(start, start + (spans[index] ?? 1)).reduce((a, b) => a + b, 0);
      const lines = wrap(text, width);
      placed.push({ x, width, lines });
      height = Math.max(height, lines.length * (size + 3) + 6);
      x += width;
    });
    for (const cell of placed) {
      page.drawRectangle({
        x: cell.x,
        y: y - height,
        width: cell.width,
        height,
        borderColor: rgb(0, 0, 0),
        borderWidth: 0.5,
      });
      cell.lines.forEach((line, index) => {
        page.drawText(line, { x: cell.x + 3, y: y - 4 - size - index * (size + 3), size, font });
      });
    }
    y -= height;
  };
  drawRow([
    'STT',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Mục tiêu năm 2025',
    'Mục tiêu năm 2030',
    'Đơn vị chủ trì',
    'Đơn vị phối hợp',
  ]);
  drawRow(['I', 'Phát triển hạ tầng số'], [1, 6]);
  for (const [index, row] of TABLE.rows.entries()) {
    // The PDF repeats the lead in row 2 (a printed merged cell shows its text once; that is the DOCX test).
    const cells = [...row];
    if (index === 1) cells[5] = 'Phòng Văn hóa - Xã hội';
    drawRow(cells);
  }
  return pdf.save();
};

/** Renders short lines of text as a white PNG at about 200 dpi (what a scanner gives), for OCR tests. */
export const renderTextPng = async (lines: readonly string[]): Promise<Uint8Array> => {
  const { createCanvas, GlobalFonts } = await import('@napi-rs/canvas');
  GlobalFonts.registerFromPath(FONT_PATH, 'DejaVu Sans Test');
  const canvas = createCanvas(1400, 80 + lines.length * 56);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  context.font = '32px "DejaVu Sans Test"';
  lines.forEach((line, index) => {
    context.fillText(line, 60, 80 + index * 56);
  });
  return canvas.encode('png');
};

/** A photo-like picture with no text: gradients and blobs. */
export const renderPicturePng = async (): Promise<Uint8Array> => {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(480, 360);
  const context = canvas.getContext('2d');
  const gradient = context.createLinearGradient(0, 0, 480, 360);
  gradient.addColorStop(0, '#c9a27e');
  gradient.addColorStop(1, '#4a5d3a');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 480, 360);
  for (const [x, y, r, color] of [
    [240, 200, 90, '#e0b080'],
    [200, 140, 30, '#f0c090'],
    [280, 140, 30, '#f0c090'],
    [240, 230, 20, '#704030'],
  ] as const) {
    context.fillStyle = color;
    context.beginPath();
    context.arc(x, y, r, 0, Math.PI * 2);
    context.fill();
  }
  return canvas.encode('png');
};

/**
 * A plan document as a reader hands it over: a heading (a commune's by default), the outline, an appendix
 * and its tables; for tests of what comes after the readers.
 */
export const planDocumentOf = <Origin extends 'docx' | 'ocr'>(
  origin: Origin,
  tables: DocTable[],
  preamble: readonly string[] = ['ỦY BAN NHÂN DÂN XÃ AN PHÚ', 'Số: 12/KH-UBND', 'KẾ HOẠCH'],
): { origin: Origin; blocks: DocBlock[]; stamps: string[] } => ({
  origin,
  blocks: [
    ...[...preamble, 'I. MỤC TIÊU', 'II. NHIỆM VỤ', 'PHỤ LỤC'].map((text) => ({
      kind: 'paragraph' as const,
      text,
    })),
    ...tables,
  ],
  stamps: [],
});

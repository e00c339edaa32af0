/**
 * Digital PDF → plan text, with pdfjs-dist (legacy build, which runs in Node without a worker file).
 *
 * A PDF has no lines or tables, only glyph runs at positions. Lines are rebuilt from the runs' baselines;
 * a wide horizontal gap between runs becomes a tab (a cell boundary). Inside an indicator or task table
 * (from a "STT"/"TT" header to the signature or the next appendix), cells are placed on the table's
 * columns, found where no text crosses: the multi-line header folds into one line of labels, and a
 * wrapped cell continues on a line that starts with empty cells, as the table reader expects. Pages with
 * almost no text are scans: they are reported so the caller can OCR them.
 */

import { foldText } from '@core/domain/text';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type DocBlock, documentText, type ReadDocument, textDocument } from './document-model';
import { UnreadableDocumentError } from './errors';

/** A page with fewer letters than this in its text layer is treated as scanned. */
export const SCANNED_PAGE_LETTERS = 40;

/** One page's text, or the mark that it is a scan to OCR. */
export type PdfPageText = { pageNumber: number; lines: string[]; scanned: boolean };

type Run = { x: number; y: number; end: number; size: number; text: string };
type Segment = { x: number; end: number; text: string };
type Line = { y: number; size: number; segments: Segment[] };

/**
 * Opens a PDF, mapping pdfjs failures to messages a person can act on.
 *
 * @param bytes - the PDF file
 * @returns the pdfjs document; call `destroy()` when done
 * @throws UnreadableDocumentError for a password-protected or damaged PDF
 */
export const openPdf = async (bytes: Uint8Array): Promise<PDFDocumentProxy> => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (cause) {
    const name = cause instanceof Error ? cause.name : '';
    if (name === 'PasswordException') {
      throw new UnreadableDocumentError(
        'Tệp PDF có đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (hoặc in lại ra PDF không mật khẩu) rồi gửi lại.',
        { cause },
      );
    }
    throw new UnreadableDocumentError(
      'Tệp PDF bị hỏng hoặc không đúng định dạng, không mở được. Hãy xuất lại PDF từ văn bản gốc rồi gửi lại.',
      { cause },
    );
  }
};

const runsOfPage = async (doc: PDFDocumentProxy, pageNumber: number): Promise<Run[]> => {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    if (Math.abs(b) > Math.abs(a)) continue; // rotated text (stamps, margins)
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
    const text = item.str.normalize('NFC');
    // Leading spaces move the visible start; trailing ones are not part of the run's extent.
    const lead = text.length - text.trimStart().length;
    const width = item.width || size * 0.5 * text.length;
    const perChar = width / Math.max(1, text.length);
    runs.push({ x: x + lead * perChar, y, end: x + width, size, text: text.trim() });
  }
  page.cleanup();
  return runs;
};

/**
 * Puts glyphs drawn from a fallback font back into the run they belong to. When the main font lacks a
 * letter ("ệ", "ạ"), the writer draws it later from another font, and the main run holds a blank in its
 * place: "Thực hi n" + "ệ". The glyph replaces the blank nearest to where it is drawn.
 */
const mergeFallbackGlyphs = (ordered: readonly Run[]): Run[] => {
  const placed: Run[] = [];
  for (const run of ordered) {
    const host = placed.find((candidate) => run.x > candidate.x + 0.5 && run.x < candidate.end - 0.5);
    const blanks = host ? [...host.text.matchAll(/ /g)].map((match) => match.index ?? 0) : [];
    if (!host || !blanks.length || run.text.length > 3) {
      placed.push({ ...run });
      continue;
    }
    const perChar = (host.end - host.x) / Math.max(1, host.text.length);
    const at = (run.x - host.x) / perChar;
    const blank = blanks.reduce((best, index) => (Math.abs(index - at) < Math.abs(best - at) ? index : best));
    host.text = `${host.text.slice(0, blank)}${run.text}${host.text.slice(blank + 1)}`;
  }
  return placed;
};

/** Groups runs into lines by baseline, and each line into segments split at wide gaps. */
export const buildLines = (runs: readonly Run[]): Line[] => {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; runs: Run[] }> = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - run.y) < Math.min(line.size, run.size) * 0.45) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  return lines.map((line) => {
    const ordered = mergeFallbackGlyphs([...line.runs].sort((a, b) => a.x - b.x));
    const segments: Segment[] = [];
    for (const run of ordered) {
      const current = segments.at(-1);
      const gap = current ? run.x - current.end : Number.POSITIVE_INFINITY;
      // Word spaces are about a quarter of the font size; table cells are padded wider than 0.6 em.
      if (current && gap < run.size * 0.6) {
        current.text += gap > run.size * 0.12 ? ` ${run.text}` : run.text;
        current.end = Math.max(current.end, run.end);
      } else {
        // A run that itself holds a wide space gap glues two cells: split it.
        const parts = run.text.split(/ {3,}/);
        if (parts.length === 1) segments.push({ x: run.x, end: run.end, text: run.text });
        else {
          const perChar = (run.end - run.x) / Math.max(1, run.text.length);
          let offset = 0;
          for (const part of parts) {
            const at = run.text.indexOf(part, offset);
            segments.push({ x: run.x + at * perChar, end: run.x + (at + part.length) * perChar, text: part });
            offset = at + part.length;
          }
        }
      }
    }
    return { y: line.y, size: line.size, segments };
  });
};

const isTableHeader = (line: Line): boolean =>
  line.segments.length >= 3 && /^(stt|tt|so tt)\b/.test(foldText(line.segments[0]?.text ?? '').trim());

const ENDS_TABLE = /^(phu luc|noi nhan|tm\.|kt\.|chu tich|pho chu tich|bi thu)\b/;

/** A cell that opens a body row: a row number, a roman section number or a dash. */
const isBodyHead = (text: string): boolean => /^(\d{1,3}[.)]?|[IVXLC]{1,6}\.?|[-–+•])$/.test(text.trim());

/**
 * Finds a table's columns: the x ranges its text covers, split where (almost) no line crosses.
 *
 * @param lines - the table's lines
 * @returns column ranges, left to right
 */
export const findColumns = (lines: readonly Line[]): Array<{ x: number; end: number }> => {
  const segments = lines.flatMap((line) => line.segments);
  if (!segments.length) return [];
  const left = Math.floor(Math.min(...segments.map((s) => s.x)));
  const right = Math.ceil(Math.max(...segments.map((s) => s.end)));
  const coverage = new Array<number>(right - left + 1).fill(0);
  for (const line of lines) {
    // A heading row that spans the table (section, group) is left out: it crosses every column.
    if (line.segments.length <= 2 && line.segments.some((s) => s.end - s.x > (right - left) * 0.45)) continue;
    for (const segment of line.segments) {
      for (let x = Math.floor(segment.x); x < Math.ceil(segment.end); x++)
        coverage[x - left] = (coverage[x - left] ?? 0) + 1;
    }
  }
  const columns: Array<{ x: number; end: number }> = [];
  let start = -1;
  for (let i = 0; i <= coverage.length; i++) {
    const covered = (coverage[i] ?? 0) > 0;
    if (covered && start < 0) start = i;
    if (!covered && start >= 0) {
      const previous = columns.at(-1);
      // Gaps narrower than 3pt are letter spacing, not column boundaries.
      if (previous && left + start - previous.end < 3) previous.end = left + i;
      else columns.push({ x: left + start, end: left + i });
      start = -1;
    }
  }
  return columns;
};

/** Places a line's segments on the columns, returning one text per column. */
const placeOnColumns = (line: Line, columns: ReadonlyArray<{ x: number; end: number }>): string[] => {
  const cells = columns.map(() => '');
  for (const segment of line.segments) {
    let index = columns.findIndex((column) => segment.x < column.end - 0.5);
    if (index < 0) index = columns.length - 1;
    cells[index] = cells[index] ? `${cells[index]} ${segment.text}` : segment.text;
  }
  return cells;
};

/** A line outside tables: segments closer than 1.5 em are one text (justified spacing), wider gaps a tab. */
const plainLine = (line: Line): string =>
  line.segments
    .map((segment, index) => {
      const previous = line.segments[index - 1];
      if (!previous) return segment.text;
      return `${segment.x - previous.end < line.size * 1.5 ? ' ' : '\t'}${segment.text}`;
    })
    .join('');

/**
 * Lays out lines as text: plain lines with tabs at wide gaps, tables on their columns.
 *
 * @param lines - the document's lines in reading order (all pages)
 * @returns text lines for the text reader
 */
export const layoutLines = (lines: readonly Line[]): string[] => {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (!isTableHeader(line)) {
      out.push(plainLine(line));
      i++;
      continue;
    }
    // The header may begin a line or two above "STT" (a label wrapped above a vertically centred cell).
    let start = i;
    while (
      start > 0 &&
      i - start < 3 &&
      out.length > 0 &&
      (lines[start - 1] as Line).y - (lines[start] as Line).y < (lines[start] as Line).size * 1.6 &&
      (lines[start - 1] as Line).y > (lines[start] as Line).y
    ) {
      start--;
      out.pop();
    }
    let end = i + 1;
    while (end < lines.length && !ENDS_TABLE.test(foldText((lines[end] as Line).segments[0]?.text ?? '')))
      end++;
    const table = lines.slice(start, end);
    const columns = findColumns(table);
    const rows = table.map((row) => placeOnColumns(row, columns));
    let bodyStart = rows.findIndex((cells, index) => index > i - start && isBodyHead(cells[0] ?? ''));
    if (bodyStart < 0) bodyStart = i - start + 1;
    const labels = columns.map((_, c) =>
      rows
        .slice(0, bodyStart)
        .map((cells) => cells[c] ?? '')
        .filter(Boolean)
        .join(' '),
    );
    out.push(labels.join('\t'));
    for (const cells of rows.slice(bodyStart)) {
      // A repeated header at the top of a page.
      if (/^(stt|tt)$/.test(foldText(cells[0] ?? '').trim()) && cells.filter(Boolean).length >= 3) continue;
      const filled = cells.filter(Boolean).length;
      if (filled) out.push(filled === 1 && cells[0] ? (cells[0] ?? '') : cells.join('\t'));
    }
    i = end;
  }
  return out;
};

/** Reads and measures one page's text layer. */
const readPage = async (
  doc: PDFDocumentProxy,
  pageNumber: number,
): Promise<{ lines: Line[]; scanned: boolean }> => {
  const runs = await runsOfPage(doc, pageNumber);
  const letters = runs.reduce((sum, run) => sum + (run.text.match(/\p{L}/gu)?.length ?? 0), 0);
  if (letters >= SCANNED_PAGE_LETTERS || !(await hasImage(doc, pageNumber))) {
    return { lines: buildLines(runs), scanned: false };
  }
  return { lines: [], scanned: true };
};

/** Tells whether a page paints an image (a page with little text and no image is just a short page). */
const hasImage = async (doc: PDFDocumentProxy, pageNumber: number): Promise<boolean> => {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const page = await doc.getPage(pageNumber);
  const operators = await page.getOperatorList();
  const painters = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
  ]);
  return operators.fnArray.some((fn) => painters.has(fn));
};

/** OCRs the scanned pages of an open PDF: the blocks of each page number, in the order given. */
export type ScannedPagesReader = (
  doc: PDFDocumentProxy,
  pageNumbers: readonly number[],
) => Promise<DocBlock[][]>;

/**
 * Reads a PDF into text lines: the text layer of digital pages, and the OCR of scanned pages through
 * `readScannedPages`, in page order.
 *
 * @param bytes - the PDF file
 * @param readScannedPages - OCR for pages without a text layer; without it a scanned page is refused
 * @returns the document's text
 * @throws UnreadableDocumentError for a password-protected, damaged or (without OCR) scanned PDF
 */
const readPdfLines = async (
  bytes: Uint8Array,
  readScannedPages?: ScannedPagesReader,
): Promise<{ text: string; scanned: boolean }> => {
  const doc = await openPdf(bytes);
  try {
    const pages: Array<{ lines: Line[]; scanned: boolean }> = [];
    for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber++)
      pages.push(await readPage(doc, pageNumber));
    const scanned = pages.flatMap((page, index) => (page.scanned ? [index + 1] : []));
    let ocrTexts: string[] = [];
    if (scanned.length) {
      if (!readScannedPages) {
        throw new UnreadableDocumentError(
          'Tệp PDF là bản quét (ảnh chụp), không có lớp chữ; chức năng nhận dạng chữ (OCR) không được bật.',
        );
      }
      ocrTexts = (await readScannedPages(doc, scanned)).map((blocks) =>
        documentText({ origin: 'ocr', blocks, stamps: [] }),
      );
    }
    // Tables run across pages: consecutive text pages are laid out together.
    const out: string[] = [];
    let pending: Line[] = [];
    pages.forEach((page, index) => {
      if (!page.scanned) {
        pending.push(...page.lines);
        return;
      }
      out.push(...layoutLines(pending));
      pending = [];
      out.push(ocrTexts[scanned.indexOf(index + 1)] ?? '');
    });
    out.push(...layoutLines(pending));
    return { text: out.join('\n'), scanned: scanned.length > 0 };
  } finally {
    await doc.destroy();
  }
};

/**
 * Reads a PDF into the document model: the text layer of digital pages, and the OCR of scanned pages
 * through `readScannedPages`, in page order.
 *
 * @param bytes - the PDF file
 * @param readScannedPages - OCR for pages without a text layer; without it a scanned page is refused
 * @returns the document (origin "ocr" when any page was scanned)
 * @throws UnreadableDocumentError for a password-protected, damaged or (without OCR) scanned PDF
 */
export const readPdfDocument = async (
  bytes: Uint8Array,
  readScannedPages?: ScannedPagesReader,
): Promise<ReadDocument> => {
  const { text, scanned } = await readPdfLines(bytes, readScannedPages);
  return textDocument(text, scanned ? 'ocr' : 'pdf');
};

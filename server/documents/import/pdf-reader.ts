/**
 * Digital PDF → the document model, with pdfjs-dist.
 *
 * The geometry (text runs and drawn rules of every page) is read in a worker thread
 * (`pdf-geometry-worker.mjs`) with its own heap limit and a time limit, so a small PDF costs the server
 * tens of MB rather than hundreds, and a hostile one is refused without harming it. `pdf-layout.ts`
 * turns the geometry into paragraphs and tables (cells from the rules, spans where a rule is missing).
 * Pages with almost no text but an image are scans: they go, in page order, to the OCR reader given.
 */
import { Worker } from 'node:worker_threads';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type DocBlock, type DocCell, type DocTable, type ReadDocument, tableGrid } from './document-model';
import { UnreadableDocumentError } from './errors';
import { layoutPages, type PdfPageGeometry, tableBodyStart } from './pdf-layout';

/** A page with fewer letters than this in its text layer is treated as scanned (when it paints an image). */
export const SCANNED_PAGE_LETTERS = 40;

/** A PDF with more pages than this is refused: a plan with its appendices is tens of pages. */
export const MAX_PDF_PAGES = 300;

/** The geometry of one PDF is read within this time, or the import is refused. */
export const PDF_READ_TIMEOUT_MS = 120_000;

/** The heap the geometry worker may use (MB); a PDF needing more is refused. */
const WORKER_HEAP_MB = 384;

const WORKER_URL = new URL('./pdf-geometry-worker.mjs', import.meta.url);

const damaged = (cause?: unknown) =>
  new UnreadableDocumentError(
    'Tệp PDF bị hỏng hoặc không đúng định dạng, không mở được. Hãy xuất lại PDF từ văn bản gốc rồi gửi lại.',
    cause === undefined ? undefined : { cause },
  );

const passwordProtected = (cause?: unknown) =>
  new UnreadableDocumentError(
    'Tệp PDF có đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (hoặc in lại ra PDF không mật khẩu) rồi gửi lại.',
    cause === undefined ? undefined : { cause },
  );

const tooManyPages = (pageCount: number, limit: number) =>
  new UnreadableDocumentError(
    `Tệp PDF có ${pageCount} trang, vượt quá giới hạn ${limit} trang cho một lần nhập. Hãy tách riêng kế hoạch và các phụ lục của nó thành tệp ngắn hơn rồi gửi lại.`,
  );

/** A trailing "%%EOF" marks a complete PDF; without one in the last KB, or any "obj", the file is cut or not a PDF. */
const looksComplete = (bytes: Uint8Array): boolean => {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  return tail.includes('%%EOF') || / obj\b/.test(head);
};

type WorkerResult =
  | { ok: true; pageCount: number; pages: PdfPageGeometry[] }
  | { ok: false; reason: 'password' | 'damaged' | 'pages'; pageCount?: number; message?: string };

export type PdfReadOptions = {
  /** Refuse a PDF with more pages (default `MAX_PDF_PAGES`). */
  maxPages?: number;
  /** Refuse when reading takes longer (default `PDF_READ_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Stops reading; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Writes tables in the shape the text-based table reader expects (`legacyTable`): the header rows
   * folded into one row of labels per column, a cell merged down repeated in each row it covers.
   * Default true; a reader of the document model that understands spans passes false.
   */
  legacyTables?: boolean;
};

/**
 * Reads the geometry of every page in a worker thread.
 *
 * @param bytes - the PDF file
 * @param options - page and time limits, cancellation
 * @returns the pages' text runs, rules and image counts
 * @throws UnreadableDocumentError for a damaged, password-protected, too long or too costly PDF
 */
export const readPdfGeometry = async (
  bytes: Uint8Array,
  options: PdfReadOptions = {},
): Promise<PdfPageGeometry[]> => {
  const { maxPages = MAX_PDF_PAGES, timeoutMs = PDF_READ_TIMEOUT_MS, signal } = options;
  signal?.throwIfAborted();
  if (!looksComplete(bytes)) throw damaged();
  const worker = new Worker(WORKER_URL, {
    // Without the TypeScript loader (see the worker), with a heap of its own.
    execArgv: [],
    workerData: { bytes: new Uint8Array(bytes), maxPages },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: true,
    stderr: true,
  });
  let timer: NodeJS.Timeout | undefined;
  let onAbort = () => {};
  try {
    const result = await new Promise<WorkerResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', (error) =>
        reject(
          (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new UnreadableDocumentError(
                'Tệp PDF quá phức tạp hoặc quá nặng để đọc (vượt giới hạn bộ nhớ). Hãy xuất lại PDF từ văn bản gốc, hoặc tách nhỏ tệp rồi gửi lại.',
                { cause: error },
              )
            : damaged(error),
        ),
      );
      worker.once('exit', () => reject(damaged()));
      timer = setTimeout(
        () =>
          reject(
            new UnreadableDocumentError(
              `Đọc tệp PDF quá ${Math.round(timeoutMs / 1000)} giây nên đã dừng. Hãy xuất lại PDF từ văn bản gốc, hoặc tách nhỏ tệp rồi gửi lại.`,
            ),
          ),
        timeoutMs,
      );
      onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    if (result.ok) return result.pages;
    if (result.reason === 'password') throw passwordProtected();
    if (result.reason === 'pages') throw tooManyPages(result.pageCount ?? 0, maxPages);
    throw damaged(result.message);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
};

/**
 * Opens a PDF in this thread, for the OCR reader that renders scanned pages. Only a PDF with scanned
 * pages is opened here; reading a digital PDF never loads pdfjs into this thread.
 *
 * @param bytes - the PDF file
 * @returns the pdfjs document; call `destroy()` when done
 * @throws UnreadableDocumentError for a password-protected or damaged PDF
 */
export const openPdf = async (bytes: Uint8Array): Promise<PDFDocumentProxy> => {
  // The minified builds (no source map, a third of the size) cost this process about 200 MB less
  // than the full ones; the worker module, loaded here, is used in this thread (no fake-worker import).
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
  await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
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
    throw cause instanceof Error && cause.name === 'PasswordException'
      ? passwordProtected(cause)
      : damaged(cause);
  }
};

/** OCRs the scanned pages of an open PDF: the blocks of each page number, in the order given. */
export type ScannedPagesReader = (
  doc: PDFDocumentProxy,
  pageNumbers: readonly number[],
) => Promise<DocBlock[][]>;

/** A row that only numbers the columns: "(1) (2) (3)" or "1 2 3 4". */
const isColumnNumbering = (row: readonly string[]): boolean => {
  const texts = row.map((text) => text.trim()).filter(Boolean);
  return texts.length >= 3 && texts.every((text, index) => text.replace(/[()]/g, '') === String(index + 1));
};

/**
 * Folds a table's header rows (those above the first numbered row or group heading) into one row: each column's label
 * joins the distinct texts above it, top to bottom ("Mục tiêu theo năm 2030"); a row numbering the
 * columns is left out.
 *
 * @param table - a table as read
 * @returns the table with a one-row header (unchanged when no numbered row is found)
 */
export const foldHeaderRows = (table: DocTable): DocTable => {
  const grid = tableGrid(table);
  const bodyStart = tableBodyStart(table);
  if (bodyStart < 1) return table;
  const header = grid
    .slice(0, bodyStart)
    .filter((row) => !isColumnNumbering(row.map((slot) => (slot.origin ? slot.text : ''))));
  const width = grid[0]?.length ?? 0;
  const labels: DocCell[] = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of header) {
      const text = (row[c]?.text ?? '').replace(/\s+/g, ' ').trim();
      if (text && !parts.includes(text)) parts.push(text);
    }
    return { text: parts.join(' '), colSpan: 1, rowSpan: 1 };
  });
  // Cells of the body rows keep their spans; a header cell spanning into the body would be cut short.
  return { ...table, rows: [labels, ...table.rows.slice(bodyStart)] };
};

/**
 * Writes a cell merged down into each row it covers (a lead unit shared by three indicators is the
 * lead of each); a merged first column (the row number) stays empty below its first row, so the row
 * reads as the continuation of the one above. Cells merged across keep their colSpan.
 *
 * @param table - a table as read
 * @returns the same table without rowSpans
 */
export const repeatMergedDown = (table: DocTable): DocTable => {
  const grid = tableGrid(table);
  const rows = grid.map((slots, r) => {
    const cells: DocCell[] = [];
    slots.forEach((slot, c) => {
      const previous = slots[c - 1];
      if (previous && previous.row === slot.row && previous.col === slot.col) {
        const last = cells.at(-1);
        if (last) last.colSpan++;
        return;
      }
      const carried = slot.row < r;
      cells.push({ text: carried && slot.col === 0 ? '' : slot.text, colSpan: 1, rowSpan: 1 });
    });
    return cells;
  });
  return { ...table, rows };
};

/**
 * A table in the shape the text-based table reader expects: one folded header row, no rowSpans.
 *
 * @param table - a table as read
 * @returns the table for the text reader
 */
export const legacyTable = (table: DocTable): DocTable => repeatMergedDown(foldHeaderRows(table));

/**
 * Reads a PDF into the document model: paragraphs and tables of the digital pages, and the OCR of
 * scanned pages through `readScannedPages`, in page order.
 *
 * @param bytes - the PDF file
 * @param readScannedPages - OCR for pages without a text layer; without it a scanned page is refused
 * @param options - page and time limits, cancellation, table shape
 * @returns the document (origin "ocr" when any page was scanned)
 * @throws UnreadableDocumentError for a password-protected, damaged, too long or (without OCR) scanned PDF
 */
export const readPdfDocument = async (
  bytes: Uint8Array,
  readScannedPages?: ScannedPagesReader,
  options: PdfReadOptions = {},
): Promise<ReadDocument> => {
  const pages = await readPdfGeometry(bytes, options);
  const letters = (page: PdfPageGeometry) =>
    page.runs.reduce((sum, run) => sum + (run.text.match(/\p{L}/gu)?.length ?? 0), 0);
  const scanned = pages
    .filter((page) => letters(page) < SCANNED_PAGE_LETTERS && page.images > 0)
    .map((page) => page.pageNumber);
  let ocrBlocks: DocBlock[][] = [];
  if (scanned.length) {
    if (!readScannedPages) {
      throw new UnreadableDocumentError(
        'Tệp PDF là bản quét (ảnh chụp), không có lớp chữ; chức năng nhận dạng chữ (OCR) không được bật.',
      );
    }
    const doc = await openPdf(bytes);
    try {
      ocrBlocks = await readScannedPages(doc, scanned);
    } finally {
      await doc.destroy();
    }
  }
  // Tables run across pages: consecutive text pages are laid out together. The legacy shape is for
  // the tables of text pages; a scanned page's tables come as the OCR reader laid them out (as a
  // photo's do): their header was folded from the ruled grid's merged cells, and folding it again
  // down to the first row whose number reads would swallow the rows whose number OCR damaged.
  const legacy = options.legacyTables ?? true;
  const textBlocks = (geometry: PdfPageGeometry[]): DocBlock[] =>
    layoutPages(geometry).map((block) => (legacy && block.kind === 'table' ? legacyTable(block) : block));
  const blocks: DocBlock[] = [];
  let pending: PdfPageGeometry[] = [];
  for (const page of pages) {
    const index = scanned.indexOf(page.pageNumber);
    if (index < 0) {
      pending.push(page);
      continue;
    }
    blocks.push(...textBlocks(pending));
    pending = [];
    blocks.push(...(ocrBlocks[index] ?? []));
  }
  blocks.push(...textBlocks(pending));
  return { origin: scanned.length ? 'ocr' : 'pdf', blocks, stamps: [] };
};

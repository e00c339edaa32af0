/**
 * Scanned pages and photos → paragraphs and tables, with tesseract.js and the Vietnamese model shipped
 * in `@tesseract.js-data/vie` (no download: the language path is the local package, and the worker
 * thread has the network switched off, see `ocr-worker.cjs`). Recognition runs in a worker thread, so
 * the server keeps answering other requests while a scan is read; progress is reported page by page and
 * an AbortSignal stops the worker at once, even in the middle of a page.
 *
 * Each page is brought to a bounded size (PDF pages rendered at 200 dpi whatever the source, photos
 * scaled down to at most 12 megapixels), straightened (`estimateSkew`), its table rules found and
 * wiped (`findRules`, `buildGrids`, `eraseRules`), then recognised with word boxes; the words are put in
 * the cells of the ruled tables or in lines of text (`layoutPage`). A scan has at most 60 pages.
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from 'tesseract.js';
import type { DocBlock } from './document-model';
import { UnreadableDocumentError } from './errors';
import { estimateSkew, type GreyImage, imageSize, removeSpecks, rotateImage } from './scan-image';
import { layoutPage, type PlacedWord } from './scan-layout';
import { blankTables, buildGrids, type CellGrid, cellMosaic, eraseRules, findRules } from './scan-tables';

/** Progress of a long import, in pages. */
export type ImportProgress = { stage: 'ocr'; page: number; pageCount: number };

export type OcrOptions = {
  /** Called before each page is recognised (page n of N). */
  onProgress?: (progress: ImportProgress) => void;
  /** Stops recognition; the import then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called with what was done to each page before recognition (for tests and benchmarks). */
  onPage?: (page: PreparedPage) => void;
};

/** Scanned PDF pages are rendered at this resolution before recognition (tesseract likes 200–300 dpi). */
export const RENDER_DPI = 200;

/**
 * The most pixels a page is recognised at: an A4 page at 300 dpi is 8.7 megapixels; a larger photo is
 * scaled down to this (more pixels only cost memory and time, not accuracy).
 */
export const MAX_PAGE_PIXELS = 12_000_000;

/** The largest photo accepted at all (decoding it takes 4 bytes a pixel before it is scaled down). */
export const MAX_SOURCE_PIXELS = 100_000_000;

/** The most scanned pages (or photos) one import recognises: about 2–5 s a page. */
export const MAX_OCR_PAGES = 60;

/** Below this many letters on all pages together, the file has no readable text. */
const MIN_LETTERS = 20;

/** Straightening below this angle (degrees) changes nothing visible and is skipped. */
const MIN_DESKEW_DEGREES = 0.1;

const require = createRequire(import.meta.url);

/** The folder of the local Vietnamese model (`vie.traineddata.gz`), never a URL. */
export const VIETNAMESE_LANG_PATH = join(
  dirname(require.resolve('@tesseract.js-data/vie/package.json')),
  '4.0.0',
);

const WORKER_PATH = fileURLToPath(new URL('./ocr-worker.cjs', import.meta.url));

const noText = () =>
  new UnreadableDocumentError(
    'Không tìm thấy nội dung kế hoạch trong tệp: ảnh không có chữ đọc được. Hãy chụp/quét lại rõ nét, thẳng trang, đủ sáng (nên quét 200–300 dpi).',
  );

const tooManyPages = (pageCount: number) =>
  new UnreadableDocumentError(
    `Bản quét có ${pageCount} trang, vượt giới hạn ${MAX_OCR_PAGES} trang nhận dạng chữ (OCR) cho một lần nhập. Hãy tách riêng phần kế hoạch và các phụ lục chỉ tiêu, nhiệm vụ (không quá ${MAX_OCR_PAGES} trang) thành một tệp rồi gửi lại, hoặc gửi bản Word/PDF gốc có lớp chữ.`,
  );

/** A page image before recognition: its file bytes, or what produces the bytes or pixels in its turn. */
export type PageSource = Uint8Array | (() => Promise<Uint8Array | GreyImage>);

/** What was done to a page before recognition. */
export type PreparedPage = {
  /** 1-based position among the pages recognised. */
  page: number;
  width: number;
  height: number;
  /** The slope of the text lines found and removed, in degrees (0 when under 0.1°). */
  skewDegrees: number;
  /** The ruled tables found. */
  grids: CellGrid[];
};

/**
 * Watches a signal: `race` settles a piece of work, or rejects with the signal's reason as soon as the
 * signal is aborted. tesseract.js leaves the page being recognised pending forever when its worker is
 * terminated, so every wait of the OCR loop goes through this.
 */
const watchAbort = (signal: AbortSignal | undefined) => {
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  // Observed through `race`; a rejection nobody raced against is not an error.
  aborted.catch(() => {});
  return {
    race: <T>(work: Promise<T>): Promise<T> => {
      if (!signal) return work;
      // Once the signal has won, the work's own end (often "worker terminated") is nobody's business;
      // left unobserved it would be an unhandled rejection that ends the process.
      work.catch(() => {});
      return Promise.race([work, aborted]);
    },
    dispose: () => signal?.removeEventListener('abort', onAbort),
  };
};

/** Canvas pixels (RGBA) → grey. */
const toGrey = (rgba: Uint8ClampedArray, width: number, height: number): GreyImage => {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++)
    data[i] = Math.round(
      0.299 * (rgba[4 * i] ?? 255) + 0.587 * (rgba[4 * i + 1] ?? 255) + 0.114 * (rgba[4 * i + 2] ?? 255),
    );
  return { width, height, data };
};

/** The scale that brings a picture of this size to at most `MAX_PAGE_PIXELS`. */
const fitScale = (width: number, height: number): number =>
  Math.min(1, Math.sqrt(MAX_PAGE_PIXELS / Math.max(1, width * height)));

/**
 * Decodes a photo or page image (PNG, JPEG) to grey pixels, scaled down to at most `MAX_PAGE_PIXELS`.
 *
 * @param bytes - the image file
 * @returns the grey image
 * @throws UnreadableDocumentError when the image is damaged or too large (over `MAX_SOURCE_PIXELS`)
 */
export const decodeImage = async (bytes: Uint8Array): Promise<GreyImage> => {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const size = imageSize(bytes);
  if (!size) throw damagedImage();
  if (size.width * size.height > MAX_SOURCE_PIXELS) {
    throw new UnreadableDocumentError(
      `Ảnh quá lớn (${size.width} × ${size.height} điểm ảnh): chỉ nhận ảnh đến ${MAX_SOURCE_PIXELS / 1_000_000} triệu điểm ảnh. Hãy chụp/quét lại ở độ phân giải 200–300 dpi rồi gửi lại.`,
    );
  }
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (cause) {
    throw damagedImage(cause);
  }
  const scale = fitScale(image.width, image.height);
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  return toGrey(context.getImageData(0, 0, width, height).data, width, height);
};

const damagedImage = (cause?: unknown) =>
  new UnreadableDocumentError(
    'Tệp ảnh bị hỏng hoặc không đúng định dạng, không mở được. Hãy chụp/quét lại và gửi ảnh PNG hoặc JPG.',
    { cause },
  );

/** Grey pixels drawn on a canvas of their size (to encode, or to draw elsewhere). */
export const greyCanvas = async (image: GreyImage) => {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(image.width, image.height);
  for (let i = 0; i < image.data.length; i++) {
    const value = image.data[i] ?? 255;
    pixels.data[4 * i] = value;
    pixels.data[4 * i + 1] = value;
    pixels.data[4 * i + 2] = value;
    pixels.data[4 * i + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return canvas;
};

/** Grey pixels → PNG bytes, for the recogniser. */
const encodeGrey = async (image: GreyImage): Promise<Buffer> => (await greyCanvas(image)).encode('png');

/**
 * Prepares a page for recognition: removes specks, straightens it, finds its ruled tables and wipes their rules.
 *
 * @param image - the grey page
 * @returns the cleaned page, its tables and the skew removed
 */
export const preparePage = (
  image: GreyImage,
): { image: GreyImage; grids: CellGrid[]; skewDegrees: number } => {
  const clean = removeSpecks(image);
  const skew = estimateSkew(clean);
  const skewDegrees = Math.abs(skew) >= MIN_DESKEW_DEGREES ? skew : 0;
  const straight = skewDegrees ? rotateImage(clean, skewDegrees) : clean;
  const rules = findRules(straight);
  const grids = buildGrids(rules);
  // Every long horizontal rule goes (table rules, underlines); vertical ones only inside tables, where
  // they are known not to be letters.
  const inTables = rules.vertical.filter((rule) =>
    grids.some(
      (grid) =>
        rule.y0 >= (grid.ys[0] ?? 0) - 8 &&
        rule.y1 <= (grid.ys.at(-1) ?? 0) + 8 &&
        rule.x0 >= (grid.xs[0] ?? 0) - 8 &&
        rule.x1 <= (grid.xs.at(-1) ?? 0) + 8,
    ),
  );
  return { image: eraseRules(straight, [...rules.horizontal, ...inTables]), grids, skewDegrees };
};

/** The words of a recognised page with their boxes, numbered by the line they were read in. */
const wordsOf = (page: Page): PlacedWord[] => {
  const words: PlacedWord[] = [];
  let line = 0;
  for (const block of page.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const textLine of paragraph.lines) {
        for (const word of textLine.words)
          words.push({ text: word.text.normalize('NFC'), ...word.bbox, line });
        line++;
      }
  return words;
};

/**
 * Reads a table's cells: their ink stacked on a mosaic (`cellMosaic`), recognised at once, and each word
 * moved back to where it stands on the page, so that it falls in its cell.
 *
 * @param image - the page with its rules wiped
 * @param grid - the table
 * @param read - recognition of an image into words
 * @returns the words, in page coordinates
 */
const readCells = async (
  image: GreyImage,
  grid: CellGrid,
  read: (image: GreyImage) => Promise<PlacedWord[]>,
): Promise<PlacedWord[]> => {
  const mosaic = cellMosaic(image, grid);
  if (!mosaic.pieces.length) return [];
  const words = await read(mosaic.image);
  // A lone dash ("no target") is too small for OCR to report: a cell whose only ink is one short, thin
  // horizontal stroke is read as "-".
  const dashes = mosaic.pieces
    .filter((piece) => piece.height <= 6 && piece.width >= 2 * piece.height && piece.width <= 60)
    .filter(
      (piece) =>
        !words.some(
          (word) =>
            (word.y0 + word.y1) / 2 >= piece.y - 20 && (word.y0 + word.y1) / 2 < piece.y + piece.height + 20,
        ),
    )
    .map(
      (piece): PlacedWord => ({
        text: '-',
        x0: piece.x,
        y0: piece.y,
        x1: piece.x + piece.width,
        y1: piece.y + piece.height,
        line: -1,
      }),
    );
  return [...words, ...dashes].flatMap((word) => {
    const centre = (word.y0 + word.y1) / 2;
    const piece = mosaic.pieces.find(
      (candidate) => centre >= candidate.y - 20 && centre < candidate.y + candidate.height + 20,
    );
    if (!piece) return [];
    const dx = piece.pageX - piece.x;
    const dy = piece.pageY - piece.y;
    // Cells' words are placed by position; their line numbers stay apart from the page's lines.
    return [
      {
        ...word,
        x0: word.x0 + dx,
        x1: word.x1 + dx,
        y0: word.y0 + dy,
        y1: word.y1 + dy,
        line: -1 - word.line,
      },
    ];
  });
};

/**
 * Recognises page images (PNG or JPEG bytes, or grey pixels) in a tesseract worker thread: each page
 * straightened, its ruled tables read cell by cell (one recognition of a mosaic of the cells per table),
 * the rest of the page as lines of text.
 *
 * @param images - one image per page, in page order (at most `MAX_OCR_PAGES`)
 * @param options - progress callback and cancellation
 * @returns the blocks (paragraphs, tables) of each page
 * @throws UnreadableDocumentError for too many pages, an image that cannot be decoded, or no readable
 *   text on any page; the signal's reason when aborted
 */
export const recognizeImages = async (
  images: readonly PageSource[],
  options: OcrOptions = {},
): Promise<DocBlock[][]> => {
  const { signal, onProgress, onPage } = options;
  signal?.throwIfAborted();
  if (images.length > MAX_OCR_PAGES) throw tooManyPages(images.length);
  const { createWorker, PSM, OEM } = await import('tesseract.js');
  const abort = watchAbort(signal);
  const starting = createWorker('vie', OEM.LSTM_ONLY, {
    langPath: VIETNAMESE_LANG_PATH,
    gzip: true,
    // Read the model from the package, cache nothing, write nothing.
    cachePath: tmpdir(),
    cacheMethod: 'none',
    workerPath: WORKER_PATH,
    // Without a handler, tesseract.js throws a failed job (an image it cannot decode) out of its message
    // listener: an uncaught exception that ends the whole server. The job's promise is rejected anyway,
    // and the import records the failure from there.
    errorHandler: () => {},
  });
  let worker: Awaited<typeof starting>;
  try {
    worker = await abort.race(starting);
  } catch (error) {
    // Cancelled while the model loads: the worker thread still ends once it has started.
    starting.then((started) => started.terminate()).catch(() => {});
    abort.dispose();
    throw error;
  }
  // Terminating the worker stops the page being recognised now, not after it (a page takes seconds).
  const stop = () => void worker.terminate().catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await abort.race(
      worker.setParameters({
        tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
        user_defined_dpi: String(RENDER_DPI),
      }),
    );
    const pages: DocBlock[][] = [];
    let letters = 0;
    for (const [index, source] of images.entries()) {
      signal?.throwIfAborted();
      onProgress?.({ stage: 'ocr', page: index + 1, pageCount: images.length });
      const loaded = typeof source === 'function' ? await abort.race(source()) : source;
      const grey = loaded instanceof Uint8Array ? await abort.race(decodeImage(loaded)) : loaded;
      const prepared = preparePage(grey);
      onPage?.({
        page: index + 1,
        width: grey.width,
        height: grey.height,
        skewDegrees: prepared.skewDegrees,
        grids: prepared.grids,
      });
      const read = async (image: GreyImage) => {
        const png = await abort.race(encodeGrey(image));
        // The worker is terminated the moment the signal aborts; a job sent to it after that throws.
        signal?.throwIfAborted();
        return wordsOf((await abort.race(worker.recognize(png, {}, { blocks: true, text: false }))).data);
      };
      const words = await read(blankTables(prepared.image, prepared.grids));
      for (const grid of prepared.grids) words.push(...(await readCells(prepared.image, grid, read)));
      for (const word of words) letters += word.text.match(/\p{L}/gu)?.length ?? 0;
      pages.push(layoutPage(words, prepared.grids, index + 1));
    }
    if (letters < MIN_LETTERS) throw noText();
    return pages;
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
    abort.dispose();
    if (!signal?.aborted) await worker.terminate();
  }
};

/**
 * Renders one PDF page to grey pixels at the OCR resolution (pdfjs draws on @napi-rs/canvas in Node),
 * whatever the resolution of the scan inside it; a very large page is rendered at fewer dpi so that it
 * stays within `MAX_PAGE_PIXELS`.
 *
 * @param doc - an open PDF
 * @param pageNumber - 1-based page number
 * @returns the grey page
 */
export const renderPdfPage = async (doc: PDFDocumentProxy, pageNumber: number): Promise<GreyImage> => {
  const page = await doc.getPage(pageNumber);
  const natural = page.getViewport({ scale: RENDER_DPI / 72 });
  const viewport = page.getViewport({ scale: (RENDER_DPI / 72) * fitScale(natural.width, natural.height) });
  const { context, width, height } = await renderOnWhite(page, viewport);
  return toGrey(context.getImageData(0, 0, width, height).data, width, height);
};

/**
 * Renders a PDF page on a white canvas (whole pixels) and frees the page's resources.
 *
 * @param page - a page of an open PDF
 * @param viewport - its scale
 * @returns the canvas, its context and its size
 */
export const renderOnWhite = async (page: PDFPageProxy, viewport: PageViewport) => {
  const { createCanvas } = await import('@napi-rs/canvas');
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  page.cleanup();
  return { canvas, context, width, height };
};

/**
 * OCRs the scanned pages of a PDF, rendering each page only when its turn comes.
 *
 * @param doc - an open PDF
 * @param pageNumbers - the pages without a text layer (at most `MAX_OCR_PAGES`)
 * @param options - progress and cancellation
 * @returns the blocks of each page, in the order given
 */
export const recognizePdfPages = (
  doc: PDFDocumentProxy,
  pageNumbers: readonly number[],
  options: OcrOptions = {},
): Promise<DocBlock[][]> =>
  recognizeImages(
    pageNumbers.map((pageNumber) => () => renderPdfPage(doc, pageNumber)),
    options,
  );

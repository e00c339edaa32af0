/**
 * Scanned pages and photos → text, with tesseract.js and the Vietnamese model shipped in
 * `@tesseract.js-data/vie` (no download: the language path is the local package, and the worker thread
 * has the network switched off, see `ocr-worker.cjs`). Recognition runs in a worker thread, so the
 * server keeps answering other requests while a scan is read; progress is reported page by page and an
 * AbortSignal stops the worker at once, even in the middle of a page.
 *
 * Page segmentation mode 6 (one uniform block) keeps the reading order of a typed administrative page.
 * Whole-page OCR loses table columns; the text path rebuilds OCR'd indicator tables (`ocr-table.ts`).
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type DocBlock, textDocument } from './document-model';
import { UnreadableDocumentError } from './errors';

/** Progress of a long import, in pages. */
export type ImportProgress = { stage: 'ocr'; page: number; pageCount: number };

export type OcrOptions = {
  /** Called before each page is recognised (page n of N). */
  onProgress?: (progress: ImportProgress) => void;
  /** Stops recognition; the import then rejects with the signal's reason. */
  signal?: AbortSignal;
};

/** Scanned PDF pages are rendered at this resolution before recognition (tesseract likes 200–300 dpi). */
const RENDER_DPI = 200;

/** Below this many letters on all pages together, the file has no readable text. */
const MIN_LETTERS = 20;

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
    race: <T>(work: Promise<T>): Promise<T> => (signal ? Promise.race([work, aborted]) : work),
    dispose: () => signal?.removeEventListener('abort', onAbort),
  };
};

/**
 * Recognises the text of page images (PNG or JPEG bytes) in a tesseract worker thread.
 *
 * @param images - one image per page, in page order
 * @param options - progress callback and cancellation
 * @returns the blocks (paragraphs, tables) of each page
 * @throws UnreadableDocumentError when no page has readable text; the signal's reason when aborted
 */
export const recognizeImages = async (
  images: ReadonlyArray<Uint8Array | (() => Promise<Uint8Array>)>,
  options: OcrOptions = {},
): Promise<DocBlock[][]> => {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
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
    const texts: string[] = [];
    for (const [index, image] of images.entries()) {
      signal?.throwIfAborted();
      onProgress?.({ stage: 'ocr', page: index + 1, pageCount: images.length });
      const bytes = typeof image === 'function' ? await abort.race(image()) : image;
      const result = await abort.race(
        worker.recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
      );
      texts.push(result.data.text.normalize('NFC'));
    }
    const letters = texts.join('').match(/\p{L}/gu)?.length ?? 0;
    if (letters < MIN_LETTERS) throw noText();
    return texts.map((text) => textDocument(text, 'ocr').blocks);
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
 * Renders one PDF page to a PNG at the OCR resolution (pdfjs draws on @napi-rs/canvas in Node).
 *
 * @param doc - an open PDF
 * @param pageNumber - 1-based page number
 * @returns PNG bytes
 */
export const renderPdfPage = async (doc: PDFDocumentProxy, pageNumber: number): Promise<Uint8Array> => {
  const { createCanvas } = await import('@napi-rs/canvas');
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: RENDER_DPI / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  page.cleanup();
  return canvas.encode('png');
};

/**
 * OCRs the scanned pages of a PDF, rendering each page only when its turn comes.
 *
 * @param doc - an open PDF
 * @param pageNumbers - the pages without a text layer
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

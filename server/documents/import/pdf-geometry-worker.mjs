/**
 * Worker thread: reads the geometry of a PDF with pdfjs-dist — every page's text runs (with their
 * positions) and the straight rules it draws (table borders) — and posts it back as plain data.
 *
 * It is plain JavaScript started without the TypeScript loader on purpose: run through the loader,
 * pdfjs's 3 MB of modules cost the importing process some 350 MB of memory; here it costs tens. The
 * thread also has its own heap limit, so a hostile PDF fails this thread, not the server.
 *
 * Message in: { bytes: Uint8Array, maxPages: number }.
 * Message out: { ok: true, pageCount, pages: PdfPageGeometry[] } or { ok: false, reason, message }.
 */
import { parentPort, workerData } from 'node:worker_threads';

/** A path whose bounding box is thinner than this (pt) is a rule, whatever way it is painted. */
const THIN = 3;

const multiply = (m, n) => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m, x, y) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * The straight horizontal and vertical rules a page draws, in page space: stroked line segments and
 * rectangle sides, and thin filled rectangles (Word and LibreOffice often fill a hairline box).
 */
const rulesOf = (operatorList, OPS, base) => {
  const rules = [];
  let images = 0;
  let ctm = base;
  const stack = [];
  const stroked = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const filled = new Set([OPS.fill, OPS.eoFill]);
  const painters = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
  const { fnArray, argsArray } = operatorList;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) ctm = multiply(ctm, Array.from(args[0]));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (painters.has(fn)) images++;
    else if (fn === OPS.constructPath) {
      const [paint, [buffer]] = args;
      if (!buffer || !(stroked.has(paint) || filled.has(paint))) continue;
      // Points of each subpath, in page space (curves are not rules: a curve breaks the subpath).
      const subpaths = [];
      let current = [];
      for (let k = 0; k < buffer.length; ) {
        const op = buffer[k++];
        if (op === 0) {
          if (current.length) subpaths.push(current);
          current = [apply(ctm, buffer[k], buffer[k + 1])];
          k += 2;
        } else if (op === 1) {
          current.push(apply(ctm, buffer[k], buffer[k + 1]));
          k += 2;
        } else if (op === 2) {
          if (current.length) subpaths.push(current);
          current = [apply(ctm, buffer[k + 4], buffer[k + 5])];
          k += 6;
        } else if (op === 3) {
          if (current.length) subpaths.push(current);
          current = [apply(ctm, buffer[k + 2], buffer[k + 3])];
          k += 4;
        } else if (op === 4) {
          if (current.length) current.push(current[0]);
        }
      }
      if (current.length) subpaths.push(current);
      for (const points of subpaths) {
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const width = Math.max(...xs) - Math.min(...xs);
        const height = Math.max(...ys) - Math.min(...ys);
        if (
          filled.has(paint) ||
          (stroked.has(paint) && (width < THIN || height < THIN) && points.length > 2)
        ) {
          // A filled box is a rule only when it is thin; then it stands for its centre line.
          if (width < THIN && height >= THIN) {
            const x = (Math.max(...xs) + Math.min(...xs)) / 2;
            rules.push([x, Math.min(...ys), x, Math.max(...ys)]);
          } else if (height < THIN && width >= THIN) {
            const y = (Math.max(...ys) + Math.min(...ys)) / 2;
            rules.push([Math.min(...xs), y, Math.max(...xs), y]);
          }
          if (filled.has(paint)) continue;
        }
        for (let p = 1; p < points.length; p++) {
          const [x1, y1] = points[p - 1];
          const [x2, y2] = points[p];
          if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= 1) rules.push([x1, y1, x2, y2]);
          else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= 1) rules.push([x1, y1, x2, y2]);
        }
      }
    }
  }
  return { rules, images };
};

/** One page's text runs: position and size of each, rotated runs (stamps, margins) left out. */
const runsOf = (content, base) => {
  const runs = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = multiply(base, item.transform);
    if (Math.abs(b) > Math.abs(a)) continue;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
    const text = item.str.normalize('NFC');
    const lead = text.length - text.trimStart().length;
    const width = item.width || size * 0.5 * text.length;
    const perChar = width / Math.max(1, text.length);
    runs.push({ x: x + lead * perChar, y, end: x + width, size, text: text.trim() });
  }
  return runs;
};

/** Images larger than this (pixels) are not decoded: a scan's page image is only counted, never painted. */
const MAX_DECODED_IMAGE_PIXELS = 1_000_000;

/** Images pdfjs skipped for their size since the last look (it says so in a warning, and nowhere else). */
let skippedImages = 0;
console.warn = (...args) => {
  if (String(args[0] ?? '').includes('Image exceeded maximum allowed size')) skippedImages++;
};

const read = async ({ bytes, maxPages }) => {
  // The minified builds carry no source map; the worker module is loaded up front (no fake-worker import).
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.min.mjs');
  globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    maxImageSize: MAX_DECODED_IMAGE_PIXELS,
    // Warnings are needed to count the images left out (see console.warn above); nothing is printed.
    verbosity: 1,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (cause) {
    const name = cause instanceof Error ? cause.name : '';
    return {
      ok: false,
      reason: name === 'PasswordException' ? 'password' : 'damaged',
      message: String(cause),
    };
  }
  try {
    if (doc.numPages > maxPages) return { ok: false, reason: 'pages', pageCount: doc.numPages };
    const pages = [];
    for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber++) {
      const page = await doc.getPage(pageNumber);
      // Page space as the page is shown (its /Rotate and crop applied), y upwards from the bottom edge.
      const viewport = page.getViewport({ scale: 1 });
      const base = multiply([1, 0, 0, -1, 0, viewport.height], viewport.transform);
      const runs = runsOf(await page.getTextContent(), base);
      skippedImages = 0;
      const { rules, images } = rulesOf(await page.getOperatorList(), pdfjs.OPS, base);
      page.cleanup();
      pages.push({
        pageNumber,
        box: [0, 0, viewport.width, viewport.height],
        runs,
        rules,
        images: images + skippedImages,
      });
    }
    return { ok: true, pageCount: doc.numPages, pages };
  } finally {
    await doc.destroy();
  }
};

read(workerData)
  .then((result) => parentPort?.postMessage(result))
  .catch((error) => parentPort?.postMessage({ ok: false, reason: 'damaged', message: String(error) }));

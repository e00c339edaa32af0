/**
 * The corpus's PDF formats: digital PDFs made from the DOCX files by LibreOffice (many files in one
 * soffice call, with a private profile), and "scans" of those PDFs: pages rendered at 200 dpi, turned by up
 * to ±1°, with a slightly grey uneven background, speckles and uneven ink, encoded as JPEG and wrapped in an
 * image-only PDF, as an office scanner writes them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { findSoffice } from '../../export/pdf-converter';
import { renderOnWhite } from '../ocr-reader';
import { openPdf } from '../pdf-reader';
import type { Rng } from './rng';

const run = promisify(execFile);

/**
 * Converts DOCX files to PDF with one LibreOffice call; each PDF is written beside nothing else, in outDir,
 * with the DOCX's name and ".pdf".
 *
 * @param docxPaths - the files to convert
 * @param outDir - where the PDFs go
 * @throws when LibreOffice is not installed or the conversion fails
 */
export const convertDocxToPdf = async (docxPaths: readonly string[], outDir: string): Promise<void> => {
  if (docxPaths.length === 0) return;
  const soffice = await findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: the PDF formats cannot be made');
  const profile = mkdtempSync(join(tmpdir(), 'corpus-soffice-profile-'));
  try {
    await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...docxPaths,
      ],
      { timeout: 300_000 + docxPaths.length * 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
};

/** The repository root: the child resolves the TypeScript paths of tsconfig.json from there. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The scan resolution. */
export const SCAN_DPI = 200;

/**
 * Makes a scanned copy of a PDF: every page rendered at 200 dpi with skew and noise, as JPEG pages in an
 * image-only PDF (no text layer).
 *
 * @param pdfBytes - a digital PDF
 * @param rng - the generator for this document (skew, noise)
 * @returns the scanned PDF's bytes
 */
export const scanPdf = async (pdfBytes: Uint8Array, rng: Rng): Promise<Uint8Array> => {
  const { createCanvas } = await import('@napi-rs/canvas');
  const { PDFDocument } = await import('pdf-lib');
  const source = await openPdf(pdfBytes);
  const out = await PDFDocument.create();
  try {
    for (let n = 1; n <= source.numPages; n++) {
      const page = await source.getPage(n);
      const viewport = page.getViewport({ scale: SCAN_DPI / 72 });
      const { canvas: clean, width, height } = await renderOnWhite(page, viewport);

      // The sheet: a light grey paper, turned by up to 1°, slightly off-centre.
      const scan = createCanvas(width, height);
      const context = scan.getContext('2d');
      const paper = 236 + rng.int(0, 14);
      context.fillStyle = `rgb(${paper},${paper},${paper - rng.int(0, 4)})`;
      context.fillRect(0, 0, width, height);
      context.save();
      context.translate(width / 2 + rng.int(-12, 12), height / 2 + rng.int(-12, 12));
      context.rotate(((rng.next() * 2 - 1) * Math.PI) / 180);
      context.globalCompositeOperation = 'multiply';
      context.drawImage(clean, -width / 2, -height / 2);
      context.restore();

      // Uneven ink and lighting, speckles.
      const image = context.getImageData(0, 0, width, height);
      const data = image.data;
      const bands = rng.int(2, 5);
      const phase = rng.next() * Math.PI * 2;
      for (let y = 0; y < height; y++) {
        const light = 6 * Math.sin((y / height) * Math.PI * bands + phase);
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const grain = (rng.next() - 0.5) * 18 + light;
          for (let c = 0; c < 3; c++) {
            const v = data[i + c] ?? 255;
            // Dark ink lightens a little unevenly; paper gets grain.
            data[i + c] = Math.max(0, Math.min(255, v < 128 ? v + grain * 1.5 + 10 : v + grain));
          }
        }
      }
      const speckles = rng.int(300, 1200);
      for (let s = 0; s < speckles; s++) {
        const x = rng.int(0, width - 2);
        const y = rng.int(0, height - 2);
        const dark = rng.int(20, 120);
        for (const [dx, dy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ] as const) {
          if (dx + dy > 0 && rng.chance(0.5)) continue;
          const i = ((y + dy) * width + (x + dx)) * 4;
          data[i] = data[i + 1] = data[i + 2] = dark;
        }
      }
      context.putImageData(image, 0, 0);
      const jpeg = await scan.encode('jpeg', 80);
      const embedded = await out.embedJpg(jpeg);
      const pageWidth = (width / SCAN_DPI) * 72;
      const pageHeight = (height / SCAN_DPI) * 72;
      out
        .addPage([pageWidth, pageHeight])
        .drawImage(embedded, { x: 0, y: 0, width: pageWidth, height: pageHeight });
    }
  } finally {
    await source.destroy();
  }
  return out.save();
};

const SCAN_CHILD = fileURLToPath(new URL('./scan-child.ts', import.meta.url));

/**
 * Scans a PDF (`scanPdf`) in a child process: a native crash of the canvas (it happened once, a
 * segmentation fault) then fails this document with a message instead of ending the caller.
 *
 * @param pdfPath - the digital PDF
 * @param rngSeed - the seed of the document's generator (as `createRng` takes it)
 * @param outPath - where the scan is written
 * @throws Error naming the document and how the child ended (exit code or signal)
 */
export const scanInChild = async (pdfPath: string, rngSeed: string, outPath: string): Promise<void> => {
  try {
    await run(process.execPath, ['--import', 'tsx', SCAN_CHILD, pdfPath, rngSeed, outPath], {
      cwd: ROOT,
      timeout: 10 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as { code?: number | string; signal?: string | null; stderr?: string };
    const how = failed.signal ? `signal ${failed.signal}` : `exit code ${failed.code ?? '?'}`;
    const detail = (failed.stderr ?? '').trim().split('\n').at(-1) ?? '';
    throw new Error(`scan of ${pdfPath} failed (${how})${detail ? `: ${detail}` : ''}`, { cause: error });
  }
};

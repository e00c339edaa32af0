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

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../../..');

/**
 * Makes the scan of a PDF file (`scanPdf`) in a child process (`scan-process.ts`), so that a native crash
 * of the rendering fails this call with the child's signal and stderr instead of ending the caller.
 *
 * @param input - the digital PDF
 * @param output - where the scanned PDF is written
 * @param seed - the seed of the scan's generator (skew, noise)
 * @throws Error naming the exit code or signal and the child's stderr when the scan was not made
 */
export const scanInChild = async (input: string, output: string, seed: string): Promise<void> => {
  try {
    await run(process.execPath, ['--import', 'tsx', join(HERE, 'scan-process.ts'), input, output, seed], {
      cwd: ROOT,
      timeout: 600_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (cause) {
    const { code, signal, stderr } = cause as { code?: number; signal?: string; stderr?: string };
    throw new Error(`The scan of ${input} was not made (code ${code}, signal ${signal}):\n${stderr ?? ''}`, {
      cause,
    });
  }
};

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

/**
 * Word → PDF through LibreOffice headless (`soffice --headless --convert-to pdf`). Whether LibreOffice is
 * installed is found out once, on first use; without it the conversion answers PDF_UNAVAILABLE (503) and
 * never crashes the server. Conversions run one at a time with one private LibreOffice profile, because two
 * soffice processes sharing a profile refuse each other.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AppError } from '../../errors';

const run = promisify(execFile);

/** A conversion took longer than this: LibreOffice is stuck, the request fails instead of hanging. */
const CONVERT_TIMEOUT_MS = 120_000;

export type PdfConverter = {
  /** Whether a PDF can be made here (LibreOffice found). */
  isAvailable: () => Promise<boolean>;
  /** @throws AppError PDF_UNAVAILABLE when LibreOffice is not installed; INTERNAL when the conversion fails */
  docxToPdf: (docx: Buffer) => Promise<Buffer>;
};

/** Finds the soffice program: the first candidate that answers `--version`, or null. */
export const findSoffice = async (
  candidates: readonly string[] = ['soffice', 'libreoffice'],
): Promise<string | null> => {
  for (const candidate of candidates) {
    try {
      await run(candidate, ['--version'], { timeout: 30_000 });
      return candidate;
    } catch {
      // Not this one: try the next.
    }
  }
  return null;
};

/**
 * Creates the converter.
 *
 * @param options - `detect` finds the soffice program (injectable: tests pass one that finds nothing)
 */
export const createPdfConverter = (options: { detect?: () => Promise<string | null> } = {}): PdfConverter => {
  const detect = options.detect ?? (() => findSoffice());
  let program: Promise<string | null> | null = null;
  let profile: Promise<string> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const programOnce = () => {
    program ??= detect().catch(() => null);
    return program;
  };

  const convert = async (soffice: string, docx: Buffer): Promise<Buffer> => {
    profile ??= mkdtemp(join(tmpdir(), 'lotrinh-soffice-profile-'));
    const profileDir = await profile;
    const workDir = await mkdtemp(join(tmpdir(), 'lotrinh-pdf-'));
    try {
      const input = join(workDir, 'bao-cao.docx');
      await writeFile(input, docx);
      await run(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          workDir,
          input,
        ],
        { timeout: CONVERT_TIMEOUT_MS },
      );
      const pdf = await readFile(join(workDir, 'bao-cao.pdf'));
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('LibreOffice produced no PDF');
      return pdf;
    } catch (error) {
      throw new AppError('INTERNAL', {
        message: 'Không chuyển được báo cáo sang PDF. Hãy tải bản Word (.docx) hoặc thử lại sau.',
        cause: error,
      });
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  };

  return {
    isAvailable: async () => (await programOnce()) != null,
    docxToPdf: async (docx) => {
      const soffice = await programOnce();
      if (!soffice) throw new AppError('PDF_UNAVAILABLE');
      const result = queue.then(() => convert(soffice, docx));
      queue = result.catch(() => undefined);
      return result;
    },
  };
};

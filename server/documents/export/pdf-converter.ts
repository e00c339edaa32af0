/**
 * Word → PDF through LibreOffice. Whether LibreOffice is installed is found out once, on first use; without
 * it the conversion answers PDF_UNAVAILABLE (503) and never crashes the server.
 *
 * Two ways, chosen once and said in a log line:
 * - **warm** (LibreOffice and python3-uno found): one LibreOffice process kept running per converter
 *   (soffice-warm.ts), started at the first PDF (or by `warmUp`, which a production server calls at start);
 *   a conversion takes about a second. A conversion that fails or hangs kills it (the next PDF starts a
 *   fresh one) and is made again the cold way; after MAX_WARM_FAILURES failures in a row the converter
 *   stays cold.
 * - **cold** (no python3-uno): `soffice --headless --convert-to pdf`, LibreOffice started for each
 *   conversion (several seconds, more under load).
 *
 * Conversions run one at a time (one private LibreOffice profile per way). `close` ends the warm process;
 * the app calls it when it closes. A conversion asked for after `close` goes the cold way.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { AppError } from '../../errors';
import { createWarmOffice, findUnoPython, type WarmOffice } from './soffice-warm';

const run = promisify(execFile);

/** A cold conversion took longer than this: LibreOffice is stuck, the request fails instead of hanging. */
const CONVERT_TIMEOUT_MS = 120_000;
/** A warm conversion, the start of the process included (seconds on a loaded machine, ~1 s once warm). */
const WARM_TIMEOUT_MS = 90_000;
/** Warm conversions failed in a row after which the converter stays cold. */
const MAX_WARM_FAILURES = 3;

export type PdfConverter = {
  /** Whether a PDF can be made here (LibreOffice found). */
  isAvailable: () => Promise<boolean>;
  /** @throws AppError PDF_UNAVAILABLE when LibreOffice is not installed; INTERNAL when the conversion fails */
  docxToPdf: (docx: Buffer) => Promise<Buffer>;
  /** Ends the LibreOffice process kept running, if any (the app's close). */
  close: () => Promise<void>;
};

/** How PDFs are made here: see the module comment. */
export type PdfWay = 'warm' | 'cold' | 'unavailable';

export type LibreOfficeConverter = PdfConverter & {
  /** The way chosen (found out on first call). */
  way: () => Promise<PdfWay>;
  /** Starts the warm process ahead of the first PDF (nothing when the way is not warm). */
  warmUp: () => Promise<void>;
  /** The process group of the running warm process, or null: for tests. */
  warmProcessGroup: () => number | null;
};

/** Where the converter says which way it uses and when its warm process ends or fails (pino's logger fits). */
export type PdfLog = { info: (message: string) => void; warn: (message: string) => void };

const SILENT: PdfLog = { info: () => undefined, warn: () => undefined };

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

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * Creates the converter.
 *
 * @param options - `detect` finds the soffice program and `detectPython` a Python with uno (injectable:
 *   tests pass ones that find nothing); `log` hears which way is used
 */
export const createPdfConverter = (
  options: {
    detect?: () => Promise<string | null>;
    detectPython?: () => Promise<string | null>;
    log?: PdfLog;
  } = {},
): LibreOfficeConverter => {
  const detect = options.detect ?? (() => findSoffice());
  const detectPython = options.detectPython ?? (() => findUnoPython());
  const log = options.log ?? SILENT;
  let setup: Promise<{ soffice: string | null; warm: WarmOffice | null }> | null = null;
  let coldProfile: Promise<string> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let warmOffice: WarmOffice | null = null;
  let warmFailures = 0;
  let closed = false;
  /** Conversions asked for and not finished (the cold profile is removed at close only when none is). */
  let busy = 0;

  const setupOnce = () => {
    setup ??= (async () => {
      const soffice = await detect().catch(() => null);
      if (!soffice) {
        log.info('pdf: LibreOffice (soffice) not found, PDF downloads answer 503 pdf_unavailable');
        return { soffice: null, warm: null };
      }
      const python = await detectPython().catch(() => null);
      if (!python) {
        log.info('pdf: no Python with uno (python3-uno), each PDF starts LibreOffice (cold, slower)');
        return { soffice, warm: null };
      }
      log.info(`pdf: one LibreOffice process kept running, conversions through ${python} (warm)`);
      const warm = createWarmOffice({
        soffice,
        python,
        onExit: (detail) =>
          log.warn(`pdf: the LibreOffice process ended (${detail}); the next PDF starts one`),
      });
      warmOffice = warm;
      return { soffice, warm };
    })();
    return setup;
  };

  const wayOf = (found: { soffice: string | null; warm: WarmOffice | null }): PdfWay => {
    if (!found.soffice) return 'unavailable';
    return found.warm && !closed && warmFailures < MAX_WARM_FAILURES ? 'warm' : 'cold';
  };

  /** Runs `task` after the conversions before it, one at a time. */
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };

  const convertCold = async (soffice: string, workDir: string, input: string) => {
    coldProfile ??= mkdtemp(join(tmpdir(), 'lotrinh-soffice-profile-'));
    const profileDir = await coldProfile;
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
  };

  const convert = async (
    found: { soffice: string | null; warm: WarmOffice | null },
    docx: Buffer,
  ): Promise<Buffer> => {
    const soffice = found.soffice;
    if (!soffice) throw new AppError('PDF_UNAVAILABLE');
    const workDir = await mkdtemp(join(tmpdir(), 'lotrinh-pdf-'));
    const input = join(workDir, 'bao-cao.docx');
    const output = join(workDir, 'bao-cao.pdf');
    try {
      await writeFile(input, docx);
      if (found.warm && wayOf(found) === 'warm') {
        try {
          await found.warm.convert(input, output, WARM_TIMEOUT_MS);
          const pdf = await readFile(output);
          if (!isPdf(pdf)) throw new Error('LibreOffice produced no PDF');
          warmFailures = 0;
          return pdf;
        } catch (error) {
          warmFailures += 1;
          const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
          log.warn(`pdf: warm conversion failed (${reason}); this PDF is made the cold way`);
          if (warmFailures >= MAX_WARM_FAILURES)
            log.warn(`pdf: ${MAX_WARM_FAILURES} warm conversions failed in a row, cold from now on`);
          await rm(output, { force: true });
        }
      }
      await convertCold(soffice, workDir, input);
      const pdf = await readFile(output);
      if (!isPdf(pdf)) throw new Error('LibreOffice produced no PDF');
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
    isAvailable: async () => (await setupOnce()).soffice != null,
    way: async () => wayOf(await setupOnce()),
    docxToPdf: async (docx) => {
      const found = await setupOnce();
      if (!found.soffice) throw new AppError('PDF_UNAVAILABLE');
      busy += 1;
      return inTurn(() => convert(found, docx)).finally(() => {
        busy -= 1;
      });
    },
    warmUp: async () => {
      const found = await setupOnce();
      const warm = found.warm;
      if (warm) await inTurn(async () => (wayOf(found) === 'warm' ? warm.start() : undefined));
    },
    warmProcessGroup: () => warmOffice?.processGroup() ?? null,
    close: async () => {
      closed = true;
      if (!setup) return;
      const found = await setup;
      await found.warm?.stop();
      const profile = coldProfile;
      if (profile && busy === 0) {
        coldProfile = null;
        await rm(await profile, { recursive: true, force: true });
      }
    },
  };
};

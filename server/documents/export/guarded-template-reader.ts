/**
 * Reads an uploaded entry template without letting the file hold the server: the unpacked content is
 * checked first (spreadsheet-guard.ts), then readTemplateXlsx runs in a worker thread with a memory cap
 * and a time limit, so the event loop keeps answering other requests and a file that still proves too
 * heavy is stopped with a Vietnamese message instead of taking the process down.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorCode, type ErrorDetail } from '../../errors';
import type { ImportedTemplate, TemplateExpectation } from './excel-importer';
import { guardSpreadsheet, SPREADSHEET_LIMITS, type SpreadsheetLimits } from './spreadsheet-guard';

/** How the parse itself is bounded. */
export type ParseLimits = {
  /** The worker is stopped after this long (worker start-up included, about a second). */
  parseTimeMs: number;
  /** V8 old-generation heap of the worker. */
  parseMemoryMb: number;
  /** Templates read at the same time in this process; one more is answered "busy". */
  maxConcurrentParses: number;
};

export type TemplateLimits = SpreadsheetLimits & ParseLimits;

export const TEMPLATE_LIMITS: TemplateLimits = {
  ...SPREADSHEET_LIMITS,
  parseTimeMs: 15_000,
  parseMemoryMb: 384,
  maxConcurrentParses: 2,
};

const ADVICE = 'Hãy tải biểu mẫu từ hệ thống, chỉ nhập số liệu vào các ô cần nhập rồi gửi lại.';
const WORKER_URL = new URL('./template-parse.worker.mjs', import.meta.url);

/** What the worker reads: an entry template, or the first sheet of any workbook as rows of text. */
type WorkerTask = { reader: 'template'; expected: TemplateExpectation } | { reader: 'sheetRows' };

type WorkerAnswer<T> =
  | { ok: true; result: T }
  | { ok: false; error: { code?: AppErrorCode; message: string; details?: ErrorDetail[] } };

let running = 0;

const parseInWorker = <T>(bytes: Buffer, task: WorkerTask, limits: ParseLimits) =>
  new Promise<T>((resolve, reject) => {
    const copy = new Uint8Array(bytes);
    const worker = new Worker(WORKER_URL, {
      workerData: { bytes: copy, ...task },
      transferList: [copy.buffer],
      resourceLimits: {
        maxOldGenerationSizeMb: limits.parseMemoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.ceil(limits.parseMemoryMb / 4)),
      },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new AppError('UNREADABLE_DOCUMENT', {
              message: `Máy chủ đã dừng đọc tệp Excel này vì quá ${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(limits.parseTimeMs / 1000)} giây chưa xong. Chưa lưu số liệu nào. ${ADVICE}`,
            }),
          ),
        ),
      limits.parseTimeMs,
    );
    worker.on('message', (answer: WorkerAnswer<T>) =>
      settle(() => {
        if (answer.ok) resolve(answer.result);
        else if (answer.error.code)
          reject(
            new AppError(answer.error.code, { message: answer.error.message, details: answer.error.details }),
          );
        else reject(new Error(`template worker failed: ${answer.error.message}`));
      }),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('FILE_TOO_LARGE', {
                message: `Tệp Excel này cần quá nhiều bộ nhớ để đọc nên máy chủ đã dừng đọc. Chưa lưu số liệu nào. ${ADVICE}`,
                cause: error,
              })
            : error,
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`template worker exited with code ${code} before answering`))),
    );
  });

/**
 * Reads a filled entry template as readTemplateXlsx does, after the guard and in a bounded worker.
 *
 * @param bytes - the uploaded .xlsx
 * @param expected - the period and unit it is uploaded for, and the indicators and tasks that unit leads
 * @param limits - TEMPLATE_LIMITS unless a test narrows them
 * @returns what readTemplateXlsx returns
 * @throws AppError FILE_TOO_LARGE (413) for a file above the unpacking limits or the memory cap;
 *   UNREADABLE_DOCUMENT (422) for a damaged file, one that is not a template, or one that takes longer than
 *   the time limit; SERVER_BUSY (503) while the maximum number of templates are being read; TEMPLATE_INVALID
 *   (422) as readTemplateXlsx
 */
export const readGuardedTemplateXlsx = async (
  bytes: Buffer,
  expected: TemplateExpectation,
  limits: TemplateLimits = TEMPLATE_LIMITS,
): Promise<ImportedTemplate> => {
  if (running >= limits.maxConcurrentParses)
    throw new AppError('SERVER_BUSY', {
      message: 'Máy chủ đang đọc các biểu mẫu khác. Vui lòng gửi lại sau ít phút; chưa lưu số liệu nào.',
    });
  running++;
  try {
    await guardSpreadsheet(bytes, limits);
    return await parseInWorker<ImportedTemplate>(bytes, { reader: 'template', expected }, limits);
  } finally {
    running--;
  }
};

/**
 * Reads the first sheet of an uploaded workbook as rows of cell texts (sheet-rows.ts), behind the same
 * guard, worker, memory cap, time limit and count of parses at a time as the entry template.
 *
 * @throws AppError FILE_TOO_LARGE, UNREADABLE_DOCUMENT, SERVER_BUSY as readGuardedTemplateXlsx
 */
export const readGuardedSheetRows = async (
  bytes: Buffer,
  limits: TemplateLimits = TEMPLATE_LIMITS,
): Promise<string[][]> => {
  if (running >= limits.maxConcurrentParses)
    throw new AppError('SERVER_BUSY', {
      message: 'Máy chủ đang đọc các tệp Excel khác. Vui lòng gửi lại sau ít phút; chưa lưu gì.',
    });
  running++;
  try {
    await guardSpreadsheet(bytes, limits);
    return await parseInWorker<string[][]>(bytes, { reader: 'sheetRows' }, limits);
  } finally {
    running--;
  }
};

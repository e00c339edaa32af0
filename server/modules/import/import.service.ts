/**
 * Plan document import as background jobs: the upload is answered at once with a job; the process that
 * received it reads the document (a PDF or an image in a child process of its own: a crash or a file needing
 * too much memory ends that child, not the server) and writes progress, the draft and the extracted text to
 * the `import_job` row. Any process answers "how far is it" from the
 * row and records a cancel there; the running process reads its row every `pollMs` (which also marks
 * the job alive) and aborts the reader when the row says cancelled. Nothing assumes a single process.
 *
 * Each process reads at most `MAX_CONCURRENT_IMPORTS` documents at once (one CPU core each) and keeps at
 * most `MAX_QUEUED_IMPORTS` more waiting; beyond that an upload is refused with a "try again" message.
 * Jobs are deleted a day after they were created.
 */
import {
  MAX_IMPORT_BYTES,
  type TImportedPlanDraft,
  type TSavePlanDraftRequest,
} from '@core/schemas/import.schemas';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { locality } from '../../db/schema';
import { detectDocumentKind } from '../../documents/import/detect';
import type { ImportDocumentOptions, ReadPlanDocumentResult } from '../../documents/import/import-document';
import { UnreadableDocumentError } from '../../documents/import/import-plan';
import { readPlanDocumentIsolated } from '../../documents/import/isolated-reader';
import { matchLocality } from '../../documents/import/locality-match';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { findLocalityChain } from '../../shared/localities';
import { actorUserId } from '../auth/access';
import type { CatalogService } from '../catalog/catalog.service';
import { canEditPlan, canReadPlan } from '../plan/plan.policy';
import type { PlanDetailData } from '../plan/plan.presenter';
import { canImportPlans, canSeeImportJob } from './import.policy';
import {
  deleteImportJobsCreatedBefore,
  findImportJobById,
  finishImportJob,
  type ImportJobRow,
  insertImportJob,
  markImportJobRunning,
  touchImportJob,
  updateImportJobProgress,
} from './import-job.repository';
import { savePlanDraft } from './plan-draft';

export { MAX_IMPORT_BYTES };

/** Documents one process reads at the same time (each OCR worker uses one CPU core). */
export const MAX_CONCURRENT_IMPORTS = 2;

/** Uploads one process keeps waiting for a free reader (their bytes stay in memory). */
export const MAX_QUEUED_IMPORTS = 8;

/** Jobs are deleted this long after they were created. */
export const IMPORT_JOB_RETENTION_MS = 24 * 60 * 60 * 1000;

/** An unfinished job whose row nobody touched for this long lost its process (restart, crash). */
export const IMPORT_JOB_STALE_MS = 2 * 60 * 1000;

/** The longest one document may be read for (OCR of a long scan included), from when its reading starts. */
export const IMPORT_JOB_TIME_LIMIT_MS = 10 * 60 * 1000;

const minutes = (ms: number): string => {
  const value = Math.round((ms / 60_000) * 10) / 10;
  return `${String(value).replace('.', ',')} phút`;
};

const MESSAGES = {
  cancelled: 'Đã hủy việc đọc văn bản.',
  shutdown: 'Máy chủ dừng khi đang đọc văn bản. Vui lòng tải tệp lên lại.',
  lost: 'Máy chủ đọc văn bản đã dừng giữa chừng. Vui lòng tải tệp lên lại.',
  failed: 'Máy chủ gặp lỗi khi đọc văn bản. Vui lòng thử lại hoặc báo quản trị viên.',
};

/** The reason a job's reader is aborted with. */
class ImportAbortedError extends Error {
  constructor(
    readonly why: 'cancelled' | 'shutdown' | 'timeout',
    message: string = why === 'timeout' ? MESSAGES.failed : MESSAGES[why],
  ) {
    super(message);
    this.name = 'ImportAbortedError';
  }
}

/** A promise that rejects with the signal's reason once it aborts (never resolves). */
const rejectOnAbort = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** The message of a job stopped at its time limit, with how far it got. */
const timeoutMessage = (limitMs: number, progress: { done: number; total: number }): string =>
  [
    `Đã dừng đọc văn bản vì quá thời gian cho phép (${minutes(limitMs)} cho một tệp)`,
    progress.total ? `, khi đã đọc ${progress.done}/${progress.total} trang.` : '.',
    ' Chưa có bản nháp nào được tạo. Hãy gửi bản Word hoặc PDF gốc (có lớp chữ), hoặc tách bản quét thành các tệp ít trang hơn rồi tải lên lại.',
  ].join('');

/** The uploaded file (the raw request body) and its original name. */
export type ImportUpload = { bytes: Uint8Array; fileName: string };

type ImportServiceDeps = {
  db: Database;
  clock: Clock;
  catalog: Pick<CatalogService, 'has' | 'get'>;
  /** The document reader (PDFs and images in a child process by default); tests may replace it to control timing. */
  readDocument?: (bytes: Uint8Array, options: ImportDocumentOptions) => Promise<ReadPlanDocumentResult>;
  /** How often a running job reads its row (cancel from any process) and marks itself alive. */
  pollMs?: number;
  /** How long one job may read its document once started (`IMPORT_JOB_TIME_LIMIT_MS` by default). */
  timeLimitMs?: number;
  /** Called with errors of background jobs that could not even be recorded (the database went away). */
  onBackgroundError?: (error: unknown) => void;
};

export const createImportService = ({
  db,
  clock,
  catalog,
  readDocument = readPlanDocumentIsolated,
  pollMs = 1000,
  timeLimitMs = IMPORT_JOB_TIME_LIMIT_MS,
  onBackgroundError = () => {},
}: ImportServiceDeps) => {
  /**
   * Adds the register's proposal for the plan's locality (see `matchLocality`), with the id of that
   * locality here when the register is loaded.
   */
  const withLocalityMatch = async (draft: TImportedPlanDraft): Promise<TImportedPlanDraft> => {
    const proposal = matchLocality(draft.plan.locality);
    if (!proposal) return { ...draft, localityMatch: null };
    const [row] = await db.select({ id: locality.id }).from(locality).where(eq(locality.code, proposal.code));
    return { ...draft, localityMatch: { ...proposal, localityId: row?.id ?? null } };
  };

  /** Jobs of this process, queued or running, with what aborts their reader. */
  const local = new Map<string, { controller: AbortController; done: Promise<void> }>();
  let reading = 0;
  const waiting: Array<() => void> = [];

  const acquireReader = (): Promise<void> => {
    if (reading < MAX_CONCURRENT_IMPORTS) {
      reading++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  // A freed reader passes straight to the next waiting job, so `reading` never overshoots.
  const releaseReader = () => {
    const next = waiting.shift();
    if (next) next();
    else reading--;
  };

  const abortReason = (controller: AbortController): ImportAbortedError | null =>
    controller.signal.aborted && controller.signal.reason instanceof ImportAbortedError
      ? controller.signal.reason
      : null;

  /** Reads the document of one job and records the outcome on its row. Never rejects. */
  const runJob = async (job: ImportJobRow, bytes: Uint8Array, controller: AbortController): Promise<void> => {
    const { signal } = controller;
    // Read the row while queued or running: a cancel from another process aborts here.
    const poll = setInterval(() => {
      touchImportJob(db, job.id, clock.now())
        .then((status) => {
          if (status === undefined || status === 'cancelled')
            controller.abort(new ImportAbortedError('cancelled'));
        })
        .catch(onBackgroundError);
    }, pollMs);
    try {
      await acquireReader();
      try {
        const abortedWhileQueued = abortReason(controller);
        if (abortedWhileQueued) {
          if (abortedWhileQueued.why === 'shutdown') {
            await finishImportJob(db, job.id, { status: 'failed', message: MESSAGES.shutdown }, clock.now());
          }
          return;
        }
        // Undefined when the job was cancelled (by any process) while it waited.
        if (!(await markImportJobRunning(db, job.id, clock.now()))) return;
        // Progress rows are written one after another, never overlapping, and all before the outcome.
        let progressWrites = Promise.resolve();
        let pageCount = 0;
        const reached = { done: 0, total: 0 };
        // The time limit counts from the start of reading, not the wait in the queue.
        const limit = setTimeout(() => {
          controller.abort(new ImportAbortedError('timeout', timeoutMessage(timeLimitMs, reached)));
        }, timeLimitMs);
        let reader: Promise<ReadPlanDocumentResult> | null = null;
        const onProgress: ImportDocumentOptions['onProgress'] = (progress) => {
          pageCount = progress.pageCount;
          reached.done = progress.page - 1;
          reached.total = progress.pageCount;
          progressWrites = progressWrites
            .then(() =>
              updateImportJobProgress(
                db,
                job.id,
                { done: progress.page - 1, total: progress.pageCount },
                clock.now(),
              ),
            )
            .catch(onBackgroundError);
        };
        try {
          // A reader that does not stop at once on the signal still ends the job at the limit; its slot
          // is kept until it really ends, so no more documents are read at once than allowed.
          reader = readDocument(bytes, { fileName: job.fileName, onProgress, signal });
          const result = await Promise.race([reader, rejectOnAbort(signal)]);
          clearTimeout(limit);
          await progressWrites;
          const draft = await withLocalityMatch(result.draft);
          await finishImportJob(
            db,
            job.id,
            {
              status: 'done',
              draft,
              sourceText: result.text,
              progressDone: pageCount,
              progressTotal: pageCount,
              message: null,
            },
            clock.now(),
          );
        } catch (error) {
          clearTimeout(limit);
          await progressWrites;
          const aborted = abortReason(controller);
          if (aborted) {
            // A cancel is already on the row; a shutdown or a time limit is recorded here so the officer
            // knows what to do. The pages read so far stay on the row.
            await finishImportJob(
              db,
              job.id,
              { status: aborted.why === 'cancelled' ? 'cancelled' : 'failed', message: aborted.message },
              clock.now(),
            );
          } else {
            if (!(error instanceof UnreadableDocumentError)) onBackgroundError(error);
            await finishImportJob(
              db,
              job.id,
              {
                status: 'failed',
                message: error instanceof UnreadableDocumentError ? error.message : MESSAGES.failed,
              },
              clock.now(),
            );
          }
        }
        // Wait for a reader that was stopped to end (OCR stops at the next page), for at most the limit again.
        if (reader) {
          let grace: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([
            reader.catch(() => undefined),
            new Promise((resolve) => {
              grace = setTimeout(resolve, timeLimitMs);
            }),
          ]);
          clearTimeout(grace);
        }
      } finally {
        releaseReader();
      }
    } catch (error) {
      onBackgroundError(error);
    } finally {
      clearInterval(poll);
      local.delete(job.id);
    }
  };

  /**
   * Loads a job its creator (or a system administrator) may see, ending it as failed when the
   * process that ran it stopped answering.
   *
   * @throws AppError IMPORT_JOB_NOT_FOUND, also for someone else's job
   */
  const loadVisible = async (context: RequestContext, id: string): Promise<ImportJobRow> => {
    const row = await findImportJobById(db, id);
    if (!row || !canSeeImportJob(context.actor, row)) throw new AppError('IMPORT_JOB_NOT_FOUND');
    if ((row.status === 'queued' || row.status === 'running') && !local.has(id)) {
      const staleBefore = new Date(clock.now().getTime() - IMPORT_JOB_STALE_MS);
      if (row.updatedAt < staleBefore) {
        const ended = await finishImportJob(
          db,
          id,
          { status: 'failed', message: MESSAGES.lost },
          clock.now(),
          { staleBefore },
        );
        return ended ?? (await findImportJobById(db, id)) ?? row;
      }
    }
    return row;
  };

  /**
   * Starts reading an uploaded plan document (DOCX, PDF, scan, photo or text) into a draft, in the
   * background.
   *
   * @param context - who asks
   * @param upload - the file and its original name
   * @param options - the locality the plan is for, when already chosen
   * @returns the job, queued
   * @throws AppError FORBIDDEN (not a plan editor), LOCALITY_NOT_FOUND (missing or out of scope),
   *   FILE_TOO_LARGE (over 20 MB), UNREADABLE_DOCUMENT (a format the importer does not read, a damaged
   *   or encrypted Word file), SERVER_BUSY (this process has too many documents to read)
   */
  const start = async (
    context: RequestContext,
    upload: ImportUpload,
    options: { localityId?: string } = {},
  ): Promise<ImportJobRow> => {
    if (!canImportPlans(context.actor)) throw new AppError('FORBIDDEN');
    if (options.localityId) {
      const chain = await findLocalityChain(db, options.localityId);
      if (chain.length === 0 || !canReadPlan(context.actor, chain)) throw new AppError('LOCALITY_NOT_FOUND');
      if (!canEditPlan(context.actor, chain)) throw new AppError('FORBIDDEN');
    }
    if (upload.bytes.length > MAX_IMPORT_BYTES) {
      throw new AppError('FILE_TOO_LARGE', {
        message: `Tệp quá lớn: văn bản kế hoạch nhập vào tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Hãy quét ở độ phân giải thấp hơn (200 dpi, đen trắng) hoặc gửi bản Word/PDF gốc.`,
      });
    }
    // The format is known from the first bytes (and a zip's directory): refuse a .doc or a spreadsheet
    // now, in the upload's answer, rather than after a trip through the queue.
    try {
      detectDocumentKind(upload.bytes);
    } catch (error) {
      if (error instanceof UnreadableDocumentError)
        throw new AppError('UNREADABLE_DOCUMENT', { message: error.message, cause: error });
      throw error;
    }
    if (local.size >= MAX_CONCURRENT_IMPORTS + MAX_QUEUED_IMPORTS) {
      throw new AppError('SERVER_BUSY', {
        message: 'Máy chủ đang đọc nhiều văn bản khác. Vui lòng thử lại sau ít phút.',
      });
    }
    const now = clock.now();
    await deleteImportJobsCreatedBefore(db, new Date(now.getTime() - IMPORT_JOB_RETENTION_MS));
    const job = await insertImportJob(
      db,
      {
        createdBy: actorUserId(context.actor),
        localityId: options.localityId ?? null,
        fileName: upload.fileName,
      },
      now,
    );
    const controller = new AbortController();
    local.set(job.id, { controller, done: runJob(job, upload.bytes, controller) });
    return job;
  };

  /** @throws AppError IMPORT_JOB_NOT_FOUND, also for someone else's job */
  const get = (context: RequestContext, id: string): Promise<ImportJobRow> => loadVisible(context, id);

  /**
   * Cancels a queued or running job, whichever process runs it; a finished job is answered as it is.
   *
   * @returns the job as it now stands
   * @throws AppError IMPORT_JOB_NOT_FOUND, also for someone else's job
   */
  const cancel = async (context: RequestContext, id: string): Promise<ImportJobRow> => {
    const row = await loadVisible(context, id);
    if (row.status !== 'queued' && row.status !== 'running') return row;
    const cancelled = await finishImportJob(
      db,
      id,
      { status: 'cancelled', message: MESSAGES.cancelled },
      clock.now(),
    );
    // In this process the reader stops now; elsewhere at that process's next poll of the row.
    local.get(id)?.controller.abort(new ImportAbortedError('cancelled'));
    return cancelled ?? (await findImportJobById(db, id)) ?? row;
  };

  /**
   * Saves a reviewed draft as a plan (see `savePlanDraft`).
   *
   * @throws AppError LOCALITY_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED naming the draft's field, UNIT_NAME_TAKEN
   */
  const saveDraft = (context: RequestContext, input: TSavePlanDraftRequest): Promise<PlanDetailData> =>
    savePlanDraft({ db, clock, catalog }, context, input);

  /** Jobs of this process not finished yet (queued or running). */
  const activeJobCount = (): number => local.size;

  /** Stops this process's jobs (recorded as failed, to upload again) and waits for their readers to end. */
  const shutdown = async (): Promise<void> => {
    const jobs = [...local.values()];
    for (const job of jobs) job.controller.abort(new ImportAbortedError('shutdown'));
    await Promise.all(jobs.map((job) => job.done));
  };

  return { start, get, cancel, saveDraft, activeJobCount, shutdown };
};

export type ImportService = ReturnType<typeof createImportService>;

/**
 * Reads an uploaded PDF or image in a child process of its own (`reader-process.ts`), so that what such a
 * document can do to the reader stays there: a native crash of the image or OCR libraries, or a file
 * that needs more memory than allowed, ends that child — the server and the other users' requests go
 * on, and the officer gets a message. The child's JavaScript heap is limited (`READER_HEAP_MB`); memory
 * outside the heap (OCR's WebAssembly, decoded images) is bounded by the page and pixel limits of the
 * readers. A cancel or the job's time limit kills the child at once. Text and Word files are read by
 * plain JavaScript under the readers' own size limits, in this process (a child costs about a second).
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectDocumentKind } from './detect';
import { UnreadableDocumentError } from './errors';
import { type ImportDocumentOptions, type ReadPlanDocumentResult, readPlanDocument } from './import-document';
import type { ImportProgress } from './ocr-reader';
import type { ReaderRequest } from './reader-process';

/** The JavaScript heap (MB) one document's reader may use; a scan's pages peak at a few hundred. */
export const READER_HEAP_MB = 1024;

const STDERR_TAIL_CHARS = 4000;

const HERE = dirname(fileURLToPath(import.meta.url));
const READER_ENTRY = resolve(HERE, 'reader-process.ts');
/** The repository root: the child resolves the TypeScript paths of tsconfig.json from there. */
const ROOT = resolve(HERE, '../../..');
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

type ReaderAnswer =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ReadPlanDocumentResult }
  | { type: 'unreadable'; message: string }
  | { type: 'error'; message: string };

const tooHeavy = () =>
  new UnreadableDocumentError(
    'Tệp quá nặng hoặc quá phức tạp để đọc (vượt giới hạn bộ nhớ). Hãy gửi bản Word hoặc PDF gốc, hoặc tách tệp thành các phần ít trang hơn rồi tải lên lại.',
  );

export type IsolatedReaderOptions = {
  /** The child's heap limit in MB (`READER_HEAP_MB` by default). */
  heapMb?: number;
  /** The script the child runs (the reader by default; tests give one that crashes). */
  entry?: string;
};

/**
 * Makes a document reader with the signature of `readPlanDocument` that reads PDFs and images in a
 * child process.
 *
 * @param options - heap limit of the child, and its script for tests
 * @returns the reader: resolves with the draft and text; rejects with UnreadableDocumentError (the file,
 *   in Vietnamese — also when it needs more memory than allowed), the signal's reason when cancelled, or
 *   a plain Error when the child ended some other way (a crash: a defect to report, not the user's doing)
 */
export const createIsolatedReader =
  ({ heapMb = READER_HEAP_MB, entry = READER_ENTRY }: IsolatedReaderOptions = {}) =>
  (bytes: Uint8Array, options: ImportDocumentOptions = {}): Promise<ReadPlanDocumentResult> => {
    const { fileName, onProgress, signal } = options;
    signal?.throwIfAborted();
    const kind = detectDocumentKind(bytes);
    if (kind === 'text' || kind === 'docx') return readPlanDocument(bytes, options);
    const child = fork(entry, [], {
      cwd: ROOT,
      execArgv: ['--import', TSX_LOADER, `--max-old-space-size=${heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // The end of what the child wrote to stderr goes with a crash report (a native stack trace).
    let stderrTail = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
    return new Promise<ReadPlanDocumentResult>((resolvePromise, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      const onAbort = () => {
        child.kill('SIGKILL');
        settle(() => reject(signal?.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      child.on('message', (answer: ReaderAnswer) => {
        if (answer.type === 'progress') onProgress?.(answer.progress);
        else if (answer.type === 'done') settle(() => resolvePromise(answer.result));
        else if (answer.type === 'unreadable')
          settle(() => reject(new UnreadableDocumentError(answer.message)));
        else settle(() => reject(new Error(`Document reader failed: ${answer.message}`)));
      });
      child.on('error', (error) => {
        child.kill('SIGKILL');
        settle(() => reject(error));
      });
      // 'close' comes after the last message of the child has been read.
      child.on('close', (code, exitSignal) => {
        // V8 aborts a process that reaches its heap limit (SIGABRT, or exit code 134 through a shell).
        if (exitSignal === 'SIGABRT' || code === 134) settle(() => reject(tooHeavy()));
        else
          settle(() =>
            reject(
              new Error(
                `Document reader ended without an answer (code ${code}, signal ${exitSignal})\n${stderrTail}`,
              ),
            ),
          );
      });
      child.send({ bytes, fileName } satisfies ReaderRequest);
    });
  };

/** Reads an uploaded plan document with the default limits (a PDF or an image in a child process). */
export const readPlanDocumentIsolated = createIsolatedReader();

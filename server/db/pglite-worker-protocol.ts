/**
 * The messages between the main thread and the PGlite worker (pglite-worker.mjs), and how a database error
 * crosses between them (`sendError` in the worker, `receiveError` here). Only data crosses a thread
 * (structured clone): no functions, no class instances beyond Error, Date, typed arrays and the like.
 */

/** What PGlite was asked to open: a data folder, or memory (optionally started from a dump). */
export type WorkerInit = { dataDir?: string; loadDataDir?: ArrayBuffer };

/** One call from the main thread; `tx` names the open transaction a statement belongs to. */
export type WorkerRequest =
  | {
      id: number;
      op: 'query';
      sql: string;
      params: unknown[];
      rowMode?: 'array' | 'object';
      rawTypes: number[];
      tx?: number;
    }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'dump'; compression?: 'none' | 'gzip' | 'auto' }
  | { id: number; op: 'close' };

/** The answer to a request with the same id (id 0: the answer to the start). */
export type WorkerResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SentError };

/** An error as it crosses: its message, name and the driver's fields (code, constraint, detail, …). */
export type SentError = {
  message: string;
  name: string;
  stack?: string;
  fields: Record<string, string | number>;
};

/** The error again, on the receiving side: same message, name and fields; the worker's stack appended. */
export const receiveError = (sent: SentError): Error => {
  const error = new Error(sent.message);
  Object.assign(error, sent.fields);
  error.name = sent.name;
  if (sent.stack) error.stack = `${error.stack}\n    --- in the database worker ---\n${sent.stack}`;
  return error;
};

/**
 * PGlite on a worker thread, seen from the main thread: a stand-in with the methods drizzle's PGlite driver
 * calls (`query`, `exec`, `transaction`) plus `dumpDataDir` and `close`. While the worker runs a long
 * statement the main thread's event loop stays free (health checks, other requests' JavaScript).
 *
 * - Type parsing: PGlite's default parsers run in the worker; a caller's own parsers (drizzle passes some,
 *   to keep dates and intervals as text) are functions and cannot cross, so the worker returns those
 *   columns' text and the caller's parsers run here: the rows are what PGlite on this thread would give.
 * - Transactions: the worker opens PGlite's own transaction and keeps it (and PGlite's transaction lock)
 *   until the callback here ends: committed when it returns, rolled back when it throws. Statements carry
 *   the transaction's id; any other statement waits in the worker until the transaction ends.
 * - Errors come back as Errors with the driver's fields (code, constraint, detail, …), for errors.ts.
 * - When the worker dies, every waiting call and every later one fails ("database worker stopped"):
 *   errors.ts counts that as the database being unavailable, and the readiness check answers 503.
 */
import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results } from '@electric-sql/pglite';
import { receiveError, type WorkerRequest, type WorkerResponse } from './pglite-worker-protocol';

const WORKER = new URL('./pglite-worker.mjs', import.meta.url);

/** What a caller can ask of the worker-backed database (besides drizzle's use of `client`). */
export type PgliteWorker = {
  /** The stand-in to give drizzle (`drizzle(client)`), typed as PGlite for it. */
  client: PGlite;
  dumpDataDir: (compression?: 'none' | 'gzip' | 'auto') => Promise<Blob>;
  /** Closes PGlite in the worker (writing its folder), then ends the worker. */
  close: () => Promise<void>;
  /** Ends the worker at once, as a crash would (tests of what the server does then). */
  terminate: () => Promise<void>;
};

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
type Row = Record<string, unknown> | unknown[];
type Parser = (value: string, typeId: number) => unknown;

/** The message of every call once the worker is gone; errors.ts treats it as "database unavailable". */
const stoppedError = (reason: string) =>
  new Error(`The database worker stopped (${reason}); the server must be restarted`);

/**
 * Applies the caller's parsers to the columns the worker left as text (see the module comment).
 * In object rows a name given twice holds the last column of that name, as PGlite does it.
 */
const applyParsers = (
  result: Results<Row>,
  parsers: Record<number, Parser>,
  rowMode?: 'array' | 'object',
) => {
  const columns = result.fields.flatMap((field, index) => {
    const parser = parsers[field.dataTypeID];
    if (!parser) return [];
    if (rowMode !== 'array' && result.fields.findLastIndex((other) => other.name === field.name) !== index)
      return [];
    return [{ key: rowMode === 'array' ? index : field.name, parser, type: field.dataTypeID }];
  });
  if (columns.length === 0) return;
  for (const row of result.rows as Array<Record<string | number, unknown>>) {
    for (const { key, parser, type } of columns) {
      const value = row[key];
      if (value !== null && value !== undefined) row[key] = parser(value as string, type);
    }
  }
};

/**
 * Starts PGlite on a worker thread.
 *
 * @param init - the data folder to open, or none for memory; `loadDataDir`: start as a copy of this dump
 * @param onStopped - told when the worker ends without being closed (a crash): it will not come back
 * @returns once PGlite is open in the worker
 * @throws the worker's error when PGlite could not open
 */
export const startPgliteWorker = async (
  init: { dataDir?: string; loadDataDir?: Blob },
  onStopped?: (error: Error) => void,
): Promise<PgliteWorker> => {
  const loadDataDir = init.loadDataDir ? await init.loadDataDir.arrayBuffer() : undefined;
  const worker = new Worker(WORKER, {
    workerData: { init: { dataDir: init.dataDir, loadDataDir } },
    transferList: loadDataDir ? [loadDataDir] : [],
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: Error | null = null;
  let closing = false;

  const stop = (error: Error) => {
    if (stopped) return;
    stopped = error;
    if (!closing) process.stderr.write(`[database] ${error.message}\n`);
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    if (!closing) onStopped?.(error);
  };

  const started = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  });
  worker.on('message', (response: WorkerResponse) => {
    const call = pending.get(response.id);
    if (!call) return;
    pending.delete(response.id);
    // Nothing waits on the worker: it does not keep the process alive (as PGlite on this thread would not).
    if (pending.size === 0) worker.unref();
    if (response.ok) call.resolve(response.value);
    else call.reject(receiveError(response.error));
  });
  worker.on('error', (error) => stop(stoppedError(error.message)));
  worker.on('exit', (code) =>
    stop(closing ? new Error('PGlite is closed') : stoppedError(`exit code ${code}`)),
  );

  const call = (request: Request, transfer: ArrayBuffer[] = []): Promise<unknown> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      try {
        worker.postMessage({ ...request, id }, transfer);
      } catch (error) {
        // A parameter that cannot be copied to another thread (a function, say).
        reject(error as Error);
        return;
      }
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
    });
  };

  const query = async <T>(sql: string, params: unknown[] = [], options: QueryOptions = {}, tx?: number) => {
    if (options.serializers || options.blob || options.paramTypes)
      throw new Error('PGlite in a worker takes no serializers, paramTypes or blob');
    const parsers = options.parsers as Record<number, Parser> | undefined;
    const result = (await call({
      op: 'query',
      sql,
      params,
      rowMode: options.rowMode,
      rawTypes: parsers ? Object.keys(parsers).map(Number) : [],
      tx,
    })) as Results<T>;
    if (parsers) applyParsers(result as Results<Row>, parsers, options.rowMode);
    return result;
  };
  const exec = async (sql: string, options: QueryOptions = {}, tx?: number) => {
    if (Object.keys(options).length > 0) throw new Error('PGlite in a worker takes no options for exec');
    return (await call({ op: 'exec', sql, tx })) as Results[];
  };

  /** Runs `callback` in a transaction of the worker: commits when it returns, rolls back when it throws. */
  const transaction = async <T>(callback: (tx: unknown) => Promise<T>): Promise<T> => {
    const id = (await call({ op: 'begin' })) as number;
    let closed = false;
    const ensureOpen = () => {
      if (closed) throw new Error('Transaction is closed');
    };
    const tx = {
      query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => {
        ensureOpen();
        return query<R>(sql, params, options, id);
      },
      exec: async (sql: string, options?: QueryOptions) => {
        ensureOpen();
        return exec(sql, options, id);
      },
      rollback: async () => {
        ensureOpen();
        closed = true;
        await call({ op: 'end', tx: id, commit: false });
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      if (!closed) {
        closed = true;
        await call({ op: 'end', tx: id, commit: false }).catch(() => {});
      }
      throw error;
    }
    if (!closed) {
      closed = true;
      await call({ op: 'end', tx: id, commit: true });
    }
    return result;
  };

  try {
    await started;
  } catch (error) {
    closing = true;
    await worker.terminate();
    throw error;
  }
  worker.unref();

  return {
    client: { query, exec, transaction } as unknown as PGlite,
    dumpDataDir: async (compression) => {
      const { bytes, type } = (await call({ op: 'dump', compression })) as {
        bytes: ArrayBuffer;
        type: string;
      };
      return new Blob([bytes], { type });
    },
    close: async () => {
      if (stopped) return;
      await call({ op: 'close' });
      closing = true;
      await worker.terminate();
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
};

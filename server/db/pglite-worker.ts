/**
 * The PGlite worker: the embedded database runs on this thread, so that a long statement (a province
 * overview, the reminder scan) keeps this thread busy and not the main one, which goes on answering
 * requests. The main thread's proxy (pglite-worker-client.ts) sends one request at a time per caller;
 * PGlite's own locks order them here exactly as they would be on the main thread: a statement outside
 * an open transaction waits until it ends.
 *
 * Started through pglite-worker-boot.mjs (which compiles TypeScript on the fly) with an init message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import {
  sendError,
  type WorkerInit,
  type WorkerRequest,
  type WorkerResponse,
} from './pglite-worker-protocol';

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs only as a worker thread');

const init = (workerData as { init: WorkerInit }).init;

/** Returns a column's text as it came (the main side applies the caller's own parser to it). */
const asText = (value: string) => value;

/** The open transactions: PGlite's transaction object, and how to end it (true: commit). */
type OpenTransaction = { tx: Transaction; end: (commit: boolean) => void; finished: Promise<void> };
const open = new Map<number, OpenTransaction>();

/** Thrown inside PGlite's transaction callback to make it roll back; not an error of the caller's. */
const ROLLBACK = Symbol('rollback');

const reply = (response: WorkerResponse, transfer: ArrayBuffer[] = []) =>
  port.postMessage(response, transfer);

const transactionOf = (id: number | undefined): Transaction | undefined => {
  if (id === undefined) return undefined;
  const found = open.get(id);
  if (!found) throw new Error('Transaction is closed');
  return found.tx;
};

/**
 * Opens a transaction and keeps it open (PGlite holds its transaction lock meanwhile) until `end`.
 *
 * @returns once BEGIN ran; the transaction's id is the request's
 */
const begin = (pg: PGlite, id: number): Promise<void> =>
  new Promise<void>((opened, failed) => {
    let started = false;
    const finished = pg
      .transaction(async (tx) => {
        const commit = await new Promise<boolean>((end) => {
          open.set(id, { tx, end, finished });
          started = true;
          opened();
        });
        if (!commit) throw ROLLBACK;
      })
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      })
      .finally(() => open.delete(id));
    // BEGIN itself failed: the caller learns it from `begin`, not from `end`.
    finished.catch((error: unknown) => {
      if (!started) failed(error);
    });
  });

const handle = async (
  pg: PGlite,
  request: WorkerRequest,
): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> => {
  switch (request.op) {
    case 'query': {
      const on = transactionOf(request.tx) ?? pg;
      const parsers = Object.fromEntries(request.rawTypes.map((type) => [type, asText]));
      const result = await on.query(request.sql, request.params, { rowMode: request.rowMode, parsers });
      return { value: result };
    }
    case 'exec':
      return { value: await (transactionOf(request.tx) ?? pg).exec(request.sql) };
    case 'begin':
      await begin(pg, request.id);
      return { value: request.id };
    case 'end': {
      const found = open.get(request.tx);
      if (!found) throw new Error('Transaction is closed');
      found.end(request.commit);
      await found.finished;
      return { value: null };
    }
    case 'dump': {
      const file = await pg.dumpDataDir(request.compression);
      const bytes = await file.arrayBuffer();
      return { value: { bytes, type: file.type }, transfer: [bytes] };
    }
    case 'close':
      await pg.close();
      return { value: null };
  }
};

try {
  const pg = await PGlite.create({
    ...(init.dataDir ? { dataDir: init.dataDir } : {}),
    ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir]) } : {}),
    extensions: { unaccent, pg_trgm },
  });
  port.on('message', (request: WorkerRequest) => {
    handle(pg, request).then(
      ({ value, transfer }) => reply({ id: request.id, ok: true, value }, transfer),
      (error: unknown) => reply({ id: request.id, ok: false, error: sendError(error) }),
    );
  });
  reply({ id: 0, ok: true, value: null });
} catch (error) {
  reply({ id: 0, ok: false, error: sendError(error) });
}

/**
 * The PGlite worker: the embedded database runs on this thread, so that a long statement (a province
 * overview, the reminder scan) keeps this thread busy and not the main one, which goes on answering
 * requests. The main thread's stand-in (pglite-worker-client.ts) sends the requests of
 * pglite-worker-protocol.ts; PGlite's own locks order them here exactly as they would be on the main
 * thread: a statement outside an open transaction waits until it ends.
 *
 * Plain JavaScript on purpose: a worker does not inherit `--import tsx` on Node 20, and loading tsx in it
 * (its esbuild) would add about a second to every start of the server and of each command-line tool.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

const port = parentPort;
if (!port) throw new Error('pglite-worker.mjs runs only as a worker thread');

/** @type {import('./pglite-worker-protocol').WorkerInit} */
const init = workerData.init;

/** Returns a column's text as it came (the main side applies the caller's own parser to it). */
const asText = (value) => value;

/**
 * The open transactions by id: PGlite's transaction object, how to end it (true: commit), and its end.
 * @type {Map<number, { tx: import('@electric-sql/pglite').Transaction, end: (commit: boolean) => void, finished: Promise<void> }>}
 */
const open = new Map();

/** Thrown inside PGlite's transaction callback to make it roll back; not an error of the caller's. */
const ROLLBACK = Symbol('rollback');

/**
 * An error made ready to cross (the counterpart of `receiveError` in pglite-worker-protocol.ts): every own
 * field that is a string or a number is kept (PostgreSQL's code, constraint, detail, table, column, …).
 * @returns {import('./pglite-worker-protocol').SentError}
 */
const sendError = (error) => {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', fields: {} };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return { message: error.message, name: error.name, stack: error.stack, fields };
};

const transactionOf = (id) => {
  if (id === undefined) return undefined;
  const found = open.get(id);
  if (!found) throw new Error('Transaction is closed');
  return found.tx;
};

/**
 * Opens a transaction and keeps it open (PGlite holds its transaction lock meanwhile) until `end`.
 * @returns {Promise<void>} once BEGIN ran; the transaction's id is the request's
 */
const begin = (pg, id) =>
  new Promise((opened, failed) => {
    let started = false;
    const finished = pg
      .transaction(async (tx) => {
        const commit = await new Promise((end) => {
          open.set(id, { tx, end, finished });
          started = true;
          opened();
        });
        if (!commit) throw ROLLBACK;
      })
      .catch((error) => {
        if (error !== ROLLBACK) throw error;
      })
      .finally(() => open.delete(id));
    // BEGIN itself failed: the caller learns it from `begin`, not from `end`.
    finished.catch((error) => {
      if (!started) failed(error);
    });
  });

/**
 * Runs one request.
 * @param {PGlite} pg
 * @param {import('./pglite-worker-protocol').WorkerRequest} request
 * @returns {Promise<{ value: unknown, transfer?: ArrayBuffer[] }>}
 */
const handle = async (pg, request) => {
  switch (request.op) {
    case 'query': {
      const on = transactionOf(request.tx) ?? pg;
      const parsers = Object.fromEntries(request.rawTypes.map((type) => [type, asText]));
      return { value: await on.query(request.sql, request.params, { rowMode: request.rowMode, parsers }) };
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
    default:
      throw new Error(`Unknown request ${request.op}`);
  }
};

try {
  const pg = await PGlite.create({
    ...(init.dataDir ? { dataDir: init.dataDir } : {}),
    ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir]) } : {}),
    extensions: { unaccent, pg_trgm },
  });
  port.on('message', (request) => {
    handle(pg, request).then(
      ({ value, transfer }) => port.postMessage({ id: request.id, ok: true, value }, transfer ?? []),
      (error) => port.postMessage({ id: request.id, ok: false, error: sendError(error) }),
    );
  });
  port.postMessage({ id: 0, ok: true, value: null });
} catch (error) {
  port.postMessage({ id: 0, ok: false, error: sendError(error) });
}

/**
 * Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a URL is given.
 * Both speak the same dialect and run the same migrations.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type LockPurpose } from './data-dir-lock';
import { startPgliteWorker } from './pglite-worker-client';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /** The embedded database (PGlite only), for its dump (backup, test templates). */
  pglite?: EmbeddedDatabase;
};

/** What is asked of PGlite itself, beside drizzle: its dump. PGlite and its worker stand-in both have it. */
export type EmbeddedDatabase = {
  dumpDataDir: (compression?: 'none' | 'gzip' | 'auto') => Promise<Blob>;
};

/** Where connection problems of PostgreSQL are reported; by default standard error. */
export type DatabaseErrorLog = (error: Error, where: string) => void;

const logToStderr: DatabaseErrorLog = (error, where) =>
  process.stderr.write(`[database] ${where}: ${error.message}\n`);

/**
 * Whether the database answers `select 1` within the time given (the readiness check).
 *
 * @returns true when it answered, false when it failed or took longer
 */
export const pingDatabase = async (db: Database, timeoutMs = 2000): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.execute(sql`select 1`).then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
};

/** Opens PGlite on a worker thread (pglite-worker-client.ts): its statements do not hold up the main thread. */
const openInWorker = async (
  init: { dataDir?: string; loadDataDir?: Blob },
  onStopped: ((error: Error) => void) | undefined,
  release = () => {},
) => {
  const worker = await startPgliteWorker(init, onStopped);
  return {
    db: drizzlePglite(worker.client, { schema }) as unknown as Database,
    kind: 'pglite' as const,
    pglite: worker,
    close: async () => {
      try {
        await worker.close();
      } finally {
        release();
      }
    },
  };
};

/**
 * Opens PGlite with the extensions the migrations need. A data folder is locked for this process
 * first (see data-dir-lock.ts): a second opener is refused instead of silently losing writes.
 * A data folder (the server, the tools) is opened on a worker thread, so that a long statement does not
 * stop the process from answering; an in-memory database (tests) runs on this thread unless `worker`.
 *
 * @param dataDir - a folder to persist into, or undefined for an in-memory database (tests)
 * @param options - who opens it (shown to a refused second opener) and the folder's name for messages;
 *   `loadDataDir`: an in-memory database starts as a copy of this dump (`dumpDataDir`) instead of empty;
 *   `worker`: on a worker thread or not (by default: when a folder is given); `onStopped`: told when that
 *   worker ends without being closed (a crash), after which every call fails
 * @returns the open handle; close() also releases the lock
 * @throws DataDirLockedError when another live process has the folder open
 */
export const openPglite = async (
  dataDir?: string,
  options: {
    purpose?: LockPurpose;
    label?: string;
    loadDataDir?: Blob;
    worker?: boolean;
    onStopped?: (error: Error) => void;
  } = {},
): Promise<DatabaseHandle> => {
  const inWorker = options.worker ?? dataDir !== undefined;
  if (!dataDir) {
    const loadDataDir = options.loadDataDir;
    if (inWorker) return openInWorker({ loadDataDir }, options.onStopped);
    const memory = await PGlite.create({
      extensions: { unaccent, pg_trgm },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    return {
      db: drizzlePglite(memory, { schema }) as unknown as Database,
      kind: 'pglite',
      pglite: memory,
      close: () => memory.close(),
    };
  }
  const purpose = options.purpose ?? 'server';
  const lock = acquireDataDirLock(dataDir, purpose, options.label, {
    releaseOnSignals: purpose !== 'server' && purpose !== 'test',
  });
  try {
    mkdirSync(dataDir, { recursive: true });
    if (inWorker) return await openInWorker({ dataDir }, options.onStopped, () => lock.release());
    const client = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm } });
    return {
      db: drizzlePglite(client, { schema }) as unknown as Database,
      kind: 'pglite',
      pglite: client,
      close: async () => {
        try {
          await client.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
};

/** The `application_name` of the app's PostgreSQL connections. */
export const APPLICATION_NAME = 'lotrinh';

/**
 * Opens a PostgreSQL connection pool.
 *
 * @param url - postgres:// connection string
 * @returns the open handle
 */
export const openPostgres = async (
  url: string,
  options: { log?: DatabaseErrorLog } = {},
): Promise<DatabaseHandle> => {
  const log = options.log ?? logToStderr;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A request waits at most this long for a connection while the database is away, then fails (503).
    connectionTimeoutMillis: 5000,
    // Named so `restore` can see the app's connections in pg_stat_activity.
    application_name: APPLICATION_NAME,
  });
  // When the database stops or restarts, idle connections emit 'error' (on the pool) and connections in
  // use emit it on their client. Unhandled, either would end the process; logged, the pool drops the
  // broken connection and the next request opens a new one once the database is back.
  pool.on('error', (error) => log(error, 'idle connection lost'));
  pool.on('connect', (client) => client.on('error', (error) => log(error, 'connection lost')));
  // Fail at boot, not at the first request, when the server is unreachable.
  const connection = await pool.connect();
  connection.release();
  return {
    db: drizzleNodePg(pool, { schema }) as unknown as Database,
    kind: 'postgres',
    close: () => pool.end(),
  };
};

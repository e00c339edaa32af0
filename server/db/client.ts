/**
 * Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a URL is given.
 * Both speak the same dialect and run the same migrations.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
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
};

/**
 * Opens PGlite with the extensions the migrations need.
 *
 * @param dataDir - a folder to persist into, or undefined for an in-memory database (tests)
 * @returns the open handle
 */
export const openPglite = async (dataDir?: string): Promise<DatabaseHandle> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm } });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: 'pglite',
    close: () => client.close(),
  };
};

/**
 * Opens a PostgreSQL connection pool.
 *
 * @param url - postgres:// connection string
 * @returns the open handle
 */
export const openPostgres = async (url: string): Promise<DatabaseHandle> => {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail at boot, not at the first request, when the server is unreachable.
  const connection = await pool.connect();
  connection.release();
  return {
    db: drizzleNodePg(pool, { schema }) as unknown as Database,
    kind: 'postgres',
    close: () => pool.end(),
  };
};

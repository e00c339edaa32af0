import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Config } from '../config';
import { type DatabaseErrorLog, type DatabaseHandle, openPglite, openPostgres } from './client';
import type { LockPurpose } from './data-dir-lock';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies the committed SQL migrations that have not run yet.
 *
 * @param handle - the open database
 */
export const runMigrations = async (handle: DatabaseHandle): Promise<void> => {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migrateNodePg(handle.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  }
};

/** The embedded database's folder inside DATA_DIR; its lock file is `DATA_DIR/pglite.lock`. */
export const pgliteFolder = (dataDir: string): string => join(dataDir, 'pglite');

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR/pglite)
 * and brings it up to date: what the server and the command-line tools start with.
 *
 * @param options - who opens it (PGlite lock), where PostgreSQL connection losses are logged, and who is
 *   told when the embedded database's worker thread ends without being closed (`onStopped`)
 * @throws DataDirLockedError when another process has the PGlite folder open
 */
export const openMigratedDatabase = async (
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: { purpose?: LockPurpose; log?: DatabaseErrorLog; onStopped?: (error: Error) => void } = {},
): Promise<DatabaseHandle> => {
  const handle = config.databaseUrl
    ? await openPostgres(config.databaseUrl, { log: options.log })
    : await openPglite(pgliteFolder(config.dataDir), {
        purpose: options.purpose,
        label: config.dataDir,
        onStopped: options.onStopped,
      });
  try {
    await runMigrations(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
};

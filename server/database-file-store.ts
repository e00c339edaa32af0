/**
 * Evidence files in the database (PostgreSQL): every app process behind a load balancer reads the same
 * files, and `pg_dump` backs them up together with the rows that name them. A file is written in one
 * transaction, in chunks of 1 MiB, so it is either wholly there or not at all.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from './db/client';
import { attachment, storedFileChunk } from './db/schema';
import {
  assertStorageKey,
  createDiskFileStore,
  type FileStore,
  isStorageFull,
  newStorageKey,
  storageFullError,
} from './storage';

export const CHUNK_BYTES = 1024 * 1024;

/**
 * A file store in the database's `stored_file_chunk` table.
 *
 * @param db - the database (PostgreSQL in production; PGlite works the same way in tests)
 */
export const createDatabaseFileStore = (db: Database): FileStore => ({
  put: async (bytes) => {
    const key = newStorageKey();
    const rows: Array<typeof storedFileChunk.$inferInsert> = [];
    for (let offset = 0, seq = 0; offset < bytes.length || seq === 0; offset += CHUNK_BYTES, seq++) {
      rows.push({
        storageKey: key,
        seq,
        bytes: Buffer.from(
          bytes.buffer,
          bytes.byteOffset + offset,
          Math.min(CHUNK_BYTES, bytes.length - offset),
        ),
      });
    }
    try {
      await db.transaction(async (tx) => {
        // One chunk per statement keeps each message to the server small.
        for (const row of rows) await tx.insert(storedFileChunk).values(row);
      });
    } catch (error) {
      if (isStorageFull(error) || isStorageFull((error as { cause?: unknown }).cause))
        throw storageFullError(error);
      throw error;
    }
    return key;
  },
  get: async (key) => {
    assertStorageKey(key);
    const chunks = await db
      .select({ bytes: storedFileChunk.bytes })
      .from(storedFileChunk)
      .where(eq(storedFileChunk.storageKey, key))
      .orderBy(asc(storedFileChunk.seq));
    if (chunks.length === 0)
      throw Object.assign(new Error(`no stored file ${key}`), { code: 'ENOENT' as const });
    return Buffer.concat(chunks.map((chunk) => chunk.bytes));
  },
  remove: async (key) => {
    assertStorageKey(key);
    await db.delete(storedFileChunk).where(eq(storedFileChunk.storageKey, key));
  },
});

/**
 * Moves evidence files that an earlier version kept on disk (DATA_DIR/files) into the database, for
 * attachments whose bytes are not there yet. The files on disk are left in place (nothing is deleted);
 * safe to run in several processes at once and at every start.
 *
 * @returns how many files were copied
 */
export const importDiskFilesIntoDatabase = async (db: Database, filesRoot: string): Promise<number> => {
  const exists = await stat(filesRoot).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!exists || (await readdir(filesRoot)).length === 0) return 0;
  const missing = await db
    .select({ storageKey: attachment.storageKey })
    .from(attachment)
    .where(
      sql`not exists (select 1 from ${storedFileChunk} where ${storedFileChunk.storageKey} = ${attachment.storageKey})`,
    );
  let copied = 0;
  for (const { storageKey } of missing) {
    let bytes: Buffer;
    try {
      assertStorageKey(storageKey);
      bytes = await readFile(join(filesRoot, storageKey));
    } catch {
      continue;
    }
    await db.transaction(async (tx) => {
      for (let offset = 0, seq = 0; offset < bytes.length || seq === 0; offset += CHUNK_BYTES, seq++) {
        await tx
          .insert(storedFileChunk)
          .values({ storageKey, seq, bytes: bytes.subarray(offset, offset + CHUNK_BYTES) })
          .onConflictDoNothing();
      }
    });
    copied++;
  }
  return copied;
};

/** The evidence files' folder inside DATA_DIR (PGlite). */
export const filesFolder = (dataDir: string): string => join(dataDir, 'files');

/**
 * The file store for a database: in PostgreSQL itself, or in DATA_DIR/files beside PGlite.
 */
export const fileStoreFor = (handle: Pick<DatabaseHandle, 'db' | 'kind'>, dataDir: string): FileStore =>
  handle.kind === 'postgres' ? createDatabaseFileStore(handle.db) : createDiskFileStore(filesFolder(dataDir));

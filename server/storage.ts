/**
 * Where evidence files live: a folder under DATA_DIR with the embedded database (PGlite), the database
 * itself with PostgreSQL (database-file-store.ts). Files are stored by a random key, never by the name
 * the user gave, so no upload can choose its own path.
 *
 * A file on disk is written to a temporary name, flushed to the disk (fsync), then renamed: a reader,
 * a crash or a full disk never leaves a partial file under a key.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from './errors';

export type FileStore = {
  put: (bytes: Uint8Array) => Promise<string>;
  get: (key: string) => Promise<Buffer>;
  remove: (key: string) => Promise<void>;
};

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/** A new random storage key: two hex characters of fan-out, then a UUID. */
export const newStorageKey = (): string => {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}`;
};

/** @throws Error when the key is not one newStorageKey made (no path can be smuggled in) */
export const assertStorageKey = (key: string): void => {
  if (!KEY.test(key)) throw new Error(`invalid storage key ${key}`);
};

/** ENOSPC (disk full), EDQUOT (quota exceeded), and PostgreSQL's disk_full (53100). */
export const isStorageFull = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === '53100';
};

/** The operator-facing refusal for a full disk, keeping the cause for the log. */
export const storageFullError = (cause: unknown): AppError => new AppError('STORAGE_FULL', { cause });

/** The file-system calls the disk store makes; tests inject failing ones (a full disk). */
export type DiskIo = { open: typeof open };

/**
 * A file store in a folder.
 *
 * @param root - the folder (created when missing)
 * @param io - file-system functions (tests only)
 */
export const createDiskFileStore = (root: string, io: DiskIo = { open }): FileStore => {
  const pathOf = (key: string) => {
    assertStorageKey(key);
    return join(root, key);
  };
  return {
    put: async (bytes) => {
      const key = newStorageKey();
      const folder = join(root, key.slice(0, 2));
      const target = pathOf(key);
      const temporary = `${target}.${process.pid}.tmp`;
      try {
        await mkdir(folder, { recursive: true });
        const file = await io.open(temporary, 'wx');
        try {
          let written = 0;
          while (written < bytes.length) {
            const { bytesWritten } = await file.write(bytes, written, bytes.length - written);
            written += bytesWritten;
          }
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, target);
        // The rename itself is durable once the folder is flushed too.
        const directory = await open(folder, 'r');
        try {
          await directory.sync();
        } finally {
          await directory.close();
        }
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        if (isStorageFull(error)) throw storageFullError(error);
        throw error;
      }
      return key;
    },
    get: async (key) => readFile(pathOf(key)),
    remove: async (key) => rm(pathOf(key), { force: true }),
  };
};

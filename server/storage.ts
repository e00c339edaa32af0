/**
 * Where evidence files live: a folder under DATA_DIR by default. Files are stored by a random key,
 * never by the name the user gave, so no upload can choose its own path.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type FileStore = {
  put: (bytes: Uint8Array) => Promise<string>;
  get: (key: string) => Promise<Buffer>;
  remove: (key: string) => Promise<void>;
};

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/**
 * A file store in a folder.
 *
 * @param root - the folder (created when missing)
 */
export const createDiskFileStore = (root: string): FileStore => {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`invalid storage key ${key}`);
    return join(root, key);
  };
  return {
    put: async (bytes) => {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      await writeFile(pathOf(key), bytes, { flag: 'wx' });
      return key;
    },
    get: (key) => readFile(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
};

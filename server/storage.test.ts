/**
 * Evidence file stores: on disk (PGlite) written atomically and refused cleanly on a full disk; in the
 * database (PostgreSQL) in chunks. The database store runs on the test database's kind (PGlite here,
 * PostgreSQL under test:pg).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHUNK_BYTES,
  createDatabaseFileStore,
  fileStoreFor,
  filesFolder,
  importDiskFilesIntoDatabase,
} from './database-file-store';
import { attachment } from './db/schema';
import { AppError } from './errors';
import { createDiskFileStore, type DiskIo } from './storage';
import { startUnitReport } from './test/evidence';
import { buildTestApp, type TestApp } from './test/test-app';
import { createTestDatabase, type TestDatabase } from './test/test-db';

const root = mkdtempSync(join(tmpdir(), 'lotrinh-storage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under a folder, relative to it. */
const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));

/** A disk whose space runs out after `room` bytes of a file have been written. */
const fullDiskAfter = (room: number, code = 'ENOSPC'): DiskIo => ({
  open: (async (...args: Parameters<typeof open>) => {
    const file = await open(...args);
    const write = file.write.bind(file);
    let left = room;
    return Object.assign(file, {
      write: async (buffer: Uint8Array, offset: number, length: number) => {
        if (left <= 0) throw Object.assign(new Error(`${code}: no space left on device, write`), { code });
        const part = Math.min(left, length);
        left -= part;
        return write(buffer, offset, part);
      },
    });
  }) as typeof open,
});

describe('the disk file store', () => {
  it('should store, read and remove a file under a random key, leaving no temporary file', async () => {
    const folder = join(root, 'disk');
    const store = createDiskFileStore(folder);
    const bytes = Buffer.from('Biên bản kiểm tra — minh chứng');
    const key = await store.put(bytes);
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(await store.get(key)).toEqual(bytes);
    expect(filesUnder(folder)).toEqual([key]);
    await store.remove(key);
    expect(filesUnder(folder)).toEqual([]);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid storage key/);
  });

  it.each(['ENOSPC', 'EDQUOT'])(
    'should refuse with a Vietnamese 507 on %s and leave no partial file',
    async (code) => {
      const folder = join(root, `full-${code}`);
      const store = createDiskFileStore(folder, fullDiskAfter(1000, code));
      const refusal = await store.put(Buffer.alloc(5000, 7)).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).status).toBe(507);
      expect((refusal as AppError).message).toContain('Máy chủ hết dung lượng lưu trữ');
      expect(filesUnder(folder)).toEqual([]);
    },
  );

  it('should answer an evidence upload on a full disk with 507, and write no attachment', async () => {
    const folder = join(root, 'full-upload');
    const t: TestApp = await buildTestApp({
      demo: true,
      storage: createDiskFileStore(folder, fullDiskAfter(10)),
    });
    try {
      const officer = await t.signIn('thanhdong.hcc');
      const { reportUrl, upload } = await startUnitReport(t, officer);
      const response = await upload(Buffer.from('%PDF-1.4\n% minh chứng\n%%EOF\n'), 'Biên bản.pdf');
      expect(response.statusCode).toBe(507);
      expect(response.json()).toMatchObject({
        ok: false,
        error: 'storage_full',
        message: expect.stringContaining('Máy chủ hết dung lượng lưu trữ'),
      });
      expect(await t.handle.db.select().from(attachment)).toEqual([]);
      expect(filesUnder(folder)).toEqual([]);
      expect((await officer.call('GET', reportUrl)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe(`the database file store (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  it('should store files in chunks and read them back byte for byte', async () => {
    const store = createDatabaseFileStore(handle.db);
    const large = Buffer.alloc(CHUNK_BYTES * 2 + 123);
    for (let i = 0; i < large.length; i++) large[i] = (i * 31) % 251;
    const empty = Buffer.alloc(0);
    const [largeKey, emptyKey] = [await store.put(large), await store.put(empty)];
    expect((await store.get(largeKey)).equals(large)).toBe(true);
    expect((await store.get(emptyKey)).length).toBe(0);
    await store.remove(largeKey);
    await expect(store.get(largeKey)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await store.get(emptyKey)).length).toBe(0);
  });

  it('should keep files in the database with PostgreSQL and in DATA_DIR/files with PGlite', async () => {
    const dataDir = join(root, 'choice');
    const onPostgres = fileStoreFor({ db: handle.db, kind: 'postgres' }, dataDir);
    const key = await onPostgres.put(Buffer.from('x'));
    expect((await createDatabaseFileStore(handle.db).get(key)).toString()).toBe('x');
    const onPglite = fileStoreFor({ db: handle.db, kind: 'pglite' }, dataDir);
    const diskKey = await onPglite.put(Buffer.from('y'));
    expect(filesUnder(filesFolder(dataDir))).toEqual([diskKey]);
  });

  it('should copy evidence an earlier version kept on disk into the database, once', async () => {
    const folder = join(root, 'legacy');
    const t = await buildTestApp({ demo: true, storage: createDiskFileStore(folder) });
    try {
      const officer = await t.signIn('thanhdong.hcc');
      const { upload } = await startUnitReport(t, officer);
      const bytes = Buffer.from('%PDF-1.4\n% minh chứng cũ\n%%EOF\n');
      expect((await upload(bytes, 'Cũ.pdf')).statusCode).toBe(201);
      const [row] = await t.handle.db.select().from(attachment);
      expect(filesUnder(folder)).toEqual([row!.storageKey]);
      expect(await importDiskFilesIntoDatabase(t.handle.db, folder)).toBe(1);
      expect(await importDiskFilesIntoDatabase(t.handle.db, folder)).toBe(0);
      expect((await createDatabaseFileStore(t.handle.db).get(row!.storageKey)).equals(bytes)).toBe(true);
      // Copied, not moved: the disk keeps its file.
      expect(filesUnder(folder)).toEqual([row!.storageKey]);
    } finally {
      await t.close();
    }
  });
});

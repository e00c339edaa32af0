/**
 * Backup and restore of everything the app keeps: `npm run backup -- <file>`, `npm run restore -- <file>`.
 *
 * - PGlite: one .tar.gz holding `manifest.json`, `pglite.tgz` (PGlite's own consistent dump of the data
 *   folder) and `files/<key>` (the evidence). The data folder is locked while it runs, so the server must
 *   be stopped (it holds the lock while it runs).
 * - PostgreSQL: `pg_dump --format=custom` (evidence is in the database). The server may keep running.
 *
 * Restore never overwrites silently: a target with data needs `force`, and what was there is kept (PGlite:
 * moved aside into DATA_DIR; PostgreSQL: dumped next to the backup file first).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import type { Config } from '../config';
import { filesFolder } from '../database-file-store';
import { APPLICATION_NAME, openPglite } from '../db/client';
import { acquireDataDirLock } from '../db/data-dir-lock';
import { pgliteFolder } from '../db/migrate';
import { findPgBinDir } from './pg-tools';
import { createTarGzWriter, readTarGz } from './tar';

/** A refusal or failure the operator must act on; the message says what to do. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

type Manifest = { format: 'lotrinh-backup'; version: 1; kind: 'pglite'; createdAt: string; files: number };

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

const isNonEmptyFolder = async (folder: string) =>
  (await readdir(folder).catch(() => [] as string[])).length > 0;

/** Every evidence file under the files folder, as storage keys (xx/uuid). */
const listStoredFiles = async (root: string): Promise<string[]> => {
  const keys: string[] = [];
  for (const fanOut of await readdir(root).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(fanOut)) continue;
    for (const name of await readdir(join(root, fanOut))) {
      if (/^[0-9a-f-]{36}$/.test(name)) keys.push(`${fanOut}/${name}`);
    }
  }
  return keys.sort();
};

const fsyncPath = async (path: string) => {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const pgProgram = (program: 'pg_dump' | 'pg_restore'): string => {
  const dir = findPgBinDir(program);
  if (!dir)
    throw new BackupError(
      `Không tìm thấy chương trình ${program} của PostgreSQL. Hãy cài gói postgresql-client (cùng phiên bản hoặc mới hơn máy chủ cơ sở dữ liệu).`,
      1,
    );
  return join(dir, program);
};

const runPgTool = (program: 'pg_dump' | 'pg_restore', args: string[]) => {
  try {
    execFileSync(pgProgram(program), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? (error as Error).message;
    throw new BackupError(`${program} không thành công:\n${detail}`, 1);
  }
};

/**
 * Writes a backup of the configured database and its evidence files into `target`, which must not exist.
 *
 * @returns a one-line Vietnamese summary
 * @throws BackupError (exit code 3 while the PGlite folder is in use), DataDirLockedError
 */
export const runBackup = async (config: Pick<Config, 'databaseUrl' | 'dataDir'>, target: string) => {
  if (
    await stat(target).then(
      () => true,
      () => false,
    )
  )
    throw new BackupError(`Tệp ${target} đã có; hãy chọn tên khác (bản sao lưu không ghi đè tệp cũ).`, 2);
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  try {
    if (config.databaseUrl) {
      runPgTool('pg_dump', [
        '--format=custom',
        '--no-owner',
        `--file=${partial}`,
        `--dbname=${config.databaseUrl}`,
      ]);
    } else {
      const folder = pgliteFolder(config.dataDir);
      if (!(await isNonEmptyFolder(folder)))
        throw new BackupError(`Thư mục dữ liệu ${config.dataDir} chưa có cơ sở dữ liệu để sao lưu.`, 2);
      // Locked like every opener: refused while the server runs, and nothing writes during the copy.
      const handle = await openPglite(folder, { purpose: 'backup', label: config.dataDir });
      try {
        const dump = await handle.pglite!.dumpDataDir('gzip');
        const files = filesFolder(config.dataDir);
        const keys = await listStoredFiles(files);
        const manifest: Manifest = {
          format: 'lotrinh-backup',
          version: 1,
          kind: 'pglite',
          createdAt: new Date().toISOString(),
          files: keys.length,
        };
        const writer = createTarGzWriter(partial);
        try {
          await writer.add('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
          await writer.add('pglite.tgz', new Uint8Array(await dump.arrayBuffer()));
          for (const key of keys) await writer.add(`files/${key}`, await readFile(join(files, key)));
          await writer.finish();
        } catch (error) {
          writer.abort();
          throw error;
        }
      } finally {
        await handle.close();
      }
    }
    await fsyncPath(partial);
    await rename(partial, target);
    await fsyncPath(dirname(target));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return `Đã sao lưu ${config.databaseUrl ? 'cơ sở dữ liệu PostgreSQL (kể cả tệp minh chứng)' : `thư mục dữ liệu ${config.dataDir}`} vào ${target}.`;
};

/** What a backup file holds, from its first bytes: our archive (gzip) or a pg_dump custom file. */
const kindOfBackup = (file: string): 'pglite' | 'postgres' => {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(5);
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 5).toString('ascii') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new BackupError(`Tệp ${file} không phải bản sao lưu của Lộ trình.`, 2);
};

const restorePglite = async (config: Pick<Config, 'dataDir'>, source: string, force: boolean) => {
  const folder = pgliteFolder(config.dataDir);
  const files = filesFolder(config.dataDir);
  // Refused while the server (or anyone) has the folder open; held until the new data is in place.
  const lock = acquireDataDirLock(folder, 'restore', config.dataDir);
  const incoming = join(config.dataDir, `.restoring-${process.pid}`);
  try {
    const hasData = (await isNonEmptyFolder(folder)) || (await listStoredFiles(files)).length > 0;
    if (hasData && !force)
      throw new BackupError(
        `Thư mục dữ liệu ${config.dataDir} đang có dữ liệu. Khôi phục sẽ thay dữ liệu đó bằng bản sao lưu; nếu chắc chắn, chạy lại với --force (dữ liệu hiện có được giữ lại trong một thư mục bên cạnh, không bị xóa).`,
        4,
      );
    await rm(incoming, { recursive: true, force: true });
    await mkdir(join(incoming, 'files'), { recursive: true });
    let manifest: Manifest | null = null;
    let dump: Buffer | null = null;
    for await (const entry of readTarGz(source)) {
      if (entry.name === 'manifest.json') manifest = JSON.parse(entry.bytes.toString('utf8')) as Manifest;
      else if (entry.name === 'pglite.tgz') dump = entry.bytes;
      else if (/^files\/[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(entry.name)) {
        const path = join(incoming, entry.name);
        await mkdir(dirname(path), { recursive: true });
        const handle = await open(path, 'wx');
        try {
          await handle.writeFile(entry.bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
    }
    if (manifest?.format !== 'lotrinh-backup' || !dump)
      throw new BackupError(`Tệp ${source} không phải bản sao lưu đầy đủ của Lộ trình.`, 2);
    // PGlite unpacks its own dump into a new folder; it is checked by opening it.
    const restored = await PGlite.create({
      dataDir: join(incoming, 'pglite'),
      loadDataDir: new Blob([new Uint8Array(dump)]),
      extensions: { unaccent, pg_trgm },
    });
    await restored.query('select 1');
    await restored.close();

    let keptAt: string | null = null;
    if (hasData) {
      keptAt = join(config.dataDir, `truoc-khoi-phuc-${stamp()}`);
      await mkdir(keptAt, { recursive: true });
      if (await isNonEmptyFolder(folder)) await rename(folder, join(keptAt, 'pglite'));
      if (
        await stat(files).then(
          () => true,
          () => false,
        )
      )
        await rename(files, join(keptAt, 'files'));
    } else {
      await rm(folder, { recursive: true, force: true });
      await rm(files, { recursive: true, force: true });
    }
    await rename(join(incoming, 'pglite'), folder);
    await rename(join(incoming, 'files'), files);
    await fsyncPath(config.dataDir);
    return `Đã khôi phục thư mục dữ liệu ${config.dataDir} từ ${source} (${manifest.files} tệp minh chứng).${keptAt ? ` Dữ liệu trước khi khôi phục được giữ trong ${keptAt}.` : ''}`;
  } finally {
    await rm(incoming, { recursive: true, force: true });
    lock.release();
  }
};

const restorePostgres = async (url: string, source: string, force: boolean) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let tables: number;
  try {
    const served = await client.query(
      'select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = $1 and pid <> pg_backend_pid()',
      [APPLICATION_NAME],
    );
    if (served.rows[0].n > 0)
      throw new BackupError(
        `Máy chủ Lộ trình đang kết nối tới cơ sở dữ liệu này (${served.rows[0].n} kết nối). Hãy dừng mọi tiến trình máy chủ trước khi khôi phục.`,
        3,
      );
    tables = (
      await client.query(
        "select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')",
      )
    ).rows[0].n;
  } finally {
    await client.end();
  }
  let keptAt: string | null = null;
  if (tables > 0) {
    if (!force)
      throw new BackupError(
        'Cơ sở dữ liệu đích đang có dữ liệu. Khôi phục sẽ thay dữ liệu đó bằng bản sao lưu; nếu chắc chắn, chạy lại với --force (dữ liệu hiện có được sao lưu trước vào một tệp bên cạnh).',
        4,
      );
    keptAt = join(dirname(source), `lotrinh-truoc-khoi-phuc-${stamp()}.dump`);
    runPgTool('pg_dump', ['--format=custom', '--no-owner', `--file=${keptAt}`, `--dbname=${url}`]);
  }
  runPgTool('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    `--dbname=${url}`,
    source,
  ]);
  return `Đã khôi phục cơ sở dữ liệu PostgreSQL (kể cả tệp minh chứng) từ ${source}.${keptAt ? ` Dữ liệu trước khi khôi phục được sao lưu vào ${keptAt}.` : ''}`;
};

/**
 * Restores a backup into the configured database (and, for PGlite, DATA_DIR/files).
 *
 * @param options - force: replace a database that has data (what was there is kept aside)
 * @returns a one-line Vietnamese summary
 * @throws BackupError (3 in use, 4 not empty without force, 2 wrong file), DataDirLockedError
 */
export const runRestore = async (
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  source: string,
  options: { force?: boolean } = {},
): Promise<string> => {
  if (
    !(await stat(source).then(
      (info) => info.isFile(),
      () => false,
    ))
  )
    throw new BackupError(`Không có tệp sao lưu ${source}.`, 2);
  const kind = kindOfBackup(source);
  if (kind === 'pglite' && config.databaseUrl)
    throw new BackupError(
      'Bản sao lưu này là của cơ sở dữ liệu nhúng (PGlite) nhưng DATABASE_URL đang trỏ tới PostgreSQL. Hãy bỏ DATABASE_URL để khôi phục vào DATA_DIR.',
      2,
    );
  if (kind === 'postgres' && !config.databaseUrl)
    throw new BackupError(
      'Bản sao lưu này là của PostgreSQL (pg_dump); hãy đặt DATABASE_URL trỏ tới cơ sở dữ liệu cần khôi phục.',
      2,
    );
  return config.databaseUrl
    ? restorePostgres(config.databaseUrl, source, options.force ?? false)
    : restorePglite(config, source, options.force ?? false);
};

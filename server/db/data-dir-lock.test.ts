/**
 * One process at a time on a PGlite data folder: these tests are about the embedded database and
 * run the same under test:pg (they open their own PGlite folders).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './client';
import { acquireDataDirLock, DataDirLockedError, dataDirLockHolder } from './data-dir-lock';
import { openMigratedDatabase, pgliteFolder } from './migrate';

const root = mkdtempSync(join(tmpdir(), 'lotrinh-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has just ended. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
};

describe('the PGlite data folder lock', () => {
  it('should refuse a second opener of the same folder and let it in once the first closes', async () => {
    const folder = join(root, 'second', 'pglite');
    const first = await openPglite(folder, { purpose: 'server' });
    const refusal = await openPglite(folder, { purpose: 'test', label: 'DỮ_LIỆU' }).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(
      `Thư mục dữ liệu DỮ_LIỆU đang được một tiến trình khác (máy chủ Lộ trình (pid ${process.pid})) sử dụng.`,
    );
    expect(dataDirLockHolder(folder)).toMatchObject({ pid: process.pid, purpose: 'server' });
    await first.close();
    expect(existsSync(`${folder}.lock`)).toBe(false);
    const second = await openPglite(folder, { purpose: 'test' });
    await second.close();
  });

  it('should take over a lock left by a process that died (kill -9)', async () => {
    const folder = join(root, 'stale', 'pglite');
    const pid = deadPid();
    mkdirSync(join(root, 'stale'));
    writeFileSync(
      `${folder}.lock`,
      JSON.stringify({ pid, host: hostname(), purpose: 'server', since: '2026-01-01T00:00:00Z' }),
      { flag: 'wx' },
    );
    expect(dataDirLockHolder(folder)).toBeNull();
    const handle = await openPglite(folder, { purpose: 'test' });
    expect(JSON.parse(readFileSync(`${folder}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await handle.close();
  });

  it('should take over an empty lock file only once it is a minute old (its writer died mid-write)', () => {
    const folder = join(root, 'empty');
    writeFileSync(`${folder}.lock`, '');
    expect(() => acquireDataDirLock(folder, 'test')).toThrow(DataDirLockedError);
    const old = new Date(Date.now() - 120_000);
    utimesSync(`${folder}.lock`, old, old);
    const lock = acquireDataDirLock(folder, 'test');
    expect(dataDirLockHolder(folder)).toMatchObject({ pid: process.pid, purpose: 'test' });
    lock.release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
  });

  it('should never take over a lock written on another machine', () => {
    const folder = join(root, 'remote');
    writeFileSync(
      `${folder}.lock`,
      JSON.stringify({ pid: deadPid(), host: `${hostname()}-other`, purpose: 'server', since: '' }),
    );
    expect(() => acquireDataDirLock(folder, 'test')).toThrow(/trên máy .*-other/);
  });

  it('should refuse `npm run admin` while a server holds the folder, and write nothing', async () => {
    const dataDir = join(root, 'served');
    const server = await openMigratedDatabase({ databaseUrl: null, dataDir }, { purpose: 'server' });
    const admin = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/admin.ts', 'create-locality', '--code', 'VN', '--name', 'Việt Nam'],
      {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO_DATA: 'false' },
      },
    );
    expect(admin.status).toBe(3);
    expect(admin.stdout).toBe('');
    // Said in the officer's words, without the folder's path.
    expect(admin.stderr).toContain('Máy chủ Lộ trình đang chạy trên dữ liệu này nên lệnh không mở được');
    expect(admin.stderr).toContain('Hãy dừng máy chủ rồi chạy lại lệnh');
    expect(admin.stderr).not.toContain(dataDir);
    // The server's lock is still its own, and still there.
    expect(dataDirLockHolder(pgliteFolder(dataDir))).toMatchObject({ pid: process.pid, purpose: 'server' });
    await server.close();
  });
});

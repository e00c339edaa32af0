/**
 * Back up, change the data, restore, and the API answers as before — with the evidence file. On PGlite
 * by default; on PostgreSQL under test:pg when pg_dump and pg_restore are installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { fileStoreFor } from '../database-file-store';
import { DataDirLockedError } from '../db/data-dir-lock';
import { openMigratedDatabase } from '../db/migrate';
import { loadDemoDataIfEmpty } from '../db/seeds/demo';
import { startUnitReport } from '../test/evidence';
import { fixedClock, signInTo, TEST_CONFIG } from '../test/test-app';
import { createEmptyPostgresDatabase, type EmptyPostgresDatabase, testDatabaseKind } from '../test/test-db';
import { BackupError, runBackup, runRestore } from './backup';
import { findPgBinDir } from './pg-tools';

const kind = testDatabaseKind();
const canRun = kind === 'pglite' || Boolean(findPgBinDir('pg_dump') && findPgBinDir('pg_restore'));

describe.skipIf(!canRun)(`npm run backup / restore (${kind})`, () => {
  const root = mkdtempSync(join(tmpdir(), 'lotrinh-backup-'));
  const dataDir = join(root, 'data');
  const backupFile = join(root, 'sao-luu.bak');
  let database: EmptyPostgresDatabase | null = null;
  let config: { databaseUrl: string | null; dataDir: string };

  beforeAll(async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (kind === 'postgres' && adminUrl)
      database = await createEmptyPostgresDatabase(adminUrl, 'lotrinh_backup');
    config = { databaseUrl: database?.url ?? null, dataDir };
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  /** The app as the server runs it, on the configured database and file store. */
  const openApp = async () => {
    const handle = await openMigratedDatabase(config, { purpose: 'test' });
    await loadDemoDataIfEmpty(handle.db, fixedClock);
    const app = await createApp({
      db: handle.db,
      config: TEST_CONFIG,
      clock: fixedClock,
      storage: fileStoreFor(handle, dataDir),
    });
    await app.ready();
    const admin = await signInTo(app, 'admin');
    const officer = await signInTo(app, 'thanhdong.hcc');
    return {
      app,
      admin,
      officer,
      close: async () => {
        await app.close();
        await handle.close();
      },
    };
  };

  /** What people see: the plans, the unit's report form, its evidence and the evidence's bytes. */
  const answers = async (opened: Awaited<ReturnType<typeof openApp>>, reportUrl: string) => {
    const form = (await opened.officer.call('GET', reportUrl)).body.data;
    const attachments = (form.attachments ?? form.report?.attachments ?? []) as Array<{ id: string }>;
    const bytes = await Promise.all(
      attachments.map(
        async (row) =>
          (await opened.app.inject({ url: `/api/v1/attachments/${row.id}`, cookies: opened.officer.cookies }))
            .rawPayload,
      ),
    );
    return {
      plans: (await opened.admin.call('GET', '/api/v1/plans')).body.data,
      form,
      files: bytes.map((buffer) => buffer.toString('base64')),
    };
  };

  const command = (script: 'backup' | 'restore', ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: config.databaseUrl ?? '', LOG_LEVEL: 'silent' },
    });

  it('should bring back the data and the evidence files as they were at the backup', async () => {
    const evidence = Buffer.from('%PDF-1.4\n% Biên bản kiểm tra — minh chứng\n%%EOF\n');
    let first = await openApp();
    const { reportUrl, upload } = await startUnitReport(
      { app: first.app, call: first.admin.call },
      first.officer,
    );
    expect((await upload(evidence, 'Biên bản.pdf')).statusCode).toBe(201);
    const before = await answers(first, reportUrl);
    expect(before.files).toEqual([evidence.toString('base64')]);

    if (kind === 'pglite') {
      // The server holds the data folder: neither backup nor restore may touch it meanwhile.
      await expect(runBackup(config, join(root, 'x.bak'))).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(runRestore(config, backupFile)).rejects.toThrow(/Không có tệp sao lưu/);
    }
    await first.close();

    const backup = command('backup', backupFile);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain('Đã sao lưu');
    expect(backup.status).toBe(0);
    expect(readdirSync(root).filter((name) => name.endsWith('.partial'))).toEqual([]);

    // Change everything the answers show: a new plan, the evidence removed.
    const second = await openApp();
    const plan = before.plans.find((row: { localityName: string }) => row.localityName === 'Thành Đông');
    const created = await second.admin.call('POST', '/api/v1/plans', {
      localityId: plan.localityId,
      issuerKind: 'government',
      issuer: 'UBND xã Thành Đông',
      number: '99/KH-UBND',
      issuedDate: '2026-11-01',
      title: 'Kế hoạch tạo sau bản sao lưu',
    });
    expect(created.status).toBe(201);
    const attachmentId = ((await answers(second, reportUrl)).form.attachments ?? []).map(
      (row: { id: string }) => row.id,
    )[0];
    if (attachmentId) await second.officer.call('DELETE', `/api/v1/attachments/${attachmentId}`);
    const changed = await answers(second, reportUrl);
    expect(changed).not.toEqual(before);
    if (kind === 'postgres') {
      // The app's connections are seen: a restore under a running server is refused.
      await expect(runRestore(config, backupFile, { force: true })).rejects.toMatchObject({ exitCode: 3 });
    } else {
      await expect(runRestore(config, backupFile, { force: true })).rejects.toBeInstanceOf(
        DataDirLockedError,
      );
    }
    await second.close();

    // Data in place: refused without --force, nothing touched.
    const refusal = await runRestore(config, backupFile).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as BackupError).exitCode).toBe(4);
    expect((refusal as Error).message).toContain('--force');

    const restore = command('restore', backupFile, '--force');
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toContain('Đã khôi phục');
    expect(restore.status).toBe(0);
    // What was replaced is kept, not deleted.
    if (kind === 'pglite')
      expect(readdirSync(dataDir).some((name) => name.startsWith('truoc-khoi-phuc-'))).toBe(true);
    else expect(readdirSync(root).some((name) => name.startsWith('lotrinh-truoc-khoi-phuc-'))).toBe(true);

    first = await openApp();
    try {
      expect(await answers(first, reportUrl)).toEqual(before);
    } finally {
      await first.close();
    }
    expect(existsSync(backupFile)).toBe(true);
  }, 400_000);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/app';
import { openMigratedDatabase } from '../server/db/migrate';
import { createTestFileStore, fixedClock, signInTo, TEST_CONFIG } from '../server/test/test-app';

const dataDir = mkdtempSync(join(tmpdir(), 'lotrinh-admin-'));
const admin = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEMO_DATA: 'false' },
  });

describe('npm run admin', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should bootstrap the first administrator of an empty installation', async () => {
    const locality = admin(
      'create-locality',
      '--code',
      'VN',
      '--name',
      'Việt Nam',
      '--level',
      'nation',
      '--kind',
      'quốc gia',
    );
    expect(locality.stderr).toBe('');
    expect(locality.status).toBe(0);
    const user = admin(
      'create-user',
      '--username',
      'quantri',
      '--name',
      'Quản trị',
      '--password',
      'mat-khau-ban-dau',
      '--role',
      'system_admin',
      '--locality',
      'VN',
    );
    expect(user.status).toBe(0);
    // Plain Vietnamese: the role by its name and the locality, never a code.
    expect(user.stdout).toContain('Đã tạo người dùng "quantri" (Quản trị hệ thống, Việt Nam).');

    const handle = await openMigratedDatabase({ databaseUrl: null, dataDir });
    const storage = createTestFileStore();
    const app = await createApp({
      db: handle.db,
      config: TEST_CONFIG,
      clock: fixedClock,
      storage,
    });
    try {
      const client = await signInTo(app, 'quantri', 'mat-khau-ban-dau');
      const me = await client.call('GET', '/api/v1/auth/me');
      expect(me.body.data.user).toMatchObject({
        mustChangePassword: true,
        roles: [expect.objectContaining({ role: 'system_admin' })],
      });
    } finally {
      await app.close();
      await handle.close();
      storage.removeFolder();
    }
  });

  it('should load the national register under the existing nation, then change nothing on a second run', () => {
    const first = admin('load-register');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('3356 địa phương; thêm mới 3355, cập nhật 0, giữ nguyên 1.');
    const second = admin('load-register');
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('thêm mới 0, cập nhật 0, giữ nguyên 3356.');
    expect(first.stdout).toMatch(/Đơn vị trước 01\/07\/2025: \d+ đơn vị \(thêm mới [1-9]\d*\)/);
    expect(second.stdout).toMatch(
      /Đơn vị trước 01\/07\/2025: \d+ đơn vị \(thêm mới 0\), \d+ quan hệ kế thừa \(ghi 0\)/,
    );
  }, 180_000);

  it('should apply a file of dated changes once, all or nothing, then write nothing on a second run', () => {
    // Illustrative: a commune of Quảng Ninh becoming a ward (units keep changing after 2025).
    const file = join(dataDir, 'thay-doi.json');
    writeFileSync(
      file,
      JSON.stringify({
        changes: [
          {
            type: 'change-kind',
            effectiveDate: '2026-01-01',
            decision: 'Nghị quyết thử',
            code: '06862',
            kind: 'phường',
          },
        ],
      }),
    );
    const first = admin('apply-change', file);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Từ 01/01/2026, xã Tiên Yên (mã 06862) là phường Tiên Yên');
    // The register's English name ("… Commune") is not rewritten silently: the output says so.
    expect(first.stdout).toContain('Tên tiếng Anh ("Tien Yen Commune") giữ nguyên');
    expect(first.stdout).toContain('Đã ghi 1 thay đổi; 0 thay đổi đã có từ trước.');
    const second = admin('apply-change', file);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('Đã ghi 0 thay đổi; 1 thay đổi đã có từ trước.');

    const bad = join(dataDir, 'sai.json');
    writeFileSync(
      bad,
      JSON.stringify([
        { type: 'rename', effectiveDate: '2026-02-01', code: '06724', name: 'Hải Sơn Mới' },
        { type: 'merge', effectiveDate: '2026-02-01', from: ['06724', '05755'], into: { code: '06733' } },
      ]),
    );
    const refused = admin('apply-change', bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Thay đổi thứ 2: Các đơn vị sáp nhập phải cùng một tỉnh, thành phố');
    expect(refused.stderr).toContain('Chưa thay đổi nào được ghi.');
    const again = admin('apply-change', bad);
    expect(again.stderr).not.toContain('đã có thay đổi');
  }, 120_000);

  it.each([
    [
      [
        'create-user',
        '--username',
        'user.x1',
        '--name',
        'X',
        '--password',
        'ngan',
        '--role',
        'system_admin',
        '--locality',
        'VN',
      ],
      'Mật khẩu chưa đạt yêu cầu. Mật khẩu phải có ít nhất 10 ký tự',
    ],
    [
      [
        'create-user',
        '--username',
        'user.x2',
        '--name',
        'X',
        '--password',
        'mat-khau-du-dai',
        '--role',
        'system_admin',
        '--locality',
        'KHONGCO',
      ],
      'Không có địa phương mã "KHONGCO"',
    ],
    [
      [
        'create-user',
        '--username',
        'user.x3',
        '--name',
        'X',
        '--password',
        'mat-khau-du-dai',
        '--role',
        'vua',
        '--locality',
        'VN',
      ],
      'Vai trò không hợp lệ',
    ],
    [['delete-everything'], 'Cách dùng:'],
  ])('should refuse %j with exit code 2 and a Vietnamese message', (args, message) => {
    const result = admin(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    // No JSON path, role code or file path is shown.
    expect(result.stderr).not.toMatch(/roles\.|localityId|\/tmp\/|lotrinh-admin-/);
  });
});

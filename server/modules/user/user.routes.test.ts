/**
 * Who may manage whom: a user is reset, locked, renamed or has roles changed only by an administrator
 * whose scope covers every one of the user's roles, and a system administrator only by a system
 * administrator (issue #10, item 1). Demo data: haiphong.admin administers Hải Phòng (Thành Đông is
 * one of its wards); Dân Tiến lies in Thái Nguyên.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser } from '../../db/schema';
import { findUserByUsername, updateUser, userSearchText } from '../../shared/accounts';
import { localityIdsByName } from '../../test/factories';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

describe('managing users with roles in several scopes', () => {
  let t: TestApp;
  let provinceAdmin: Client;
  const ids = {} as Record<'vietNam' | 'haiPhong' | 'thanhDong' | 'danTien', string>;
  let sequence = 0;

  const createUser = async (roles: Array<{ role: string; localityId: string }>) => {
    const response = await t.call('POST', '/api/v1/users', {
      username: `nhieu.pham.vi.${++sequence}`,
      displayName: 'Người nhiều phạm vi',
      password: 'mat-khau-ban-dau-1',
      roles,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.data as { id: string; username: string; roles: Array<{ id: string; role: string }> };
  };

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    provinceAdmin = await t.signIn('haiphong.admin');
    const localityIds = await localityIdsByName(t, ['Hải Phòng', 'Thành Đông', 'Dân Tiến']);
    const idOf = (name: string) => localityIds.get(name)!;
    Object.assign(ids, {
      vietNam: t.rootLocalityId,
      haiPhong: idOf('Hải Phòng'),
      thanhDong: idOf('Thành Đông'),
      danTien: idOf('Dân Tiến'),
    });
  });
  afterAll(() => t.close());

  it('should not let a province administrator take over a system administrator who also holds a role in the province', async () => {
    const target = await createUser([
      { role: 'system_admin', localityId: ids.vietNam },
      { role: 'inspector', localityId: ids.thanhDong },
    ]);
    const reset = await provinceAdmin.call('POST', `/api/v1/users/${target.id}/password-reset`, {
      password: 'mat-khau-chiem-quyen',
    });
    expect(reset.status).toBe(403);
    expect(reset.body.error).toBe('forbidden');
    expect(reset.body.message).toContain('ngoài phạm vi quản lý');
    await expect(t.signIn(target.username, 'mat-khau-chiem-quyen')).rejects.toThrow(/sign-in .* failed/);

    const rename = await provinceAdmin.call('PATCH', `/api/v1/users/${target.id}`, {
      displayName: 'Đổi tên',
    });
    const disable = await provinceAdmin.call('PATCH', `/api/v1/users/${target.id}`, { isDisabled: true });
    const addRole = await provinceAdmin.call('POST', `/api/v1/users/${target.id}/roles`, {
      role: 'leader',
      localityId: ids.thanhDong,
    });
    const inspectorRole = target.roles.find((role) => role.role === 'inspector')!;
    const removeRole = await provinceAdmin.call(
      'DELETE',
      `/api/v1/users/${target.id}/roles/${inspectorRole.id}`,
    );
    expect([rename.status, disable.status, addRole.status, removeRole.status]).toEqual([403, 403, 403, 403]);
    const after = (await t.call('GET', `/api/v1/users?localityId=${ids.thanhDong}`)).body.data.find(
      (row: { id: string }) => row.id === target.id,
    );
    expect(after).toMatchObject({ displayName: 'Người nhiều phạm vi', isDisabled: false });
    expect(after.roles.map((role: { role: string }) => role.role).sort()).toEqual([
      'inspector',
      'system_admin',
    ]);

    // A system administrator still manages them.
    const bySystemAdmin = await t.call('POST', `/api/v1/users/${target.id}/password-reset`, {
      password: 'mat-khau-dat-lai-1',
    });
    expect(bySystemAdmin.status).toBe(200);
  });

  it('should refuse a user whose roles straddle the province and another one, and allow one wholly inside it', async () => {
    const straddling = await createUser([
      { role: 'leader', localityId: ids.thanhDong },
      { role: 'inspector', localityId: ids.danTien },
    ]);
    const inside = await createUser([
      { role: 'leader', localityId: ids.thanhDong },
      { role: 'inspector', localityId: ids.haiPhong },
    ]);
    const reset = (id: string) =>
      provinceAdmin.call('POST', `/api/v1/users/${id}/password-reset`, { password: 'mat-khau-dat-lai-2' });
    expect((await reset(straddling.id)).status).toBe(403);
    expect((await reset(inside.id)).status).toBe(200);
    const rename = await provinceAdmin.call('PATCH', `/api/v1/users/${inside.id}`, {
      displayName: 'Tên mới',
    });
    expect(rename.status).toBe(200);
  });

  it('should not let a province administrator grant the system administrator role or a role outside the province', async () => {
    const inside = await createUser([{ role: 'leader', localityId: ids.thanhDong }]);
    const grant = (role: string, localityId: string) =>
      provinceAdmin.call('POST', `/api/v1/users/${inside.id}/roles`, { role, localityId });
    expect((await grant('system_admin', ids.haiPhong)).status).toBe(403);
    expect((await grant('system_admin', ids.vietNam)).body.error).toBe('unknown_locality');
    expect((await grant('leader', ids.danTien)).body.error).toBe('unknown_locality');
    expect((await grant('locality_admin', ids.vietNam)).body.error).toBe('unknown_locality');

    const create = (roles: Array<{ role: string; localityId: string }>) =>
      provinceAdmin.call('POST', '/api/v1/users', {
        username: `tao.moi.${++sequence}`,
        displayName: 'Người mới',
        password: 'mat-khau-ban-dau-1',
        roles,
      });
    expect((await create([{ role: 'system_admin', localityId: ids.haiPhong }])).status).toBe(403);
    const mixed = await create([
      { role: 'leader', localityId: ids.thanhDong },
      { role: 'leader', localityId: ids.danTien },
    ]);
    expect(mixed.body.error).toBe('unknown_locality');
    const users = (await t.call('GET', '/api/v1/users?q=tao.moi&limit=200')).body;
    expect(users.pagination.total).toBe(0);
    const roles = (await t.call('GET', `/api/v1/users?localityId=${ids.thanhDong}`)).body.data.find(
      (row: { id: string }) => row.id === inside.id,
    ).roles;
    expect(roles.map((role: { role: string }) => role.role)).toEqual(['leader']);
  });
});

describe('GET /api/v1/users, a page at a time', () => {
  let t: TestApp;
  let provinceAdmin: Client;
  type Page = { data: Array<{ id: string; username: string }>; pagination: { total: number } };
  const list = async (client: Client, query: string): Promise<Page> => {
    const response = await client.call('GET', `/api/v1/users?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const usernames = (page: Page) => page.data.map((user) => user.username);

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    provinceAdmin = await t.signIn('haiphong.admin');
  });
  afterAll(() => t.close());

  it('should page through the users in a stable order and say how many there are', async () => {
    const whole = await list(t, 'limit=200');
    const total = whole.pagination.total;
    expect(total).toBe(whole.data.length);
    expect(total).toBeGreaterThan(8);
    const pages: string[] = [];
    for (let offset = 0; offset < total; offset += 4) {
      const page = await list(t, `limit=4&offset=${offset}`);
      expect(page.pagination).toEqual({ total, limit: 4, offset });
      pages.push(...usernames(page));
    }
    expect(pages).toEqual(usernames(whole));
    expect(new Set(pages).size).toBe(total);
  });

  it('should find users by name without diacritics, by user name and by e-mail', async () => {
    expect(usernames(await list(t, `q=${encodeURIComponent('quan tri thanh pho HAI PHONG')}`))).toEqual([
      'haiphong.admin',
    ]);
    expect(usernames(await list(t, 'q=thanhdong.hcc'))).toEqual(['thanhdong.hcc']);
    const user = (await findUserByUsername(t.handle.db, 'dantien.vanhoa'))!;
    await updateUser(t.handle.db, user.id, { email: 'ngoc.quyen@dantien.gov.vn' });
    expect(usernames(await list(t, `q=${encodeURIComponent('ngoc.quyen@')}`))).toEqual(['dantien.vanhoa']);
  });

  it('should refuse a page size above 200, or one that is not a number, in Vietnamese', async () => {
    for (const [query, message] of [
      ['limit=1000', 'Số dòng mỗi trang từ 1 đến 200'],
      ['limit=', 'Số dòng mỗi trang từ 1 đến 200'],
      ['offset=x', 'Vị trí bắt đầu phải là một số'],
    ]) {
      const response = await t.call('GET', `/api/v1/users?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.message, query).toBe(message);
    }
  });

  it('should show a province administrator only the users of his province, through search too', async () => {
    const own = await list(provinceAdmin, 'limit=200');
    expect(own.pagination.total).toBe(own.data.length);
    expect(
      usernames(own).every((name) => name.startsWith('haiphong.') || name.startsWith('thanhdong.')),
    ).toBe(true);
    expect(usernames(own)).toContain('thanhdong.hcc');
    const elsewhere = await list(provinceAdmin, `q=${encodeURIComponent('dan tien')}`);
    expect(elsewhere).toEqual({ data: [], pagination: { total: 0, limit: 50, offset: 0 } });
    expect((await list(provinceAdmin, 'q=dantien.lanhdao')).pagination.total).toBe(0);
  });

  it('should fold the names of accounts made before the search existed as the application does', async () => {
    const migration = readFileSync(
      new URL('../../db/migrations/0014_user-search.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration.slice(migration.indexOf('UPDATE "app_user"'));
    await t.handle.db
      .update(appUser)
      .set({ displayName: 'Đặng Thị Ánh Tuyết – Phó Chủ tịch', searchText: '' });
    await t.handle.db.execute(sql.raw(backfill));
    const rows = await t.handle.db.select().from(appUser);
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) expect(row.searchText, row.username).toBe(userSearchText(row));
    expect(rows[0]!.searchText).toContain(' dang thi anh tuyet pho chu tich ');
  });
});

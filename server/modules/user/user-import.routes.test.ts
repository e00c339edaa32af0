/**
 * Bulk import of users (issue #14): a CSV or Excel list is previewed with every wrong row named in
 * Vietnamese and nothing saved; a right list is created in one transaction with first passwords shown
 * once, audited; an administrator of another province and a unit officer are refused.
 * Demo data: haiphong.admin administers Hải Phòng (31), whose ward Thành Đông (10507) has the units
 * "Trung tâm HCC" and "Phòng Văn hóa - Xã hội"; Dân Tiến (05755) lies in Thái Nguyên.
 */
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser } from '../../db/schema';
import { localityIdsByName } from '../../test/factories';
import { buildTestApp, type Client, fixedClock, TEST_PASSWORD, type TestApp } from '../../test/test-app';
import { systemActor } from '../auth/access';
import { createUserService } from './user.service';

const HEADER = 'Họ và tên,Tên đăng nhập,Thư điện tử,Vai trò,Mã địa phương,Tên đơn vị';

const xlsxOf = async (rows: Array<Array<string | number>>): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

describe('importing users from a list', () => {
  let t: TestApp;
  let province: Client;
  let otherProvince: Client;
  let unitOfficer: Client;

  const upload = async (client: Client, bytes: Buffer, fileName = 'danh-sach.csv') => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users/import-preview',
      payload: bytes,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(fileName),
        ...client.headers,
      },
      cookies: client.cookies,
    });
    return { status: response.statusCode, body: response.json() };
  };
  const userCount = async () => (await t.handle.db.select({ n: count() }).from(appUser))[0]!.n;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    province = await t.signIn('haiphong.admin');
    unitOfficer = await t.signIn('thanhdong.hcc');
    const thaiNguyen = (await localityIdsByName(t, ['Thái Nguyên'])).get('Thái Nguyên')!;
    await createUserService({ db: t.handle.db, clock: fixedClock }).create(
      { actor: systemActor('test setup'), ip: null, userAgent: null },
      {
        username: 'thainguyen.quantri',
        displayName: 'Quản trị Thái Nguyên',
        password: TEST_PASSWORD,
        roles: [{ role: 'locality_admin', localityId: thaiNguyen }],
      },
      { mustChangePassword: false },
    );
    otherProvince = await t.signIn('thainguyen.quantri');
  });
  afterAll(() => t.close());

  it('should name every wrong row in Vietnamese and save nothing', async () => {
    const before = await userCount();
    const csv = [
      HEADER,
      'Nguyễn Thị Lan,lan.nguyen,lan@example.gov.vn,Cán bộ đơn vị,10507,Trung tâm HCC',
      'Trần Văn Bình,binh.tran,,Lãnh đạo,99999,',
      'Lê Thị Cúc,cuc.le,,Cán bộ đơn vị,10507,Phòng Không Có',
      'Phạm Văn Dũng,lan.nguyen,,Lãnh đạo,10507,',
      'Hoàng Thị Em,thanhdong.hcc,,Thanh tra,10507,',
      'Vũ Văn Giang,giang.vu,,Quản trị hệ thống,10507,',
      'Đỗ Thị Hoa,hoa.do,,Lãnh đạo,05755,',
      '"Ngô Văn Ích, phó",Ngô Ích,,Lãnh đạo,10507,',
      'Bùi Thị Kim,kim.bui,kim@,Người xem,10507,',
    ].join('\r\n');
    const { status, body } = await upload(province, Buffer.from(`\uFEFF${csv}`, 'utf8'));
    expect(status, JSON.stringify(body)).toBe(200);
    const messages = (body.data.problems as Array<{ line: number; message: string }>).map(
      (problem) => `Dòng ${problem.line}: ${problem.message}`,
    );
    const expected = [
      /^Dòng 3: không có địa phương mang mã “99999”/,
      /^Dòng 4: Thành Đông không có đơn vị “Phòng Không Có”/,
      /^Dòng 5: tên đăng nhập “lan.nguyen” trùng với dòng 2/,
      /^Dòng 6: tên đăng nhập “thanhdong.hcc” đã có người dùng/,
      /^Dòng 7: bạn không được giao vai trò Quản trị hệ thống/,
      /^Dòng 8: địa phương Dân Tiến \(mã 05755\) nằm ngoài phạm vi quản lý của bạn/,
      /^Dòng 9: tên đăng nhập “Ngô Ích” không hợp lệ/,
      /^Dòng 10: thư điện tử “kim@” không hợp lệ/,
      /^Dòng 10: không có vai trò “Người xem”/,
    ];
    for (const pattern of expected)
      expect(
        messages.some((message) => pattern.test(message)),
        String(pattern),
      ).toBe(true);
    expect(messages).toHaveLength(expected.length);
    // Row 2 is right: it is listed with its locality's name.
    expect(body.data.rows[0]).toMatchObject({ line: 2, username: 'lan.nguyen', localityName: 'Thành Đông' });
    expect(await userCount()).toBe(before);
  });

  it('should read an Excel list, then create every user in one go with first passwords, audited', async () => {
    const bytes = await xlsxOf([
      HEADER.split(','),
      ['Nguyễn Thị Mai', 'mai.nguyen', 'mai@example.gov.vn', 'Cán bộ đơn vị', '10507', 'trung tam hcc'],
      ['Trần Văn Nam', 'nam.tran', '', 'Lãnh đạo', 10507, ''],
      ['Lê Văn Phúc', 'Phuc.Le', '', 'inspector', '31', ''],
    ]);
    const preview = await upload(province, bytes, 'danh sách.xlsx');
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.data.problems).toEqual([]);
    expect(preview.body.data.rows.map((row: { localityName: string }) => row.localityName)).toEqual([
      'Thành Đông',
      'Thành Đông',
      'Hải Phòng',
    ]);

    const created = await province.call('POST', '/api/v1/users/import', { rows: preview.body.data.rows });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const users = created.body.data as Array<{
      id: string;
      username: string;
      password: string;
      unitName: string | null;
    }>;
    expect(users.map((user) => user.username)).toEqual(['mai.nguyen', 'nam.tran', 'phuc.le']);
    expect(new Set(users.map((user) => user.password)).size).toBe(3);

    // The first password works once, and must be changed.
    const mai = await t.signIn('mai.nguyen', users[0]!.password);
    const me = (await mai.call('GET', '/api/v1/auth/me')).body.data.user;
    expect(me).toMatchObject({ mustChangePassword: true, displayName: 'Nguyễn Thị Mai' });
    expect(me.roles).toMatchObject([
      { role: 'unit_officer', localityName: 'Thành Đông', unitName: 'Trung tâm HCC' },
    ]);

    const grants = (
      await province.call('GET', `/api/v1/audit-events?entityType=role_assignment&entityId=${users[0]!.id}`)
    ).body.data;
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ action: 'create', actorName: 'Quản trị thành phố Hải Phòng' });
    // The password is never kept in the trail.
    const trail = await t.call('GET', `/api/v1/audit-events?entityId=${users[0]!.id}`);
    expect(JSON.stringify(trail.body)).not.toContain(users[0]!.password);

    // Sent again, every name is now taken: nothing more is created.
    const again = await province.call('POST', '/api/v1/users/import', { rows: preview.body.data.rows });
    expect(again.status).toBe(400);
    expect(again.body.message).toContain('Dòng 2: tên đăng nhập “mai.nguyen” đã có người dùng');
  });

  it('should create none of a list sent with one wrong row, and say which', async () => {
    const before = await userCount();
    const rows = [
      {
        line: 2,
        displayName: 'Người Đúng',
        username: 'nguoi.dung',
        email: null,
        role: 'leader',
        localityCode: '10507',
        unitName: null,
      },
      {
        line: 3,
        displayName: 'Người Ngoài',
        username: 'nguoi.ngoai',
        email: null,
        role: 'leader',
        localityCode: '05755',
        unitName: null,
      },
    ];
    const response = await province.call('POST', '/api/v1/users/import', { rows });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(
      /^Danh sách có dòng sai nên chưa tạo người dùng nào: Dòng 3: địa phương Dân Tiến/,
    );
    expect(await userCount()).toBe(before);
  });

  it("should refuse another province's administrator for this province's communes, and a unit officer altogether", async () => {
    const csv = Buffer.from(`${HEADER}\nNgười Mới,nguoi.moi.1,,Lãnh đạo,10507,\n`, 'utf8');
    const preview = await upload(otherProvince, csv);
    expect(preview.status).toBe(200);
    expect(preview.body.data.problems).toEqual([
      { line: 2, message: 'địa phương Thành Đông (mã 10507) nằm ngoài phạm vi quản lý của bạn.' },
    ]);
    const rows = [{ ...preview.body.data.rows[0], localityName: undefined }];
    const created = await otherProvince.call('POST', '/api/v1/users/import', { rows });
    expect(created.status).toBe(400);
    expect(created.body.message).toContain('ngoài phạm vi quản lý');

    expect((await upload(unitOfficer, csv)).status).toBe(403);
    expect((await unitOfficer.call('POST', '/api/v1/users/import', { rows })).status).toBe(403);
    expect((await unitOfficer.call('GET', '/api/v1/users/import-template.xlsx')).status).toBe(403);
    expect((await t.anonymous.call('POST', '/api/v1/users/import', { rows })).status).toBe(401);
  });

  it('should give a template whose sample row reads back right, leading zero of the code kept', async () => {
    const template = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users/import-template.xlsx',
      headers: t.headers,
      cookies: t.cookies,
    });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const preview = await upload(t, template.rawPayload, 'mau.xlsx');
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.data.problems).toEqual([]);
    expect(preview.body.data.rows).toMatchObject([
      { line: 2, localityCode: '05755', localityName: 'Dân Tiến', role: 'unit_officer' },
    ]);
  });

  it('should refuse a CSV that is not UTF-8, a file that is neither, and a header it cannot read', async () => {
    const latin = Buffer.from(`${HEADER}\nNguy\xean,a.b,,L\xe3nh \xf0\xe0o,10507,\n`, 'latin1');
    const notUtf8 = await upload(province, latin);
    expect(notUtf8.status).toBe(422);
    expect(notUtf8.body.message).toContain('UTF-8');

    const broken = await upload(province, Buffer.from('PK\u0003\u0004 không phải zip'), 'hong.xlsx');
    expect(broken.status).toBe(422);

    const header = await upload(province, Buffer.from('Họ và tên;Mật khẩu\nLan;123\n', 'utf8'));
    expect(header.status).toBe(200);
    expect(header.body.data.problems.map((problem: { message: string }) => problem.message)).toEqual([
      expect.stringContaining('không dùng được cột “Mật khẩu”'),
      'thiếu cột “Tên đăng nhập”.',
      'thiếu cột “Vai trò”.',
      'thiếu cột “Mã địa phương”.',
    ]);
  });
});

/**
 * Administration in the app (issue #14): a province administrator imports users from a list, sees the
 * wrong rows named with nothing saved, then creates the corrected list and gets the first passwords once.
 * Also: choosing a reporting period on a plan's "Báo cáo" tab is a history entry (Back returns to it); a
 * ward's score thresholds are kept on its units page, and a province's administrator adds a commune.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserImportPage } from './page-models/user-import-page';
import { useAppInBrowser } from './support/suite';

const HEADER = 'Họ và tên,Tên đăng nhập,Thư điện tử,Vai trò,Mã địa phương,Tên đơn vị';

describe('[ADMIN] importing users from a list', () => {
  const env = useAppInBrowser();
  let admin: Page;

  beforeAll(async () => {
    admin = await env.pageAs('haiphong.admin');
  });

  it('should name the wrong rows, save nothing, then create the corrected list with first passwords', async () => {
    await admin.goto('/admin/users');
    await admin.getByRole('link', { name: 'Nhập từ danh sách' }).click();
    await admin.waitForURL('**/admin/users/import');
    await expect
      .poll(() => admin.getByRole('heading', { level: 1 }).textContent())
      .toBe('Nhập người dùng từ danh sách');
    const page = new UserImportPage(admin);

    // The template is offered as an Excel file.
    const [template] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Tải biểu mẫu Excel' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('mau-danh-sach-nguoi-dung.xlsx');

    await page.send(
      'danh-sach.csv',
      [
        HEADER,
        'Nguyễn Thị Mai,mai.thanhdong,,Cán bộ đơn vị,10507,Trung tâm HCC',
        'Trần Văn Nam,nam.thanhdong,,Lãnh đạo,99999,',
        'Lê Văn Phúc,phuc.dantien,,Lãnh đạo,05755,',
      ].join('\n'),
    );
    await expect
      .poll(() => page.problems.allInnerTexts())
      .toEqual([
        'Dòng 3: không có địa phương mang mã “99999”.',
        'Dòng 4: địa phương Dân Tiến (mã 05755) nằm ngoài phạm vi quản lý của bạn.',
      ]);
    expect(
      await page.preview.getByText('Danh sách có 2 lỗi; chưa tạo người dùng nào.', { exact: false }).count(),
    ).toBe(1);
    expect(await admin.getByTestId('user-import-create').count()).toBe(0);

    await page.send(
      'danh-sach-da-sua.csv',
      [
        HEADER,
        'Nguyễn Thị Mai,mai.thanhdong,,Cán bộ đơn vị,10507,Trung tâm HCC',
        'Trần Văn Nam,nam.thanhdong,,Lãnh đạo,10507,',
      ].join('\n'),
    );
    await page.preview.getByText('Mọi dòng đều đúng: 2 người dùng sẵn sàng để tạo.').waitFor();
    await page.createAll(2);
    await page.created.waitFor();
    const password = await page.passwordOf('mai.thanhdong');
    expect(password).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);

    const [passwords] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Tải danh sách mật khẩu (CSV)' }).click(),
    ]);
    expect(passwords.suggestedFilename()).toBe('mat-khau-ban-dau.csv');

    // The new account signs in with its first password, and must change it.
    const signIn = await admin.context().request.post('/api/v1/auth/login', {
      data: { username: 'mai.thanhdong', password },
    });
    expect(signIn.status()).toBe(200);
    expect((await signIn.json()).data.user).toMatchObject({ mustChangePassword: true });
  });

  it("should return to the period chosen before with Back on the plan's reports tab", async () => {
    const standing = await env.pageAs('thanhdong.vhxh');
    const plans = (await (await standing.context().request.get('/api/v1/plans')).json()).data as Array<{
      id: string;
      localityName: string;
    }>;
    const planId = plans.find((row) => row.localityName === 'Thành Đông')!.id;
    await standing.goto(`/plans/${planId}?tab=reports`);
    const periodRow = (label: string) => standing.getByRole('row').filter({ hasText: label }).first();
    await periodRow('Năm 2025').click();
    await standing.waitForURL(/period=/);
    const first = new URL(standing.url()).searchParams.get('period');
    await periodRow('Năm 2026').click();
    await standing.waitForURL((url) => url.searchParams.get('period') !== first);
    await standing.goBack();
    await standing.waitForURL((url) => url.searchParams.get('period') === first);
    expect(new URL(standing.url()).searchParams.get('tab')).toBe('reports');
  });

  it("should keep a ward's score thresholds, refusing Vàng not below Xanh, and add a commune to the province", async () => {
    // A page of its own: the import above signed this context in as a new user.
    const settingsAdmin = await env.pageAs('haiphong.admin');
    const localities = async (q: string) => {
      const response = await settingsAdmin.context().request.get(`/api/v1/localities?q=${q}`);
      const body = await response.json();
      expect(response.status(), JSON.stringify(body)).toBe(200);
      return body.data as Array<{ id: string; code: string }>;
    };
    const thanhDong = (await localities('10507')).find((row) => row.code === '10507')!.id;
    await settingsAdmin.goto(`/localities/${thanhDong}/units`);
    await settingsAdmin.locator('#localitySettings').waitFor();
    // Vàng 85 with the common Xanh of 80: refused in words, nothing saved.
    await settingsAdmin.getByLabel('Ngưỡng Vàng (điểm)').fill('85');
    await settingsAdmin.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await settingsAdmin.getByText('Ngưỡng Vàng phải nhỏ hơn ngưỡng Xanh (80)').first().waitFor();
    await settingsAdmin.getByLabel('Ngưỡng Xanh (điểm)').fill('90');
    await settingsAdmin.getByRole('button', { name: 'Lưu thiết lập' }).click();
    await settingsAdmin.getByText('Đã lưu thiết lập của địa phương.').waitFor();
    const saved = await (await settingsAdmin.context().request.get(`/api/v1/localities/${thanhDong}`)).json();
    expect(saved.data).toMatchObject({ scoreGreen: 90, scoreYellow: 85 });
    await settingsAdmin.reload();
    expect(await settingsAdmin.getByLabel('Ngưỡng Xanh (điểm)').inputValue()).toBe('90');

    // On the province: a commune the loaded register lacks.
    const haiPhong = (await localities('31')).find((row) => row.code === '31')!.id;
    await settingsAdmin.goto(`/localities/${haiPhong}/units`);
    await settingsAdmin.getByLabel('Mã đơn vị hành chính').fill('HP-THU-01');
    await settingsAdmin.getByLabel('Tên', { exact: true }).fill('Xã Thử Nghiệm');
    await settingsAdmin.locator('#addCommune').getByRole('button').click();
    await settingsAdmin.getByText('Đã thêm Xã Thử Nghiệm.').waitFor();
    expect((await localities('HP-THU')).map((row) => row.code)).toEqual(['HP-THU-01']);
  });
});

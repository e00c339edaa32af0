import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HistoryDrawer } from './page-models/history-drawer';
import { LoginPage } from './page-models/login-page';
import { Navigation } from './page-models/navigation';
import { PlanListPage } from './page-models/plan-list-page';
import { PlanPage } from './page-models/plan-page';
import { DEMO_DISPLAY_NAMES, DEMO_PASSWORD } from './support/auth';
import { chooseOption } from './support/select';
import { useAppInBrowser } from './support/suite';

const FIVE_G = 'Tỷ lệ phủ sóng 5G trên địa bàn';
const HCC_INDICATOR = 'Hồ sơ thủ tục hành chính xử lý trực tuyến';
const VHXH_NAME = DEMO_DISPLAY_NAMES['thanhdong.vhxh']!;
const HCC_NAME = DEMO_DISPLAY_NAMES['thanhdong.hcc']!;

describe('[AUTH] sign-in, permissions and the change history', () => {
  const env = useAppInBrowser();

  const openThanhDong = async (page: Page) => {
    const list = new PlanListPage(page);
    await list.open();
    await list.openPlan('Thành Đông');
    const plan = new PlanPage(page);
    await plan.heading('95/KH-UBND').waitFor();
    return plan;
  };

  it('[AUTH]: an anonymous visit to /plans lands on the sign-in page', async () => {
    const page = await env.pageAs(null);
    await page.goto('/plans');
    const login = new LoginPage(page);
    await login.heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
    await page.context().close();
  });

  it('[AUTH]: the sign-in form refuses a wrong password with the server’s words, then signs in', async () => {
    const page = await env.pageAs(null);
    // Asked for a plan page first: after signing in the officer comes back to it.
    await page.goto('/search');
    const login = new LoginPage(page);
    await login.heading.waitFor();

    await login.signIn('thanhdong.vhxh', 'sai-mat-khau');
    await login.alert.filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    await login.signIn('thanhdong.vhxh', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Tìm kiếm' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/search');
    await new Navigation(page).userName(VHXH_NAME).waitFor();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await login.heading.waitFor();
    await page.goto('/plans');
    await login.heading.waitFor();
    await page.context().close();
  });

  it('[AUTH]: the standing-agency officer edits a target and its history shows who, when, before and after', async () => {
    const page = await env.pageAs('thanhdong.vhxh');
    const plan = await openThanhDong(page);
    await plan.indicatorRow(FIVE_G).waitFor();
    expect(await plan.targetText(FIVE_G, 2026)).toBe('70%');
    await plan.editTarget(FIVE_G, 2026, '75%');
    await plan.historyButton(FIVE_G).click();

    const history = new HistoryDrawer(page, FIVE_G);
    await history.root.waitFor();
    const entry = history.entry('Mục tiêu năm 2026');
    await entry.waitFor();
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain(VHXH_NAME);
    // One sentence says who did what: "… sửa mục tiêu năm 2026 của chỉ tiêu “Tỷ lệ phủ sóng 5G …”".
    expect(text).toMatch(/sửa mục tiêu năm 2026 của chỉ tiêu/);
    expect(text).toMatch(/Chỉ tiêu in:\s*70%\s*→\s*75%/);
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // The newest change comes first.
    expect(await history.entries.first().textContent()).toContain('75%');
    await page.keyboard.press('Escape');
    await history.root.waitFor({ state: 'hidden' });

    // The same history, for that year only, from the target editor.
    await plan.targetCell(FIVE_G, 2026).click();
    await plan.targetDialog.waitFor();
    await plan.targetDialog.getByRole('button', { name: 'Lịch sử' }).click();
    await history.root.waitFor();
    await history.entry('75%').waitFor();
    await page.context().close();
  });

  it('[AUTH]: a unit officer edits only what their unit leads; the server refuses the rest', async () => {
    const page = await env.pageAs('thanhdong.hcc');
    const plan = await openThanhDong(page);
    await new Navigation(page).userName(HCC_NAME).waitFor();
    await plan.indicatorRow(HCC_INDICATOR).waitFor();

    expect(await plan.editIndicatorButton(HCC_INDICATOR).count()).toBe(1);
    expect(await plan.targetCell(HCC_INDICATOR, 2026).count()).toBe(1);
    // "Tỷ lệ phủ sóng 5G" is led by Phòng Văn hóa - Xã hội: readable, not editable.
    expect(await plan.editIndicatorButton(FIVE_G).count()).toBe(0);
    expect(await plan.targetCell(FIVE_G, 2026).count()).toBe(0);
    expect(await plan.historyButton(FIVE_G).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Xóa kế hoạch' }).count()).toBe(0);

    // Going around the interface does not help: the API answers 403 to this session.
    const otherId = await plan.indicatorId(FIVE_G);
    const answer = await page.evaluate(async (indicatorId) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { data: { csrfToken: string } };
      const response = await fetch(`/api/v1/indicators/${indicatorId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.data.csrfToken },
        body: JSON.stringify({ name: 'Đổi tên trái phép' }),
      });
      return { status: response.status, body: (await response.json()) as { message: string } };
    }, otherId);
    expect(answer.status).toBe(403);
    expect(answer.body.message).toBe('Bạn không có quyền thực hiện việc này.');
    await page.context().close();
  });

  it('[AUTH]: an administrator creates an account; at the first sign-in the officer must change the password', async () => {
    const admin = await env.pageAs('haiphong.admin');
    await admin.goto('/admin/users');
    await admin.getByRole('button', { name: 'Tạo người dùng' }).click();
    const drawer = admin.getByRole('dialog', { name: 'Tạo người dùng mới' });
    await drawer.waitFor();
    await drawer.getByLabel('Tên đăng nhập').fill('thanhdong.yte');
    await drawer.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await drawer.getByLabel('Mật khẩu ban đầu').fill('BanDau-2026!');
    // Ant Design's selects are searchable: typing filters the options and Enter picks the first match.
    // (Not `exact`: a required field's name starts with the "*" that CSS draws before its label.)
    const pick = async (label: string, text: string) => {
      const select = drawer.getByRole('combobox', { name: label });
      await select.fill(text);
      await select.press('Enter');
    };
    await pick('Vai trò', 'Cán bộ đơn vị');
    // The locality picker searches the server as one types: its option is waited for, then clicked.
    await chooseOption(admin, drawer.getByRole('combobox', { name: 'Địa phương' }), 'Thành Đông');
    await drawer.getByRole('button', { name: 'Tạo người dùng' }).click();
    await drawer.getByText('Cán bộ đơn vị phải gắn với một đơn vị').waitFor();
    await pick('Đơn vị', 'Trung tâm HCC');
    await drawer.getByRole('button', { name: 'Tạo người dùng' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const row = admin.getByRole('row').filter({ hasText: 'thanhdong.yte' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Chờ đổi mật khẩu');
    await admin.context().close();

    const page = await env.pageAs(null);
    await page.goto('/plans');
    await new LoginPage(page).signIn('thanhdong.yte', 'BanDau-2026!');
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').fill('BanDau-2026!');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('MatKhauMoi-2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('MatKhauMoi-2026');
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Danh sách kế hoạch' }).waitFor();
    await new Navigation(page).userName('Nguyễn Văn An').waitFor();
    await page.context().close();
  });
});

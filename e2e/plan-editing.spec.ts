import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PlanListPage } from './page-models/plan-list-page';
import { PlanPage } from './page-models/plan-page';
import { UnitsPage } from './page-models/units-page';
import { chooseOption } from './support/select';
import { useAppInBrowser } from './support/suite';

describe('[PLANS] editing tasks, units and plans', () => {
  const env = useAppInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await env.pageAs('thanhdong.vhxh');
  });

  const openThanhDong = async () => {
    const list = new PlanListPage(page);
    await list.open();
    await list.openPlan('Thành Đông');
    const plan = new PlanPage(page);
    await plan.heading('95/KH-UBND').waitFor();
    return plan;
  };

  it('[TASKS]: a task typed with "Trong Quý IV/2026" is read as due 31/12/2026', async () => {
    const plan = await openThanhDong();
    await plan.tasksTab.click();
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).first().click();
    const drawer = page.getByRole('dialog', { name: 'Thêm nhiệm vụ' });
    await drawer.waitFor();

    await drawer.getByLabel('Tên nhiệm vụ').fill('Số hóa hồ sơ lưu trữ của phường');
    await drawer.getByLabel('Thời hạn (như in trong văn bản)').fill('Trong Quý IV/2026');
    // The preview comes from the same parser the server uses.
    await drawer.getByRole('status').filter({ hasText: 'Đến 31/12/2026' }).waitFor();
    await drawer.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await drawer.waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ hasText: 'Số hóa hồ sơ lưu trữ của phường' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Đến 31/12/2026');
  });

  it('[UNITS]: deleting a unit still in use shows the server’s reason; an unused one goes away', async () => {
    const plan = await openThanhDong();
    await page.getByRole('tab', { name: /^Đơn vị/ }).click();
    await page.getByRole('button', { name: 'Quản lý đơn vị' }).click();
    await page.getByRole('heading', { name: /^Đơn vị của/ }).waitFor();
    expect(plan).toBeDefined();

    const units = new UnitsPage(page);
    await units.row('Trung tâm HCC').waitFor();
    await units.deleteUnit('Trung tâm HCC');
    await units.alert.filter({ hasText: 'không xóa được' }).waitFor();
    expect(await units.row('Trung tâm HCC').count()).toBe(1);

    await units.addUnit('Tổ công tác thử nghiệm');
    await units.row('Tổ công tác thử nghiệm').waitFor();
    await units.deleteUnit('Tổ công tác thử nghiệm');
    await units.row('Tổ công tác thử nghiệm').waitFor({ state: 'detached' });
  });

  it('[PLANS]: creating a plan checks the required fields in Vietnamese, then opens the new plan', async () => {
    const list = new PlanListPage(page);
    await list.open();
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    const drawer = page.getByRole('dialog', { name: 'Tạo kế hoạch mới' });
    await drawer.waitFor();
    await drawer.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await drawer.getByText('Trích yếu (tên kế hoạch) không được để trống').waitFor();
    await drawer.getByText('Cơ quan ban hành không được để trống').waitFor();

    // The locality picker searches the server as one types; the option is picked once it is shown.
    await chooseOption(page, drawer.getByRole('combobox', { name: 'Địa phương' }), 'Thành Đông');
    await drawer.getByLabel('Cơ quan ban hành', { exact: true }).fill('UBND phường Thành Đông');
    await drawer.getByLabel('Số hiệu').fill('120/KH-UBND');
    await drawer.getByLabel('Trích yếu').fill('Kế hoạch chuyển đổi số năm 2026');
    await drawer.getByRole('button', { name: 'Tạo kế hoạch' }).click();

    await new PlanPage(page).heading('120/KH-UBND').waitFor();
    expect(await page.getByText('Kế hoạch chuyển đổi số năm 2026').count()).toBeGreaterThan(0);
  });
});

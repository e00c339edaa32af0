import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { OverviewPage } from './page-models/overview-page';
import { useAppInBrowser } from './support/suite';

describe('[HISTORY] the map of a date: former communes before 1/7/2025, their names after it', () => {
  const env = useAppInBrowser();
  let admin: Page;

  beforeAll(async () => {
    admin = await env.pageAs('admin');
  });

  /** A row of the ranking by the text in it (a commune without a plan has no link). */
  const rowWith = (text: string) => admin.getByRole('row').filter({ hasText: text });

  it('[HISTORY]: Dân Tiến, formed from three former communes, shows their former names', async () => {
    const overview = new OverviewPage(admin);
    await overview.openFromDashboards('Thái Nguyên');
    const row = overview.communeRow('Dân Tiến');
    expect(await row.getByTestId('formed-from').textContent()).toBe(
      'Hình thành từ: Xã Bình Long, Xã Phương Giao, Xã Dân Tiến',
    );
    // Today's map: the 92 communes and wards of the register, no former unit among them.
    await admin.getByTestId('overview-shown').getByText('Đang hiện 92/92 địa phương').waitFor();
    expect(await admin.getByTestId('former-unit').count()).toBe(0);
  });

  it('[HISTORY]: "Tính đến ngày" 30/06/2025 shows the former communes, kept in the address', async () => {
    const overview = new OverviewPage(admin);
    await overview.openFromDashboards('Thái Nguyên');
    const picker = admin.locator('#overview-as-of');
    await picker.click();
    await picker.fill('30/06/2025');
    await picker.press('Enter');
    await admin.waitForURL((url) => url.searchParams.get('asOf') === '2025-06-30');
    // The map of that date is a province's former units too (a few hundred rows): given time to load.
    const loaded = admin.getByText('Tính đến ngày 30/06/2025');
    await loaded.waitFor({ timeout: 60_000 }).catch(async (error) => {
      await admin.screenshot({ path: '/tmp/history-as-of.png' });
      throw error;
    });

    // The former communes Dân Tiến was formed from are rows of their own, marked as former units.
    await admin.getByLabel('Tìm theo tên', { exact: true }).fill('phuong giao');
    const phuongGiao = rowWith('Phương Giao');
    await phuongGiao.waitFor();
    expect(await phuongGiao.getByTestId('former-unit').textContent()).toBe('Đơn vị cũ, đến 30/06/2025');
    // Dân Tiến of 2025 did not exist yet: its name is only the former commune's.
    await admin.getByLabel('Tìm theo tên', { exact: true }).fill('dan tien');
    const danTien = rowWith('Dân Tiến');
    await danTien.waitFor();
    expect(await danTien.count()).toBe(1);
    expect(await danTien.getByTestId('former-unit').count()).toBe(1);
    expect(await danTien.getByTestId('formed-from').count()).toBe(0);

    // The date stays in the address: a reload shows the same map.
    await admin.reload();
    await overview.heading('Thái Nguyên').waitFor();
    expect(await admin.locator('#overview-as-of').inputValue()).toBe('30/06/2025');
    await admin.getByLabel('Tìm theo tên', { exact: true }).fill('binh long');
    await rowWith('Bình Long').getByTestId('former-unit').waitFor();

    // The Excel export is of the same date's map; no one is chased over a past date's lateness.
    expect(await admin.getByRole('button', { name: /^Đôn đốc/ }).count()).toBe(0);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const names: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(3).value ?? '')));
    expect(names.some((name) => name.includes('Bình Long'))).toBe(true);
  });

  it('[HISTORY]: the page of Dân Tiến lists the three former communes it was formed from', async () => {
    const found = await admin.context().request.get('/api/v1/localities?q=05755');
    const danTien = ((await found.json()).data as Array<{ id: string; code: string }>).find(
      (row) => row.code === '05755',
    )!;
    await admin.goto(`/localities/${danTien.id}/units`);
    const history = admin.getByTestId('locality-history');
    await history.waitFor();
    const formers = await history.getByTestId('predecessor').allTextContents();
    expect(formers).toEqual([
      'Xã Bình Long — từ 01/07/2025',
      'Xã Dân Tiến — từ 01/07/2025',
      'Xã Phương Giao — từ 01/07/2025',
    ]);
    // A former commune's page says where its land went.
    await history.getByRole('link', { name: 'Xã Bình Long' }).click();
    await admin.getByTestId('locality-ended').getByText('Đơn vị cũ, đến 30/06/2025').waitFor();
    expect(await admin.getByTestId('successor').allTextContents()).toEqual(['Xã Dân Tiến — từ 01/07/2025']);
  });
});

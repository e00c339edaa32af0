import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { OverviewPage } from './page-models/overview-page';
import { useAppInBrowser } from './support/suite';

describe('[OVERVIEW] province overview: communes ranked, figures traced to the commune dashboard', () => {
  const env = useAppInBrowser();
  let inspector: Page;
  let wardOfficer: Page;
  let admin: Page;

  beforeAll(async () => {
    inspector = await env.pageAs('haiphong.thanhtra');
    wardOfficer = await env.pageAs('thanhdong.vhxh');
    admin = await env.pageAs('admin');
  });

  let haiPhongId = '';

  it('[OVERVIEW]: a province inspector opens Hải Phòng, sees Thành Đông with its figures and follows it to the ward dashboard', async () => {
    const overview = new OverviewPage(inspector);
    await overview.openFromDashboards('Hải Phòng');
    haiPhongId = overview.localityId();
    // The register's 114 communes and wards of Hải Phòng, one with a plan (Thành Đông).
    expect(await inspector.getByTestId('overview-summary').textContent()).toMatch(
      /^1\/114 xã, phường đã có kế hoạch, \d+ chậm báo cáo$/,
    );
    const cells = await overview.communeCells('Thành Đông');
    // Rank, name (plan and period), rating, score, reports submitted, late, missing, indicators behind, overdue tasks.
    expect(cells[0]).toBe('—');
    expect(cells[1]).toContain('Năm 2026');
    expect(cells[2]).toBe('Chưa đánh giá');
    expect(cells[3]).toBe('—');
    expect(cells[4]).toMatch(/^0\/\d+$/);
    expect(Number(cells[8])).toBeGreaterThan(0);
    // Nothing accepted yet in Hải Phòng: no roll-up, and the page says why.
    await inspector.getByText('Chưa có xã, phường nào có số liệu chỉ tiêu chuẩn được chấp nhận').waitFor();

    await overview.communeRow('Thành Đông').getByRole('link', { name: 'Thành Đông' }).click();
    await inspector.getByRole('heading', { name: 'Bảng điều hành · Thành Đông' }).waitFor();
    expect(new URL(inspector.url()).pathname).toMatch(/^\/plans\/[0-9a-f-]{36}\/dashboard$/);
    expect(new URL(inspector.url()).searchParams.get('period')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('[OVERVIEW]: the rate of online dossiers is rebuilt from its numerator and denominator (Thái Nguyên)', async () => {
    const overview = new OverviewPage(admin);
    await overview.openFromDashboards('Thái Nguyên');
    const cells = await overview.communeCells('Dân Tiến');
    expect(cells[4]).toBe('2/3');
    const row = overview.rollupRow('CDS.TTHC.HO_SO_TRUC_TUYEN');
    expect(await row.textContent()).toContain('90%');
    expect(await row.textContent()).toContain('1.710 / 1.900');
    // A rate given without numerator and denominator is shown per commune, and left out of the total.
    await overview.rollupRow('CDS.TTHC.TTHC_SXKD_TRUC_TUYEN').click();
    await admin.getByText('Thiếu tử số, mẫu số: không tính vào giá trị toàn địa bàn').waitFor();
    await admin.getByRole('link', { name: 'Dân Tiến · II.7' }).click();
    await admin.getByRole('heading', { name: 'Bảng điều hành · Dân Tiến' }).waitFor();
  });

  it('[OVERVIEW]: the administrator opens the nation, finds a province typed without diacritics and opens it', async () => {
    const overview = new OverviewPage(admin);
    await overview.openFromDashboards('Việt Nam');
    expect(await admin.getByTestId('overview-summary').textContent()).toMatch(
      /^2\/34 tỉnh, thành phố có kế hoạch; 2\/3\.321 xã, phường đã có kế hoạch, \d+ chậm báo cáo$/,
    );
    await admin.getByLabel('Tìm theo tên', { exact: true }).fill('thai nguyen');
    // The list filters as one types: Hải Phòng leaves it, Thái Nguyên stays.
    await overview.communeRow('Hải Phòng').waitFor({ state: 'detached' });
    await overview.communeRow('Thái Nguyên').waitFor();
    expect((await overview.communeCells('Thái Nguyên'))[1]).toContain('1/92 xã, phường có kế hoạch');
    await overview.communeRow('Thái Nguyên').getByRole('link', { name: 'Thái Nguyên' }).click();
    await overview.heading('Thái Nguyên').waitFor();
  });

  it('[OVERVIEW]: the administrator filters Thái Nguyên by colour and exports exactly the rows shown', async () => {
    const overview = new OverviewPage(admin);
    await overview.openFromDashboards('Thái Nguyên');
    await admin.getByTestId('overview-shown').getByText('Đang hiện 92/92 địa phương').waitFor();
    // Dân Tiến is the one commune rated; its colour is what the filter is tried with.
    const rating = (await overview.communeCells('Dân Tiến'))[2]!;
    expect(['Xanh', 'Vàng', 'Đỏ']).toContain(rating);
    await overview.filterColour(rating);
    await admin.getByTestId('overview-shown').getByText('Đang hiện 1/92 địa phương').waitFor();
    expect(new URL(admin.url()).searchParams.get('colours')).toMatch(/^(green|yellow|red)$/);
    expect(await overview.communeRow('Dân Tiến').count()).toBe(1);

    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Xuất Excel' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A2').value)).toBe(`Lọc: xếp loại ${rating} · 1 dòng`);
    expect(sheet.getRow(4).getCell(3).value).toBe('xã Dân Tiến');
    expect(sheet.getRow(4).getCell(4).value).toBe(rating);
    expect(sheet.getRow(5).getCell(3).value ?? null).toBeNull();

    // The problem filter narrows further: no plan in the province but Dân Tiến's has one.
    await overview.filterProblem('Chưa có kế hoạch');
    await admin.getByText('Không có địa phương nào khớp với bộ lọc.').waitFor();
  });

  it('[OVERVIEW]: Dân Tiến, formed from three former communes, shows their names and is found by a former name', async () => {
    const overview = new OverviewPage(admin);
    await overview.openFromDashboards('Thái Nguyên');
    expect((await overview.communeCells('Dân Tiến'))[1]).toContain(
      'Hình thành từ: Xã Bình Long, Xã Phương Giao, Xã Dân Tiến',
    );
    // A former commune's name, typed without diacritics, finds the commune it became.
    await admin.getByLabel('Tìm theo tên', { exact: true }).fill('phuong giao');
    await admin.getByTestId('overview-shown').getByText('Đang hiện 1/92 địa phương').waitFor();
    expect(await overview.communeRow('Dân Tiến').count()).toBe(1);
  });

  it('[OVERVIEW]: a ward officer cannot open the province overview', async () => {
    expect(haiPhongId).not.toBe('');
    const overview = new OverviewPage(wardOfficer);
    await overview.open(haiPhongId);
    await overview.notFound().waitFor();
    expect(await wardOfficer.getByRole('table').count()).toBe(0);
  });
});

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportPage } from './page-models/import-page';
import { Navigation } from './page-models/navigation';
import { PlanPage } from './page-models/plan-page';
import { useAppInBrowser } from './support/suite';

const SEED_002_DOCX = new URL('../server/test/fixtures/import/seed-002.docx', import.meta.url);
const SEED_002_GOLD = new URL(
  '../server/test/fixtures/seeds/002_fd7da9144eb7c425.gold.json',
  import.meta.url,
);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('[IMPORT] a plan document becomes a plan through the review screen', () => {
  const env = useAppInBrowser();
  let page: Page;

  beforeEach(async () => {
    // The standing agency officer of Thành Đông, the ward that issued seed 002.
    page = await env.pageAs('thanhdong.vhxh');
  });

  it('refuses an old .doc in the browser and random bytes on the server, in Vietnamese', async () => {
    const importPage = new ImportPage(page);
    await importPage.openFromPlanList();

    await importPage.upload({
      name: 'ke-hoach.doc',
      mimeType: 'application/msword',
      buffer: Buffer.alloc(64, 1),
    });
    await importPage.refusal.filter({ hasText: 'Không nhận loại tệp “ke-hoach.doc”' }).waitFor();

    const noise = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256));
    await importPage.upload({ name: 'ke-hoach.pdf', mimeType: 'application/pdf', buffer: noise });
    await importPage.refusal.filter({ hasText: 'Định dạng tệp không được hỗ trợ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/imports/new');
  });

  it('uploads 002 as DOCX, corrects a cell, maps the units, shows a refused row, saves, and finds the plan with its indicators and tasks', async () => {
    const gold = JSON.parse(readFileSync(SEED_002_GOLD, 'utf8')) as {
      indicators: unknown[];
      tasks: unknown[];
    };
    const importPage = new ImportPage(page);
    await importPage.openFromPlanList();

    await importPage.upload({
      name: 'seed-002.docx',
      mimeType: DOCX_TYPE,
      buffer: readFileSync(SEED_002_DOCX),
    });
    await importPage.waitForReview();
    await importPage.tab(`Chỉ tiêu (${gold.indicators.length})`).waitFor();
    await importPage.tab(`Nhiệm vụ (${gold.tasks.length})`).waitFor();
    // Every row carries its review tag, and the source text is beside the draft.
    await importPage.row('Tỷ lệ phủ sóng 5G trên địa bàn').getByText('Chắc chắn').waitFor();
    // Its first row has five value cells for six years in the text: the review says so instead of guessing.
    await importPage.row('100% nhà văn hoá kết nối Internet').getByText('Cần xem lại').waitFor();
    await page.getByRole('searchbox', { name: 'Tìm trong văn bản gốc' }).fill('nha van hoa ket noi');
    await page.getByText(/^1\/\d+$/).waitFor();

    // Correct one cell: the first indicator's name.
    const corrected = '100% nhà văn hóa tổ dân phố kết nối Internet tốc độ cao';
    await importPage.correctCell('Tên chỉ tiêu', { indicator: 1 }, corrected);
    await importPage.row(corrected).getByText('Đã sửa').waitFor();

    // Nothing is saved yet: leaving asks first, and staying keeps the correction.
    await new Navigation(page).goTo('Kế hoạch');
    const leave = page.getByRole('dialog').filter({ hasText: 'Rời trang rà soát?' });
    await leave.getByRole('button', { name: 'Ở lại' }).click();
    await leave.waitFor({ state: 'hidden' });
    await importPage.row(corrected).waitFor();

    // The document has no legible number: give it one.
    await importPage.tab('Thông tin văn bản').click();
    await page.getByLabel('Số hiệu').fill('141/KH-UBND');

    // Units: the printed names are matched to Thành Đông's units; a run-together name goes to one of them.
    await importPage.tab(/^Gán đơn vị/).click();
    await importPage.row('Phòng Văn hóa - Xã hội').first().getByText('Gợi ý theo tên').waitFor();
    const runTogether = page.getByRole('combobox', { name: /^Gắn “MTTQ và các đoàn thể của phường;/ });
    await runTogether.click();
    await runTogether.fill('MTTQ và các đoàn thể');
    await runTogether.press('Enter');
    await importPage
      .row('MTTQ và các đoàn thể của phường;')
      .getByTitle('MTTQ và các đoàn thể', { exact: true })
      .waitFor();

    await importPage.tab(/^Chỉ tiêu/).click();
    // A task left without a name is refused by the server, and the problem shows on its row.
    await importPage.tab(/^Nhiệm vụ/).click();
    // The tab is in the address: Back returns to the tab before, on the same review with its corrections.
    await page.goBack();
    await page.getByRole('tab', { name: /^Chỉ tiêu/, selected: true }).waitFor();
    await importPage.row(corrected).waitFor();
    await page.goForward();
    await page.getByRole('tab', { name: /^Nhiệm vụ/, selected: true }).waitFor();
    await importPage.correctCell('Nhiệm vụ', { task: 1 }, '');
    await importPage.save();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Máy chủ chưa nhận bản nháp' })
      .getByText(/^Nhiệm vụ 1:/)
      .waitFor();
    await importPage
      .cell('Nhiệm vụ', { task: 1 })
      .locator('xpath=ancestor::tr')
      .getByText('Có lỗi')
      .waitFor();
    await importPage.correctCell('Nhiệm vụ', { task: 1 }, 'Rà soát hạ tầng nhà văn hóa của các tổ dân phố');

    await importPage.save();

    const plan = new PlanPage(page);
    await plan.heading('141/KH-UBND').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: `Chỉ tiêu (${gold.indicators.length})` }).waitFor();
    await page.getByRole('tab', { name: `Nhiệm vụ (${gold.tasks.length})` }).waitFor();
    await plan.indicatorRow(corrected).first().waitFor();
    expect(await plan.indicatorRow('100% nhà văn hoá kết nối Internet').count()).toBe(0);
  });

  it('asks before saving a plan whose document names another commune, and saves nothing until confirmed', async () => {
    // A plan of xã Dân Tiến, uploaded by Thành Đông's officer (who may only plan in Thành Đông).
    const text = [
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ DÂN TIẾN\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 77/KH-UBND\tDân Tiến, ngày 15 tháng 9 năm 2025',
      'KẾ HOẠCH HÀNH ĐỘNG',
      'Chuyển đổi số năm 2025 trên địa bàn xã Dân Tiến',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Triển khai đồng bộ, hiệu quả.',
      'II. NHIỆM VỤ VÀ GIẢI PHÁP',
      '1. Rà soát hạ tầng mạng tại trụ sở xã.',
      'Thời gian hoàn thành: Quý IV/2025.',
      'III. TỔ CHỨC THỰC HIỆN',
      'Phòng Văn hóa - Xã hội là cơ quan thường trực, theo dõi, tổng hợp.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn Hùng',
    ].join('\n');
    const plansNumbered = async () => {
      const response = await page.request.get(`${env.app.baseUrl}/api/v1/plans`);
      const plans = (await response.json()).data as Array<{ number: string | null }>;
      return plans.filter((plan) => plan.number === '77/KH-UBND').length;
    };
    const importPage = new ImportPage(page);
    await importPage.openFromPlanList();
    await importPage.upload({ name: 'dan-tien.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await importPage.waitForReview();
    // The register's proposal is shown beside the locality.
    await page.getByText(/Văn bản ghi xã Dân Tiến: khớp xã Dân Tiến, Thái Nguyên/).waitFor();

    await importPage.save();

    const confirmation = importPage.localityConfirmation;
    await confirmation
      .getByText(
        /^Kế hoạch sẽ được lưu vào phường Thành Đông, nhưng văn bản ghi xã Dân Tiến\. Các đơn vị của phường Thành Đông sẽ phải báo cáo \d+ chỉ tiêu và \d+ nhiệm vụ/,
      )
      .waitFor();
    expect(await plansNumbered()).toBe(0);

    await confirmation.getByRole('button', { name: 'Vẫn lưu vào địa phương này' }).click();
    await new PlanPage(page).heading('77/KH-UBND').waitFor({ timeout: 30_000 });
    expect(await plansNumbered()).toBe(1);
  });
});

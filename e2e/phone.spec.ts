/**
 * [PHONE] A 390 × 844 phone (touch, the size of a common smartphone): a unit officer signs in on the form,
 * finds the report in "Việc của tôi", fills it and submits it; a leader signs in and reaches the dashboard
 * in one tap; a province's overview, with a commune's package received and opened, fits the phone too. No screen on the way is wider than the phone (no sideways scrolling), the menu is a drawer,
 * what is tapped is at least 44 px high, and axe-core finds no WCAG 2.1 AA violation on any screen. With PHONE_SCREENSHOTS=<folder> each screen is also saved
 * there (docs/screenshots holds the copies shown in docs/phone.md).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page';
import { UnitReportPage } from './page-models/unit-report-page';
import { DEMO_PASSWORD, signIn } from './support/auth';
import { axeViolations, describeViolations } from './support/axe';
import { PHONE } from './support/browser';
import { useAppInBrowser } from './support/suite';

const SCREENSHOTS = process.env.PHONE_SCREENSHOTS;
const HCC = 'Trung tâm HCC';
/** Values the HCC centre of Thành Đông reports for 2026 (one of them as numerator / denominator). */
const VALUES: Array<[name: string, value: number]> = [
  ['Thủ tục hành chính giải quyết phi địa giới hành chính', 85],
  ['Giao dịch hành chính thuộc diện “phi tiếp xúc”', 70],
  ['Hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa', 92],
];

describe('[PHONE] 390 px phone: no sideways scrolling from sign-in to a submitted report, and to the dashboard', () => {
  const env = useAppInBrowser();

  /** A fresh phone, not signed in. */
  const phone = (): Promise<Page> => env.pageAs(null, { phone: true });

  /** The page fits the phone's width (nothing to scroll sideways); the screen is saved when asked. */
  const expectFits = async (page: Page, screen: string) => {
    await page.waitForLoadState('networkidle');
    await page.evaluate(() =>
      Promise.allSettled(document.getAnimations().map((animation) => animation.finished)),
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${screen}: the page is ${width} px wide on a ${PHONE.width} px phone`).toBeLessThanOrEqual(
      PHONE.width,
    );
    // The phone layout keeps WCAG 2.1 AA too (cards, drawer, dialogs).
    const violations = await axeViolations(page);
    expect(violations.length, `\n${describeViolations(`${screen} (phone)`, violations)}\n`).toBe(0);
    if (SCREENSHOTS) {
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `phone-${screen}.png`) });
    }
  };

  /** What a finger taps is at least 44 px high and wide (WCAG 2.5.5). */
  const expectTouchTarget = async (target: Locator, what: string) => {
    const box = await target.boundingBox();
    expect(box, what).not.toBeNull();
    expect(box!.height, `${what}: height`).toBeGreaterThanOrEqual(44);
    expect(box!.width, `${what}: width`).toBeGreaterThanOrEqual(44);
  };

  const signInOnTheForm = async (page: Page, username: string) => {
    const login = new LoginPage(page);
    await login.open();
    await expectFits(page, 'login');
    await expectTouchTarget(page.getByRole('button', { name: 'Đăng nhập' }), 'Đăng nhập');
    await login.signIn(username, DEMO_PASSWORD);
  };

  it('[PHONE]: the HCC officer signs in, opens the menu, fills the 2026 report and submits it', async () => {
    const page = await phone();
    await signInOnTheForm(page, 'thanhdong.hcc');
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    await expectFits(page, 'my-work');
    // Sign-out stays on screen, one tap away.
    await expectTouchTarget(page.getByRole('button', { name: 'Đăng xuất' }), 'Đăng xuất');

    // The menu is a drawer opened from the header, every entry a full-width line.
    const menuButton = page.getByRole('button', { name: 'Mở menu' });
    await expectTouchTarget(menuButton, 'Mở menu');
    await menuButton.click();
    const drawer = page.getByRole('dialog');
    const myWork = drawer.getByRole('link', { name: 'Việc của tôi' });
    await myWork.waitFor();
    await expectFits(page, 'menu');
    for (const item of await drawer.getByRole('menuitem').all())
      expect((await item.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await myWork.click();
    await drawer.waitFor({ state: 'hidden' });

    const card = page.getByRole('row').filter({ hasText: 'Năm 2026' }).filter({ hasText: HCC });
    const fill = card.getByRole('button', { name: 'Nhập báo cáo' });
    await expectTouchTarget(fill, 'Nhập báo cáo');
    await fill.click();
    const report = new UnitReportPage(page);
    await report.heading(HCC).waitFor();
    await expectFits(page, 'report');
    for (const [name, value] of VALUES) {
      const input = report.valueInput(name);
      await input.scrollIntoViewIfNeeded();
      // The field's box (with its unit beside the number) takes the tap and focuses the input.
      const fieldHeight = await input.evaluate(
        (element) =>
          (element.closest('.ant-input-affix-wrapper, .ant-input-number') ?? element).getBoundingClientRect()
            .height,
      );
      expect(fieldHeight, name).toBeGreaterThanOrEqual(44);
      await input.fill(String(value));
    }
    await report.numeratorInput('Hồ sơ thủ tục hành chính xử lý trực tuyến').fill('1530');
    await report.denominatorInput('Hồ sơ thủ tục hành chính xử lý trực tuyến').fill('1800');
    await expectFits(page, 'report-filled');
    await expectTouchTarget(page.getByRole('button', { name: 'Nộp báo cáo' }), 'Nộp báo cáo');
    await expectTouchTarget(page.getByRole('button', { name: 'Lưu nháp' }), 'Lưu nháp');

    await report.submit({ everyMissingReason: 'Chưa có số liệu tổng hợp', confirm: false });
    await expectFits(page, 'submit-dialog');
    await report.submitDialog.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await report.waitForStatus('Đã nộp');
    await expectFits(page, 'report-submitted');
  });

  it('[PHONE]: a province overview fits the phone, a received package and a roll-up opened included', async () => {
    // Dân Tiến's consolidated report is approved and its package made, through the API as the administrator.
    const page = await phone();
    const request = page.context().request;
    const headers = { 'x-csrf-token': await signIn(page.context(), 'admin') };
    const read = async <T>(url: string): Promise<T> =>
      ((await (await request.get(url)).json()) as { data: T }).data;
    const plans = await read<Array<{ id: string; localityName: string }>>('/api/v1/plans');
    const planId = plans.find((row) => row.localityName === 'Dân Tiến')!.id;
    const periodId = (await read<{ period: { id: string } }>(`/api/v1/plans/${planId}/dashboard`)).period.id;
    const write = async <T>(url: string, data: object): Promise<T> => {
      const response = await request.fetch(url, {
        method: url.endsWith('report') ? 'PUT' : 'POST',
        data,
        headers,
      });
      expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
      return ((await response.json()) as { data: T }).data;
    };
    type Saved = { id: string; revision: number };
    const saved = await write<Saved>(`/api/v1/reporting-periods/${periodId}/consolidated-report`, {
      revision: 0,
      narrative: 'Đánh giá chung',
    });
    const sent = await write<Saved>(`/api/v1/consolidated-reports/${saved.id}/send`, {
      revision: saved.revision,
    });
    await write(`/api/v1/consolidated-reports/${saved.id}/approve`, { revision: sent.revision });
    // The package holds the report's PDF: LibreOffice converts it for real, slowly the first time.
    const zip = await request.get(
      `/api/v1/reporting-periods/${periodId}/consolidated-report/submission-package.zip`,
      { timeout: 120_000 },
    );
    expect(zip.ok()).toBe(true);
    const localities = await read<Array<{ id: string; code: string }>>('/api/v1/localities');
    const thaiNguyenId = localities.find((row) => row.code === '19')!.id;

    // On the phone: the province's overview, the package uploaded there and opened, a roll-up opened.
    await page.goto(`/localities/${thaiNguyenId}/overview`);
    await page.getByRole('heading', { level: 1, name: 'Tổng quan địa bàn · Thái Nguyên' }).waitFor();
    await expectFits(page, 'overview');
    const packages = page.locator('.ant-card').filter({ hasText: 'Gói báo cáo nhận từ xã, phường' });
    await packages.locator('input[type=file]').setInputFiles({
      name: 'goi-dan-tien.zip',
      mimeType: 'application/zip',
      buffer: await zip.body(),
    });
    const received = packages.getByRole('row').filter({ hasText: 'Dân Tiến (05755)' });
    await received.waitFor();
    await expectFits(page, 'overview-package');
    await received.getByRole('button').first().click();
    // Its figures are cards too, each value under its column's title.
    await packages.locator('tr.ant-table-expanded-row td[data-label="Mã chỉ tiêu"]').first().waitFor();
    await expectFits(page, 'overview-package-open');
    const rollups = page.locator('.ant-card').filter({ hasText: 'Tổng hợp chỉ tiêu chuẩn' });
    await rollups
      .getByRole('row')
      .filter({ has: page.getByText('CDS.TTHC.HO_SO_TRUC_TUYEN', { exact: true }) })
      .click();
    // The row opens to each commune's figure.
    await rollups.locator('tr.ant-table-expanded-row').first().waitFor();
    await expectFits(page, 'overview-rollup-open');
  }, 240_000);

  it('[PHONE]: the leader signs in on the locality summary, reaches the dashboard in one tap, and the plans', async () => {
    const page = await phone();
    await signInOnTheForm(page, 'thanhdong.lanhdao');
    await page.getByRole('heading', { level: 1, name: 'Tình hình Thành Đông' }).waitFor();
    await expectFits(page, 'leader-summary');
    const toDashboard = page.getByRole('link', { name: 'Mở bảng điều hành' });
    await expectTouchTarget(toDashboard, 'Mở bảng điều hành');
    await toDashboard.click();
    await page.getByRole('heading', { level: 1, name: 'Bảng điều hành · Thành Đông' }).waitFor();
    // The unit ranking, the last part of the page, rendered after the first paint: the whole page fits.
    await page.locator('#dashboard-units .ant-table-row').first().waitFor();
    await expectFits(page, 'dashboard');
    // The list of plans, from the menu: one card per plan.
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh sách kế hoạch' }).waitFor();
    await page.getByRole('link', { name: '95/KH-UBND' }).first().waitFor();
    await expectFits(page, 'plans');
  });
});

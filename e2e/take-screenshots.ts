/**
 * Takes screenshots of the main screens against the real app with demo data, for review and the docs:
 *   npm run build && node --import tsx e2e/take-screenshots.ts [outDir]
 * Writes login.png, plan-list.png, plan-indicators.png, history.png, audit.png, users.png,
 * change-password.png, report-obligations.png, report-review.png, dashboard.png, … into outDir
 * (default artifacts/screenshots), the plan page (indicator tab) into docs/screenshot-plan.png, and
 * Dân Tiến's period obligations, a report to review, the dashboard and the audit trail into
 * docs/screenshot-{obligations,report,dashboard,audit}.png.
 * Each screen is taken as the demo account that would use it (signed in through the API).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp } from './support/app';
import type { DemoUser } from './support/auth';
import { launchBrowser, newPage } from './support/browser';

const outDir = process.argv[2] ?? 'artifacts/screenshots';
const language = process.env.SCREENSHOT_LANG === 'en' ? 'en' : 'vi';

const openPage = async (browser: Browser, baseUrl: string, user: DemoUser | null): Promise<Page> => {
  const page = await newPage(browser, baseUrl, user);
  await page.addInitScript((lang) => window.localStorage.setItem('lo-trinh.language', lang), language);
  return page;
};

/** Drawers and dialogs slide in: wait until every CSS transition and animation has finished. */
const settle = (page: Page) =>
  page.evaluate(() => Promise.allSettled(document.getAnimations().map((animation) => animation.finished)));

const openThanhDong = async (page: Page) => {
  await page.goto('/plans');
  await page
    .getByRole('table')
    .getByRole('row')
    .filter({ hasText: 'Thành Đông' })
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('tab').first().waitFor();
  await page.getByRole('row').filter({ hasText: 'Tỷ lệ phủ sóng 5G' }).first().waitFor();
};

const main = async () => {
  await mkdir(outDir, { recursive: true });
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const shotOf =
      (page: Page) =>
      (name: string, fullPage = false) =>
        page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage });

    // Anonymous: the sign-in page.
    const anonymous = await openPage(browser, app.baseUrl, null);
    await anonymous.goto('/plans');
    await anonymous.getByRole('button', { name: /Đăng nhập|Sign in/ }).waitFor();
    await shotOf(anonymous)('login');
    await anonymous.context().close();

    // The standing-agency officer of Thành Đông: the plan set up and edited.
    const page = await openPage(browser, app.baseUrl, 'thanhdong.vhxh');
    const shot = shotOf(page);
    await page.goto('/plans');
    await page.getByRole('table').getByRole('link').first().waitFor();
    await shot('plan-list');

    await openThanhDong(page);
    await shot('plan-indicators');
    await shot('plan-indicators-full', true);
    // The docs picture is taller, so that the header facts and a good part of the matrix fit together.
    await page.setViewportSize({ width: 1440, height: 1350 });
    await page.screenshot({ path: 'docs/screenshot-plan.png' });
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole('tab').nth(1).click();
    await page.getByRole('row').filter({ hasText: 'Quý IV/2025' }).first().waitFor();
    await page.getByRole('tab', { selected: true }).scrollIntoViewIfNeeded();
    await shot('plan-tasks', true);

    await page.getByRole('tab').nth(0).click();
    await page.getByRole('button', { name: /2026.*5G/ }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').getByRole('textbox').first().fill('75%');
    await settle(page);
    await shot('target-editor');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^(Lưu|Save)$/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page
      .getByRole('button', { name: /(Lịch sử chỉ tiêu|History of indicator) Tỷ lệ phủ sóng 5G/ })
      .click();
    await page.getByRole('dialog').getByRole('listitem').first().waitFor();
    await settle(page);
    await shot('history');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page
      .getByRole('button', { name: /Thêm chỉ tiêu|Add indicator/ })
      .first()
      .click();
    await page.getByRole('dialog').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Thêm chỉ tiêu|Add indicator/ })
      .click();
    await page
      .getByRole('dialog')
      .getByText(/không được để trống|\bTên/)
      .first()
      .waitFor();
    await settle(page);
    await shot('indicator-form');
    await page.keyboard.press('Escape');

    await page.goto('/catalog');
    await page.getByRole('table').getByRole('row').nth(2).waitFor();
    await shot('catalog');

    await page.goto('/search?q=ho%20so%20truc%20tuyen');
    await page.getByRole('region').first().waitFor();
    await shot('search');

    await page.goto('/units');
    await page.getByRole('link', { name: /Thành Đông/ }).click();
    await page.getByRole('table').getByRole('row').nth(2).waitFor();
    await shot('units');

    await page.goto('/audit');
    await page.getByRole('table').getByRole('row').nth(2).waitFor();
    await shot('audit');
    await page.context().close();

    // The unit officer of Trung tâm HCC: edits only what the centre leads.
    const unitOfficer = await openPage(browser, app.baseUrl, 'thanhdong.hcc');
    await openThanhDong(unitOfficer);
    await unitOfficer
      .getByRole('row')
      .filter({ hasText: 'Hồ sơ thủ tục hành chính xử lý trực tuyến' })
      .first()
      .scrollIntoViewIfNeeded();
    await shotOf(unitOfficer)('plan-unit-officer');
    await unitOfficer.context().close();

    // The standing agency of Dân Tiến: the period's obligations, a submitted report to review, the dashboard.
    const reviewer = await openPage(browser, app.baseUrl, 'dantien.vhxh');
    const reviewerShot = shotOf(reviewer);
    await reviewer.goto('/plans');
    await reviewer
      .getByRole('table')
      .getByRole('row')
      .filter({ hasText: 'Dân Tiến' })
      .getByRole('link')
      .first()
      .click();
    await reviewer.getByRole('tab', { name: /^(Báo cáo|Reports)$/ }).click();
    const vhxhRow = reviewer.getByRole('row').filter({ hasText: 'Phòng Văn hóa - Xã hội' });
    await vhxhRow.getByRole('link').waitFor();
    await reviewer.getByRole('heading', { name: /Kỳ báo cáo|Reporting periods/ }).scrollIntoViewIfNeeded();
    await reviewerShot('report-obligations');
    await reviewer.screenshot({ path: 'docs/screenshot-obligations.png' });

    await vhxhRow.getByRole('link').click();
    await reviewer.getByRole('heading', { name: /Phòng Văn hóa - Xã hội/ }).waitFor();
    await reviewer.getByRole('button', { name: /Chấp nhận|Accept/ }).waitFor();
    await reviewerShot('report-review');
    await reviewer.screenshot({ path: 'docs/screenshot-report.png' });

    // The unit officer's side: the accepted report of Trung tâm HCC, with values, fractions and notes.
    await reviewer.goBack();
    await reviewer
      .getByRole('row')
      .filter({ hasText: 'Trung tâm phục vụ hành chính công' })
      .getByRole('link')
      .click();
    await reviewer.getByRole('heading', { name: /Trung tâm phục vụ hành chính công/ }).waitFor();
    await reviewerShot('report-accepted', true);

    await reviewer.goBack();
    await reviewer
      .getByRole('main')
      .getByRole('button', { name: /Bảng điều hành|Dashboard/ })
      .click();
    await reviewer.getByRole('heading', { name: /Bảng điều hành|Dashboard/ }).waitFor();
    await reviewer.getByRole('row').filter({ hasText: 'Hồ sơ thủ tục hành chính xử lý trực tuyến' }).click();
    await reviewer.getByRole('img', { name: /Số liệu theo kỳ|Values over/ }).waitFor();
    await settle(reviewer);
    await reviewerShot('dashboard', true);
    await reviewer.setViewportSize({ width: 1440, height: 1500 });
    await reviewer.evaluate(() => window.scrollTo(0, 0));
    await reviewer.screenshot({ path: 'docs/screenshot-dashboard.png' });

    // The audit trail as the standing agency reads it: sentences, names and dd/mm/yyyy hh:mm.
    await reviewer.setViewportSize({ width: 1440, height: 900 });
    await reviewer.goto('/audit');
    await reviewer.getByRole('table').getByRole('row').nth(2).waitFor();
    await settle(reviewer);
    await reviewer.screenshot({ path: 'docs/screenshot-audit.png' });
    await reviewer.context().close();

    // The administrator of Hải Phòng: accounts and roles.
    const admin = await openPage(browser, app.baseUrl, 'haiphong.admin');
    await admin.goto('/admin/users');
    await admin.getByRole('table').getByRole('row').nth(2).waitFor();
    await shotOf(admin)('users');
    await admin.getByRole('button', { name: /Tạo người dùng|Create user/ }).click();
    await admin.getByRole('dialog').waitFor();
    await admin.getByRole('dialog').getByRole('combobox').first().click();
    // Ant Design's option list is drawn outside the accessibility tree's listbox; pick the visible item.
    await admin.locator('.ant-select-item-option', { hasText: /Cán bộ đơn vị|Unit officer/ }).click();
    // The locality picker searches the server: type, then pick the option once it is shown.
    await admin.getByRole('dialog').getByRole('combobox').nth(1).click();
    await admin.getByRole('dialog').getByRole('combobox').nth(1).fill('Thành Đông');
    await admin.locator('.ant-select-item-option', { hasText: /Thành Đông/ }).click();
    await settle(admin);
    await shotOf(admin)('user-create');

    // A password reset by the administrator: the leader must change it before anything else.
    const csrfToken = (await (await admin.context().request.get('/api/v1/auth/me')).json()).data.csrfToken;
    const users = (await (await admin.context().request.get('/api/v1/users?q=thanhdong.lanhdao')).json())
      .data as Array<{
      id: string;
      username: string;
    }>;
    const leader = users.find((user) => user.username === 'thanhdong.lanhdao')!;
    await admin.context().request.post(`/api/v1/users/${leader.id}/password-reset`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: { password: 'DatLai-2026!' },
    });
    await admin.context().close();
    const leaderPage = await openPage(browser, app.baseUrl, null);
    await leaderPage.goto('/login');
    await leaderPage.getByLabel(/Tên đăng nhập|User name/).fill('thanhdong.lanhdao');
    await leaderPage.getByLabel(/^(Mật khẩu|Password)$/).fill('DatLai-2026!');
    await leaderPage.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
    await leaderPage.getByRole('heading', { name: /Đổi mật khẩu|Change password/ }).waitFor();
    await shotOf(leaderPage)('change-password');
    await leaderPage.context().close();
  } finally {
    await browser.close();
    await app.stop();
  }
};

await main();
await copyFile('docs/screenshot-plan.png', path.join(outDir, 'screenshot-plan.png'));

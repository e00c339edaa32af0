/**
 * Takes screenshots of the main screens against the real app with demo data, for review and the docs:
 *   npm run build && node --import tsx e2e/take-screenshots.ts [outDir]
 * Writes plan-list.png, plan-indicators.png, plan-tasks.png, … into outDir (default artifacts/screenshots),
 * and the plan page (indicator tab) into docs/screenshot-plan.png.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startApp } from './support/app';
import { launchBrowser, newPage } from './support/browser';

const outDir = process.argv[2] ?? 'artifacts/screenshots';
const language = process.env.SCREENSHOT_LANG === 'en' ? 'en' : 'vi';

const main = async () => {
  await mkdir(outDir, { recursive: true });
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser, app.baseUrl, 'thanhdong.vhxh');
    await page.addInitScript((lang) => window.localStorage.setItem('lo-trinh.language', lang), language);
    const shot = (name: string, fullPage = false) =>
      page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage });

    await page.goto('/plans');
    await page.getByRole('table').getByRole('link').first().waitFor();
    await shot('plan-list');

    await page
      .getByRole('table')
      .getByRole('row')
      .filter({ hasText: 'Thành Đông' })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('tab').first().waitFor();
    await page.getByRole('row').filter({ hasText: 'Tỷ lệ phủ sóng 5G' }).first().waitFor();
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
    await page.getByRole('dialog').getByRole('textbox').first().fill('80% - 90%');
    await shot('target-editor');
    await page.keyboard.press('Escape');

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
  } finally {
    await browser.close();
    await app.stop();
  }
};

await main();
await copyFile('docs/screenshot-plan.png', path.join(outDir, 'screenshot-plan.png'));

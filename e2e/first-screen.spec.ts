/**
 * [HOME] The first screen after signing in, by role: a leader lands on the summary of the locality (its
 * colour and score as the province overview shows them, what is late, what waits, one link to the
 * dashboard); the standing agency on "Việc của tôi" opening with the reports to review; a unit officer on
 * their unit's reports; a province inspector and a province administrator on their province's overview;
 * the system administrator on the plans.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OverviewPage } from './page-models/overview-page';
import type { DemoUser } from './support/auth';
import { useAppInBrowser } from './support/suite';

describe('[HOME] the right first screen for each role', () => {
  const env = useAppInBrowser();

  /** Signs in as `user`, opens the app's root and waits for the page's h1. */
  const land = async (user: DemoUser): Promise<Page> => {
    const page = await env.pageAs(user);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  };

  const pathOf = (page: Page) => new URL(page.url()).pathname;
  const h1Of = async (page: Page) =>
    ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();

  it('[HOME]: the leader of Thành Đông lands on its summary: not yet rated, what is late, one link to the dashboard', async () => {
    const page = await land('thanhdong.lanhdao');
    expect(pathOf(page)).toBe('/summary');
    expect(await h1Of(page)).toBe('Tình hình Thành Đông');
    expect(await page.title()).toBe('Tình hình Thành Đông · Lộ trình');
    const card = page.getByTestId('plan-summary');
    await card.getByTestId('plan-summary-rating').waitFor();
    // Nothing accepted yet and the 2026 report not due: no score, and the page says why.
    expect(await card.getByTestId('plan-summary-rating').textContent()).toMatch(/^Chưa đánh giá/);
    // The overview counts overdue tasks in Thành Đông: the summary names them.
    expect(await card.getByTestId('plan-summary-attention').textContent()).toMatch(
      /\d+ nhiệm vụ quá hạn chưa hoàn thành/,
    );
    await page.getByRole('link', { name: 'Mở bảng điều hành' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bảng điều hành · Thành Đông' }).waitFor();
    expect(pathOf(page)).toMatch(/^\/plans\/[0-9a-f-]{36}\/dashboard$/);
    // The menu leads back to the summary.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Tình hình địa phương' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tình hình Thành Đông' }).waitFor();
  });

  it("[HOME]: Dân Tiến's leader sees the colour and score the province overview gives Dân Tiến", async () => {
    const page = await land('dantien.lanhdao');
    expect(await h1Of(page)).toBe('Tình hình Dân Tiến');
    const rating = page.getByTestId('plan-summary-rating');
    await rating.waitFor();
    const admin = await env.pageAs('admin');
    const overview = new OverviewPage(admin);
    await overview.openFromDashboards('Thái Nguyên');
    const cells = await overview.communeCells('Dân Tiến');
    // Rank, name, rating, score, …: the overview scored Dân Tiến.
    expect(cells[2]).toMatch(/^(Xanh|Vàng|Đỏ)$/);
    expect(cells[3]).toMatch(/^\d+(,\d)?$/);
    expect(((await rating.textContent()) ?? '').replace(/\s+/g, ' ').trim()).toBe(
      `${cells[2]}Điểm ${cells[3]}`,
    );
  });

  it('[HOME]: the standing agency lands on "Việc của tôi", opening with the reports waiting for review', async () => {
    const page = await land('thanhdong.vhxh');
    expect(pathOf(page)).toBe('/my-work');
    expect(await h1Of(page)).toBe('Việc của tôi');
    const firstSection = page.locator('.ant-card-head-title').first();
    expect(await firstSection.textContent()).toBe('Chờ xem xét');
  });

  it("[HOME]: a unit officer lands on their unit's reports", async () => {
    const page = await land('thanhdong.hcc');
    expect(pathOf(page)).toBe('/my-work');
    expect(await page.locator('.ant-card-head-title').first().textContent()).toBe('Báo cáo của đơn vị tôi');
    await page.getByRole('row').filter({ hasText: 'Trung tâm HCC' }).first().waitFor();
  });

  it("[HOME]: the province inspector and the province administrator land on their province's overview", async () => {
    for (const user of ['haiphong.thanhtra', 'haiphong.admin'] as const) {
      const page = await land(user);
      expect(pathOf(page), user).toMatch(/^\/localities\/[0-9a-f-]{36}\/overview$/);
      expect(await h1Of(page), user).toBe('Tổng quan địa bàn · Hải Phòng');
    }
  });

  it('[HOME]: the system administrator lands on the plans', async () => {
    const page = await land('admin');
    expect(pathOf(page)).toBe('/plans');
  });
});

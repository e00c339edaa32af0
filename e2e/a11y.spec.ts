/**
 * [A11Y] The main signed-in pages, each as the person who uses it, checked by axe-core against WCAG 2.1
 * level A and AA (no rule switched off): the login page, "Việc của tôi", a unit's report form, a plan, its
 * dashboard, the consolidated report, the province overview and the leader's summary of the locality. Each page also has one h1 and a document
 * title naming it, and the first Tab reaches the skip link "Bỏ qua đến nội dung chính", which moves the
 * keyboard to the page's content.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page';
import type { DemoUser } from './support/auth';
import { axeViolations, describeViolations } from './support/axe';
import { useAppInBrowser } from './support/suite';

type Plan = { id: string; localityName: string };
type Period = { id: string; key: string };

describe('[A11Y] WCAG 2.1 AA on the main signed-in pages', () => {
  const env = useAppInBrowser();
  const pages = new Map<DemoUser | 'anonymous', Page>();

  /** One signed-in page per person, opened once. */
  const pageOf = async (user: DemoUser | null): Promise<Page> => {
    const key = user ?? 'anonymous';
    const existing = pages.get(key);
    if (existing) return existing;
    const page = await env.pageAs(user);
    pages.set(key, page);
    return page;
  };

  /** GET an API read as the page's user (its cookie). */
  const read = async <T>(page: Page, url: string): Promise<T> => {
    const response = await page.request.get(url);
    if (!response.ok()) throw new Error(`GET ${url}: ${response.status()} ${await response.text()}`);
    return ((await response.json()) as { data: T }).data;
  };

  const thanhDongPlan = async (page: Page) =>
    (await read<Plan[]>(page, '/api/v1/plans')).find((plan) => plan.localityName === 'Thành Đông')!;

  /**
   * Waits until the page has its h1 (named `heading`) and nothing is loading any more, then checks: axe
   * finds nothing, there is exactly one h1, the document title starts with the h1's text.
   */
  const expectAccessible = async (page: Page, where: string, heading: string | RegExp) => {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    const violations = await axeViolations(page);
    expect(violations.length, `\n${describeViolations(where, violations)}\n`).toBe(0);
    expect(await page.locator('h1').count(), `${where}: h1 count`).toBe(1);
    const h1 = ((await page.locator('h1').textContent()) ?? '').trim();
    expect(await page.title(), `${where}: document title`).toBe(`${h1} · Lộ trình`);
  };

  it('[A11Y]: the login page', async () => {
    const page = await pageOf(null);
    await new LoginPage(page).open();
    await expectAccessible(page, '/login', 'Đăng nhập');
  });

  it('[A11Y]: "Việc của tôi" of a unit officer; the first Tab reaches the skip link', async () => {
    const page = await pageOf('thanhdong.hcc');
    await page.goto('/my-work');
    await expectAccessible(page, '/my-work', 'Việc của tôi');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Bỏ qua đến nội dung chính');
    // The focus ring is drawn (3 px), not left to the browser's pale default.
    expect(await focused.evaluate((element) => getComputedStyle(element).outlineWidth)).toBe('3px');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('[A11Y]: a unit report form, as its unit officer', async () => {
    const page = await pageOf('thanhdong.hcc');
    const work = await read<{ obligations: Array<{ link: string }> }>(page, '/api/v1/my-work');
    expect(work.obligations.length).toBeGreaterThan(0);
    await page.goto(work.obligations[0]!.link);
    await expectAccessible(page, 'unit report', /^Báo cáo của /);
  });

  it('[A11Y]: a plan, as the standing agency', async () => {
    const page = await pageOf('thanhdong.vhxh');
    const plan = await thanhDongPlan(page);
    await page.goto(`/plans/${plan.id}`);
    await expectAccessible(page, 'plan', /./);
  });

  it("[A11Y]: the leader's summary of the locality (the leader's first screen)", async () => {
    const page = await pageOf('thanhdong.lanhdao');
    await page.goto('/');
    await expectAccessible(page, 'summary', 'Tình hình Thành Đông');
    await page.getByTestId('plan-summary-rating').waitFor();
    const violations = await axeViolations(page);
    expect(violations.length, `\n${describeViolations('summary (loaded)', violations)}\n`).toBe(0);
  });

  it('[A11Y]: the plan dashboard, as the leader', async () => {
    const page = await pageOf('thanhdong.lanhdao');
    const plan = await thanhDongPlan(page);
    await page.goto(`/plans/${plan.id}/dashboard`);
    // The unit ranking, the last part of the page, is rendered after the first paint: checked too.
    await page.locator('#dashboard-units .ant-table-row').first().waitFor();
    await expectAccessible(page, 'dashboard', /^Bảng điều hành/);
  });

  it('[A11Y]: the consolidated report, as the standing agency', async () => {
    const page = await pageOf('thanhdong.vhxh');
    const plan = await thanhDongPlan(page);
    const periods = await read<Period[]>(page, `/api/v1/plans/${plan.id}/reporting-periods`);
    expect(periods.length).toBeGreaterThan(0);
    await page.goto(`/reporting-periods/${periods[0]!.id}/consolidated`);
    await expectAccessible(page, 'consolidated report', /./);
  });

  it('[A11Y]: the province overview, as the province inspector', async () => {
    const page = await pageOf('haiphong.thanhtra');
    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Tổng quan Hải Phòng' }).click();
    await expectAccessible(page, 'overview', 'Tổng quan địa bàn · Hải Phòng');
  });
});

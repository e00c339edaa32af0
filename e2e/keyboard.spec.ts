/**
 * [KEYS] Issue #14 "Ready for the commune office": a table row that opens something is reached with Tab
 * and opened with Enter (or Space) as a click opens it — a report from "Việc của tôi", an indicator's
 * chart on the dashboard — with the app's 3 px focus ring; the plan's tabs live in the address, so Back
 * returns to the tab before, Forward comes back, and a link to a tab opens that tab after a reload (an
 * unknown one opens the first tab).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DashboardPage } from './page-models/dashboard-page';
import { PlanPage } from './page-models/plan-page';
import { useAppInBrowser } from './support/suite';

/** The most Tab presses allowed to reach a row: the header, the menu and the page's own controls first. */
const MAX_TABS = 80;

/**
 * Presses Tab until the keyboard is on a row that opens something inside `within`, and returns it.
 *
 * @throws Error when no such row is reached in MAX_TABS presses
 */
const tabToRow = async (page: Page, within: Locator): Promise<Locator> => {
  for (let press = 0; press < MAX_TABS; press += 1) {
    await page.keyboard.press('Tab');
    const onRow = await page.evaluate(
      () =>
        document.activeElement?.tagName === 'TR' &&
        document.activeElement.classList.contains('clickable-row'),
    );
    if (onRow && (await within.locator('tr:focus').count()) === 1) return within.locator('tr:focus');
  }
  throw new Error(`No row that opens something was reached in ${MAX_TABS} presses of Tab`);
};

/** The focused row shows the app's focus ring, not the browser's faint default. */
const expectFocusRing = async (row: Locator) => {
  const outline = await row.evaluate((element) => {
    const style = getComputedStyle(element);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).toBe('solid 3px');
};

describe('[KEYS] rows opened with the keyboard, plan tabs in the address', () => {
  const env = useAppInBrowser();
  let planId = '';

  /** The plan of Thành Đông, read through the API as the page's user. */
  const thanhDongPlanId = async (page: Page): Promise<string> => {
    if (planId) return planId;
    const plans = (await (await page.request.get('/api/v1/plans')).json()).data as Array<{
      id: string;
      localityName: string;
    }>;
    planId = plans.find((plan) => plan.localityName === 'Thành Đông')!.id;
    return planId;
  };

  it('[KEYS]: the HCC officer tabs to a report in "Việc của tôi" and opens it with Enter', async () => {
    const page = await env.pageAs('thanhdong.hcc');
    await page.goto('/my-work');
    await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
    const table = page.locator('.ant-card').filter({ hasText: 'Báo cáo của đơn vị tôi' });
    await table.getByRole('row').nth(1).waitFor();

    const row = await tabToRow(page, table);
    await expectFocusRing(row);
    // The row says what it opens: the plan, the period and the unit.
    const name = (await row.getAttribute('aria-label')) ?? '';
    expect(name).toMatch(/^Mở: .+ · .+ · Trung tâm HCC/);
    expect(await row.getAttribute('role')).toBe('row');

    await page.keyboard.press('Enter');
    await page.waitForURL(/\/reporting-periods\/[0-9a-f-]{36}\/units\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /^Báo cáo của Trung tâm HCC/ }).waitFor();
  });

  it('[KEYS]: the leader tabs to an indicator on the dashboard, opens its chart with Enter and closes it with Space', async () => {
    const page = await env.pageAs('thanhdong.lanhdao');
    const dashboard = new DashboardPage(page);
    await dashboard.open(await thanhDongPlanId(page));
    const table = page.locator('#dashboard-indicators');
    await table.getByRole('row').nth(1).waitFor();
    // No chart is open before a row is chosen.
    const charts = page.locator('#dashboard-indicators .ant-card').filter({ hasText: 'Số liệu theo kỳ —' });
    expect(await charts.count()).toBe(0);

    const row = await tabToRow(page, table);
    await expectFocusRing(row);
    const name = ((await row.getAttribute('aria-label')) ?? '').replace(/^Mở: /, '');
    expect(name.length).toBeGreaterThan(0);

    await page.keyboard.press('Enter');
    await charts.first().waitFor();
    expect(await charts.first().textContent()).toContain(name.replace(/^\S+ /, ''));
    // The keyboard stays on the row; Space toggles the chart off as a second click does.
    expect(await row.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press(' ');
    await charts.first().waitFor({ state: 'detached' });
  });

  it('[KEYS]: Back after a tab switch on a plan returns to the tab before; a link to a tab survives a reload', async () => {
    const page = await env.pageAs('thanhdong.vhxh');
    const id = await thanhDongPlanId(page);
    const plan = new PlanPage(page);
    const reportsTab = page.getByRole('tab', { name: 'Báo cáo', exact: true });
    /** Waits until the tab is the open one (it fails the test when it never becomes so). */
    const expectOpen = (name: RegExp | string) =>
      page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
    const INDICATORS = /^Chỉ tiêu/;
    const TASKS = /^Nhiệm vụ/;
    const tabParam = () => new URL(page.url()).searchParams.get('tab');

    await page.goto('/plans');
    await page.goto(`/plans/${id}`);
    await plan.heading('95/KH-UBND').waitFor();
    await expectOpen(INDICATORS);

    await plan.tasksTab.click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'tasks');
    await reportsTab.click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'reports');
    await expectOpen('Báo cáo');

    // Back: the tab before, then the first tab, still on the plan; Forward: the tab again.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'tasks');
    await expectOpen(TASKS);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === `/plans/${id}` && !url.searchParams.has('tab'));
    await expectOpen(INDICATORS);
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'tasks');
    await expectOpen(TASKS);

    // A link to a tab opens it after a reload; an unknown tab opens the first one, nothing breaks.
    await page.goto(`/plans/${id}?tab=reports`);
    await plan.heading('95/KH-UBND').waitFor();
    await expectOpen('Báo cáo');
    await page.reload();
    await plan.heading('95/KH-UBND').waitFor();
    await expectOpen('Báo cáo');
    await page.goto(`/plans/${id}?tab=khong-co`);
    await plan.heading('95/KH-UBND').waitFor();
    await expectOpen(INDICATORS);
    expect(tabParam()).toBe('khong-co');
    await plan.tasksTab.click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'tasks');
  });
});

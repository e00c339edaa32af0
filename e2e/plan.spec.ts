import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { Navigation } from './page-models/navigation';
import { PlanListPage } from './page-models/plan-list-page';
import { PlanPage } from './page-models/plan-page';
import { SearchPage } from './page-models/search-page';
import { useAppInBrowser } from './support/suite';

const FIVE_G = 'Tỷ lệ phủ sóng 5G trên địa bàn';

/** Waits until a locator's text equals the expected value (the UI updates after the save round-trip). */
const waitForText = async (read: () => Promise<string>, expected: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await read();
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected "${expected}", still "${last}" after ${timeoutMs} ms`);
};

describe('[PLANS] plan list, indicator matrix, search', () => {
  const env = useAppInBrowser();
  let page: Page;

  beforeEach(async () => {
    page = await env.pageAs('thanhdong.vhxh');
  });

  it('[PLANS]: an officer opens Thành Đông, reads the 5G roadmap and changes the 2026 target', async () => {
    const list = new PlanListPage(page);
    await list.open();
    await list.planRow('Thành Đông').first().waitFor();
    // A ward officer's list holds the plans of their ward only.
    expect(await list.planRow('Dân Tiến').count()).toBe(0);

    await list.openPlan('Thành Đông');
    const plan = new PlanPage(page);
    await plan.heading('95/KH-UBND').waitFor();
    await plan.indicatorRow(FIVE_G).waitFor();

    const expected: Record<number, string> = {
      2025: '≥ 60%',
      2026: '70%',
      2027: '80%',
      2028: '90%',
      2029: '95%',
      2030: '100%',
    };
    for (const [year, text] of Object.entries(expected)) {
      expect(await plan.targetText(FIVE_G, Number(year))).toBe(text);
    }

    await plan.editTarget(FIVE_G, 2026, '75%');
    await waitForText(() => plan.targetText(FIVE_G, 2026), '75%');

    await page.reload();
    await plan.indicatorRow(FIVE_G).waitFor();
    expect(await plan.targetText(FIVE_G, 2026)).toBe('75%');
    expect(await plan.targetText(FIVE_G, 2027)).toBe('80%');
  });

  it('[PLANS]: searching "phu song 5g" without diacritics finds the 5G indicator and leads to its plan', async () => {
    await page.goto('/plans');
    await new Navigation(page).goTo('Tìm kiếm');
    const search = new SearchPage(page);
    await search.search('phu song 5g');

    const indicators = search.resultGroup('Chỉ tiêu');
    const hit = indicators.getByRole('link', { name: FIVE_G });
    await hit.waitFor();
    await hit.click();

    const plan = new PlanPage(page);
    await plan.heading('95/KH-UBND').waitFor();
    await plan.indicatorRow(FIVE_G).waitFor();
    expect(page.url()).toContain('highlight=');
  });

  it('[PLANS]: adding an indicator without a name shows the Vietnamese validation message', async () => {
    const list = new PlanListPage(page);
    await list.open();
    await list.openPlan('Thành Đông');
    const plan = new PlanPage(page);
    await plan.heading('95/KH-UBND').waitFor();

    await plan.addIndicatorButton.click();
    const drawer = plan.indicatorDrawer;
    await drawer.waitFor();
    await drawer.getByLabel('Đơn vị tính').fill('%');
    await drawer.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();

    const error = drawer.getByText('Tên chỉ tiêu không được để trống');
    await error.waitFor();
    expect(await error.isVisible()).toBe(true);
    // Nothing was saved: the drawer stays open for the officer to fix the name.
    expect(await drawer.isVisible()).toBe(true);
  });
});

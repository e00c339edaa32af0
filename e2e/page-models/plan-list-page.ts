import type { Locator, Page } from 'playwright-core';

/** /plans: the table of plans with its search box. */
export class PlanListPage {
  readonly table: Locator;
  readonly searchBox: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByRole('table');
    this.searchBox = page.getByRole('searchbox', { name: 'Tìm kế hoạch' });
  }

  async open() {
    await this.page.goto('/plans');
    await this.page.getByRole('heading', { name: 'Danh sách kế hoạch' }).waitFor();
  }

  /** The row of a plan, found by any text it shows (number, title, locality). */
  planRow(text: string | RegExp): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  /** Opens a plan from its row by its number link. */
  async openPlan(rowText: string | RegExp) {
    const row = this.planRow(rowText).first();
    await row.waitFor();
    await row.getByRole('link').first().click();
  }

  /** Opens the list, then the plan of that row, as a person would; returns the plan's id from the address. */
  async openPlanFromList(rowText: string | RegExp): Promise<string> {
    await this.open();
    await this.openPlan(rowText);
    await this.page.waitForURL(/\/plans\/[^/?#]+/);
    return new URL(this.page.url()).pathname.split('/')[2] ?? '';
  }
}

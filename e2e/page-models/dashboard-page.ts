import type { Locator, Page } from 'playwright-core';

/** /plans/:planId/dashboard: status tiles, indicators against the roadmap, unit ranking. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  async open(planId: string) {
    await this.page.goto(`/plans/${planId}/dashboard`);
    await this.page.getByRole('heading', { name: /^Bảng điều hành/ }).waitFor();
  }

  /** The indicator's row in "Chỉ tiêu so với lộ trình". */
  indicatorRow(name: string): Locator {
    return this.page
      .locator('#dashboard-indicators')
      .getByRole('row')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** The unit's row in "Xếp hạng đơn vị". */
  unitRow(unitName: string): Locator {
    return this.page
      .locator('#dashboard-units')
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: unitName, exact: true }) });
  }

  tile(label: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^\\d+ ${label}$`) });
  }
}

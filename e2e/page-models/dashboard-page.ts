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

  /** Opens "Nguồn số liệu" of an indicator and follows it to the unit report behind the number. */
  async openSource(indicatorName: string) {
    await this.page.getByRole('button', { name: `Nguồn số liệu: ${indicatorName}` }).click();
    await this.page.getByRole('link', { name: 'Mở báo cáo của đơn vị' }).click();
  }

  tile(label: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^\\d+ ${label}$`) });
  }
}

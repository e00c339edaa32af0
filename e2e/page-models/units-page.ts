import type { Locator, Page } from 'playwright-core';

/** /localities/:localityId/units: the agencies of a commune or ward. */
export class UnitsPage {
  constructor(private readonly page: Page) {}

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** Asks to delete a unit and confirms in the pop-up. */
  async deleteUnit(name: string) {
    await this.page.getByRole('button', { name: `Xóa đơn vị ${name}`, exact: true }).click();
    const confirm = this.page.getByRole('tooltip').filter({ hasText: `Xóa đơn vị “${name}”?` });
    await confirm.getByRole('button', { name: 'Xóa' }).click();
  }

  async addUnit(name: string) {
    await this.page.getByRole('textbox', { name: 'Tên đơn vị', exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }
}

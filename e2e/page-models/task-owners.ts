import type { Locator, Page } from 'playwright-core';

/** The plan's task tab with the selection column, and the "Giao đơn vị chủ trì" dialog. */
export class TaskAssignment {
  constructor(private readonly page: Page) {}

  /** "n nhiệm vụ chưa có đơn vị chủ trì" on the plan page and the dashboard. */
  get warning(): Locator {
    return this.page.getByTestId('unassigned-tasks');
  }

  /** The selection checkboxes of the listed tasks ("Chọn nhiệm vụ …"). */
  get checkboxes(): Locator {
    return this.page.getByRole('checkbox', { name: /^Chọn nhiệm vụ / });
  }

  /** Ticks the first `count` listed tasks and returns their names. */
  async selectFirst(count: number): Promise<string[]> {
    await this.checkboxes.first().waitFor();
    const names: string[] = [];
    for (let index = 0; index < count; index++) {
      const box = this.checkboxes.nth(index);
      names.push(((await box.getAttribute('aria-label')) ?? '').replace(/^Chọn nhiệm vụ /, ''));
      await box.check();
    }
    return names;
  }

  /** Opens the dialog for the selection, picks the lead unit and confirms; waits for the dialog to close. */
  async assignSelected(count: number, unitName: string) {
    await this.page.getByRole('button', { name: `Giao đơn vị chủ trì (${count})` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Giao đơn vị chủ trì cho ${count} nhiệm vụ` });
    await dialog.waitFor();
    // Ant Design's select is searchable; the exact option is clicked, because a unit printed as a list
    // ("MTTQ …; phòng Kinh tế, Hạ tầng và Đô thị; …") also matches the typed text and sorts first.
    const select = dialog.getByRole('combobox', { name: 'Đơn vị chủ trì' });
    await select.fill(unitName);
    await this.page.getByTitle(unitName, { exact: true }).click();
    await dialog.getByRole('button', { name: 'Giao', exact: true }).click();
    // The toast comes with the server's answer, just before the dialog closes.
    await this.page.getByText(`Đã giao ${count} nhiệm vụ cho ${unitName}`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }
}

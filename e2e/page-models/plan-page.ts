import type { Locator, Page } from 'playwright-core';

/** /plans/:planId: the plan's facts and its indicator matrix and task table. */
export class PlanPage {
  constructor(private readonly page: Page) {}

  heading(number: string): Locator {
    return this.page.getByRole('heading', { name: `Kế hoạch số ${number}` });
  }

  get indicatorsTab(): Locator {
    return this.page.getByRole('tab', { name: /^Chỉ tiêu/ });
  }

  get tasksTab(): Locator {
    return this.page.getByRole('tab', { name: /^Nhiệm vụ/ });
  }

  /** The matrix row of an indicator, by its exact name. */
  indicatorRow(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** The clickable target cell of one indicator for one year. */
  targetCell(indicatorName: string, year: number): Locator {
    // The button is named "Mục tiêu năm <year> của chỉ tiêu <name>: <what the cell shows>".
    const name = indicatorName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.page.getByRole('button', {
      name: new RegExp(`^Mục tiêu năm ${year} của chỉ tiêu ${name}: `),
    });
  }

  /** The printed target shown in a cell (the button's accessible name is its label, so read the text). */
  async targetText(indicatorName: string, year: number): Promise<string> {
    return ((await this.targetCell(indicatorName, year).textContent()) ?? '').trim();
  }

  get targetDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Mục tiêu năm/ });
  }

  /** Opens the target editor for a year, types the printed text and saves; waits for the dialog to close. */
  async editTarget(indicatorName: string, year: number, printedText: string) {
    await this.targetCell(indicatorName, year).click();
    const dialog = this.targetDialog;
    await dialog.waitFor();
    const input = dialog.getByLabel('Chỉ tiêu như in trong văn bản');
    await input.fill(printedText);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The pencil that opens the indicator form; absent for those who may not change the indicator. */
  editIndicatorButton(indicatorName: string): Locator {
    return this.page.getByRole('button', { name: `Sửa chỉ tiêu ${indicatorName}`, exact: true });
  }

  historyButton(indicatorName: string): Locator {
    return this.page.getByRole('button', { name: `Lịch sử chỉ tiêu ${indicatorName}`, exact: true });
  }

  /** The indicator's id, as the matrix row carries it. */
  async indicatorId(indicatorName: string): Promise<string> {
    const row = this.indicatorRow(indicatorName).first();
    await row.waitFor();
    const id = await row.getAttribute('data-row-key');
    if (!id) throw new Error(`No row key for indicator ${indicatorName}`);
    return id;
  }

  get addIndicatorButton(): Locator {
    return this.page.getByRole('button', { name: 'Thêm chỉ tiêu' }).first();
  }

  get indicatorDrawer(): Locator {
    return this.page.getByRole('dialog', { name: 'Thêm chỉ tiêu' });
  }
}

import type { Locator, Page } from 'playwright-core';

/** /imports/new and /imports/:jobId: upload a plan document, follow its reading, review and save the draft. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  /** Opens the upload step from the plan list's "Nhập kế hoạch từ văn bản" button. */
  async openFromPlanList() {
    await this.page.goto('/plans');
    await this.page.getByRole('button', { name: 'Nhập kế hoạch từ văn bản' }).click();
    await this.page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản' }).waitFor();
  }

  /** Picks a file in the upload area (the hidden file input behind the drop zone). */
  async upload(file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.locator('input[type="file"]').setInputFiles(file);
  }

  /** The refusal shown under the upload area. */
  get refusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Không nhận được tệp' });
  }

  /** Waits until the draft of the uploaded document is on screen. */
  async waitForReview(timeout = 60_000) {
    await this.page.getByRole('heading', { name: /^Rà soát bản nháp/ }).waitFor({ timeout });
  }

  tab(name: RegExp | string): Locator {
    return this.page.getByRole('tab', { name });
  }

  /** The editable cell of a draft row: "Tên chỉ tiêu", "Đơn vị tính", "mục tiêu năm 2026", "Thời hạn"… */
  cell(field: string, row: { indicator: number } | { task: number }): Locator {
    const rowLabel = 'indicator' in row ? `chỉ tiêu ${row.indicator}` : `nhiệm vụ ${row.task}`;
    const first = field.charAt(0).toLocaleLowerCase('vi') + field.slice(1);
    return this.page.getByRole('button', { name: `Sửa ${first} – ${rowLabel}`, exact: true });
  }

  /** Corrects one cell in place: click, type, Enter. */
  async correctCell(field: string, row: { indicator: number } | { task: number }, text: string) {
    const cell = this.cell(field, row);
    const label = await cell.getAttribute('aria-label');
    await cell.click();
    const input = this.page.getByRole('textbox', { name: label ?? '', exact: true });
    await input.fill(text);
    await input.press('Enter');
    await cell.waitFor();
  }

  /** The row of the indicator or task table that shows a text. */
  row(text: string): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  /** Presses "Lưu thành kế hoạch" and confirms. */
  async save() {
    await this.page.getByRole('button', { name: 'Lưu thành kế hoạch' }).click();
    const dialog = this.page.getByRole('dialog').filter({ hasText: 'Lưu bản nháp thành kế hoạch?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  }

  /** The dialog that asks to confirm saving into a locality the document does not name. */
  get localityConfirmation(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: 'Xác nhận địa phương của kế hoạch' });
  }
}

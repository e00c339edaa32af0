import type { Download, Locator, Page, Response } from 'playwright-core';

/** /reporting-periods/:periodId/consolidated: the locality's consolidated report of a period. */
export class ConsolidatedReportPage {
  constructor(private readonly page: Page) {}

  /** "Báo cáo tổng hợp Năm 2026 · Dân Tiến". */
  heading(periodLabel: string): Locator {
    return this.page.getByRole('heading', { name: new RegExp(`^Báo cáo tổng hợp ${periodLabel}`) });
  }

  /** The status tag in the header ("Chưa lập", "Dự thảo", "Đã trình", "Đã duyệt", "Bị trả lại"). */
  get status(): Locator {
    return this.page.getByTestId('consolidated-status');
  }

  async waitForStatus(text: string) {
    await this.status.filter({ hasText: text }).waitFor();
  }

  /** Which units the report includes, and which are still missing. */
  get coverage(): Locator {
    return this.page.getByTestId('consolidated-coverage');
  }

  /** A unit's row in the table of unit reports. */
  unitRow(unitName: string): Locator {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: unitName, exact: true }) });
  }

  indicatorRow(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  /** The difficulties and proposals a unit wrote in its accepted report. */
  unitIssues(unitName: string): Locator {
    return this.page.getByTestId('consolidated-unit-issues').filter({ hasText: unitName });
  }

  /** The editable overall assessment (only for the standing agency, while the report can be edited). */
  get narrativeInput(): Locator {
    return this.page.getByLabel('Nội dung đánh giá chung');
  }

  /** The overall assessment as others read it. */
  get narrativeText(): Locator {
    return this.page.getByTestId('consolidated-narrative');
  }

  button(name: 'Lưu' | 'Trình lãnh đạo' | 'Phê duyệt' | 'Trả lại'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async save() {
    await this.button('Lưu').click();
    await this.page.getByText('Đã lưu báo cáo tổng hợp').waitFor();
  }

  /** Clicks an action and confirms it ("Đồng ý"). */
  async confirmAction(name: 'Trình lãnh đạo' | 'Phê duyệt') {
    await this.button(name).click();
    await this.page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
  }

  async returnWithReason(reason: string) {
    await this.button('Trả lại').click();
    const dialog = this.page.getByRole('dialog', { name: 'Trả lại báo cáo tổng hợp' });
    await dialog.getByLabel('Lý do trả lại').fill(reason);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The warning shown when someone else saved the report after this page loaded it. */
  get conflictAlert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Báo cáo tổng hợp vừa được người khác cập nhật' });
  }

  /** "Tải lại" in the conflict warning: the latest version replaces what is on screen. */
  async reload() {
    await this.conflictAlert.getByRole('button', { name: 'Tải lại' }).click();
    await this.conflictAlert.waitFor({ state: 'hidden' });
  }

  /** The alert that shows why the leader returned the report. */
  get returnedAlert(): Locator {
    return this.page.getByTestId('consolidated-returned');
  }

  /** Clicks "Tải Word (.docx)": the server's answer and the file the browser saved. */
  async downloadWord(): Promise<{ response: Response; download: Download }> {
    const [response, download] = await Promise.all([
      this.page.waitForResponse((answer) => answer.url().endsWith('/consolidated-report.docx')),
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Tải Word (.docx)' }).click(),
    ]);
    return { response, download };
  }
}

import type { Locator, Page } from 'playwright-core';

/** /reporting-periods/:periodId/units/:unitId: a unit's report form and its review buttons. */
export class UnitReportPage {
  constructor(private readonly page: Page) {}

  heading(unitName: string): Locator {
    return this.page.getByRole('heading', { name: `Báo cáo của ${unitName}` });
  }

  /** The status tag in the header ("Đang soạn", "Đã nộp", "Bị trả lại", "Đã chấp nhận"). */
  get status(): Locator {
    return this.page.getByTestId('report-status');
  }

  async waitForStatus(text: string) {
    await this.page.getByTestId('report-status').filter({ hasText: text }).waitFor();
  }

  valueInput(indicatorName: string): Locator {
    return this.page.getByLabel(`Giá trị của chỉ tiêu ${indicatorName}`, { exact: true });
  }

  numeratorInput(indicatorName: string): Locator {
    return this.page.getByLabel(`Tử số của chỉ tiêu ${indicatorName}`, { exact: true });
  }

  denominatorInput(indicatorName: string): Locator {
    return this.page.getByLabel(`Mẫu số của chỉ tiêu ${indicatorName}`, { exact: true });
  }

  get difficulties(): Locator {
    return this.page.getByLabel('Khó khăn, vướng mắc');
  }

  /** Uploads a file through the "Tải tệp minh chứng lên" button (the browser's file chooser). */
  async uploadEvidence(file: { name: string; mimeType: string; buffer: Buffer }) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Tải tệp minh chứng lên' }).click();
    await (await chooser).setFiles(file);
    await this.page.getByRole('link', { name: file.name }).waitFor();
  }

  /** "Lưu nháp", then waits for the outcome the caller expects (a toast, an error). */
  async saveDraft() {
    await this.page.getByRole('button', { name: 'Lưu nháp', exact: true }).click();
  }

  /** The server's message shown on a row, under the input it concerns. */
  rowError(text: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** Clicks an action and, when it asks, confirms it ("Đồng ý"). */
  async confirmAction(name: 'Nộp báo cáo' | 'Chấp nhận' | 'Tạo bản điều chỉnh') {
    if (name === 'Nộp báo cáo') return this.submit();
    await this.page.getByRole('button', { name, exact: true }).click();
    await this.page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
  }

  /** The submit dialog ("Nộp báo cáo"): it lists the values still empty and asks a late report why. */
  get submitDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Nộp báo cáo' });
  }

  /**
   * "Nộp báo cáo", then in its dialog the reasons asked for, then "Đồng ý". A report past its due date
   * is given `lateReason` or a plain one.
   *
   * @param options.missingReasons - "Chưa có số liệu" reasons by indicator name, for the values left empty
   * @param options.everyMissingReason - one reason for every value the dialog lists as empty
   * @param options.confirm - false to leave the dialog open (to look at what it asks)
   */
  async submit(
    options: {
      missingReasons?: Record<string, string>;
      everyMissingReason?: string;
      lateReason?: string;
      confirm?: boolean;
    } = {},
  ) {
    await this.page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const dialog = this.submitDialog;
    await dialog.waitFor();
    for (const [name, reason] of Object.entries(options.missingReasons ?? {}))
      await dialog.getByLabel(`Lý do chưa có số liệu của chỉ tiêu ${name}`, { exact: true }).fill(reason);
    if (options.everyMissingReason)
      for (const field of await dialog.getByLabel(/^Lý do chưa có số liệu của chỉ tiêu /).all())
        await field.fill(options.everyMissingReason);
    const late = dialog.getByLabel('Lý do nộp muộn', { exact: true });
    if (await late.isVisible()) await late.fill(options.lateReason ?? 'Chờ số liệu tổng hợp nên nộp sau hạn');
    if (options.confirm === false) return;
    await dialog.getByRole('button', { name: 'Đồng ý', exact: true }).click();
  }

  async returnWithReason(reason: string) {
    await this.page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Trả lại báo cáo' });
    await dialog.getByLabel('Lý do trả lại').fill(reason);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The banner of an earlier version shown read-only ("Bản 1 — đã được chấp nhận ngày …"). */
  get earlierVersionBanner(): Locator {
    return this.page.getByRole('alert').filter({ hasText: /^Bản \d+ —/ });
  }

  /** "Xem bản trước" on a version's row of the "Các phiên bản" table. */
  async viewEarlierVersion(version: number) {
    await this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: `Bản ${version}`, exact: true }) })
      .getByRole('button', { name: 'Xem bản trước' })
      .click();
  }

  /** The alert that shows why the report was returned. */
  get returnedAlert(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Báo cáo bị trả lại' });
  }
}

import type { Download, Locator, Page, Response } from 'playwright-core';
import { PlanListPage } from './plan-list-page';

/** The longest wait for the report's PDF (the first one starts the server's LibreOffice). */
const PDF_TIMEOUT_MS = 120_000;

/**
 * /reporting-periods/:periodId/consolidated: the locality's consolidated report of a period.
 * The spec drives several people's pages, each in its own browser context with animations off; each
 * action brings its page to the front first, as the person would be looking at it.
 */
export class ConsolidatedReportPage {
  constructor(private readonly page: Page) {}

  /**
   * Opens the consolidated report of a period from the row of the plan's "Báo cáo" tab, as a person would,
   * and waits for its heading.
   */
  async openFromPlan(localityName: string, periodLabel: string) {
    await new PlanListPage(this.page).openPlanFromList(localityName);
    await this.page.getByRole('tab', { name: 'Báo cáo' }).click();
    await this.page
      .getByRole('row')
      .filter({ hasText: periodLabel })
      .getByRole('link', { name: 'Mở báo cáo tổng hợp' })
      .click();
    await this.heading(periodLabel).waitFor();
  }

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

  /** An action button, by its exact name. */
  button(name: 'Lưu' | 'Trình lãnh đạo' | 'Phê duyệt' | 'Trả lại'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async save() {
    await this.page.bringToFront();
    await this.button('Lưu').click();
    await this.page.getByText('Đã lưu báo cáo tổng hợp').waitFor();
  }

  /** Clicks an action and confirms it ("Đồng ý"); the confirmation closes once the step is done. */
  async confirmAction(name: 'Trình lãnh đạo' | 'Phê duyệt') {
    await this.page.bringToFront();
    await this.button(name).click();
    const ok = this.page.getByRole('button', { name: 'Đồng ý', exact: true });
    await ok.click();
    await ok.waitFor({ state: 'hidden' });
  }

  async returnWithReason(reason: string) {
    await this.page.bringToFront();
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
    await this.page.bringToFront();
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

  /**
   * Clicks "Tải PDF" and, while the server makes the PDF, reads the buttons: the PDF button says
   * "Đang tạo bản PDF…" and every download button is disabled.
   *
   * @returns the server's answer, whether the pending state was seen, and the saved file (null on a refusal)
   */
  async downloadPdf(): Promise<{ response: Response; pendingSeen: boolean; download: Download | null }> {
    await this.page.bringToFront();
    // The server's first PDF also starts its LibreOffice: tens of seconds on a loaded machine.
    const answered = this.page.waitForResponse(
      (answer) => answer.url().endsWith('/consolidated-report.pdf'),
      {
        timeout: PDF_TIMEOUT_MS,
      },
    );
    answered.catch(() => undefined);
    const saved = this.page.waitForEvent('download', { timeout: PDF_TIMEOUT_MS }).catch(() => null);
    // The header's button ("file-pdf Tải PDF"), not an approved version's ("Tải PDF bản 1").
    await this.page.getByRole('button', { name: /Tải PDF$/ }).click();
    const pending = this.page.getByRole('button', { name: /Đang tạo bản PDF…/ });
    await pending.waitFor();
    const pendingSeen =
      (await pending.isDisabled()) &&
      (await this.page.getByRole('button', { name: 'Tải Word (.docx)' }).isDisabled());
    const response = await answered;
    return { response, pendingSeen, download: response.status() === 200 ? await saved : null };
  }

  /** "Có số liệu mới sau khi duyệt": data accepted after the approval, which the approved report leaves out. */
  get newDataAlert(): Locator {
    return this.page.getByTestId('consolidated-new-data');
  }

  /** The notice that the report shown is the approved one, frozen. */
  get frozenNotice(): Locator {
    return this.page.getByTestId('consolidated-frozen');
  }

  /** "Lập báo cáo bổ sung" in the new-data warning, confirmed. */
  async startSupplementaryVersion() {
    await this.page.bringToFront();
    await this.newDataAlert.getByRole('button', { name: /Lập báo cáo bổ sung$/ }).click();
    const ok = this.page.getByRole('button', { name: 'Đồng ý', exact: true });
    await ok.click();
    await ok.waitFor({ state: 'hidden' });
  }

  /** The Word file of an approved version, from the list of approved versions. */
  async downloadWordOf(version: number): Promise<{ response: Response; download: Download }> {
    await this.page.bringToFront();
    const [response, download] = await Promise.all([
      this.page.waitForResponse((answer) =>
        answer.url().includes(`/consolidated-report.docx?version=${version}`),
      ),
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `Tải Word bản ${version}`, exact: true }).click(),
    ]);
    return { response, download };
  }
}

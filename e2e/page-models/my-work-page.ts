import type { Locator, Page } from 'playwright-core';

/** "Việc của tôi" (/my-work): the sections of work waiting for the signed-in user. */
export class MyWorkPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/my-work');
    await this.heading.waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Việc của tôi', level: 1 });
  }

  /** "Báo cáo tổng hợp chờ phê duyệt": the leader's consolidated reports to approve. */
  get consolidatedToApprove(): Locator {
    return this.page.getByTestId('my-work-consolidated-to-approve');
  }

  /** A row of a section, found by its text (the period, the plan, the locality). */
  row(section: Locator, text: string): Locator {
    return section.getByRole('row').filter({ hasText: text });
  }
}

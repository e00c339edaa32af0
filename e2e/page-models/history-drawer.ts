import type { Locator, Page } from 'playwright-core';

/** The "Lịch sử" drawer of an indicator or a task: one entry per change, newest first. */
export class HistoryDrawer {
  readonly root: Locator;

  constructor(page: Page, subject: string) {
    this.root = page.getByRole('dialog', { name: `Lịch sử: ${subject}` });
  }

  /** The entries, newest first. */
  get entries(): Locator {
    return this.root.getByRole('list', { name: 'Các lần thay đổi' }).locator(':scope > li');
  }

  /** The newest entry that mentions the text. */
  entry(text: string | RegExp): Locator {
    return this.entries.filter({ hasText: text }).first();
  }
}

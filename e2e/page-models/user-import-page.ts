import type { Locator, Page } from 'playwright-core';

/** /admin/users/import: a list of users sent as a file, previewed, then created at once. */
export class UserImportPage {
  constructor(private readonly page: Page) {}

  /** Sends a file as the person would pick it. */
  async send(name: string, content: string, mimeType = 'text/csv') {
    // The page's only file input: the one behind "Chọn tệp danh sách".
    await this.page
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') });
  }

  get problems(): Locator {
    return this.page.getByTestId('user-import-problems').getByRole('listitem');
  }

  get preview(): Locator {
    return this.page.getByTestId('user-import-preview');
  }

  /** Creates every user of the previewed list, confirming in the pop-up. */
  async createAll(count: number) {
    await this.page.getByTestId('user-import-create').click();
    await this.page
      .getByRole('tooltip')
      .getByRole('button', { name: `Tạo ${count} người dùng` })
      .click();
  }

  get created(): Locator {
    return this.page.getByTestId('user-import-created');
  }

  /** The first password shown for a user name in the table of created users. */
  async passwordOf(username: string): Promise<string> {
    const row = this.created.getByRole('row').filter({ hasText: username });
    return ((await row.locator('code').textContent()) ?? '').trim();
  }
}

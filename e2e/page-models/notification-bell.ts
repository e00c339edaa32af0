import type { Locator, Page } from 'playwright-core';

/** The bell in the header: the unread count and the list of notifications. */
export class NotificationBell {
  constructor(private readonly page: Page) {}

  get button(): Locator {
    return this.page.getByTestId('notification-bell');
  }

  /** Waits until the bell says how many are unread ("Thông báo, 2 chưa đọc"; just "Thông báo" at 0). */
  async waitForUnread(count: number) {
    const name = count > 0 ? `Thông báo, ${count} chưa đọc` : 'Thông báo';
    await this.page.getByRole('button', { name, exact: true }).waitFor();
  }

  get panel(): Locator {
    return this.page.getByTestId('notification-panel');
  }

  async open() {
    await this.page.bringToFront();
    if (await this.panel.isVisible()) return;
    await this.button.click();
    await this.panel.waitFor();
  }

  /** A notification in the open list, found by its title or text. */
  item(text: string): Locator {
    return this.panel.getByTestId('notification-item').filter({ hasText: text });
  }

  /** Opens the list and clicks the newest notification with this text: it is marked read and its page opens. */
  async openItem(text: string) {
    await this.open();
    await this.item(text).first().click();
    await this.panel.waitFor({ state: 'hidden' });
  }

  async markAllRead() {
    await this.open();
    await this.panel.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
  }
}

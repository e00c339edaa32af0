import type { Page } from 'playwright-core';

/** The header navigation, present on every page. */
export class Navigation {
  constructor(private readonly page: Page) {}

  async goTo(
    label: 'Kế hoạch' | 'Danh mục chỉ tiêu' | 'Tìm kiếm' | 'Đơn vị' | 'Nhật ký thay đổi' | 'Người dùng',
  ) {
    await this.page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: label })
      .click();
  }

  /** The signed-in person's name in the header. */
  userName(displayName: string) {
    return this.page.getByRole('banner').getByText(displayName, { exact: true });
  }
}

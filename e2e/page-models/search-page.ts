import type { Locator, Page } from 'playwright-core';

/** /search: one box, results grouped by type (Kế hoạch, Chỉ tiêu, Nhiệm vụ). */
export class SearchPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/search');
    await this.page.getByRole('heading', { name: 'Tìm kiếm' }).waitFor();
  }

  async search(query: string) {
    const box = this.page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' });
    await box.fill(query);
    await box.press('Enter');
  }

  resultGroup(type: 'Kế hoạch' | 'Chỉ tiêu' | 'Nhiệm vụ'): Locator {
    return this.page.getByRole('region', { name: type });
  }
}

import type { Locator, Page } from 'playwright-core';

/** /localities/:localityId/overview: "Tổng quan địa bàn" — communes ranked and standard indicators rolled up. */
export class OverviewPage {
  constructor(private readonly page: Page) {}

  /** From "Bảng điều hành" (/dashboard), follows "Tổng quan <province>". */
  async openFromDashboards(provinceName: string) {
    await this.page.goto('/dashboard');
    await this.page.getByRole('link', { name: `Tổng quan ${provinceName}` }).click();
    await this.heading(provinceName).waitFor();
  }

  async open(localityId: string) {
    await this.page.goto(`/localities/${localityId}/overview`);
  }

  heading(provinceName: string): Locator {
    return this.page.getByRole('heading', { name: `Tổng quan địa bàn · ${provinceName}` });
  }

  /** The locality id in the address bar. */
  localityId(): string {
    return new URL(this.page.url()).pathname.split('/')[2] ?? '';
  }

  /** A commune's row in "Xếp hạng xã, phường". */
  communeRow(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The cells of a commune's row, in column order. */
  async communeCells(name: string): Promise<string[]> {
    return (await this.communeRow(name).getByRole('cell').allInnerTexts()).map((text) => text.trim());
  }

  /** A standard indicator's row in "Tổng hợp chỉ tiêu chuẩn". */
  rollupRow(catalogCode: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByText(catalogCode, { exact: true }) });
  }

  /** Picks one rating in "Lọc theo xếp loại" (Xanh, Vàng, Đỏ, Chưa đánh giá). */
  async filterColour(label: string) {
    await this.page.getByRole('combobox', { name: 'Lọc theo xếp loại' }).click();
    // Ant Design lists the visible options by title (its role="option" list is for screen readers).
    await this.page.getByTitle(label, { exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  /** Picks a status in "Lọc theo tình trạng". */
  async filterProblem(label: string) {
    await this.page.getByRole('combobox', { name: 'Lọc theo tình trạng' }).click();
    await this.page.getByTitle(label, { exact: true }).click();
  }

  notFound(): Locator {
    return this.page.getByText('Không xem được tổng quan địa bàn');
  }
}

import type { Locator, Page } from 'playwright-core';

/** /login: user name, password, and the server's message when the sign-in is refused. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Đăng nhập' });
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  async open() {
    await this.page.goto('/login');
    await this.heading.waitFor();
  }

  async signIn(username: string, password: string) {
    await this.page.getByLabel('Tên đăng nhập').fill(username);
    await this.page.getByLabel('Mật khẩu').fill(password);
    await this.page.getByRole('button', { name: 'Đăng nhập' }).click();
  }
}

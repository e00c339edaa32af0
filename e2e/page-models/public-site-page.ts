import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** A violation axe-core reports: its rule and the elements it found. */
export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
};

/** The public site (/cong-khai) as an anonymous visitor sees it: plain server pages. */
export class PublicSitePage {
  constructor(private readonly page: Page) {}

  async open(path: string) {
    const response = await this.page.goto(path);
    const status = response?.status();
    if (status !== 200 && status !== 304) throw new Error(`${path} answered ${status}`);
  }

  get h1(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  /** The row of a locality in a ranking table. */
  rankingRow(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The published reports (articles) of a locality's page. */
  get reports(): Locator {
    return this.page.locator('article.report');
  }

  report(periodLabel: string): Locator {
    return this.reports.filter({ has: this.page.getByRole('heading', { name: `Báo cáo ${periodLabel}` }) });
  }

  /** The list of reports withdrawn from the site, with date and reason. */
  get withdrawnSection(): Locator {
    return this.page.getByRole('region', { name: 'Báo cáo đã gỡ khỏi trang công khai' });
  }

  async search(text: string) {
    await this.page.getByRole('searchbox').fill(text);
    await this.page.getByRole('button', { name: 'Tìm' }).click();
    await this.page.waitForLoadState('load');
  }

  /**
   * Runs axe-core in the page with the WCAG 2.0/2.1 A and AA rules. The script is added through the
   * DevTools protocol, so it works where the page's own JavaScript is off too.
   */
  async axeViolations(): Promise<AxeViolation[]> {
    await this.page.evaluate(AXE_SOURCE);
    return this.page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target })),
      }));
    });
  }
}

/**
 * [PUBLIC] The public site as an anonymous visitor: the national page ranks the provinces, a province
 * page ranks its communes, a commune's page shows its published report (Dân Tiến 2025, which the demo
 * ships published: filed, approved and published by its people through the services, 45/BC-UBND); a
 * report approved but not published, then published and withdrawn by the leader, is never visible
 * except as "đã gỡ …, lý do …"; axe-core finds no WCAG 2.1 AA violation on any page type; every page
 * renders with JavaScript off.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PublicSitePage } from './page-models/public-site-page';
import { type DemoUser, signIn } from './support/auth';
import { useAppInBrowser } from './support/suite';

const DAN_TIEN = '/cong-khai/dia-phuong/05755';
const THAI_NGUYEN = '/cong-khai/dia-phuong/19';
const REASON = 'Số liệu chỉ tiêu cần rà soát lại';

describe('[PUBLIC] the public site, no sign-in', () => {
  const env = useAppInBrowser();
  let visitor: Page;
  let noScript: BrowserContext;

  /** A signed-in API client of a demo user (cookie and CSRF token), for the steps before the visit. */
  const apiAs = async (user: DemoUser) => {
    const context = await env.browser.newContext({ baseURL: env.app.baseUrl });
    const csrf = await signIn(context, user);
    return {
      context,
      call: async (method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) => {
        const response = await context.request.fetch(url, {
          method,
          data,
          headers: { 'x-csrf-token': csrf },
        });
        if (!response.ok())
          throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
        return ((await response.json()) as { data: Record<string, unknown> }).data;
      },
    };
  };

  beforeAll(async () => {
    visitor = await env.pageAs(null);
    noScript = await env.browser.newContext({
      baseURL: env.app.baseUrl,
      javaScriptEnabled: false,
      locale: 'vi-VN',
    });
  });

  it("[PUBLIC]: a fresh start shows the demo's published report with its approved figures", async () => {
    const site = new PublicSitePage(visitor);
    await site.open(DAN_TIEN);
    const report = site.report('Năm 2025');
    expect(await report.count()).toBe(1);
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('45/BC-UBND');
    // The HCC centre's figures as approved: 1,368 of 1,800 dossiers online is 76 %.
    expect(text).toMatch(/76\s?%/);
    expect(text).toMatch(/64\s?%/);
    const json = await visitor.request.get(`/cong-khai/du-lieu/05755.json`);
    const records = (
      (await json.json()) as { records: Array<{ plan_indicator_code: string; value: number }> }
    ).records;
    expect(records.find((row) => row.plan_indicator_code === 'I.5')?.value).toBe(76);
  });

  it('[PUBLIC]: the login page links to the public site; the national page ranks the provinces', async () => {
    await visitor.goto('/login');
    await visitor
      .getByRole('link', { name: 'Xem kết quả thực hiện đã công khai của các địa phương' })
      .click();
    await visitor.waitForURL(/\/cong-khai$/);
    const site = new PublicSitePage(visitor);
    expect(await site.h1.textContent()).toBe('Kết quả thực hiện Nghị quyết 57-NQ/TW của các địa phương');
    const row = site.rankingRow('Tỉnh Thái Nguyên');
    expect((await row.getByRole('cell').first().textContent())?.trim()).toBe('1');
    // Colour comes with its words.
    expect(await row.textContent()).toMatch(/Xanh|Vàng|Đỏ/);
  });

  it('[PUBLIC]: a province ranks its communes, and its search ignores diacritics', async () => {
    const site = new PublicSitePage(visitor);
    await site.open(THAI_NGUYEN);
    expect(await site.h1.textContent()).toBe('Tỉnh Thái Nguyên');
    expect((await site.rankingRow('Xã Dân Tiến').getByRole('cell').first().textContent())?.trim()).toBe('1');
    await site.search('dan tien');
    await visitor
      .getByRole('region', { name: /Kết quả tìm/ })
      .getByRole('link', { name: 'Xã Dân Tiến' })
      .click();
    await visitor.waitForURL(/\/cong-khai\/dia-phuong\/05755/);
    expect(await site.h1.textContent()).toBe('Xã Dân Tiến');
  });

  it('[PUBLIC]: a report approved but not published, then withdrawn, is never shown; the published one is', async () => {
    const standing = await apiAs('dantien.vhxh');
    const leader = await apiAs('dantien.lanhdao');
    const plans = (await standing.call('GET', '/api/v1/plans')) as unknown as Array<{
      id: string;
      localityName: string;
    }>;
    const planId = plans.find((row) => row.localityName === 'Dân Tiến')!.id;
    const periods = (await standing.call(
      'GET',
      `/api/v1/plans/${planId}/reporting-periods`,
    )) as unknown as Array<{
      id: string;
      key: string;
    }>;
    const period = periods.find((row) => row.key === '2026')!;
    const saved = await standing.call('PUT', `/api/v1/reporting-periods/${period.id}/consolidated-report`, {
      revision: 0,
      narrative: 'Báo cáo năm 2026 của xã Dân Tiến.',
    });
    const sent = await standing.call('POST', `/api/v1/consolidated-reports/${saved.id}/send`, {
      revision: saved.revision,
    });
    await leader.call('POST', `/api/v1/consolidated-reports/${saved.id}/approve`, {
      revision: sent.revision,
    });

    const site = new PublicSitePage(visitor);
    await site.open(DAN_TIEN);
    expect(await site.report('Năm 2025').count()).toBe(1);
    expect(await site.report('Năm 2025').textContent()).toContain('45/BC-UBND');
    expect(await site.report('Năm 2026').count()).toBe(0);

    // The leader publishes it from the consolidated report page, then withdraws it with a reason.
    const leaderPage = await leader.context.newPage();
    await leaderPage.goto(`/reporting-periods/${period.id}/consolidated`);
    await leaderPage.getByRole('button', { name: 'Công khai', exact: true }).click();
    const dialog = leaderPage.getByRole('dialog', { name: 'Công khai báo cáo đã phê duyệt' });
    await dialog.getByLabel('Số văn bản (không bắt buộc)').fill('210/BC-UBND');
    await dialog.getByRole('button', { name: 'Công khai' }).click();
    await leaderPage.getByText('Đang công khai phiên bản 1').waitFor();

    await site.open(DAN_TIEN);
    expect(await site.report('Năm 2026').textContent()).toContain('210/BC-UBND');

    await leaderPage.getByRole('button', { name: 'Gỡ khỏi trang công khai' }).click();
    const withdraw = leaderPage.getByRole('dialog', { name: 'Gỡ báo cáo khỏi trang công khai' });
    await withdraw.getByLabel('Lý do gỡ').fill(REASON);
    await withdraw.getByRole('button', { name: 'Gỡ khỏi trang công khai' }).click();
    await leaderPage.getByText('Báo cáo chưa được công khai.').waitFor();

    await site.open(DAN_TIEN);
    expect(await site.report('Năm 2026').count()).toBe(0);
    expect(await site.reports.count()).toBe(1);
    expect(await site.withdrawnSection.textContent()).toMatch(
      new RegExp(`Báo cáo Năm 2026 .*đã gỡ ngày \\d{2}/\\d{2}/\\d{4}, lý do: ${REASON}`),
    );
    // No name of an officer anywhere.
    expect(await site.main.textContent()).not.toContain('Lãnh đạo UBND xã Dân Tiến');
    await standing.context.close();
    await leader.context.close();
  });

  it('[PUBLIC]: axe-core finds no WCAG 2.1 AA violation on each page type, with JavaScript on and off', async () => {
    const site = new PublicSitePage(visitor);
    await site.open(DAN_TIEN);
    const chart = await visitor.locator('article.report a[href*="/chi-tieu/"]').first().getAttribute('href');
    expect(chart).toMatch(/\/chi-tieu\//);
    const pages = [
      '/cong-khai',
      THAI_NGUYEN,
      DAN_TIEN,
      chart!,
      '/cong-khai/du-lieu',
      '/cong-khai?q=thai+nguyen',
    ];
    const plain = new PublicSitePage(await noScript.newPage());
    for (const path of pages) {
      await site.open(path);
      expect(await site.axeViolations(), path).toEqual([]);
      // Without JavaScript the same page is all there: the server rendered it.
      await plain.open(path);
      expect(await plain.h1.textContent(), path).toBe(await site.h1.textContent());
      expect(await plain.main.textContent(), path).toBe(await site.main.textContent());
    }
    expect(await visitor.locator('svg.chart').count()).toBe(0);
    await site.open(chart!);
    expect(await visitor.locator('svg.chart[role="img"]').count()).toBe(1);
  });
});

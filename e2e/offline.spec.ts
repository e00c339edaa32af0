/**
 * [OFFLINE] The installable app and report drafts that survive a lost connection (issue #14): the manifest
 * is served, valid and names icons that exist; the service worker keeps the app's shell (never an API
 * answer), so the app opens without a network; a unit officer who types a value offline is told the
 * draft is kept on the device, and once the connection returns the server holds the value, even after a
 * reload in between. A draft typed on a version someone else replaced meanwhile is not written over it:
 * the page shows the conflict and the copy stays until the officer reloads; over a report submitted
 * meanwhile it is not sent, and the form says so. Signing out asks, then removes the copies.
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitReportPage } from './page-models/unit-report-page';
import { type RunningApp, startApp } from './support/app';
import { signIn } from './support/auth';
import { axeViolations, describeViolations } from './support/axe';
import { launchBrowser, newPage } from './support/browser';

const HCC = 'Trung tâm HCC';
const INDICATOR = 'Thủ tục hành chính giải quyết phi địa giới hành chính';
const DRAFT_PREFIX = 'lo-trinh:report-draft:';

type ReportForm = {
  report: { revision: number } | null;
  nothingArose: boolean;
  difficulties: string | null;
  proposals: string | null;
  indicators: Array<{ indicatorId: string; name: string; value: number | null }>;
};

/** The width and height a PNG declares in its IHDR chunk (null when it is not a PNG). */
const pngSize = (bytes: Buffer): { width: number; height: number } | null => {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return null;
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

/** Waits until the service worker controls the page (it claims the page once its cache is filled). */
const waitForServiceWorker = async (page: Page) => {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
};

/** The report drafts this browser keeps, as stored. */
const keptDrafts = (page: Page) =>
  page.evaluate((prefix) => {
    const copies: Array<{ key: string; text: string }> = [];
    for (let index = 0; index < localStorage.length; index += 1) {
      const key = localStorage.key(index);
      if (key?.startsWith(prefix)) copies.push({ key, text: localStorage.getItem(key) ?? '' });
    }
    return copies;
  }, DRAFT_PREFIX);

describe('[OFFLINE] installable app and report drafts kept through a lost connection', () => {
  let app: RunningApp;
  let browser: Browser;
  let officer: Page;
  let context: BrowserContext;
  /** A second session of the same officer (another phone): reads the report, and saves it meanwhile. */
  let other: APIRequestContext;
  let otherCsrf = '';
  let reportPath = '';

  const serverReport = async (): Promise<ReportForm> => {
    const response = await other.get(`/api/v1${reportPath}/report`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { data: ReportForm }).data;
  };
  const serverValue = async () =>
    (await serverReport()).indicators.find((row) => row.name === INDICATOR)?.value ?? null;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    officer = await newPage(browser, app.baseUrl, 'thanhdong.hcc');
    context = officer.context();
    const otherContext = await browser.newContext({ baseURL: app.baseUrl });
    otherCsrf = await signIn(otherContext, 'thanhdong.hcc');
    other = otherContext.request;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('[OFFLINE]: the manifest is served, valid JSON, linked from the page, and its icons exist at their sizes', async () => {
    const html = await (await fetch(`${app.baseUrl}/`)).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    const response = await fetch(`${app.baseUrl}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/manifest+json');
    const manifest = JSON.parse(await response.text()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      lang: string;
      theme_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({
      name: 'Lộ trình',
      short_name: 'Lộ trình',
      start_url: '/',
      display: 'standalone',
      lang: 'vi',
      theme_color: '#0958d9',
    });
    expect(html).toContain(`<meta name="theme-color" content="${manifest.theme_color}"`);
    const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      const image = await fetch(new URL(icon.src, app.baseUrl));
      expect(image.status, icon.src).toBe(200);
      expect(image.headers.get('content-type')).toBe(icon.type);
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(Buffer.from(await image.arrayBuffer())), icon.src).toEqual({ width, height });
    }
  });

  it('[OFFLINE]: the service worker is asked for each time and keeps the shell only, so the app opens offline', async () => {
    const worker = await fetch(`${app.baseUrl}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('content-type')).toContain('javascript');
    expect(await worker.text()).not.toContain('__LO_TRINH_');

    await officer.goto('/my-work');
    await officer.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
    await waitForServiceWorker(officer);
    // What it keeps: the shell and built files, the same for everyone; never an API answer (user data).
    const cached = await officer.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys())
          urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.some((url) => url.startsWith('/assets/'))).toBe(true);
    expect(
      cached.filter((url) => !/^\/(index\.html|assets\/|icons\/|manifest\.webmanifest)/.test(url)),
    ).toEqual([]);

    await context.setOffline(true);
    await officer.reload();
    await officer.getByTestId('offline-page').filter({ hasText: 'Không có kết nối mạng' }).waitFor();
    await context.setOffline(false);
    await officer.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
  });

  it('[OFFLINE]: a value typed offline is kept on the phone, survives a reload, and reaches the server when the connection returns', async () => {
    await officer.goto('/my-work');
    const workRow = officer.getByRole('row').filter({ hasText: 'Năm 2026' }).filter({ hasText: HCC });
    await workRow.getByRole('button', { name: 'Nhập báo cáo' }).click();
    const report = new UnitReportPage(officer);
    await report.heading(HCC).waitFor();
    reportPath = new URL(officer.url()).pathname;
    expect(await serverValue()).toBeNull();

    await context.setOffline(true);
    await report.valueInput(INDICATOR).fill('85');
    const offline = officer.getByTestId('offline-draft');
    await offline.filter({ hasText: 'Mất kết nối mạng: bản nháp được giữ trên máy này' }).waitFor();
    expect(await offline.textContent()).toContain('sẽ tự động gửi lên máy chủ khi có kết nối trở lại');
    const violations = await axeViolations(officer);
    expect(violations.length, describeViolations('the report offline', violations)).toBe(0);
    const [copy] = await keptDrafts(officer);
    expect(copy?.text).toContain('"value":"85"');

    // Reloaded without a network: the app opens from the service worker and says it waits for one.
    await officer.reload();
    await officer.getByTestId('offline-page').waitFor();
    await context.setOffline(false);
    await report.heading(HCC).waitFor();
    await officer.getByTestId('restored-draft').waitFor();
    expect(await report.valueInput(INDICATOR).inputValue()).toBe('85');
    await officer.getByTestId('autosaved').waitFor();
    expect(await serverValue()).toBe(85);
    // Saved: the copy on the phone is gone, and the report was only saved, never submitted.
    await officer.waitForFunction(
      (prefix) => !Object.keys(localStorage).some((key) => key.startsWith(prefix)),
      DRAFT_PREFIX,
    );
    await report.waitForStatus('Đang soạn');
  });

  it('[OFFLINE]: a draft typed on a version someone else replaced or submitted is not written over it, and sign-out removes the copies', async () => {
    const report = new UnitReportPage(officer);
    await context.setOffline(true);
    await report.valueInput(INDICATOR).fill('86');
    await officer.getByTestId('offline-draft').waitFor();

    // Meanwhile the same report is saved from another phone.
    const current = await serverReport();
    const saved = await other.put(`/api/v1${reportPath}/report`, {
      headers: { 'X-CSRF-Token': otherCsrf },
      data: {
        revision: current.report?.revision ?? 0,
        nothingArose: current.nothingArose,
        difficulties: current.difficulties,
        proposals: current.proposals,
        values: current.indicators.map((row) => ({
          indicatorId: row.indicatorId,
          value: row.name === INDICATOR ? 90 : row.value,
          numerator: null,
          denominator: null,
          assessment: null,
          note: null,
          missingReason: null,
        })),
        taskUpdates: [],
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);

    // Back online: the save is refused (another version), the conflict shows, the server keeps 90.
    await context.setOffline(false);
    const conflict = officer.getByRole('alert').filter({ hasText: 'Báo cáo vừa được người khác cập nhật' });
    await conflict.waitFor();
    expect(await serverValue()).toBe(90);
    // Opened again: the copy comes back on screen, with the conflict, and is still not sent.
    await officer.reload();
    await conflict.waitFor();
    expect(await report.valueInput(INDICATOR).inputValue()).toBe('86');
    await officer.waitForTimeout(4_000);
    expect(await serverValue()).toBe(90);
    expect(await keptDrafts(officer)).toHaveLength(1);

    // The officer decides: the latest version replaces the copy.
    await conflict.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await officer.waitForFunction(
      (label) =>
        (document.querySelector(`[aria-label="${label}"]`) as HTMLInputElement | null)?.value === '90',
      `Giá trị của chỉ tiêu ${INDICATOR}`,
    );
    await officer.waitForFunction(
      (prefix) => !Object.keys(localStorage).some((key) => key.startsWith(prefix)),
      DRAFT_PREFIX,
    );

    // Typed offline again, while the report is saved and submitted from the other phone: once back, the
    // copy cannot be sent (the report is no longer editable), so the form says it was not sent.
    await context.setOffline(true);
    await report.valueInput(INDICATOR).fill('92');
    await officer.getByTestId('offline-draft').waitFor();
    expect(await keptDrafts(officer)).toHaveLength(1);
    const latest = await serverReport();
    const complete = await other.put(`/api/v1${reportPath}/report`, {
      headers: { 'X-CSRF-Token': otherCsrf },
      data: {
        revision: latest.report?.revision ?? 0,
        nothingArose: latest.nothingArose,
        difficulties: latest.difficulties,
        proposals: latest.proposals,
        values: latest.indicators.map((row) => ({
          indicatorId: row.indicatorId,
          value: row.value,
          numerator: null,
          denominator: null,
          assessment: null,
          note: null,
          missingReason: row.value == null ? 'Chưa có số liệu tổng hợp' : null,
        })),
        taskUpdates: [],
      },
    });
    expect(complete.status(), await complete.text()).toBe(200);
    const completed = ((await complete.json()) as { data: { report: { id: string; revision: number } } })
      .data;
    const submitted = await other.post(`/api/v1/unit-reports/${completed.report.id}/submit`, {
      headers: { 'X-CSRF-Token': otherCsrf },
      data: { revision: completed.report.revision, lateReason: null },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    await context.setOffline(false);
    await officer.reload();
    await report.waitForStatus('Đã nộp');
    await officer
      .getByTestId('stranded-draft')
      .filter({ hasText: 'Bản nháp trên máy này chưa được gửi' })
      .waitFor();
    expect(await serverValue()).toBe(90);

    // A copy never sent is not lost unasked: sign-out asks, then removes it.
    await officer.getByRole('button', { name: 'Đăng xuất' }).click();
    const ask = officer
      .getByRole('dialog')
      .filter({ hasText: 'Còn 1 bản nháp báo cáo chưa gửi được lên máy chủ' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Đăng xuất' }).click();
    await officer.waitForURL(/\/login/);
    expect(await keptDrafts(officer)).toEqual([]);
  });
});

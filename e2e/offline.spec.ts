/**
 * [OFFLINE] The installable app and report drafts that survive a lost connection (issue #14): the manifest
 * is served, valid and names icons that exist; the service worker keeps the app's shell (never an API
 * answer), so the app opens without a network; a unit officer who types a value offline is told the
 * draft is kept on the device, and once the connection returns the server holds the value, even after a
 * reload in between. A draft typed on a version someone else replaced meanwhile is not written over it:
 * the page shows the conflict and the copy stays until the officer reloads; over a report submitted
 * meanwhile it is not sent, and the form says so. Signing out asks, then removes the copies.
 */
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnitReportPage } from './page-models/unit-report-page';
import { signIn } from './support/auth';
import { axeViolations, describeViolations } from './support/axe';
import { useAppInBrowser } from './support/suite';

const HCC = 'Trung tâm HCC';
const INDICATOR = 'Thủ tục hành chính giải quyết phi địa giới hành chính';
const DRAFT_PREFIX = 'lo-trinh:report-draft:';
/** Everything the app keeps of a user on the device: drafts, the forms last seen, who signed in. */
const DEVICE_PREFIXES = [DRAFT_PREFIX, 'lo-trinh:report-seen:', 'lo-trinh:signed-in-user'];

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

/** The keys of everything this browser keeps of a user (drafts, forms seen, identity). */
const deviceKeys = (page: Page) =>
  page.evaluate(
    (prefixes) =>
      Object.keys(localStorage).filter((key) => prefixes.some((prefix) => key.startsWith(prefix))),
    DEVICE_PREFIXES,
  );

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
  const env = useAppInBrowser();
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
  /** The same report saved from the other phone, with `value` for INDICATOR. */
  const saveFromOther = async (value: number) => {
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
          value: row.name === INDICATOR ? value : row.value,
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
  };
  /** Waits until the form shows `value` for INDICATOR. */
  const waitForShownValue = (value: string) =>
    officer.waitForFunction(
      ({ label, expected }) =>
        (document.querySelector(`[aria-label="${label}"]`) as HTMLInputElement | null)?.value === expected,
      { label: `Giá trị của chỉ tiêu ${INDICATOR}`, expected: value },
    );

  beforeAll(async () => {
    officer = await env.pageAs('thanhdong.hcc');
    context = officer.context();
    const otherContext = await env.browser.newContext({ baseURL: env.app.baseUrl });
    otherCsrf = await signIn(otherContext, 'thanhdong.hcc');
    other = otherContext.request;
  });

  it('[OFFLINE]: the manifest is served, valid JSON, linked from the page, and its icons exist at their sizes', async () => {
    const html = await (await fetch(`${env.app.baseUrl}/`)).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    const response = await fetch(`${env.app.baseUrl}/manifest.webmanifest`);
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
      const image = await fetch(new URL(icon.src, env.app.baseUrl));
      expect(image.status, icon.src).toBe(200);
      expect(image.headers.get('content-type')).toBe(icon.type);
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(Buffer.from(await image.arrayBuffer())), icon.src).toEqual({ width, height });
    }
  });

  it('[OFFLINE]: the service worker is asked for each time and keeps the shell only, so the app opens offline', async () => {
    const worker = await fetch(`${env.app.baseUrl}/sw.js`);
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

    // Reloaded without a network (or reopened from the installed app): the form opens from the copy last
    // seen on this phone, marked with its time, the kept draft on it, and typing goes on into that draft.
    await officer.reload();
    await officer
      .getByTestId('offline-copy')
      .filter({ hasText: /Đang ngoại tuyến — dữ liệu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/ })
      .waitFor();
    await report.heading(HCC).waitFor();
    await officer.getByTestId('restored-draft').waitFor();
    expect(await report.valueInput(INDICATOR).inputValue()).toBe('85');
    await report.valueInput(INDICATOR).fill('87');
    await officer.waitForFunction(
      (prefix) =>
        Object.keys(localStorage).some(
          (key) => key.startsWith(prefix) && localStorage.getItem(key)?.includes('"value":"87"'),
        ),
      DRAFT_PREFIX,
    );
    const offlineViolations = await axeViolations(officer);
    expect(offlineViolations.length, describeViolations('the report opened offline', offlineViolations)).toBe(
      0,
    );
    expect(await serverValue()).toBeNull();
    // The service worker still holds no API answer: the form came from this user's own storage.
    const apiCached = await officer.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      return urls.filter((url) => url.includes('/api/'));
    });
    expect(apiCached).toEqual([]);

    await context.setOffline(false);
    await officer.getByTestId('offline-copy').waitFor({ state: 'detached' });
    await officer.getByTestId('autosaved').waitFor();
    expect(await serverValue()).toBe(87);
    // Saved: the copy on the phone is gone, and the report was only saved, never submitted.
    await officer.waitForFunction(
      (prefix) => !Object.keys(localStorage).some((key) => key.startsWith(prefix)),
      DRAFT_PREFIX,
    );
    await report.waitForStatus('Đang soạn');
  });

  it('[OFFLINE]: a draft typed on a version someone else replaced or submitted is not written over it unasked, "Giữ bản của tôi" names what it replaces, and sign-out removes the copies', async () => {
    const report = new UnitReportPage(officer);
    await context.setOffline(true);
    await report.valueInput(INDICATOR).fill('86');
    await officer.getByTestId('offline-draft').waitFor();

    // Meanwhile the same report is saved from another phone.
    await saveFromOther(90);

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

    // "Giữ bản của tôi" first shows what it would replace; cancelled, nothing is written.
    await conflict.getByRole('button', { name: 'Giữ bản của tôi' }).click();
    const keepMine = officer.getByRole('dialog').filter({ hasText: 'Lưu bản của bạn lên bản mới nhất?' });
    await keepMine.waitFor();
    expect(await keepMine.getByTestId('overwritten-fields').textContent()).toContain(
      `${INDICATOR} — Giá trị: trên máy chủ 90 → bản của bạn 86`,
    );
    await keepMine.getByRole('button', { name: 'Hủy' }).click();
    await keepMine.waitFor({ state: 'detached' });
    expect(await serverValue()).toBe(90);
    expect(await report.valueInput(INDICATOR).inputValue()).toBe('86');
    expect(await keptDrafts(officer)).toHaveLength(1);

    // The officer decides: the latest version replaces the copy.
    await conflict.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await waitForShownValue('90');
    await officer.waitForFunction(
      (prefix) => !Object.keys(localStorage).some((key) => key.startsWith(prefix)),
      DRAFT_PREFIX,
    );

    // Another conflict, and this time the officer keeps theirs: confirmed, it is saved onto the latest.
    await context.setOffline(true);
    await report.valueInput(INDICATOR).fill('88');
    await officer.getByTestId('offline-draft').waitFor();
    await saveFromOther(91);
    await context.setOffline(false);
    await conflict.waitFor();
    expect(await serverValue()).toBe(91);
    await conflict.getByRole('button', { name: 'Giữ bản của tôi' }).click();
    await keepMine.waitFor();
    expect(await keepMine.getByTestId('overwritten-fields').textContent()).toContain(
      `${INDICATOR} — Giá trị: trên máy chủ 91 → bản của bạn 88`,
    );
    await keepMine.getByRole('button', { name: 'Thay và lưu bản của tôi' }).click();
    await officer.getByText('Đã lưu bản của bạn lên bản mới nhất.').waitFor();
    expect(await serverValue()).toBe(88);
    await conflict.waitFor({ state: 'detached' });
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
          missingReason: row.value == null ? 'Phòng chuyên môn chưa tổng hợp xong' : null,
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
    expect(await serverValue()).toBe(88);

    // An administrator resets the officer's password: signed in again, only the password change is open,
    // and its own "Đăng xuất" asks about the copy like the header's does; cancelled, the copy stays.
    const adminContext = await env.browser.newContext({ baseURL: env.app.baseUrl });
    const adminCsrf = await signIn(adminContext, 'haiphong.admin');
    const found = (await (await adminContext.request.get('/api/v1/users?q=thanhdong.hcc')).json()) as {
      data: Array<{ id: string; username: string }>;
    };
    const officerId = found.data.find((row) => row.username === 'thanhdong.hcc')?.id;
    const reset = await adminContext.request.post(`/api/v1/users/${officerId}/password-reset`, {
      headers: { 'X-CSRF-Token': adminCsrf },
      data: { password: 'DatLai-2026!' },
    });
    expect(reset.status(), await reset.text()).toBe(200);
    await adminContext.close();
    const again = await context.request.post('/api/v1/auth/login', {
      data: { username: 'thanhdong.hcc', password: 'DatLai-2026!' },
    });
    expect(again.status(), await again.text()).toBe(200);
    await officer.goto('/change-password');
    const passwordForm = officer.locator('form');
    await passwordForm.getByRole('button', { name: 'Đổi mật khẩu' }).waitFor();
    await passwordForm.getByRole('button', { name: 'Đăng xuất' }).click();
    const askOnPage = officer
      .getByRole('dialog')
      .filter({ hasText: 'Còn 1 bản nháp báo cáo chưa gửi được lên máy chủ' });
    await askOnPage.waitFor();
    await askOnPage.getByRole('button', { name: 'Hủy' }).click();
    await askOnPage.waitFor({ state: 'detached' });
    expect(officer.url()).toContain('/change-password');
    expect(await keptDrafts(officer)).toHaveLength(1);

    // A copy never sent is not lost unasked: sign-out asks, then removes it, with the forms kept for
    // opening offline and who was signed in.
    expect(await deviceKeys(officer)).toEqual(expect.arrayContaining(['lo-trinh:signed-in-user']));
    await officer.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    const ask = officer
      .getByRole('dialog')
      .filter({ hasText: 'Còn 1 bản nháp báo cáo chưa gửi được lên máy chủ' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Đăng xuất' }).click();
    await officer.waitForURL(/\/login/);
    expect(await keptDrafts(officer)).toEqual([]);
    expect(await deviceKeys(officer)).toEqual([]);

    // Signed out, nothing of that user opens offline on this phone any more.
    await context.setOffline(true);
    await officer.goto(reportPath);
    await officer.getByTestId('offline-page').waitFor();
    expect(await officer.getByTestId('offline-copy').count()).toBe(0);
    await context.setOffline(false);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitReportPage } from './page-models/unit-report-page';
import { type RunningApp, startApp } from './support/app';
import { launchBrowser, newPage } from './support/browser';

const HCC = 'Trung tâm HCC';
const ONLINE_DOSSIERS = 'Hồ sơ thủ tục hành chính xử lý trực tuyến';
const NON_CONTACT = 'Giao dịch hành chính thuộc diện “phi tiếp xúc”';

type ReportRow = {
  name: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  missingReason: string | null;
};
type ReportJson = { report: { revision: number; status: string } | null; indicators: ReportRow[] };

describe('[FIGURES] figures typed the Vietnamese way, never changed silently, empty ones explained', () => {
  let app: RunningApp;
  let browser: Browser;
  let officer: Page;
  let standing: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    officer = await newPage(browser, app.baseUrl, 'thanhdong.hcc');
    standing = await newPage(browser, app.baseUrl, 'thanhdong.vhxh');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The report as the API stores it, read in the officer's session. */
  const stored = async (page: Page): Promise<ReportJson> => {
    const [, , periodId, , unitId] = new URL(page.url()).pathname.split('/');
    return page.evaluate(
      async (url) => (await (await fetch(url)).json()).data,
      `/api/v1/reporting-periods/${periodId}/units/${unitId}/report`,
    );
  };
  const rowOf = (report: ReportJson, name: string) => report.indicators.find((row) => row.name === name)!;

  it('[FIGURES]: "1.710 / 1.900" is stored as 1710 / 1900; 150 % is refused on its field and nothing is saved; an empty value needs a reason to submit', async () => {
    await officer.goto('/my-work');
    await officer
      .getByRole('row')
      .filter({ hasText: 'Năm 2026' })
      .filter({ hasText: HCC })
      .getByRole('button', { name: 'Nhập báo cáo' })
      .click();
    const report = new UnitReportPage(officer);
    await report.heading(HCC).waitFor();
    await report.waitForStatus('Chưa bắt đầu');

    // Typed the Vietnamese way: "." groups thousands. The rate is computed on screen.
    await report.numeratorInput(ONLINE_DOSSIERS).fill('1.710');
    await report.denominatorInput(ONLINE_DOSSIERS).fill('1.900');
    expect(await report.valueInput(ONLINE_DOSSIERS).inputValue()).toBe('90');
    await report.saveDraft();
    await officer.getByText('Đã lưu nháp').waitFor();
    await report.waitForStatus('Đang soạn');
    const saved = await stored(officer);
    expect(rowOf(saved, ONLINE_DOSSIERS)).toMatchObject({ numerator: 1710, denominator: 1900, value: 90 });
    // Shown back as typed, the Vietnamese way.
    expect(await report.numeratorInput(ONLINE_DOSSIERS).inputValue()).toBe('1.710');

    // Out of range: the field says why; saving sends nothing.
    await report.valueInput(NON_CONTACT).fill('150');
    await report.valueInput(NON_CONTACT).press('Tab');
    await report.rowError('Chỉ tiêu tính theo %, giá trị phải từ 0 đến 100').waitFor();
    // "12.5" could be read two ways: refused with how to write it.
    await report.valueInput(NON_CONTACT).fill('12.5');
    await report.valueInput(NON_CONTACT).press('Tab');
    await report.rowError('Số thập phân viết bằng dấu phẩy, ví dụ "12,5"').waitFor();
    await report.valueInput(NON_CONTACT).fill('150');
    await report.saveDraft();
    await officer.getByRole('alert').filter({ hasText: 'Có số liệu chưa đúng' }).waitFor();
    const unchanged = await stored(officer);
    expect(unchanged.report!.revision).toBe(saved.report!.revision);
    expect(rowOf(unchanged, NON_CONTACT).value).toBeNull();
    // The typed text stays as typed: never clamped to 100.
    expect(await report.valueInput(NON_CONTACT).inputValue()).toBe('150');

    // Corrected, it is kept exactly.
    await report.valueInput(NON_CONTACT).fill('82,5');
    await report.saveDraft();
    await report.rowError('Chỉ tiêu tính theo %').waitFor({ state: 'detached' });
    await officer.getByText('Đã lưu nháp').first().waitFor();
    await expect.poll(async () => rowOf(await stored(officer), NON_CONTACT).value).toBe(82.5);

    // The other four values are empty: the submit dialog asks for each, and refuses without reasons.
    const empty = (await stored(officer)).indicators.filter((row) => row.value == null);
    expect(empty).toHaveLength(4);
    await report.submit({ confirm: false });
    await report.submitDialog.getByText('Còn 4 chỉ tiêu chưa có số liệu').waitFor();
    await report.submitDialog.getByRole('button', { name: 'Đồng ý', exact: true }).click();
    await report.submitDialog.getByText('Hãy ghi lý do chưa có số liệu.').first().waitFor();
    expect(await report.submitDialog.getByText('Hãy ghi lý do chưa có số liệu.').count()).toBe(4);
    await report.submitDialog.getByRole('button', { name: 'Hủy' }).click();
    expect((await stored(officer)).report!.status).toBe('draft');

    // With a reason for each, it goes in, and the standing agency reads the reasons.
    await report.submit({
      missingReasons: Object.fromEntries(empty.map((row) => [row.name, `Chờ số liệu của Sở (${row.name})`])),
    });
    await report.waitForStatus('Đã nộp');
    await standing.goto(officer.url());
    const review = new UnitReportPage(standing);
    await review.waitForStatus('Đã nộp');
    expect(await standing.getByTestId('missing-reason').count()).toBe(4);
    await standing.getByText(`Chưa có số liệu: Chờ số liệu của Sở (${empty[0]!.name})`).waitFor();
  }, 240_000);
});

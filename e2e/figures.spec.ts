import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsolidatedReportPage } from './page-models/consolidation-page';
import { DashboardPage } from './page-models/dashboard-page';
import { UnitReportPage } from './page-models/unit-report-page';
import { useAppInBrowser } from './support/suite';

const HCC = 'Trung tâm HCC';
const ONLINE_DOSSIERS = 'Hồ sơ thủ tục hành chính xử lý trực tuyến';
const NON_CONTACT = 'Giao dịch hành chính thuộc diện “phi tiếp xúc”';
const KINH_TE = 'Phòng Kinh tế, Hạ tầng và Đô thị';
/** A count (not a rate), added by the standing agency for the test: Thành Đông's plan counts only in %. */
const RECEIVED_ONLINE = 'Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến';

/** The visible text of each table row of a downloaded .docx's word/document.xml. */
const wordRowsOf = async (path: string) => {
  const xml =
    (await (await JSZip.loadAsync(await readFile(path))).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((row) =>
    [...row[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('|'),
  );
};

type ReportRow = {
  name: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  missingReason: string | null;
};
type ReportJson = { report: { revision: number; status: string } | null; indicators: ReportRow[] };

describe('[FIGURES] figures typed the Vietnamese way, never changed silently, empty ones explained', () => {
  const env = useAppInBrowser();
  let officer: Page;
  let standing: Page;
  let kinhTe: Page;

  beforeAll(async () => {
    officer = await env.pageAs('thanhdong.hcc');
    standing = await env.pageAs('thanhdong.vhxh');
    kinhTe = await env.pageAs('thanhdong.kinhte');
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

  /** An API call in the page's session (with its CSRF token), for what the test sets up. */
  const api = <T = unknown>(
    page: Page,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; data: T }> =>
    page.evaluate(
      async ({ method, url, body }) => {
        const me = (await (await fetch('/api/v1/auth/me')).json()) as { data: { csrfToken: string } };
        const response = await fetch(url, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.data.csrfToken },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, data: ((await response.json()) as { data: never }).data };
      },
      { method, url, body },
    );

  it('[FIGURES]: a count typed "1.710" is 1710, shown "1.710" on the dashboard and printed "1.710" in the Word report', async () => {
    // The standing agency adds a count indicator led by Phòng Kinh tế (set-up through the API).
    await standing.goto('/plans');
    const plans = (
      await api<Array<{ id: string; localityName: string; localityId: string }>>(
        standing,
        'GET',
        '/api/v1/plans',
      )
    ).data;
    const plan = plans.find((row) => row.localityName === 'Thành Đông')!;
    const units = (
      await api<Array<{ id: string; name: string }>>(
        standing,
        'GET',
        `/api/v1/localities/${plan.localityId}/units`,
      )
    ).data;
    const unitId = units.find((row) => row.name === KINH_TE)!.id;
    const periods = await api<Array<{ id: string; key: string }>>(
      standing,
      'GET',
      `/api/v1/plans/${plan.id}/reporting-periods`,
    );
    const periodId = periods.data.find((row) => row.key === '2026')!.id;
    const created = await api(standing, 'POST', `/api/v1/plans/${plan.id}/indicators`, {
      name: RECEIVED_ONLINE,
      unit: 'hồ sơ',
      measure: 'period',
      leadUnitId: unitId,
      targets: [{ year: 2026, op: '>=', value: 1500 }],
    });
    expect(created.status).toBe(201);

    // The unit types it the Vietnamese way and submits.
    await kinhTe.goto(`/reporting-periods/${periodId}/units/${unitId}`);
    const report = new UnitReportPage(kinhTe);
    await report.heading(KINH_TE).waitFor();
    await report.valueInput(RECEIVED_ONLINE).fill('1.710');
    await report.saveDraft();
    await kinhTe.getByText('Đã lưu nháp').waitFor();
    await report.waitForStatus('Đang soạn');
    expect(rowOf(await stored(kinhTe), RECEIVED_ONLINE).value).toBe(1710);
    expect(await report.valueInput(RECEIVED_ONLINE).inputValue()).toBe('1.710');
    await report.submit({ everyMissingReason: 'Chưa tổng hợp xong số liệu của phòng' });
    await report.waitForStatus('Đã nộp');

    // The standing agency accepts it.
    await standing.bringToFront();
    await standing.goto(kinhTe.url());
    const review = new UnitReportPage(standing);
    await review.waitForStatus('Đã nộp');
    await review.confirmAction('Chấp nhận');
    await review.waitForStatus('Đã chấp nhận');

    // The dashboard shows it as typed.
    const dashboard = new DashboardPage(standing);
    await standing.goto(`/plans/${plan.id}/dashboard?period=${periodId}`);
    await standing.getByRole('heading', { name: /^Bảng điều hành/ }).waitFor();
    await dashboard.indicatorRow(RECEIVED_ONLINE).getByText('1.710 hồ sơ', { exact: true }).waitFor();

    // And the consolidated report prints it so in Phụ lục I.
    await standing.goto(`/reporting-periods/${periodId}/consolidated`);
    const consolidated = new ConsolidatedReportPage(standing);
    await consolidated.heading('Năm 2026').waitFor();
    const word = await consolidated.downloadWord();
    expect(word.response.status()).toBe(200);
    const row = (await wordRowsOf((await word.download.path())!)).find((text) =>
      text.includes(RECEIVED_ONLINE),
    );
    expect(row?.split('|')).toContain('1.710');
    expect(row).not.toContain('1,71');
  }, 240_000);
});

import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsolidatedReportPage } from './page-models/consolidation-page';
import { UnitReportPage } from './page-models/unit-report-page';
import { useAppInBrowser } from './support/suite';

const PERIOD = 'Năm 2026';
const VHXH = 'Phòng Văn hóa - Xã hội';
const NARRATIVE = 'Năm 2026, xã Dân Tiến cơ bản hoàn thành kế hoạch chuyển đổi số.';
const SHORTCOMINGS = 'Hạ tầng mạng tại bộ phận một cửa còn yếu do thiếu kinh phí.';
/** What Phòng VH-XH wrote in its report, still under review when the leader approves (server/db/seeds/demo.ts). */
const VHXH_DIFFICULTY = 'Một bộ phận người cao tuổi chưa có điện thoại thông minh.';

/** word/document.xml of a downloaded .docx. */
const documentXml = async (download: Download) =>
  (await (
    await JSZip.loadAsync(await readFile((await download.path())!))
  )
    .file('word/document.xml')
    ?.async('string')) ?? '';

describe('[APPROVALS] an approved consolidated report stays as approved', () => {
  const env = useAppInBrowser();
  let officer: Page;
  let leader: Page;

  beforeAll(async () => {
    officer = await env.pageAs('dantien.vhxh');
    leader = await env.pageAs('dantien.lanhdao');
  });

  it('[APPROVALS]: a unit report accepted after the approval changes neither the Word file nor the page, which says there is new data', async () => {
    // The officer opens the 2026 consolidated report from the plan's "Báo cáo" tab, writes and sends it.
    const report = new ConsolidatedReportPage(officer);
    await report.openFromPlan('Dân Tiến', PERIOD);
    await report.waitForStatus('Chưa lập');
    await report.narrativeInput.fill(NARRATIVE);
    await officer.getByLabel('Tồn tại, hạn chế và nguyên nhân').fill(SHORTCOMINGS);
    await report.save();
    await report.confirmAction('Trình lãnh đạo');
    await report.waitForStatus('Đã trình');
    const path = new URL(officer.url()).pathname;

    // The leader approves it.
    const decision = new ConsolidatedReportPage(leader);
    await leader.bringToFront();
    await leader.goto(path);
    await decision.waitForStatus('Đã trình');
    await decision.confirmAction('Phê duyệt');
    await decision.waitForStatus('Đã duyệt');
    await decision.frozenNotice.waitFor();

    // The Word file as approved.
    await officer.bringToFront();
    await officer.reload();
    await report.waitForStatus('Đã duyệt');
    expect(await report.newDataAlert.count()).toBe(0);
    const approved = await report.downloadWord();
    expect(approved.response.status()).toBe(200);
    const approvedXml = await documentXml(approved.download);
    expect(approvedXml).toContain(SHORTCOMINGS);
    expect(approvedXml).not.toContain(VHXH_DIFFICULTY);

    // Then the standing agency accepts Phòng VH-XH's report, from the report's table of units.
    await report.unitRow(VHXH).getByRole('link', { name: VHXH, exact: true }).click();
    const unitReport = new UnitReportPage(officer);
    await unitReport.heading(VHXH).waitFor();
    await unitReport.waitForStatus('Đã nộp');
    await unitReport.confirmAction('Chấp nhận');
    await unitReport.waitForStatus('Đã chấp nhận');

    // The consolidated report is still the approved one, and says there is new data.
    await officer.goto(path);
    await report.waitForStatus('Đã duyệt');
    await report.newDataAlert.waitFor();
    expect(await report.newDataAlert.textContent()).toContain('Có số liệu mới sau khi duyệt');
    expect(await report.unitIssues(VHXH).count()).toBe(0);
    const again = await report.downloadWord();
    expect(again.download.suggestedFilename()).toBe('bao-cao-tong-hop-2026.docx');
    expect(await documentXml(again.download)).toBe(approvedXml);

    // A supplementary report takes the new data in; the approved version is still downloadable as it was.
    await report.startSupplementaryVersion();
    await report.waitForStatus('Dự thảo');
    await officer.getByTestId('consolidated-version').filter({ hasText: 'Báo cáo bổ sung lần 1' }).waitFor();
    await report.unitIssues(VHXH).waitFor();
    expect(await report.narrativeInput.inputValue()).toBe(NARRATIVE);
    const first = await report.downloadWordOf(1);
    expect(first.response.status()).toBe(200);
    expect(await documentXml(first.download)).toBe(approvedXml);
  });
});

import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsolidatedReportPage } from './page-models/consolidation-page';
import { MyWorkPage } from './page-models/my-work-page';
import { NotificationBell } from './page-models/notification-bell';
import { PlanListPage } from './page-models/plan-list-page';
import type { DemoUser } from './support/auth';
import { useAppInBrowser } from './support/suite';

const PERIOD = 'Năm 2026';
const HCC = 'Trung tâm phục vụ hành chính công';
const VHXH = 'Phòng Văn hóa - Xã hội';
/** Two of the values in the demo's accepted report of the HCC centre (I.5 is 1 710 / 1 900). */
const NON_CONTACT = 'Giao dịch hành chính thuộc diện “phi tiếp xúc”';
const ONLINE_DOSSIERS = 'Hồ sơ thủ tục hành chính xử lý trực tuyến';
const NARRATIVE =
  'Năm 2026, xã Dân Tiến cơ bản hoàn thành các chỉ tiêu về cải cách hành chính và chuyển đổi số.';
const ADDITION = 'Tỷ lệ hồ sơ xử lý trực tuyến đạt 90%, vượt mục tiêu năm.';
const RETURN_REASON = 'Bổ sung đánh giá chỉ tiêu hồ sơ xử lý trực tuyến.';
const OTHER_EDIT = 'Bản của quản trị hệ thống.';
/** The leader of Dân Tiến (server/db/seeds/demo.ts). */
const LEADER: DemoUser = 'dantien.lanhdao';

describe('[CONSOLIDATION] consolidated report: write, send, return, resend, approve, Word', () => {
  const env = useAppInBrowser();
  let officer: Page;
  let leader: Page;
  let admin: Page;

  beforeAll(async () => {
    // Two people, two browser contexts: the standing agency officer of Dân Tiến and its leader.
    officer = await env.pageAs('dantien.vhxh');
    leader = await env.pageAs(LEADER);
    admin = await env.pageAs('admin');
  });

  it('[CONSOLIDATION]: the standing agency sends the 2026 report, the leader returns it, then approves the corrected one', async () => {
    // The officer opens the consolidated report from the period's row of the plan's "Báo cáo" tab.
    const report = new ConsolidatedReportPage(officer);
    await report.openFromPlan('Dân Tiến', PERIOD);
    await report.waitForStatus('Chưa lập');

    // Only the accepted report is in it, and the page says so: the HCC centre in, Phòng VH-XH not yet.
    const coverage = (await report.coverage.textContent()) ?? '';
    expect(coverage).toContain(
      'chỉ lấy số liệu, kết quả và kiến nghị từ các báo cáo đơn vị đã được chấp nhận',
    );
    expect(coverage).toContain(VHXH);
    expect(coverage).not.toContain(HCC);
    expect(await report.unitRow(HCC).textContent()).toContain('Đã chấp nhận');
    expect(await report.unitRow(VHXH).textContent()).toContain('Đã nộp');
    // The figures of the accepted report, with their assessment, and what the unit wrote.
    const nonContact = (await report.indicatorRow(NON_CONTACT).textContent()) ?? '';
    expect(nonContact).toContain('78 %');
    expect(await report.indicatorRow(ONLINE_DOSSIERS).textContent()).toContain('90 %');
    const issues = (await report.unitIssues(HCC).textContent()) ?? '';
    expect(issues).toContain('Đường truyền Internet tại bộ phận một cửa còn chậm vào giờ cao điểm.');
    expect(issues).toContain('Đề nghị UBND xã bổ sung 01 máy quét tài liệu tốc độ cao.');
    // The submitted (not accepted) report of Phòng VH-XH is not consolidated.
    expect(await report.unitIssues(VHXH).count()).toBe(0);
    expect(await officer.getByText('Một bộ phận người cao tuổi chưa có điện thoại thông minh.').count()).toBe(
      0,
    );
    // The officer writes; the leader's buttons are not theirs.
    expect(await report.button('Phê duyệt').count()).toBe(0);
    await report.narrativeInput.fill(NARRATIVE);
    await report.save();
    await report.waitForStatus('Dự thảo');

    // Someone else saves in between: the officer's next save is refused, the text stays, "Tải lại" shows theirs.
    const other = new ConsolidatedReportPage(admin);
    await admin.goto(new URL(officer.url()).pathname);
    await other.waitForStatus('Dự thảo');
    await other.narrativeInput.fill(OTHER_EDIT);
    await other.save();
    await officer.bringToFront();
    await report.narrativeInput.fill(`${NARRATIVE} (sửa)`);
    await report.button('Lưu').click();
    await report.conflictAlert.waitFor();
    expect(await report.narrativeInput.inputValue()).toBe(`${NARRATIVE} (sửa)`);
    await report.reload();
    expect(await report.narrativeInput.inputValue()).toBe(OTHER_EDIT);
    await report.narrativeInput.fill(NARRATIVE);
    await report.save();
    await report.confirmAction('Trình lãnh đạo');
    await report.waitForStatus('Đã trình');
    expect(await report.button('Lưu').count()).toBe(0);
    expect(await report.narrativeText.textContent()).toBe(NARRATIVE);

    // The leader lands on the summary of the locality, which lists the report waiting for approval, as
    // "Việc của tôi" does; the bell tells it too.
    const leaderBell = new NotificationBell(leader);
    const leaderWork = new MyWorkPage(leader);
    await leader.goto('/');
    await leader
      .getByTestId('plan-summary-attention')
      .getByText(`Báo cáo tổng hợp ${PERIOD} chờ phê duyệt`)
      .waitFor();
    expect(new URL(leader.url()).pathname).toBe('/summary');
    await leaderWork.open();
    const waiting = leaderWork.row(leaderWork.consolidatedToApprove, PERIOD);
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain('Cán bộ Phòng Văn hóa - Xã hội (Dân Tiến)');
    await leaderBell.waitForUnread(1);
    await leaderBell.openItem(`Báo cáo tổng hợp chờ phê duyệt: ${PERIOD}`);
    const decision = new ConsolidatedReportPage(leader);
    await decision.heading(PERIOD).waitFor();
    expect(new URL(leader.url()).pathname).toBe(new URL(officer.url()).pathname);
    await decision.waitForStatus('Đã trình');
    expect(await decision.narrativeText.textContent()).toBe(NARRATIVE);
    await leaderBell.waitForUnread(0);
    // The standing agency's buttons are not the leader's.
    expect(await decision.button('Lưu').count()).toBe(0);
    expect(await decision.button('Trình lãnh đạo').count()).toBe(0);
    await decision.returnWithReason(RETURN_REASON);
    await decision.waitForStatus('Bị trả lại');

    // The officer sees the return in the bell, opens it, reads why, completes and sends again.
    const officerBell = new NotificationBell(officer);
    // (Only the leader's count is asserted: the reminder scan may also write to the standing agency.)
    // The list loaded first, so the bell is not opened under a page still loading.
    await new PlanListPage(officer).open();
    await officer.getByRole('table').waitFor();
    await officerBell.open();
    const returned = officerBell.item(`Báo cáo tổng hợp bị trả lại: ${RETURN_REASON}`);
    await returned.waitFor();
    expect(await returned.getAttribute('data-unread')).toBe('true');
    await officerBell.openItem(`Báo cáo tổng hợp bị trả lại: ${RETURN_REASON}`);
    await report.heading(PERIOD).waitFor();
    await report.waitForStatus('Bị trả lại');
    expect(await report.returnedAlert.textContent()).toContain(`Lý do: ${RETURN_REASON}`);
    expect(await report.narrativeInput.inputValue()).toBe(NARRATIVE);
    await report.narrativeInput.fill(`${NARRATIVE}\n${ADDITION}`);
    await report.confirmAction('Trình lãnh đạo');
    await report.waitForStatus('Đã trình');

    // The leader, told again, opens it from "Việc của tôi" and approves: the report is locked.
    await leaderWork.open();
    await leaderBell.waitForUnread(1);
    await waiting.getByRole('button', { name: 'Xem và phê duyệt' }).click();
    await decision.heading(PERIOD).waitFor();
    await decision.waitForStatus('Đã trình');
    expect(await decision.narrativeText.textContent()).toContain(ADDITION);
    await decision.confirmAction('Phê duyệt');
    await decision.waitForStatus('Đã duyệt');
    expect(await decision.button('Phê duyệt').count()).toBe(0);
    expect(await decision.button('Trả lại').count()).toBe(0);
    // Nothing waits for the leader any more.
    await leaderWork.open();
    await leaderWork.consolidatedToApprove
      .getByText('Không có báo cáo tổng hợp nào chờ phê duyệt.')
      .waitFor();

    // The officer sees the approval in the bell, marks everything read, then opens it: locked for good.
    // The list loaded first, so the bell is not opened under a page still loading.
    await new PlanListPage(officer).open();
    await officer.getByRole('table').waitFor();
    await officerBell.open();
    const approval = officerBell.item(`Báo cáo tổng hợp đã được phê duyệt: ${PERIOD}`);
    await approval.waitFor();
    expect(await approval.getAttribute('data-unread')).toBe('true');
    await officerBell.markAllRead();
    await officerBell.waitForUnread(0);
    await officerBell.openItem(`Báo cáo tổng hợp đã được phê duyệt: ${PERIOD}`);
    await report.waitForStatus('Đã duyệt');
    expect(await report.button('Lưu').count()).toBe(0);
    expect(await report.button('Trình lãnh đạo').count()).toBe(0);

    // The Word document is a real .docx, named after the period.
    const { response, download } = await report.downloadWord();
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(download.suggestedFilename()).toBe('bao-cao-tong-hop-2026.docx');
    const bytes = await readFile((await download.path())!);
    // A .docx is a ZIP ("PK\x03\x04") holding word/document.xml.
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it('should say "Đang tạo bản PDF…" while the PDF is made, then save it', async () => {
    const report = new ConsolidatedReportPage(officer);
    // The server's first PDF also starts its LibreOffice: seconds in which the button shows the state.
    const { response, pendingSeen, download } = await report.downloadPdf();
    expect(pendingSeen).toBe(true);
    if (response.status() === 503) {
      // No LibreOffice on this machine: the refusal is said on the page.
      await officer.getByText('chưa cài LibreOffice', { exact: false }).waitFor();
      return;
    }
    expect(response.status()).toBe(200);
    expect(download?.suggestedFilename()).toBe('bao-cao-tong-hop-2026.pdf');
    const bytes = await readFile((await download?.path()) ?? '');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await officer.getByRole('button', { name: /Tải PDF$/ }).waitFor();
  }, 180_000);
});

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from './page-models/dashboard-page';
import { PlanListPage } from './page-models/plan-list-page';
import { UnitReportPage } from './page-models/unit-report-page';
import { smallPdf } from './support/files';
import { useAppInBrowser } from './support/suite';

const HCC = 'Trung tâm HCC';
/** The six indicators Thành Đông's HCC centre leads, with the 2026 values it reports. */
const VALUES: Array<[name: string, value: number]> = [
  ['Thủ tục hành chính giải quyết phi địa giới hành chính', 85],
  ['Thủ tục hành chính liên quan đào tạo, nghiên cứu, sản xuất kinh doanh thực hiện trực tuyến', 100],
  ['Giao dịch hành chính thuộc diện “phi tiếp xúc”', 70],
  ['Hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa', 92],
  ['Dịch vụ công trực tuyến toàn trình (đủ điều kiện)', 100],
];
const ONLINE_DOSSIERS = 'Hồ sơ thủ tục hành chính xử lý trực tuyến';
const NON_CONTACT = 'Giao dịch hành chính thuộc diện “phi tiếp xúc”';
const RETURN_REASON =
  'Tỷ lệ giao dịch phi tiếp xúc chưa khớp số liệu của Cổng dịch vụ công, đề nghị rà soát lại.';
const EVIDENCE = smallPdf('minh-chung-hcc-2026.pdf');

describe('[REPORTS] unit report: fill, submit, return, resubmit, accept, dashboard', () => {
  const env = useAppInBrowser();
  let officer: Page;
  let standing: Page;

  beforeAll(async () => {
    // Two people, two browser contexts: the HCC unit officer and the standing agency (Phòng VH-XH).
    officer = await env.pageAs('thanhdong.hcc');
    standing = await env.pageAs('thanhdong.vhxh');
  });

  it('[REPORTS]: the HCC centre reports 2026, is returned, fixes and resubmits; the standing agency accepts; the dashboard shows it', async () => {
    // The standing agency finds the plan, its id, and the HCC centre not yet rated on the dashboard.
    const plans = new PlanListPage(standing);
    const planId = await plans.openPlanFromList('Thành Đông');
    await standing.getByRole('tab', { name: 'Báo cáo' }).click();
    const obligationRow = standing
      .getByRole('row')
      .filter({ has: standing.getByRole('link', { name: HCC }) });
    expect(await obligationRow.textContent()).toContain('Chưa bắt đầu');
    const dashboard = new DashboardPage(standing);
    await dashboard.open(planId);
    expect(await dashboard.unitRow(HCC).textContent()).toContain('Chưa đánh giá');

    // The unit officer lands on "Việc của tôi" and opens the 2026 report.
    await officer.goto('/');
    await officer.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
    const workRow = officer.getByRole('row').filter({ hasText: 'Năm 2026' }).filter({ hasText: HCC });
    // The 2025 report was never filed: it stays on the list, marked overdue.
    const overdueRow = officer.getByRole('row').filter({ hasText: 'Năm 2025' }).filter({ hasText: HCC });
    expect(await overdueRow.textContent()).toMatch(/quá hạn \d+ ngày/);
    await workRow.getByRole('button', { name: 'Nhập báo cáo' }).click();
    const report = new UnitReportPage(officer);
    await report.heading(HCC).waitFor();
    await report.waitForStatus('Chưa bắt đầu');

    for (const [name, value] of VALUES) await report.valueInput(name).fill(String(value));
    // A % indicator may be reported as numerator / denominator: the rate is computed on screen.
    await report.numeratorInput(ONLINE_DOSSIERS).fill('1530');
    await report.denominatorInput(ONLINE_DOSSIERS).fill('1800');
    expect(await report.valueInput(ONLINE_DOSSIERS).inputValue()).toBe('85');
    await report.difficulties.fill('Một số thủ tục chưa kết nối được với Cổng dịch vụ công quốc gia.');
    // The first evidence file saves the draft (evidence hangs on a saved report).
    await report.uploadEvidence(EVIDENCE);
    await report.waitForStatus('Đang soạn');
    await report.confirmAction('Nộp báo cáo');
    await report.waitForStatus('Đã nộp');

    // Submitted but not yet accepted: nothing of it is verified, so the unit waits unrated.
    await dashboard.open(planId);
    await dashboard.unitRow(HCC).filter({ hasText: 'Chờ duyệt' }).waitFor();
    expect(await dashboard.unitRow(HCC).textContent()).not.toContain('Xanh');

    // The standing agency opens it from the obligations table and returns it with a reason.
    await standing.goto(`/plans/${planId}?tab=reports`);
    await obligationRow.filter({ hasText: 'Đã nộp' }).waitFor();
    await obligationRow.getByRole('link', { name: HCC }).click();
    const review = new UnitReportPage(standing);
    await review.heading(HCC).waitFor();
    await standing.getByRole('link', { name: EVIDENCE.name }).waitFor();
    await review.returnWithReason(RETURN_REASON);
    await review.waitForStatus('Bị trả lại');

    // The officer sees what was returned and why, fixes the value and submits again.
    await officer.goto('/my-work');
    await officer.getByText(`Bị trả lại: ${RETURN_REASON}`).waitFor();
    await workRow.getByRole('button', { name: 'Nhập báo cáo' }).click();
    await report.returnedAlert.filter({ hasText: RETURN_REASON }).waitFor();
    expect(await report.valueInput(NON_CONTACT).inputValue()).toBe('70');
    await report.valueInput(NON_CONTACT).fill('82');
    await report.confirmAction('Nộp báo cáo');
    await report.waitForStatus('Đã nộp');

    // The standing agency accepts the corrected report.
    await standing.reload();
    await review.waitForStatus('Đã nộp');
    await review.confirmAction('Chấp nhận');
    await review.waitForStatus('Đã chấp nhận');

    // The dashboard now shows the accepted values with their status, and the unit rated.
    await dashboard.open(planId);
    const nonContact = dashboard.indicatorRow(NON_CONTACT);
    await nonContact.filter({ hasText: '82 %' }).waitFor();
    expect(await nonContact.textContent()).toContain('Đạt');
    const online = dashboard.indicatorRow(ONLINE_DOSSIERS);
    expect(await online.textContent()).toContain('85 %');
    expect(await online.textContent()).toContain('Đạt');
    const unitText = (await dashboard.unitRow(HCC).textContent()) ?? '';
    expect(unitText).toContain('Xanh');
    expect(unitText).not.toContain('Chưa đánh giá');
    expect(unitText).toContain('Đã chấp nhận');

    // …and the obligations table of the period says so too.
    await standing.goto(`/plans/${planId}?tab=reports`);
    await obligationRow.filter({ hasText: 'Đã chấp nhận' }).waitFor();
  });

  it('[REPORTS]: a numerator above its denominator is refused on its row; a save made meanwhile elsewhere keeps the input and offers the latest version', async () => {
    const first = await env.pageAs('thanhdong.hcc');
    const second = await env.pageAs('thanhdong.hcc');
    await first.goto('/my-work');
    await first
      .getByRole('row')
      .filter({ hasText: 'Năm 2025' })
      .filter({ hasText: HCC })
      .getByRole('button', { name: 'Nhập báo cáo' })
      .click();
    const report = new UnitReportPage(first);
    await report.heading(HCC).waitFor();

    await report.numeratorInput(ONLINE_DOSSIERS).fill('1900');
    await report.denominatorInput(ONLINE_DOSSIERS).fill('1800');
    await report.saveDraft();
    await report.rowError('Tử số không được lớn hơn mẫu số').waitFor();
    await report.denominatorInput(ONLINE_DOSSIERS).fill('2000');
    await report.saveDraft();
    await report.waitForStatus('Đang soạn');

    // The same officer, in another browser, saves a value in the meantime.
    await second.goto(first.url());
    const other = new UnitReportPage(second);
    await other.waitForStatus('Đang soạn');
    await other.valueInput(VALUES[0]![0]).fill('60');
    await other.saveDraft();
    await second.getByText('Đã lưu nháp').waitFor();

    await first.bringToFront();
    await report.valueInput(VALUES[0]![0]).fill('75');
    await report.saveDraft();
    await first.getByRole('alert').filter({ hasText: 'Báo cáo vừa được người khác cập nhật' }).waitFor();
    expect(await report.valueInput(VALUES[0]![0]).inputValue()).toBe('75');
    await first.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await first
      .getByRole('alert')
      .filter({ hasText: 'Báo cáo vừa được người khác cập nhật' })
      .waitFor({ state: 'hidden' });
    expect(await report.valueInput(VALUES[0]![0]).inputValue()).toBe('60');
    await first.context().close();
    await second.context().close();
  });
  it('[REPORTS]: a correction of the accepted report makes version 2; the dashboard links to it and version 1 stays readable', async () => {
    const plans = new PlanListPage(standing);
    const planId = await plans.openPlanFromList('Thành Đông');

    // The officer opens the accepted 2026 report and corrects a value.
    await officer.goto('/my-work');
    await officer
      .getByRole('row')
      .filter({ hasText: 'Năm 2026' })
      .filter({ hasText: HCC })
      .getByRole('button', { name: 'Mở' })
      .click();
    const report = new UnitReportPage(officer);
    await report.waitForStatus('Đã chấp nhận');
    await report.confirmAction('Tạo bản điều chỉnh');
    await report.waitForStatus('Đang soạn');
    await report.valueInput(NON_CONTACT).fill('88');
    await report.confirmAction('Nộp báo cáo');
    await report.waitForStatus('Đã nộp');
    const review = new UnitReportPage(standing);
    await standing.goto(officer.url());
    await review.waitForStatus('Đã nộp');
    await review.confirmAction('Chấp nhận');
    await review.waitForStatus('Đã chấp nhận');

    // The dashboard's source of the number leads to the accepted version 2.
    const dashboard = new DashboardPage(standing);
    await dashboard.open(planId);
    await dashboard.indicatorRow(NON_CONTACT).filter({ hasText: '88 %' }).waitFor();
    await dashboard.openSource(NON_CONTACT);
    await review.heading(HCC).waitFor();
    await review.waitForStatus('Đã chấp nhận');
    expect(await review.valueInput(NON_CONTACT).count()).toBe(0);

    // Version 1 is still there, read-only, clearly labelled.
    await review.viewEarlierVersion(1);
    await review.earlierVersionBanner.waitFor();
    expect(await review.earlierVersionBanner.textContent()).toMatch(
      /Bản 1 — đã được chấp nhận ngày \d{2}\/\d{2}\/\d{4}, đã thay bằng bản 2/,
    );
    await review.waitForStatus('Đã thay thế');
    const oldRow = (await standing.getByRole('row').filter({ hasText: NON_CONTACT }).textContent()) ?? '';
    expect(oldRow).toContain('82 %');
    expect(oldRow).not.toContain('88 %');
    await standing.getByRole('button', { name: 'Về bản hiện hành' }).first().click();
    await review.earlierVersionBanner.waitFor({ state: 'hidden' });
  });
});

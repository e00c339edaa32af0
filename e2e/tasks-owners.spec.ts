/**
 * Tasks with owners, reports entered on a unit's behalf, and a session that expires while typing.
 * Thành Đông's plan prints no lead unit for 27 of its 28 tasks; Công an phường leads one indicator
 * and has no account.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlanListPage } from './page-models/plan-list-page';
import { TaskAssignment } from './page-models/task-owners';
import { UnitReportPage } from './page-models/unit-report-page';
import { DEMO_DISPLAY_NAMES, DEMO_PASSWORD } from './support/auth';
import { smallPdf } from './support/files';
import { useAppInBrowser } from './support/suite';

const ECONOMY = 'Phòng Kinh tế, Hạ tầng và Đô thị';
const POLICE = 'Công an phường';
const HCC = 'Trung tâm HCC';
const PAPER_SCAN = smallPdf('bao-cao-giay-cong-an-phuong.pdf');

describe('[TASKS] owners of tasks, entry on behalf, an expired session', () => {
  const env = useAppInBrowser();
  let standing: Page;
  let planId: string;

  beforeAll(async () => {
    standing = await env.pageAs('thanhdong.vhxh');
    planId = await new PlanListPage(standing).openPlanFromList('Thành Đông');
  });

  it('[TASKS]: the standing agency assigns 10 tasks in one action; the unit officer finds them in its report from "Việc của tôi"', async () => {
    const assignment = new TaskAssignment(standing);
    await assignment.warning.filter({ hasText: '27 nhiệm vụ chưa có đơn vị chủ trì' }).waitFor();
    await assignment.warning.getByRole('link', { name: 'Giao đơn vị chủ trì' }).click();
    expect(
      await standing.getByRole('checkbox', { name: 'Chỉ hiện nhiệm vụ chưa có đơn vị chủ trì' }).isChecked(),
    ).toBe(true);
    const names = await assignment.selectFirst(10);
    await assignment.assignSelected(10, ECONOMY);
    await assignment.warning.filter({ hasText: '17 nhiệm vụ chưa có đơn vị chủ trì' }).waitFor();

    const officer = await env.pageAs('thanhdong.kinhte');
    await officer.goto('/my-work');
    await officer.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
    const workRow = officer.getByRole('row').filter({ hasText: 'Năm 2026' }).filter({ hasText: ECONOMY });
    await workRow.getByRole('button', { name: 'Nhập báo cáo' }).click();
    await new UnitReportPage(officer).heading(ECONOMY).waitFor();
    for (const name of names) await officer.getByText(name, { exact: true }).first().waitFor();
    await officer.context().close();
  });

  it('[TASKS]: the standing agency enters Công an phường’s report on its behalf; the report says who entered it', async () => {
    await standing.goto(`/plans/${planId}?tab=reports`);
    const row = standing.getByRole('row').filter({ has: standing.getByRole('link', { name: POLICE }) });
    await row.getByRole('button', { name: `Nhập thay báo cáo của ${POLICE}` }).click();
    await standing.getByRole('button', { name: 'Nhập thay', exact: true }).last().click();
    const report = new UnitReportPage(standing);
    await report.heading(POLICE).waitFor();
    const banner = standing.getByTestId('on-behalf-banner');
    await banner
      .filter({
        hasText: `Nhập thay bởi ${DEMO_DISPLAY_NAMES['thanhdong.vhxh']} (Phòng Văn hóa - Xã hội) cho ${POLICE}`,
      })
      .waitFor();
    await report.difficulties.fill('Theo báo cáo giấy số 15/BC-CAP ngày 20/11/2026.');
    await report.saveDraft();
    await report.waitForStatus('Đang soạn');

    const chooser = standing.waitForEvent('filechooser');
    await banner.getByRole('button', { name: 'Đính kèm bản chụp báo cáo giấy' }).click();
    await (await chooser).setFiles(PAPER_SCAN);
    await banner.getByRole('link', { name: PAPER_SCAN.name }).waitFor();
    // The paper report gives no figures: each value the unit leads is explained as not yet available.
    await report.submit({ everyMissingReason: 'Báo cáo giấy số 15/BC-CAP chưa có số liệu này.' });
    await report.waitForStatus('Đã nộp');

    await standing.reload();
    await report.waitForStatus('Đã nộp');
    expect(await banner.textContent()).toContain(`cho ${POLICE}`);
    await standing.goto(`/plans/${planId}?tab=reports`);
    await row.filter({ hasText: 'Đã nộp' }).waitFor();
  });

  it('[TASKS]: a session that expires mid-typing asks for the password in place and keeps the text', async () => {
    const officer = await env.pageAs('thanhdong.hcc');
    await officer.goto('/my-work');
    const workRow = officer.getByRole('row').filter({ hasText: 'Năm 2026' }).filter({ hasText: HCC });
    await workRow.getByRole('button', { name: 'Nhập báo cáo' }).click();
    const report = new UnitReportPage(officer);
    await report.heading(HCC).waitFor();

    const text = 'Đường truyền tới Cổng dịch vụ công chập chờn trong tháng 11, cần hỗ trợ kỹ thuật.';
    // The session ends while the page is open (the cookie is gone, as after an expiry).
    await officer.context().clearCookies();
    await report.difficulties.fill(text);
    await report.saveDraft();
    const dialog = officer.getByRole('dialog', { name: 'Phiên đăng nhập đã hết hạn' });
    await dialog.getByText('Phiên đăng nhập đã hết hạn. Nhập lại mật khẩu để tiếp tục.').waitFor();
    expect(officer.url()).not.toContain('/login');
    await dialog.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Tiếp tục' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await report.waitForStatus('Đang soạn');
    expect(await report.difficulties.inputValue()).toBe(text);

    // Saved on the server: a fresh load shows it.
    await officer.reload();
    await report.waitForStatus('Đang soạn');
    expect(await report.difficulties.inputValue()).toBe(text);
    await officer.context().close();
  });
});

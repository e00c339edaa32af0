/**
 * The consolidated report of Dân Tiến for 2026 (demo: one accepted unit report, one submitted):
 * built from the accepted reports, written and sent by the standing agency, decided by the leader; each
 * step tells the people who act next, and nobody in another locality.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPeriodId, findPlan } from '../../test/demo-lookups';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

type NotificationJson = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  target: unknown;
};

describe('consolidated report', () => {
  let t: TestApp;
  let standing: Client;
  let leader: Client;
  let unitOfficer: Client;
  let otherLeader: Client;
  let otherStanding: Client;
  let periodId: string;
  let planId: string;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    standing = await t.signIn('dantien.vhxh');
    unitOfficer = await t.signIn('dantien.hcc');
    leader = await t.signIn('dantien.lanhdao');
    otherLeader = await t.signIn('thanhdong.lanhdao');
    otherStanding = await t.signIn('thanhdong.vhxh');
    const plan = await findPlan(t, 'Dân Tiến');
    planId = plan.id;
    periodId = await findPeriodId(standing, planId, '2026');
  });
  afterAll(() => t.close());

  const url = () => `/api/v1/reporting-periods/${periodId}/consolidated-report`;
  /** The consolidated report notifications of a user, newest first. */
  const consolidatedNotifications = async (client: Client): Promise<NotificationJson[]> =>
    (await client.call('GET', '/api/v1/notifications')).body.data.items.filter((row: NotificationJson) =>
      row.kind.startsWith('consolidated_'),
    );

  it('should gather the accepted reports and show exactly the figures of the dashboard', async () => {
    const report = (await standing.call('GET', url())).body.data;
    expect(report).toMatchObject({ id: null, status: null, revision: 0, can: { edit: true, decide: false } });
    expect(report.units).toEqual([
      expect.objectContaining({
        unitName: 'Trung tâm phục vụ hành chính công',
        difficulties: 'Đường truyền Internet tại bộ phận một cửa còn chậm vào giờ cao điểm.',
        proposals: 'Đề nghị UBND xã bổ sung 01 máy quét tài liệu tốc độ cao.',
      }),
    ]);
    const dashboard = (await standing.call('GET', `/api/v1/plans/${planId}/dashboard?periodId=${periodId}`))
      .body.data;
    expect(report.dashboard.indicators).toEqual(dashboard.indicators);
    expect(report.dashboard.units).toEqual(dashboard.units);
    expect(report.dashboard.counts).toEqual(dashboard.counts);
  });

  it('should refuse writers other than the standing agency', async () => {
    expect((await unitOfficer.call('PUT', url(), { revision: 0, narrative: 'x' })).status).toBe(403);
    expect((await leader.call('PUT', url(), { revision: 0, narrative: 'x' })).status).toBe(403);
    expect((await otherStanding.call('GET', url())).status).toBe(404);
    expect((await otherLeader.call('GET', url())).status).toBe(404);
  });

  it('should go draft → sent → returned → draft → sent → approved, locked at the end', async () => {
    const draft = await standing.call('PUT', url(), {
      revision: 0,
      narrative: 'Năm 2026, xã Dân Tiến cơ bản hoàn thành các chỉ tiêu...',
    });
    expect(draft.body.data).toMatchObject({ status: 'draft', revision: 1 });
    expect((await standing.call('PUT', url(), { revision: 0, narrative: 'ghi đè' })).status).toBe(409);
    const id = draft.body.data.id;

    expect(
      (await leader.call('POST', `/api/v1/consolidated-reports/${id}/approve`, { revision: 1 })).body.error,
    ).toBe('report_locked');
    const sent = await standing.call('POST', `/api/v1/consolidated-reports/${id}/send`, { revision: 1 });
    expect(sent.body.data).toMatchObject({
      status: 'sent',
      sentByName: 'Cán bộ Phòng Văn hóa - Xã hội (Dân Tiến)',
      can: { edit: false },
    });
    expect((await standing.call('PUT', url(), { revision: 2, narrative: 'sửa' })).body.message).toBe(
      'Báo cáo tổng hợp đã trình lãnh đạo, chưa sửa được.',
    );
    expect(
      (await standing.call('POST', `/api/v1/consolidated-reports/${id}/approve`, { revision: 2 })).status,
    ).toBe(403);

    const leaderView = (await leader.call('GET', url())).body.data;
    expect(leaderView.can).toEqual({ edit: false, decide: true });
    const returned = await leader.call('POST', `/api/v1/consolidated-reports/${id}/return`, {
      revision: 2,
      reason: 'Bổ sung đánh giá chỉ tiêu hồ sơ trực tuyến',
    });
    expect(returned.body.data).toMatchObject({
      status: 'returned',
      returnReason: 'Bổ sung đánh giá chỉ tiêu hồ sơ trực tuyến',
      decidedByName: 'Lãnh đạo UBND xã Dân Tiến',
    });

    const fixed = await standing.call('PUT', url(), { revision: 3, narrative: 'Đã bổ sung đánh giá.' });
    expect(fixed.body.data.status).toBe('draft');
    const resent = await standing.call('POST', `/api/v1/consolidated-reports/${id}/send`, { revision: 4 });
    const approved = await leader.call('POST', `/api/v1/consolidated-reports/${id}/approve`, {
      revision: resent.body.data.revision,
    });
    expect(approved.body.data).toMatchObject({
      status: 'approved',
      narrative: 'Đã bổ sung đánh giá.',
      returnReason: null,
    });
    expect(
      (await standing.call('PUT', url(), { revision: approved.body.data.revision, narrative: 'x' })).body
        .message,
    ).toBe('Báo cáo tổng hợp đã được phê duyệt và khóa.');
  });

  it('should tell the leader of the locality of each sending, and the standing agency of the decisions', async () => {
    const leaderNotes = await consolidatedNotifications(leader);
    // Sent twice (the first time returned): two notifications, each opening the report.
    expect(leaderNotes.map((row) => row.kind)).toEqual(['consolidated_sent', 'consolidated_sent']);
    expect(leaderNotes[0]).toMatchObject({
      title: 'Báo cáo tổng hợp chờ phê duyệt: Năm 2026',
      link: `/reporting-periods/${periodId}/consolidated`,
      target: { kind: 'consolidated_report', periodId },
    });
    expect(leaderNotes[0]!.body).toContain('Cơ quan thường trực đã trình báo cáo tổng hợp Năm 2026');

    const standingNotes = await consolidatedNotifications(standing);
    // The test clock stands still, so the order of notifications of the same instant is not asserted.
    standingNotes.sort((a, b) => a.kind.localeCompare(b.kind));
    expect(standingNotes.map((row) => [row.kind, row.title])).toEqual([
      ['consolidated_approved', 'Báo cáo tổng hợp đã được phê duyệt: Năm 2026'],
      ['consolidated_returned', 'Báo cáo tổng hợp bị trả lại: Bổ sung đánh giá chỉ tiêu hồ sơ trực tuyến'],
    ]);
    expect(standingNotes[1]!.body).toContain('Lý do: Bổ sung đánh giá chỉ tiêu hồ sơ trực tuyến');
    expect(standingNotes[1]!.target).toEqual({ kind: 'consolidated_report', periodId });

    // Nobody else: not the unit officers, not the leader or the standing agency of another locality.
    expect(await consolidatedNotifications(unitOfficer)).toEqual([]);
    expect(await consolidatedNotifications(otherLeader)).toEqual([]);
    expect(await consolidatedNotifications(otherStanding)).toEqual([]);
    // And a notification is read only by its owner.
    const refused = await otherLeader.call('POST', `/api/v1/notifications/${leaderNotes[0]!.id}/read`);
    expect(refused.status).toBe(404);
  });
});

/**
 * The dashboard on the demo data (test clock: 25/11/2026). Dân Tiến's current period (2026, due
 * 31/12) has an accepted report of Trung tâm phục vụ hành chính công and a submitted one of Phòng
 * Văn hóa - Xã hội; its targets are 2025 and stage years, so 2026 values sit on a path to 2030.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

describe('GET /api/v1/plans/:id/dashboard', () => {
  let t: TestApp;
  let leader: Client;
  let danTienPlanId: string;
  let thanhDongPlanId: string;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    const plans: Array<{ id: string; localityName: string }> = (await t.call('GET', '/api/v1/plans')).body
      .data;
    danTienPlanId = plans.find((plan) => plan.localityName === 'Dân Tiến')!.id;
    thanhDongPlanId = plans.find((plan) => plan.localityName === 'Thành Đông')!.id;
    leader = await t.signIn('dantien.vhxh');
  });
  afterAll(() => t.close());

  it('should evaluate each indicator of the current period against its path, from accepted reports only', async () => {
    const response = await leader.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard`);
    expect(response.status).toBe(200);
    const dashboard = response.body.data;
    expect(dashboard.period).toMatchObject({ key: '2026', dueDate: '2026-12-31', dataTo: '2026-12-14' });
    const byCode = Object.fromEntries(
      dashboard.indicators.map(
        (row: { code: string; status: string; value: number | null; expected: number | null }) => [
          row.code,
          [row.status, row.value, row.expected],
        ],
      ),
    );
    expect(byCode).toEqual({
      'I.1': ['no_data', null, null],
      // These are flows within the year (measure "period"): the path is read at the year end, 31/12/2026.
      'I.2': ['on_track', 78, 76],
      'I.3': ['on_track', 99, 98.4],
      'I.4': ['achieved', 100, null],
      'I.5': ['behind', 90, 92.6],
      'II.7': ['at_risk', 85, null],
      'III.15': ['at_risk', 40, null],
      'V.22': ['no_data', null, null],
      'V.23': ['no_data', null, null],
    });
    expect(dashboard.counts.indicators).toEqual({
      achieved: 1,
      on_track: 2,
      at_risk: 2,
      behind: 1,
      no_data: 3,
      needs_judgement: 0,
    });
    expect(dashboard.counts.pendingReview).toBe(1);
  });

  it('should show the interpolated path value as the target of a year the plan prints none for, labelled as such', async () => {
    const dashboard = (await leader.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard`)).body.data;
    type Row = {
      code: string;
      status: string;
      milestoneYear: number | null;
      targetText: string | null;
      milestone: { year: number; kind: string; text: string; interpolated: string | null } | null;
      leadUnitId: string;
      targets: Array<{ year: number; value: number | null }>;
    };
    const rows: Row[] = dashboard.indicators;
    const online = rows.find((row) => row.code === 'I.5')!;
    // Dân Tiến prints 2025 and stage targets only: 2026's target is the value on the straight path to the
    // 2030 milestone at the end of 2026 (issue #11: not the 2030 milestone shown as the year's target).
    expect(online.milestone).toMatchObject({ year: 2030, kind: 'path' });
    expect(online.targetText).toBe(
      `Theo lộ trình (nội suy): ${online.milestone!.interpolated} (mốc 2030: ${online.milestone!.text})`,
    );
    const from = online.targets.find((target) => target.year === 2025)!.value!;
    const to = online.targets.find((target) => target.year === 2030)!.value!;
    const interpolated = Number(/[\d,]+/.exec(online.milestone!.interpolated!)![0].replace(',', '.'));
    expect(interpolated).toBeGreaterThan(Math.min(from, to));
    expect(interpolated).toBeLessThan(Math.max(from, to));
    expect(interpolated).toBeCloseTo(from + (to - from) / 5, 0);
    for (const row of rows.filter((item) => item.status !== 'no_data')) {
      expect(row.milestone?.year, row.code).toBe(row.milestoneYear);
    }
    // The unit's report form shows the same target.
    const form = (
      await leader.call(
        'GET',
        `/api/v1/reporting-periods/${dashboard.period.id}/units/${online.leadUnitId}/report`,
      )
    ).body.data;
    expect(form.indicators.find((row: { code: string }) => row.code === 'I.5')).toMatchObject({
      targetText: online.targetText,
      milestone: online.milestone,
    });
  });

  it('should trace every number to the unit report, the people and the evidence behind it', async () => {
    const dashboard = (await leader.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard`)).body.data;
    const online = dashboard.indicators.find((row: { code: string }) => row.code === 'I.5');
    expect(online.source).toMatchObject({
      periodId: dashboard.period.id,
      unitId: online.leadUnitId,
      unitName: 'Trung tâm phục vụ hành chính công',
      version: 1,
      submittedByName: 'Cán bộ Trung tâm phục vụ hành chính công (Dân Tiến)',
      reviewedByName: 'Cán bộ Phòng Văn hóa - Xã hội (Dân Tiến)',
      attachmentCount: 0,
    });
    expect(online.series).toEqual([
      { periodKey: '2026', label: 'Năm 2026', dataTo: '2026-12-14', value: 90 },
    ]);
    const report = await leader.call(
      'GET',
      `/api/v1/reporting-periods/${dashboard.period.id}/units/${online.leadUnitId}/report`,
    );
    expect(report.body.data.report.id).toBe(online.source.reportId);
    expect(report.body.data.indicators.find((row: { code: string }) => row.code === 'I.5')).toMatchObject({
      numerator: 1710,
      denominator: 1900,
      value: 90,
    });
  });

  it('should score, colour and rank only units with verified data; a submitted report waits for review unscored', async () => {
    const dashboard = (await leader.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard`)).body.data;
    expect(
      dashboard.units.map(
        (row: {
          unitName: string;
          evaluation: string;
          score: number | null;
          colour: string;
          rank: number | null;
          timeliness: string;
        }) => [row.unitName, row.evaluation, row.score, row.colour, row.rank, row.timeliness],
      ),
    ).toEqual([
      ['Trung tâm phục vụ hành chính công', 'scored', 77.8, 'yellow', 1, 'on_time'],
      // Submitted on time but not yet accepted: nothing of it is verified, so no score and no colour.
      ['Phòng Văn hóa - Xã hội', 'pending_review', null, 'none', null, 'on_time'],
      ['Phòng Kinh tế', 'not_evaluated', null, 'none', null, 'not_due'],
    ]);
  });

  it('should show overdue tasks of a plan that has no report yet', async () => {
    const dashboard = (await t.call('GET', `/api/v1/plans/${thanhDongPlanId}/dashboard`)).body.data;
    expect(dashboard.counts.indicators.no_data).toBe(25);
    const overdue = dashboard.tasks.filter(
      (row: { status: string; deadlineText: string }) => row.status === 'in_progress_late',
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((row: { deadlineText: string }) => /2025|2026/.test(row.deadlineText))).toBe(true);
    expect(
      dashboard.tasks.find((row: { deadlineText: string | null }) => row.deadlineText === 'Thường xuyên')
        .status,
    ).toBe('recurring_missing');
  });

  it('should hide another locality’s plan (404) and refuse a period of another plan', async () => {
    const outsider = await t.signIn('thanhdong.hcc');
    expect((await outsider.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard`)).status).toBe(404);
    const otherPeriod = (await t.call('GET', `/api/v1/plans/${thanhDongPlanId}/reporting-periods`)).body
      .data[0].id;
    const mismatch = await t.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard?periodId=${otherPeriod}`);
    expect(mismatch.status).toBe(404);
    expect(mismatch.body.message).toBe('Không tìm thấy kỳ báo cáo.');
  });

  // Changes the demo data: keep it last.
  it('should score a unit once its report is accepted, and keep scoring the accepted version during a correction', async () => {
    const filer = await t.signIn('dantien.vanhoa');
    const before = (await leader.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard`)).body.data;
    const vhxh = before.units.find((row: { unitName: string }) => row.unitName === 'Phòng Văn hóa - Xã hội');
    const form = (
      await leader.call('GET', `/api/v1/reporting-periods/${before.period.id}/units/${vhxh.unitId}/report`)
    ).body.data;
    const accepted = await leader.call('POST', `/api/v1/unit-reports/${form.report.id}/accept`, {
      revision: form.report.revision,
    });
    expect(accepted.status).toBe(200);
    const unitRow = async () =>
      (await leader.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard`)).body.data.units.find(
        (row: { unitId: string }) => row.unitId === vhxh.unitId,
      );
    const afterAccept = await unitRow();
    expect(afterAccept).toMatchObject({
      evaluation: 'scored',
      timeliness: 'on_time',
      rank: expect.any(Number),
    });
    expect(afterAccept.score).not.toBeNull();
    expect(afterAccept.colour).not.toBe('none');

    const correction = await filer.call('POST', `/api/v1/unit-reports/${form.report.id}/corrections`);
    expect(correction.status).toBe(201);
    expect(await unitRow()).toMatchObject({
      evaluation: 'scored',
      score: afterAccept.score,
      timeliness: 'on_time',
      reportStatus: 'draft',
    });
  });
  // Adds an indicator and an ad hoc 2025 period: after the test above, which must stay last of those that
  // read the demo's own figures.
  it('should print the same year target on the unit report form as on the dashboard: one function, the same direction and measured baseline', async () => {
    const hcc = await t.signIn('dantien.hcc');
    const dashboard = (await leader.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard`)).body.data;
    const hccUnitId = dashboard.indicators.find((row: { code: string }) => row.code === 'I.5').leadUnitId;
    // Only a 2030 milestone: the 2026 target is on the path from the value measured in the baseline year.
    const created = await leader.call('POST', `/api/v1/plans/${danTienPlanId}/indicators`, {
      name: 'Tỷ lệ hồ sơ giải quyết quá hạn',
      unit: '%',
      direction: 'decrease',
      leadUnitId: hccUnitId,
      baselineYear: 2025,
      targets: [{ year: 2030, op: '<=', value: 10, rawText: '≤ 10' }],
    });
    expect(created.status).toBe(201);
    const indicatorId = created.body.data.id;
    const adhoc = await leader.call('POST', `/api/v1/plans/${danTienPlanId}/reporting-periods`, {
      label: 'Số liệu năm cơ sở 2025',
      dataFrom: '2025-01-01',
      dataTo: '2025-12-31',
      dueDate: '2026-12-31',
    });
    expect(adhoc.status).toBe(201);
    const url2025 = `/api/v1/reporting-periods/${adhoc.body.data.id}/units/${hccUnitId}/report`;
    const blank = (await hcc.call('GET', url2025)).body.data;
    const saved = await hcc.call('PUT', url2025, {
      revision: 0,
      values: blank.indicators.map((row: { indicatorId: string }) =>
        row.indicatorId === indicatorId
          ? { indicatorId, value: 40 }
          : { indicatorId: row.indicatorId, missingReason: 'Không thu thập trong kỳ bổ sung' },
      ),
      taskUpdates: [],
    });
    expect(saved.status).toBe(200);
    const report = saved.body.data.report;
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${report.id}/submit`, {
      revision: report.revision,
    });
    expect(submitted.status).toBe(200);
    const accepted = await leader.call('POST', `/api/v1/unit-reports/${report.id}/accept`, {
      revision: submitted.body.data.report.revision,
    });
    expect(accepted.status).toBe(200);

    const row = (
      await leader.call('GET', `/api/v1/plans/${danTienPlanId}/dashboard`)
    ).body.data.indicators.find((item: { id: string }) => item.id === indicatorId);
    // 40 measured in 2025, ≤ 10 by 2030: a fifth of the way at the end of 2026 (by days, as the evaluation).
    expect(row.milestone).toMatchObject({ year: 2030, kind: 'path', interpolated: '≤ 34%' });
    const form = (
      await hcc.call('GET', `/api/v1/reporting-periods/${dashboard.period.id}/units/${hccUnitId}/report`)
    ).body.data;
    const formRow = form.indicators.find((item: { indicatorId: string }) => item.indicatorId === indicatorId);
    expect({ targetText: formRow.targetText, milestone: formRow.milestone }).toEqual({
      targetText: row.targetText,
      milestone: row.milestone,
    });
  });
});

/**
 * The overview of a province (test clock: 25/11/2026; annual reports due 30/11, data to 14/11).
 *
 * On the demo (the national register, with two plans): Hải Phòng (114 communes and wards) has Thành
 * Đông's plan (nothing reported yet), Thái Nguyên (92) has Dân Tiến's (Trung tâm phục vụ hành chính công
 * accepted, Phòng Văn hóa - Xã hội submitted); the other communes have no plan. On factories: a province of four
 * communes whose reports make a ranking and a roll-up that can be checked by hand.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommunePlan, buildUser, explainedValues } from '../../test/factories';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

type OverviewRow = {
  localityId: string;
  name: string;
  plans: Array<{ planId: string; period: { key: string } | null }>;
  reports: Record<string, number>;
  indicators: Record<string, number>;
  indicatorCount: number;
  taskCount: number;
  overdueTasks: number;
  evaluation: string;
  score: number | null;
  colour: string;
  rank: number | null;
};
type RollupRow = {
  catalogCode: string;
  method: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
  included: number;
  best: { localityName: string; value: number } | null;
  worst: { localityName: string; value: number } | null;
  values: null | Array<{
    localityName: string;
    value: number | null;
    excluded: string | null;
    reportId: string | null;
  }>;
};

describe('GET /api/v1/localities/:id/overview on the demo', () => {
  let t: TestApp;
  let provinceUser: Client;
  let localities: Array<{ id: string; name: string }>;
  let plans: Array<{ id: string; localityName: string }>;
  const idOf = (name: string) => localities.find((row) => row.name === name)!.id;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    provinceUser = await t.signIn('haiphong.thanhtra');
    // The provinces the tests name (Hải Phòng, Thái Nguyên): 34 of them, one page.
    localities = (await t.call('GET', '/api/v1/localities?level=province')).body.data;
    plans = (await t.call('GET', '/api/v1/plans')).body.data;
  });
  afterAll(() => t.close());

  it('should show a province officer their ward with the figures of its plan dashboard', async () => {
    const response = await provinceUser.call('GET', `/api/v1/localities/${idOf('Hải Phòng')}/overview`);
    expect(response.status).toBe(200);
    const overview = response.body.data;
    expect(overview).toMatchObject({ year: 2026, asOf: '2026-11-25', locality: { name: 'Hải Phòng' } });
    expect(overview.localities).toHaveLength(114);
    expect(overview.summary).toEqual({
      localities: { total: 114, withPlans: 1, lateReporting: 0, received: 0 },
      communes: null,
    });
    const row = (overview.localities as OverviewRow[]).find((item) => item.name === 'Thành Đông')!;
    const planId = plans.find((plan) => plan.localityName === 'Thành Đông')!.id;
    expect(row).toMatchObject({
      name: 'Thành Đông',
      plans: [{ planId, period: { key: '2026' } }],
      planCount: 1,
      communes: null,
      reports: { submitted: 0, accepted: 0, pendingReview: 0, late: 0, missing: 0 },
      // Nothing reported and the report not yet due: no score, no colour, no rank.
      evaluation: 'not_evaluated',
      score: null,
      colour: 'none',
      rank: null,
    });
    const dashboard = (await provinceUser.call('GET', `/api/v1/plans/${planId}/dashboard`)).body.data;
    expect(row.indicators).toEqual(dashboard.counts.indicators);
    expect(row.overdueTasks).toBe(dashboard.counts.tasks.in_progress_late);
    expect(row.overdueTasks).toBeGreaterThan(0);
    expect(row.reports.expected).toBe(dashboard.units.length);
    expect(overview.rollups).toEqual([]);
  });

  it('should score a commune from its accepted report only, as its dashboard scores the unit', async () => {
    const overview = (await t.call('GET', `/api/v1/localities/${idOf('Thái Nguyên')}/overview`)).body.data;
    const row = overview.localities[0] as OverviewRow;
    expect(row).toMatchObject({
      name: 'Dân Tiến',
      reports: { expected: 3, submitted: 2, accepted: 1, pendingReview: 1, late: 0, missing: 0 },
      evaluation: 'scored',
      rank: 1,
    });
    const planId = plans.find((plan) => plan.localityName === 'Dân Tiến')!.id;
    const dashboard = (await t.call('GET', `/api/v1/plans/${planId}/dashboard`)).body.data;
    expect(row.indicators).toEqual(dashboard.counts.indicators);
    // Only the centre's report is accepted, so the commune's score is that unit's score.
    const centre = dashboard.units.find(
      (unit: { unitName: string }) => unit.unitName === 'Trung tâm phục vụ hành chính công',
    );
    expect(row.score).toBe(centre.score);
    expect(row.colour).toBe(centre.colour);
  });

  it('should roll the accepted figures up by catalog code, rebuilding a rate from its numerator and denominator', async () => {
    const url = `/api/v1/localities/${idOf('Thái Nguyên')}/overview`;
    const overview = (await t.call('GET', url)).body.data;
    const rollups = overview.rollups as RollupRow[];
    // Only the first roll-up (the one charted first) sends its communes' figures; the others their totals.
    expect(rollups.map((row) => row.values != null)).toEqual(rollups.map((_, index) => index === 0));
    // Another roll-up's figures when asked for, with the same totals.
    const valuesOf = async (code: string) => {
      const asked = ((await t.call('GET', `${url}?valuesOf=${code}`)).body.data.rollups as RollupRow[]).map(
        ({ values, ...totals }) => ({ totals, values }),
      );
      expect(asked.map((row) => row.totals)).toEqual(rollups.map(({ values: _, ...totals }) => totals));
      expect(asked.filter((row) => row.values != null).map((row) => row.totals.catalogCode)).toEqual([code]);
      const row = asked.find((item) => item.totals.catalogCode === code)!;
      return { ...row.totals, values: row.values };
    };
    // Six values of the accepted report map to the catalog; the submitted report's value does not count.
    expect(rollups.map((row) => row.catalogCode).sort()).toEqual(
      [
        'CDS.DL.CSDL_KET_NOI_CHIA_SE',
        'CDS.TTHC.DVCTT_TOAN_TRINH',
        'CDS.TTHC.GIAO_DICH_PHI_TIEP_XUC',
        'CDS.TTHC.HO_SO_TRUC_TUYEN',
        'CDS.TTHC.SO_HOA_HO_SO_KET_QUA',
        'CDS.TTHC.TTHC_SXKD_TRUC_TUYEN',
      ].sort(),
    );
    const online = rollups.find((row) => row.catalogCode === 'CDS.TTHC.HO_SO_TRUC_TUYEN')!;
    expect(online).toMatchObject({
      method: 'ratio',
      value: 90,
      numerator: 1710,
      denominator: 1900,
      reporting: 1,
      included: 1,
    });
    expect((await valuesOf(online.catalogCode)).values![0]!.reportId).toEqual(expect.any(String));
    // A rate given without its numerator and denominator is shown, not summed into the province.
    const sxkd = rollups.find((row) => row.catalogCode === 'CDS.TTHC.TTHC_SXKD_TRUC_TUYEN')!;
    expect(sxkd).toMatchObject({ value: null, reporting: 1, included: 0 });
    expect((await valuesOf(sxkd.catalogCode)).values).toEqual([
      expect.objectContaining({ localityName: 'Dân Tiến', value: 85, excluded: 'missing_denominator' }),
    ]);
    const filtered = (
      await t.call(
        'GET',
        `/api/v1/localities/${idOf('Thái Nguyên')}/overview?catalogCode=CDS.TTHC.HO_SO_TRUC_TUYEN`,
      )
    ).body.data;
    expect(filtered.rollups.map((row: RollupRow) => row.catalogCode)).toEqual(['CDS.TTHC.HO_SO_TRUC_TUYEN']);
    expect(filtered.rollups[0].values).toEqual((await valuesOf(online.catalogCode)).values);
    expect(filtered.localities).toHaveLength(92);
    // A code that is not one: refused with the field named.
    const refused = await t.call('GET', `${url}?valuesOf=${encodeURIComponent('mã sai')}`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('Chỉ tiêu xem chi tiết chỉ gồm chữ in hoa');
  });

  it('should show the nation its 34 provinces, each over its own communes, to nation-level users only', async () => {
    const nation = (await t.call('GET', `/api/v1/localities/${t.rootLocalityId}/overview`)).body.data;
    expect(nation.locality).toMatchObject({ name: 'Việt Nam', level: 'nation' });
    expect(nation.localities).toHaveLength(34);
    expect(nation.summary).toEqual({
      localities: { total: 34, withPlans: 2, lateReporting: 0, received: 0 },
      communes: { total: 3321, withPlans: 2, lateReporting: 0, received: 0 },
    });
    const rows = nation.localities as Array<OverviewRow & { planCount: number; communes: unknown }>;
    const thaiNguyen = rows.find((row) => row.name === 'Thái Nguyên')!;
    const province = (await t.call('GET', `/api/v1/localities/${idOf('Thái Nguyên')}/overview`)).body.data;
    const danTien = (province.localities as OverviewRow[]).find((row) => row.name === 'Dân Tiến')!;
    // One plan in the province: the province row is its commune's figures, ranked first.
    expect(thaiNguyen).toMatchObject({
      plans: [],
      planCount: 1,
      communes: { total: 92, withPlans: 1, lateReporting: 0 },
      reports: danTien.reports,
      indicators: danTien.indicators,
      overdueTasks: danTien.overdueTasks,
      score: danTien.score,
      evaluation: 'scored',
      rank: 1,
    });
    expect(rows.find((row) => row.name === 'Hải Phòng')).toMatchObject({
      planCount: 1,
      evaluation: 'not_evaluated',
    });
    expect(rows.find((row) => row.name === 'Hà Nội')).toMatchObject({
      planCount: 0,
      communes: { total: 126, withPlans: 0, lateReporting: 0 },
    });
    const online = (
      (
        await t.call(
          'GET',
          `/api/v1/localities/${t.rootLocalityId}/overview?valuesOf=CDS.TTHC.HO_SO_TRUC_TUYEN`,
        )
      ).body.data.rollups as RollupRow[]
    ).find((row) => row.catalogCode === 'CDS.TTHC.HO_SO_TRUC_TUYEN')!;
    expect(online).toMatchObject({
      value: 90,
      numerator: 1710,
      denominator: 1900,
      reporting: 1,
      included: 1,
    });
    expect(online.values).toEqual([
      expect.objectContaining({
        localityName: 'Thái Nguyên',
        value: 90,
        planId: null,
        communes: { reporting: 1, included: 1 },
      }),
    ]);

    // A province inspector, a commune officer: the nation's overview is not theirs (404).
    expect((await provinceUser.call('GET', `/api/v1/localities/${t.rootLocalityId}/overview`)).status).toBe(
      404,
    );
    const communeUser = await t.signIn('dantien.hcc');
    expect((await communeUser.call('GET', `/api/v1/localities/${t.rootLocalityId}/overview`)).status).toBe(
      404,
    );
  });

  it('should hide the province from a commune user and from another province (404)', async () => {
    const wardOfficer = await t.signIn('thanhdong.vhxh');
    const own = await wardOfficer.call('GET', `/api/v1/localities/${idOf('Hải Phòng')}/overview`);
    expect(own.status).toBe(404);
    expect(own.body.message).toBe('Không tìm thấy địa phương.');
    // The ward officer may still read the province's name (breadcrumbs), just not compare its communes.
    expect((await wardOfficer.call('GET', `/api/v1/localities/${idOf('Hải Phòng')}`)).status).toBe(200);
    expect(
      (await provinceUser.call('GET', `/api/v1/localities/${idOf('Thái Nguyên')}/overview`)).status,
    ).toBe(404);
    const communeUser = await t.signIn('dantien.hcc');
    expect((await communeUser.call('GET', `/api/v1/localities/${idOf('Thái Nguyên')}/overview`)).status).toBe(
      404,
    );
  });

  it('should refuse a bad year and answer 401 without a session, 404 for an unknown locality', async () => {
    const bad = await t.call('GET', `/api/v1/localities/${idOf('Hải Phòng')}/overview?year=1990`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Năm phải từ năm 2000 trở đi');
    expect((await t.anonymous.call('GET', `/api/v1/localities/${idOf('Hải Phòng')}/overview`)).status).toBe(
      401,
    );
    expect(
      (await t.call('GET', '/api/v1/localities/00000000-0000-4000-8000-000000000000/overview')).status,
    ).toBe(404);
  });
});

describe('GET /api/v1/localities/:id/overview on a province of four communes', () => {
  let t: TestApp;
  let provinceId: string;
  const communes: Record<string, string> = {};

  /** Fills, submits and (unless `submitOnly`) accepts a unit's 2026 report as the administrator. */
  const report = async (
    planId: string,
    unitId: string,
    content: { values?: unknown[]; taskUpdates?: unknown[] },
    submitOnly = false,
  ) => {
    const periods: Array<{ id: string; key: string }> = (
      await t.call('GET', `/api/v1/plans/${planId}/reporting-periods`)
    ).body.data;
    const periodId = periods.find((period) => period.key === '2026')!.id;
    const url = `/api/v1/reporting-periods/${periodId}/units/${unitId}/report`;
    const saved = await t.call('PUT', url, {
      revision: 0,
      ...content,
      values: await explainedValues(t, url, (content.values ?? []) as Array<{ indicatorId: string }>),
    });
    if (saved.status !== 200) throw new Error(`report: ${JSON.stringify(saved.body)}`);
    const submitted = await t.call('POST', `/api/v1/unit-reports/${saved.body.data.report.id}/submit`, {
      revision: saved.body.data.report.revision,
    });
    if (submitOnly) return;
    const accepted = await t.call('POST', `/api/v1/unit-reports/${saved.body.data.report.id}/accept`, {
      revision: submitted.body.data.report.revision,
    });
    if (accepted.status !== 200) throw new Error(`accept: ${JSON.stringify(accepted.body)}`);
  };

  /** A commune with a plan: an online-dossier rate led by the centre, a count led by the office, a task due Q3/2026. */
  const commune = async (name: string) => {
    const created = await t.call('POST', '/api/v1/localities', {
      code: `X-${name}`,
      name,
      level: 'commune',
      kind: 'xã',
      parentId: provinceId,
    });
    communes[name] = created.body.data.id;
    return buildCommunePlan(t, created.body.data.id);
  };

  beforeAll(async () => {
    t = await buildTestApp();
    provinceId = (
      await t.call('POST', '/api/v1/localities', {
        code: 'T-THU',
        name: 'Tỉnh Thử',
        level: 'province',
        kind: 'tỉnh',
        parentId: t.rootLocalityId,
      })
    ).body.data.id;
    const an = await commune('Xã An');
    const binh = await commune('Xã Bình');
    const cuong = await commune('Xã Cường');
    await t.call('POST', '/api/v1/localities', {
      code: 'X-DONG',
      name: 'Xã Đông',
      level: 'commune',
      kind: 'xã',
      parentId: provinceId,
    });
    // Xã An: 900 of 1,000 dossiers online (90%), the task done in time, 2 smart quarters; both accepted.
    await report(an.planId, an.centre, {
      values: [{ indicatorId: an.rate, numerator: 900, denominator: 1000 }],
      taskUpdates: [{ taskId: an.task, status: 'done', progress: 100, completedOn: '2026-09-01' }],
    });
    await report(an.planId, an.office, { values: [{ indicatorId: an.count, value: 2 }] });
    // Xã Bình: 100 of 200 (50%), the task still open past its deadline; the office's 5 only submitted.
    await report(binh.planId, binh.centre, {
      values: [{ indicatorId: binh.rate, numerator: 100, denominator: 200 }],
      taskUpdates: [{ taskId: binh.task, status: 'in_progress', progress: 50 }],
    });
    await report(binh.planId, binh.office, { values: [{ indicatorId: binh.count, value: 5 }] }, true);
    // Xã Cường: 70% without numerator and denominator, the task finished late; the office has not reported.
    await report(cuong.planId, cuong.centre, {
      values: [{ indicatorId: cuong.rate, value: 70 }],
      taskUpdates: [{ taskId: cuong.task, status: 'done', progress: 100, completedOn: '2026-10-15' }],
    });
  });
  afterAll(() => t.close());

  const overview = async (query = '') =>
    (await t.call('GET', `/api/v1/localities/${provinceId}/overview${query}`)).body.data;

  it('should rank the communes by score, unscored ones last, with their report completeness', async () => {
    const rows = (await overview()).localities as OverviewRow[];
    expect(rows.map((row) => [row.name, row.score, row.colour, row.rank, row.evaluation])).toEqual([
      // Everything achieved, done and on time.
      ['Xã An', 100, 'green', 1, 'scored'],
      // The centre only: 70% at risk (0.5), the task done late (0.5), the report on time (1).
      ['Xã Cường', 60, 'yellow', 2, 'scored'],
      // The centre only (the office's report waits for review): 50% at risk, the task overdue, on time.
      ['Xã Bình', 40, 'red', 3, 'scored'],
      ['Xã Đông', null, 'none', null, 'not_evaluated'],
    ]);
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(byName['Xã An']!.reports).toEqual({
      expected: 2,
      submitted: 2,
      accepted: 2,
      pendingReview: 0,
      late: 0,
      missing: 0,
    });
    expect(byName['Xã Bình']!.reports).toMatchObject({ submitted: 2, accepted: 1, pendingReview: 1 });
    expect(byName['Xã Cường']!.reports).toMatchObject({ expected: 2, submitted: 1, accepted: 1 });
    expect(byName['Xã Bình']!.overdueTasks).toBe(1);
    expect(byName['Xã An']!.overdueTasks).toBe(0);
    expect(byName['Xã Bình']!.indicators).toMatchObject({ at_risk: 1, no_data: 1 });
    expect(byName['Xã Đông']).toMatchObject({ plans: [], indicatorCount: 0, taskCount: 0 });
    expect(byName['Xã Đông']!.reports.expected).toBe(0);
  });

  it('should rebuild the province rate from the summed numerators and denominators, and sum the counts', async () => {
    const rollups = (await overview()).rollups as RollupRow[];
    expect(rollups.map((row) => row.catalogCode)).toEqual([
      'CDS.TTHC.HO_SO_TRUC_TUYEN',
      'CDS.CQS.DO_THI_THONG_MINH',
    ]);
    const [online, smart] = rollups;
    // (900 + 100) / (1,000 + 200) = 83.33%, not the mean of 90 and 50; Xã Cường gave no denominator.
    expect(online).toMatchObject({
      method: 'ratio',
      value: 83.33,
      numerator: 1000,
      denominator: 1200,
      reporting: 3,
      included: 2,
      best: { localityName: 'Xã An', value: 90 },
      worst: { localityName: 'Xã Bình', value: 50 },
    });
    expect(online!.values!.map((row) => [row.localityName, row.value, row.excluded])).toEqual([
      ['Xã An', 90, null],
      ['Xã Bình', 50, null],
      ['Xã Cường', 70, 'missing_denominator'],
    ]);
    // Only accepted figures count: Xã Bình's submitted 5 does not.
    expect(smart).toMatchObject({ method: 'sum', value: 2, reporting: 1, included: 1 });
    // The second roll-up's communes when asked for: the first's only by default.
    expect(smart!.values).toBeNull();
    const asked = (await overview('?valuesOf=CDS.CQS.DO_THI_THONG_MINH')).rollups as RollupRow[];
    expect(asked[0]!.values).toBeNull();
    expect(asked[1]!.values!.map((row) => [row.localityName, row.value, row.excluded])).toEqual([
      ['Xã An', 2, null],
      ['Xã Bình', null, 'no_value'],
      ['Xã Cường', null, 'no_value'],
    ]);
  });

  it('should look at an earlier year through its own periods', async () => {
    const data = await overview('?year=2025');
    expect(data.year).toBe(2025);
    const an = (data.localities as OverviewRow[]).find((row) => row.name === 'Xã An')!;
    expect(an.plans[0]!.period!.key).toBe('2025');
    // Due 30/11/2025 and never filed: both units missing, so the commune is scored on the absence.
    expect(an.reports).toMatchObject({ expected: 2, submitted: 0, missing: 2 });
    expect(an.evaluation).toBe('scored');
    expect(data.rollups).toEqual([]);
  });

  it('should show a province officer their province and hide it from a commune officer', async () => {
    const provinceOfficer = await buildUser(t, { role: 'inspector', localityId: provinceId });
    expect(
      (await provinceOfficer.client.call('GET', `/api/v1/localities/${provinceId}/overview`)).status,
    ).toBe(200);
    const communeOfficer = await buildUser(t, { role: 'leader', localityId: communes['Xã An']! });
    expect(
      (await communeOfficer.client.call('GET', `/api/v1/localities/${provinceId}/overview`)).status,
    ).toBe(404);
  });

  /** Downloads the overview's Excel sheet as `client` and reads its rows back (title, filter line, table). */
  const exported = async (client: Client, query: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${provinceId}/overview.xlsx${query}`,
      cookies: client.cookies,
      headers: client.headers,
    });
    if (response.statusCode !== 200) return { status: response.statusCode, body: response.json(), rows: [] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((value) => (value == null ? '' : String(value)))),
    );
    return { status: 200, body: null, rows };
  };

  it('should export exactly the rows the page filters: by colour, by problem, by name without diacritics', async () => {
    const redYellow = await exported(t, '?year=2026&colours=red,yellow');
    expect(redYellow.rows[0]![0]).toBe('Tổng quan tỉnh Tỉnh Thử năm 2026 (số liệu đến 25/11/2026)');
    expect(redYellow.rows[1]![0]).toBe('Lọc: xếp loại Đỏ, Vàng · 2 dòng');
    expect(redYellow.rows[2]!.slice(0, 4)).toEqual(['Hạng', 'Mã', 'Xã, phường, đặc khu', 'Xếp loại']);
    expect(redYellow.rows.slice(3).map((row) => row.slice(0, 5))).toEqual([
      ['2', 'X-Xã Cường', 'xã Xã Cường', 'Vàng', '60'],
      ['3', 'X-Xã Bình', 'xã Xã Bình', 'Đỏ', '40'],
    ]);
    const noPlan = await exported(t, '?problem=no_plan');
    expect(noPlan.rows.slice(3).map((row) => [row[2], row[3], row[5]])).toEqual([
      ['xã Xã Đông', 'Chưa đánh giá', 'Chưa có kế hoạch'],
    ]);
    const byName = await exported(t, '?q=cuong');
    expect(byName.rows.slice(3).map((row) => row[2])).toEqual(['xã Xã Cường']);
    // Late in 2025: the three communes with a plan never filed their 2025 reports.
    const late2025 = await exported(t, '?year=2025&problem=late_reporting');
    expect(late2025.rows.slice(3).map((row) => [row[2], row[8]])).toEqual([
      ['xã Xã An', '2'],
      ['xã Xã Bình', '2'],
      ['xã Xã Cường', '2'],
    ]);
    const wrong = await exported(t, '?colours=purple');
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('Màu chỉ là green, yellow, red hoặc none');
  });

  it('should chase the late communes chosen, once a day each, in their audit trail, for those who answer for the province', async () => {
    const chaser = await buildUser(t, { role: 'standing_officer', localityId: provinceId });
    const anOfficer = await buildUser(t, { role: 'standing_officer', localityId: communes['Xã An']! });
    const chase = (client: Client, body: unknown, id = provinceId) =>
      client.call('POST', `/api/v1/localities/${id}/overview/chase`, body);
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const dong = ((await overview()).localities as OverviewRow[]).find((row) => row.name === 'Xã Đông')!;
    const first = await chase(chaser.client, {
      year: 2025,
      localityIds: [communes['Xã An'], communes['Xã Bình'], dong.localityId, unknownId],
    });
    expect(first.body.message).toBeUndefined();
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({
      reminded: 1,
      notifications: 1,
      skipped: [
        // Late, but nobody at the commune's standing agency has an account to tell.
        { localityId: communes['Xã Bình'], name: 'Xã Bình', reason: 'no_standing_officer' },
        { localityId: dong.localityId, name: 'Xã Đông', reason: 'not_late' },
        { localityId: unknownId, name: null, reason: 'not_a_child' },
      ],
    });
    const told = (await anOfficer.client.call('GET', '/api/v1/notifications')).body.data.items;
    expect(told).toHaveLength(1);
    expect(told[0].title).toBe('Đôn đốc báo cáo năm 2025: xã Xã An');
    expect(told[0].body).toContain(
      'đề nghị xã Xã An hoàn thành báo cáo thực hiện kế hoạch: 0 báo cáo nộp muộn, 2 báo cáo quá hạn chưa nộp',
    );
    // The same day again: reminded, but nobody is told twice.
    expect(
      (await chase(chaser.client, { year: 2025, localityIds: [communes['Xã An']] })).body.data,
    ).toMatchObject({
      reminded: 1,
      notifications: 0,
    });
    const trail = (
      await t.call('GET', `/api/v1/audit-events?entityType=reminder&entityId=${communes['Xã An']}`)
    ).body.data;
    expect(
      trail.map((event: { action: string; actorUserId: string }) => [event.action, event.actorUserId]),
    ).toEqual([
      ['create', chaser.id],
      ['create', chaser.id],
    ]);
    // Who only reads the province may not chase; a commune's user does not see the province; the nation is not chased.
    const reader = await buildUser(t, { role: 'inspector', localityId: provinceId });
    expect((await chase(reader.client, { localityIds: [communes['Xã An']] })).status).toBe(403);
    expect((await chase(anOfficer.client, { localityIds: [communes['Xã An']] })).status).toBe(404);
    const nation = await chase(t, { localityIds: [provinceId] }, t.rootLocalityId);
    expect(nation.status).toBe(400);
    expect(nation.body.message).toBe('Chỉ đôn đốc được các xã, phường của một tỉnh, thành phố.');
    const empty = await chase(chaser.client, { localityIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('Chọn ít nhất một xã, phường cần đôn đốc');
  });
});

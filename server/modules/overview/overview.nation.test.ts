/**
 * The nation's overview on a small generated nation (test clock: 25/11/2026; annual reports due 30/11):
 * two provinces of a few communes, each province row the aggregation of its own communes, checked
 * against the sum of the communes' rows in the province's overview; roll-ups as Σ numerators /
 * Σ denominators over every commune; and who may see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommunePlan, buildUser } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';

type Row = {
  localityId: string;
  name: string;
  plans: unknown[];
  planCount: number;
  communes: { total: number; withPlans: number; lateReporting: number } | null;
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
type Rollup = {
  catalogCode: string;
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
    numerator: number | null;
    denominator: number | null;
    planId: string | null;
    communes: { reporting: number; included: number } | null;
  }>;
};

describe('GET /api/v1/localities/:id/overview of the nation', () => {
  let t: TestApp;
  const provinces: Record<string, string> = {};

  const report = async (
    planId: string,
    unitId: string,
    content: { values?: unknown[]; taskUpdates?: unknown[] },
  ) => {
    const periods: Array<{ id: string; key: string }> = (
      await t.call('GET', `/api/v1/plans/${planId}/reporting-periods`)
    ).body.data;
    const periodId = periods.find((period) => period.key === '2026')!.id;
    const saved = await t.call('PUT', `/api/v1/reporting-periods/${periodId}/units/${unitId}/report`, {
      revision: 0,
      ...content,
    });
    if (saved.status !== 200) throw new Error(`report: ${JSON.stringify(saved.body)}`);
    const submitted = await t.call('POST', `/api/v1/unit-reports/${saved.body.data.report.id}/submit`, {
      revision: saved.body.data.report.revision,
    });
    const accepted = await t.call('POST', `/api/v1/unit-reports/${saved.body.data.report.id}/accept`, {
      revision: submitted.body.data.report.revision,
    });
    if (accepted.status !== 200) throw new Error(`accept: ${JSON.stringify(accepted.body)}`);
  };

  const locality = async (code: string, name: string, level: string, kind: string, parentId: string) =>
    (await t.call('POST', '/api/v1/localities', { code, name, level, kind, parentId })).body.data
      .id as string;

  /** A commune with a plan: a rate led by the centre, a count led by the office, a task due Q3/2026. */
  const commune = async (province: string, name: string) => {
    const id = await locality(`X-${name}`, name, 'commune', 'xã', provinces[province]!);
    return buildCommunePlan(t, id);
  };

  beforeAll(async () => {
    t = await buildTestApp();
    provinces['Tỉnh Một'] = await locality('01', 'Tỉnh Một', 'province', 'tỉnh', t.rootLocalityId);
    provinces['Tỉnh Hai'] = await locality('02', 'Tỉnh Hai', 'province', 'tỉnh', t.rootLocalityId);
    // An empty province: no commune at all.
    provinces['Tỉnh Ba'] = await locality('03', 'Tỉnh Ba', 'province', 'tỉnh', t.rootLocalityId);

    const an = await commune('Tỉnh Một', 'Xã An');
    const binh = await commune('Tỉnh Một', 'Xã Bình');
    await locality('X-Chau', 'Xã Châu', 'commune', 'xã', provinces['Tỉnh Một']!);
    const dong = await commune('Tỉnh Hai', 'Xã Đông');
    await commune('Tỉnh Hai', 'Xã Giang');

    // Tỉnh Một: Xã An 900/1,000 online, 2 smart quarters, the task done in time; Xã Bình 100/200, the task overdue.
    await report(an.planId, an.centre, {
      values: [{ indicatorId: an.rate, numerator: 900, denominator: 1000 }],
      taskUpdates: [{ taskId: an.task, status: 'done', progress: 100, completedOn: '2026-09-01' }],
    });
    await report(an.planId, an.office, { values: [{ indicatorId: an.count, value: 2 }] });
    await report(binh.planId, binh.centre, {
      values: [{ indicatorId: binh.rate, numerator: 100, denominator: 200 }],
      taskUpdates: [{ taskId: binh.task, status: 'in_progress', progress: 50 }],
    });
    // Tỉnh Hai: Xã Đông 300/400 and 3 smart quarters; Xã Giang has not reported.
    await report(dong.planId, dong.centre, {
      values: [{ indicatorId: dong.rate, numerator: 300, denominator: 400 }],
      taskUpdates: [{ taskId: dong.task, status: 'done', progress: 100, completedOn: '2026-09-30' }],
    });
    await report(dong.planId, dong.office, { values: [{ indicatorId: dong.count, value: 3 }] });
  });
  afterAll(() => t.close());

  const overviewOf = async (id: string, query = '') => {
    const response = await t.call('GET', `/api/v1/localities/${id}/overview${query}`);
    expect(response.status).toBe(200);
    return response.body.data;
  };

  it('should aggregate each province over its own communes, as the sum of its communes in its overview', async () => {
    const nation = await overviewOf(t.rootLocalityId);
    const rows = nation.localities as Row[];
    expect(rows.map((row) => row.name).sort()).toEqual(['Tỉnh Ba', 'Tỉnh Hai', 'Tỉnh Một']);
    for (const name of ['Tỉnh Một', 'Tỉnh Hai', 'Tỉnh Ba']) {
      const row = rows.find((item) => item.name === name)!;
      const communes = (await overviewOf(provinces[name]!)).localities as Row[];
      const sum = (pick: (commune: Row) => number) =>
        communes.reduce((total, commune) => total + pick(commune), 0);
      expect(row.plans).toEqual([]);
      expect(row.planCount).toBe(sum((commune) => commune.plans.length));
      for (const key of Object.keys(row.reports))
        expect(row.reports[key], `${name} reports.${key}`).toBe(sum((c) => c.reports[key]!));
      for (const key of Object.keys(row.indicators)) {
        expect(row.indicators[key], `${name} indicators.${key}`).toBe(sum((c) => c.indicators[key]!));
      }
      expect(row.indicatorCount).toBe(sum((commune) => commune.indicatorCount));
      expect(row.taskCount).toBe(sum((commune) => commune.taskCount));
      expect(row.overdueTasks).toBe(sum((commune) => commune.overdueTasks));
      expect(row.communes).toEqual({
        total: communes.length,
        withPlans: communes.filter((commune) => commune.plans.length > 0).length,
        lateReporting: communes.filter((commune) => commune.reports.late! + commune.reports.missing! > 0)
          .length,
        received: 0,
      });
    }
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(byName['Tỉnh Một']).toMatchObject({
      planCount: 2,
      reports: { expected: 4, accepted: 3 },
      overdueTasks: 1,
    });
    expect(byName['Tỉnh Hai']).toMatchObject({
      planCount: 2,
      communes: { total: 2, withPlans: 2, lateReporting: 0 },
    });
    expect(byName['Tỉnh Ba']).toMatchObject({
      planCount: 0,
      communes: { total: 0, withPlans: 0, lateReporting: 0 },
    });
    expect(nation.summary).toEqual({
      localities: { total: 3, withPlans: 2, lateReporting: 0, received: 0 },
      communes: { total: 5, withPlans: 4, lateReporting: 0, received: 0 },
    });
  });

  it('should score a province as one unit over the scored units of all its communes', async () => {
    const rows = (await overviewOf(t.rootLocalityId)).localities as Row[];
    expect(rows.map((row) => [row.name, row.score, row.colour, row.rank, row.evaluation])).toEqual([
      // Xã Đông: rate 75% (at risk 0.5), count 3 (1); task on time (1); two reports on time (1, 1).
      // Xã Giang's units are not yet due and have nothing to review: not scored, left out.
      // Indicators 0.75 × 40 + tasks 1 × 40 + reports 1 × 20 = 90.
      ['Tỉnh Hai', 90, 'green', 1, 'scored'],
      // Xã An's centre (1, 1, 1) and office (1, 1); Xã Bình's centre (0.5, task overdue 0, 1); Xã Bình's
      // office has nothing reported and is not yet due. Indicators 2.5/3, tasks 1/2, reports 3/3:
      // 33.33 + 20 + 20 = 73.3 (scores keep one decimal).
      ['Tỉnh Một', 73.3, 'yellow', 2, 'scored'],
      ['Tỉnh Ba', null, 'none', null, 'not_evaluated'],
    ]);
  });

  it('should roll a rate up as Σ numerators / Σ denominators of every commune, and each province of its own', async () => {
    const nation = await overviewOf(t.rootLocalityId);
    const rollups = nation.rollups as Rollup[];
    const online = rollups.find((row) => row.catalogCode === 'CDS.TTHC.HO_SO_TRUC_TUYEN')!;
    // (900 + 100 + 300) / (1,000 + 200 + 400) = 81.25%, not the mean of the provinces' 83.33% and 75%.
    expect(online).toMatchObject({
      value: 81.25,
      numerator: 1300,
      denominator: 1600,
      reporting: 3,
      included: 3,
      best: { localityName: 'Xã An', value: 90 },
      worst: { localityName: 'Xã Bình', value: 50 },
    });
    expect(
      online.values!.map((row) => [
        row.localityName,
        row.value,
        row.numerator,
        row.denominator,
        row.communes,
      ]),
    ).toEqual([
      ['Tỉnh Hai', 75, 300, 400, { reporting: 1, included: 1 }],
      ['Tỉnh Một', 83.33, 1000, 1200, { reporting: 2, included: 2 }],
    ]);
    for (const value of online.values!) {
      const province = (await overviewOf(provinces[value.localityName]!)).rollups as Rollup[];
      const own = province.find((row) => row.catalogCode === online.catalogCode)!;
      expect([value.value, value.numerator, value.denominator]).toEqual([
        own.value,
        own.numerator,
        own.denominator,
      ]);
    }
    const smart = rollups.find((row) => row.catalogCode === 'CDS.CQS.DO_THI_THONG_MINH')!;
    expect(smart).toMatchObject({ value: 5, reporting: 2, included: 2 });
    // The provinces' figures of a roll-up other than the first when asked for.
    expect(rollups.map((row) => row.values != null)).toEqual(rollups.map((_, index) => index === 0));
    const asked = (await overviewOf(t.rootLocalityId, `?valuesOf=${smart.catalogCode}`)).rollups as Rollup[];
    expect(asked.map(({ values: _, ...totals }) => totals)).toEqual(
      rollups.map(({ values: _, ...totals }) => totals),
    );
    expect(
      asked
        .find((row) => row.catalogCode === smart.catalogCode)!
        .values!.map((row) => [row.localityName, row.value]),
    ).toEqual([
      ['Tỉnh Hai', 3],
      ['Tỉnh Một', 2],
    ]);
  });

  it('should show the nation to nation-level users only, and each province to its own users', async () => {
    const nationInspector = await buildUser(t, { role: 'inspector', localityId: t.rootLocalityId });
    expect(
      (await nationInspector.client.call('GET', `/api/v1/localities/${t.rootLocalityId}/overview`)).status,
    ).toBe(200);
    const provinceAdmin = await buildUser(t, { role: 'locality_admin', localityId: provinces['Tỉnh Một']! });
    expect(
      (await provinceAdmin.client.call('GET', `/api/v1/localities/${t.rootLocalityId}/overview`)).status,
    ).toBe(404);
    expect(
      (await provinceAdmin.client.call('GET', `/api/v1/localities/${provinces['Tỉnh Một']}/overview`)).status,
    ).toBe(200);
    expect(
      (await provinceAdmin.client.call('GET', `/api/v1/localities/${provinces['Tỉnh Hai']}/overview`)).status,
    ).toBe(404);
  });
});

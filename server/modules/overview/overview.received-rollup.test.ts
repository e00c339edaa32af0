/**
 * The figures a commune's own instance sent count, once, in the province's catalog roll-ups and in the
 * nation's province row of the province's instance (issue #15). Commune instance A approves its report
 * and packs it through the real export path; province instance B, which also holds the commune's plan
 * (the demo), imports the package: from then on the commune counts from the approved figures it sent,
 * never twice, and the local plan is set aside and named in the row. Each side changes one indicator's
 * unit, so which figure counted is visible: a figure in another unit than the catalog's is shown as not
 * comparable, never converted. Runs on PGlite and, in `npm run test:pg`, on PostgreSQL.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localityIdByCode } from '../../test/factories';
import {
  buildTestApp,
  type Client,
  FAKE_PDF_CONVERTER,
  fixedClock,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/test-app';
import { systemActor } from '../auth/access';
import { FIGURES_FILE } from '../exchange/submission-package';
import { createUserService } from '../user/user.service';

const THAI_NGUYEN = '19';
const ONLINE = 'CDS.TTHC.HO_SO_TRUC_TUYEN';
const BUSINESS = 'CDS.TTHC.TTHC_SXKD_TRUC_TUYEN';

type RollupValue = {
  localityName: string;
  planId: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  included: boolean;
  excluded: string | null;
  received: { periodLabel: string; approvedOn: string; reportVersion: number } | null;
  communes: { reporting: number; included: number } | null;
};
type Rollup = {
  catalogCode: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reporting: number;
  included: number;
  values: RollupValue[] | null;
};
type Row = {
  name: string;
  score: number | null;
  colour: string;
  planCount: number;
  received: { localPlans: number; reportVersion: number } | null;
  communes: { total: number; withPlans: number; received: number } | null;
};

/** Sets a plan indicator's unit, by its catalog code. */
const setUnit = async (t: TestApp, client: Client, planId: string, catalogCode: string, unit: string) => {
  const indicators = (await t.call('GET', `/api/v1/plans/${planId}`)).body.data.indicators as Array<{
    id: string;
    catalogCode: string | null;
  }>;
  const target = indicators.find((row) => row.catalogCode === catalogCode)!;
  const patched = await client.call('PATCH', `/api/v1/indicators/${target.id}`, { unit });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
};

describe('received figures in the roll-ups of the province instance', () => {
  let a: TestApp;
  let b: TestApp;
  let province: Client;
  let provinceId: string;
  let packageBytes: Buffer;
  let figures: {
    score: number | null;
    colour: string;
    indicators: Array<{
      catalogCode: string | null;
      unit: string | null;
      value: number | null;
      numerator?: number | null;
      denominator?: number | null;
    }>;
  };
  const overview = async (localityId: string, valuesOf = '') =>
    (
      await b.call(
        'GET',
        `/api/v1/localities/${localityId}/overview?year=2026${valuesOf ? `&valuesOf=${valuesOf}` : ''}`,
      )
    ).body.data as {
      localities: Row[];
      summary: { localities: { received: number }; communes: { received: number } | null };
      rollups: Rollup[];
    };
  const rollupOf = (rollups: Rollup[], code: string) => rollups.find((row) => row.catalogCode === code)!;
  /** A roll-up's per-locality figures, asked for (only the first roll-up's come by default). */
  const valuesOf = async (localityId: string, code: string) =>
    rollupOf((await overview(localityId, code)).rollups, code).values!;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      buildTestApp({ demo: true, pdf: FAKE_PDF_CONVERTER }),
      buildTestApp({ demo: true, pdf: FAKE_PDF_CONVERTER }),
    ]);
    const planOf = async (t: TestApp) =>
      ((await t.call('GET', '/api/v1/plans')).body.data as Array<{ id: string; localityName: string }>).find(
        (row) => row.localityName === 'Dân Tiến',
      )!.id;

    // A: the commune states the business-procedures rate in another unit, then approves and packs.
    const standing = await a.signIn('dantien.vhxh');
    const planA = await planOf(a);
    await setUnit(a, standing, planA, BUSINESS, 'hồ sơ');
    const periodId = (await standing.call('GET', `/api/v1/plans/${planA}/dashboard`)).body.data.period.id;
    const saved = await standing.call('PUT', `/api/v1/reporting-periods/${periodId}/consolidated-report`, {
      revision: 0,
      narrative: 'Đánh giá chung của xã',
    });
    const sent = await standing.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/send`, {
      revision: saved.body.data.revision,
    });
    const leader = await a.signIn('dantien.lanhdao');
    const approved = await leader.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/approve`, {
      revision: sent.body.data.revision,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const download = await a.app.inject({
      method: 'GET',
      url: `/api/v1/reporting-periods/${periodId}/consolidated-report/submission-package.zip`,
      cookies: standing.cookies,
    });
    expect(download.statusCode, download.body).toBe(200);
    figures = JSON.parse(strFromU8(unzipSync(new Uint8Array(download.rawPayload))[FIGURES_FILE]!));

    // B: the province's copy of the commune's plan states the online rate in another unit.
    provinceId = await localityIdByCode(b, THAI_NGUYEN);
    await createUserService({ db: b.handle.db, clock: fixedClock }).create(
      { actor: systemActor('test setup'), ip: null, userAgent: null },
      {
        username: 'thainguyen.vp',
        displayName: 'Văn phòng tỉnh',
        password: TEST_PASSWORD,
        roles: [{ role: 'standing_officer', localityId: provinceId }],
      },
      { mustChangePassword: false },
    );
    province = await b.signIn('thainguyen.vp');
    await setUnit(b, await b.signIn('dantien.vhxh'), await planOf(b), ONLINE, 'hồ sơ');
    packageBytes = download.rawPayload;
    // B's administrator registers A's signing key for the commune (docs/open-data.md, "Chữ ký số").
    const key = (await standing.call('GET', '/api/v1/instance/signing-key')).body.data;
    const registered = await b.call(
      'POST',
      `/api/v1/localities/${await localityIdByCode(b, '05755')}/signing-keys`,
      {
        name: 'Hệ thống xã Dân Tiến',
        publicKey: key.publicKey,
      },
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('should carry the numerator and denominator behind a rate in the package', () => {
    expect(figures.indicators.find((row) => row.catalogCode === ONLINE)).toMatchObject({
      unit: '%',
      value: 90,
      numerator: 1710,
      denominator: 1900,
    });
    // A rate given as a value only travels without a fraction.
    expect(figures.indicators.find((row) => row.catalogCode === BUSINESS)).toMatchObject({
      unit: 'hồ sơ',
      value: 85,
      numerator: null,
      denominator: null,
    });
  });

  it('should count the local plan before the package arrives', async () => {
    const before = await overview(provinceId);
    expect(before.localities.find((row) => row.name === 'Dân Tiến')).toMatchObject({ received: null });
    expect(rollupOf(before.rollups, ONLINE)).toMatchObject({ included: 0, reporting: 1 });
    expect((await valuesOf(provinceId, ONLINE))[0]).toMatchObject({ excluded: 'unit_mismatch' });
    expect((await valuesOf(provinceId, BUSINESS))[0]).toMatchObject({
      excluded: 'missing_denominator',
      received: null,
    });
  });

  it('should count the commune once, from the approved figures it sent, in the province roll-ups', async () => {
    const imported = await b.app.inject({
      method: 'POST',
      url: '/api/v1/submission-packages',
      payload: packageBytes,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'goi.zip', ...province.headers },
      cookies: province.cookies,
    });
    expect(imported.statusCode, imported.body).toBe(201);

    const after = await overview(provinceId);
    const row = after.localities.find((item) => item.name === 'Dân Tiến')!;
    expect(row).toMatchObject({
      score: figures.score,
      colour: figures.colour,
      planCount: 1,
      received: { localPlans: 1, reportVersion: 1 },
    });
    expect(after.summary.localities.received).toBe(1);
    for (const rollup of after.rollups) {
      const values = await valuesOf(provinceId, rollup.catalogCode);
      // Never twice: one figure of the commune per catalog code, the one it sent.
      expect(
        values.filter((value) => value.localityName === 'Dân Tiến'),
        rollup.catalogCode,
      ).toHaveLength(1);
      const sentFigure = figures.indicators.find((item) => item.catalogCode === rollup.catalogCode)!;
      expect(values[0]).toMatchObject({
        planId: null,
        value: sentFigure.value,
        received: { periodLabel: expect.any(String), approvedOn: '2026-11-25', reportVersion: 1 },
      });
    }
    // The package's rate in %, with its numerator and denominator, goes into the province value.
    expect(rollupOf(after.rollups, ONLINE)).toMatchObject({
      value: 90,
      numerator: 1710,
      denominator: 1900,
      reporting: 1,
      included: 1,
    });
    // The package's figure in another unit is shown as not comparable, not converted.
    expect(rollupOf(after.rollups, BUSINESS)).toMatchObject({ value: null, included: 0 });
    expect((await valuesOf(provinceId, BUSINESS))[0]).toMatchObject({
      value: 85,
      excluded: 'unit_mismatch',
    });
  });

  it("should count the package in the nation's province row and roll-ups, once", async () => {
    const nation = await overview(b.rootLocalityId);
    const thaiNguyen = nation.localities.find((row) => row.name === 'Thái Nguyên')!;
    // Dân Tiến is Thái Nguyên's only commune with figures: the province scores as the commune approved.
    expect(thaiNguyen).toMatchObject({
      score: figures.score,
      colour: figures.colour,
      planCount: 1,
      communes: { withPlans: 1, received: 1 },
    });
    expect(nation.summary.communes?.received).toBe(1);
    const online = rollupOf(nation.rollups, ONLINE);
    expect(online).toMatchObject({
      value: 90,
      numerator: 1710,
      denominator: 1900,
      reporting: 1,
      included: 1,
    });
    expect(await valuesOf(b.rootLocalityId, ONLINE)).toEqual([
      expect.objectContaining({ localityName: 'Thái Nguyên', communes: { reporting: 1, included: 1 } }),
    ]);
    expect(await valuesOf(b.rootLocalityId, BUSINESS)).toEqual([
      expect.objectContaining({
        localityName: 'Thái Nguyên',
        excluded: 'unit_mismatch',
        communes: { reporting: 1, included: 0 },
      }),
    ]);
  });

  it('should refuse the overview with the received figures to a user of another province', async () => {
    const other = await b.signIn('haiphong.thanhtra');
    const response = await other.call('GET', `/api/v1/localities/${provinceId}/overview?year=2026`);
    expect(response.status).toBe(404);
  });
});

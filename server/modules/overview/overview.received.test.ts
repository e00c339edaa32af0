/**
 * A province's overview shows a commune that has no plan in this instance from the submission packages
 * its own instance sent (test clock: 25/11/2026). The package wins where the commune also has a plan
 * here: the approved figures it sent are what its leader signed, and the row says the local plan was
 * set aside (overview.received-rollup.test.ts: the same once-only rule in the roll-ups).
 */
import { randomUUID } from 'node:crypto';
import { CATALOG_VERSION } from '@core/catalog/standard-catalog';
import { INDICATOR_STATUSES, TASK_STATUSES, TIMELINESS } from '@core/domain/evaluation';
import {
  SUBMISSION_FIGURES_SCHEMA,
  SUBMISSION_SCHEMA_VERSION,
  type TSubmissionFigures,
  ZSubmissionFigures,
} from '@core/schemas/exchange.schemas';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionPackage } from '../../db/schema';
import type { ReceivedPackage } from '../../shared/received-packages';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';
import { packagesOfYear, rowFromPackages } from './overview.received';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** figures.json of an approved report, as a commune's instance writes it. */
const figuresOf = (input: {
  code: string;
  name: string;
  periodEnd: string;
  version?: number;
  approvedOn?: string;
  score: number | null;
  colour: TSubmissionFigures['colour'];
  units?: number;
  indicators?: Partial<Record<(typeof INDICATOR_STATUSES)[number], number>>;
  timeliness?: Partial<Record<(typeof TIMELINESS)[number], number>>;
}): TSubmissionFigures =>
  ZSubmissionFigures.parse({
    schema: SUBMISSION_FIGURES_SCHEMA,
    schemaVersion: SUBMISSION_SCHEMA_VERSION,
    catalogVersion: '2025.1',
    locality: {
      code: input.code,
      name: input.name,
      kind: 'xã',
      level: 'commune',
      parentCode: '31',
      parentName: 'Hải Phòng',
    },
    plan: {
      id: randomUUID(),
      number: '12/KH-UBND',
      title: 'Kế hoạch thực hiện Nghị quyết 57',
      issuedDate: null,
    },
    period: {
      key: input.periodEnd.slice(0, 4),
      dhis2: input.periodEnd.slice(0, 4),
      label: `Năm ${input.periodEnd.slice(0, 4)}`,
      periodStart: `${input.periodEnd.slice(0, 4)}-01-01`,
      periodEnd: input.periodEnd,
      dataFrom: `${input.periodEnd.slice(0, 4)}-01-01`,
      dataTo: `${input.periodEnd.slice(0, 4)}-11-14`,
      dueDate: `${input.periodEnd.slice(0, 4)}-11-30`,
    },
    approval: {
      version: input.version ?? 1,
      approvedAt: `${input.approvedOn ?? '2026-11-20'}T03:00:00.000Z`,
      approvedOn: input.approvedOn ?? '2026-11-20',
      frozen: true,
    },
    score: input.score,
    colour: input.colour,
    indicators: [],
    indicatorCounts: { ...zeros(INDICATOR_STATUSES), ...input.indicators },
    tasks: {
      total: 4,
      counts: { ...zeros(TASK_STATUSES), done_on_time: 3, in_progress_late: 1 },
      completion: 75,
    },
    timeliness: {
      units: input.units ?? 3,
      counts: { ...zeros(TIMELINESS), on_time: 2, late: 1, ...input.timeliness },
    },
  });

const receivedOf = (
  localityId: string,
  sourcePlanId: string,
  figures: TSubmissionFigures,
): ReceivedPackage => ({
  localityId,
  sourcePlanId,
  reportVersion: figures.approval.version,
  receivedAt: new Date('2026-11-21T02:00:00Z'),
  fileName: 'goi.zip',
  figures,
});

const commune = {
  id: randomUUID(),
  code: '99999',
  name: 'An Thử',
  kind: 'xã',
  formedFrom: null,
  scoreGreen: null,
  scoreYellow: null,
};

describe('rowFromPackages and packagesOfYear', () => {
  it('should keep, per plan of origin, the latest period of the year in its newest version', () => {
    const plan = randomUUID();
    const first = receivedOf(
      commune.id,
      plan,
      figuresOf({ ...commune, periodEnd: '2026-12-31', score: 60, colour: 'yellow' }),
    );
    const second = receivedOf(
      commune.id,
      plan,
      figuresOf({ ...commune, periodEnd: '2026-12-31', version: 2, score: 82, colour: 'green' }),
    );
    const lastYear = receivedOf(
      commune.id,
      plan,
      figuresOf({ ...commune, periodEnd: '2025-12-31', score: 90, colour: 'green' }),
    );
    expect(packagesOfYear([first, second, lastYear], 2026)).toEqual([second]);
    expect(packagesOfYear([first, second, lastYear], 2025)).toEqual([lastYear]);
    expect(packagesOfYear([first, second], 2024)).toEqual([]);
  });

  it('should show one plan with the score and colour the commune approved, and its counts', () => {
    const figures = figuresOf({
      ...commune,
      periodEnd: '2026-12-31',
      score: 71.5,
      colour: 'yellow',
      indicators: { achieved: 3, behind: 2, no_data: 1 },
    });
    const row = rowFromPackages(commune, [receivedOf(commune.id, randomUUID(), figures)])!;
    expect(row).toMatchObject({
      score: 71.5,
      colour: 'yellow',
      evaluation: 'scored',
      plans: [],
      planCount: 1,
      indicatorCount: 6,
      taskCount: 4,
      overdueTasks: 1,
      reports: { expected: 3, submitted: 3, accepted: 3, pendingReview: 0, late: 1, missing: 0 },
      received: { packages: 1, periodLabel: 'Năm 2026', approvedOn: '2026-11-20', reportVersion: 1 },
    });
    expect(row.indicators).toMatchObject({ achieved: 3, behind: 2, no_data: 1 });
    // Made with another catalog version: counted by code, and the row says so.
    expect(row.received).toMatchObject({ otherCatalogVersion: '2025.1', catalogVersion: CATALOG_VERSION });
    const current = rowFromPackages(commune, [
      receivedOf(commune.id, randomUUID(), { ...figures, catalogVersion: CATALOG_VERSION }),
    ])!;
    expect(current.received?.otherCatalogVersion).toBeNull();
  });

  it('should weigh several plans by the units each scored and colour the mean with the thresholds', () => {
    const a = figuresOf({ ...commune, periodEnd: '2026-12-31', score: 90, colour: 'green', units: 3 });
    const b = figuresOf({ ...commune, periodEnd: '2026-12-31', score: 50, colour: 'yellow', units: 1 });
    const row = rowFromPackages(commune, [
      receivedOf(commune.id, randomUUID(), a),
      receivedOf(commune.id, randomUUID(), b),
    ])!;
    expect(row.score).toBe(80);
    expect(row.colour).toBe('green');
    expect(row.planCount).toBe(2);
    expect(row.reports.expected).toBe(4);
  });

  it('should leave a commune without a score unranked, and give no row without packages', () => {
    const figures = figuresOf({ ...commune, periodEnd: '2026-12-31', score: null, colour: 'none' });
    expect(rowFromPackages(commune, [receivedOf(commune.id, randomUUID(), figures)])).toMatchObject({
      evaluation: 'not_evaluated',
      score: null,
      colour: 'none',
    });
    expect(rowFromPackages(commune, [])).toBeNull();
  });
});

describe('GET /api/v1/localities/:id/overview with packages received from communes', () => {
  let t: TestApp;
  let provinceUser: Client;
  let haiPhong: string;
  let rows: Array<{ localityId: string; name: string; planCount: number }>;

  const receive = async (localityId: string, figures: TSubmissionFigures) =>
    t.handle.db.insert(submissionPackage).values({
      localityId,
      localityCode: figures.locality.code,
      sourcePlanId: figures.plan.id,
      periodKey: figures.period.key,
      reportVersion: figures.approval.version,
      figures,
      figuresSha256: 'a'.repeat(64),
      checksum: 'b'.repeat(64),
      fileName: `goi-${figures.locality.code}.zip`,
      sizeBytes: 1000,
      receivedAt: new Date('2026-11-21T02:00:00Z'),
      receivedBy: null,
    });

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    provinceUser = await t.signIn('haiphong.thanhtra');
    const localities = (await t.call('GET', '/api/v1/localities?level=province')).body.data as Array<{
      id: string;
      name: string;
    }>;
    haiPhong = localities.find((row) => row.name === 'Hải Phòng')!.id;
    rows = (await provinceUser.call('GET', `/api/v1/localities/${haiPhong}/overview?year=2026`)).body.data
      .localities;
  });
  afterAll(() => t.close());

  it('should rank a commune with no plan here by the figures it sent, say where they come from, and export them', async () => {
    const [first, second] = rows.filter((row) => row.planCount === 0);
    const thanhDong = rows.find((row) => row.name === 'Thành Đông')!;
    await receive(
      first!.localityId,
      figuresOf({ code: 'C1', name: first!.name, periodEnd: '2026-12-31', score: 88, colour: 'green' }),
    );
    await receive(
      second!.localityId,
      figuresOf({ code: 'C2', name: second!.name, periodEnd: '2026-12-31', score: 42, colour: 'red' }),
    );
    // The package wins over Thành Đông's plan here, and the row says one local plan was set aside.
    await receive(
      thanhDong.localityId,
      figuresOf({ code: '10507', name: 'Thành Đông', periodEnd: '2026-12-31', score: 99, colour: 'green' }),
    );

    const overview = (await provinceUser.call('GET', `/api/v1/localities/${haiPhong}/overview?year=2026`))
      .body.data;
    const byId = new Map(
      (overview.localities as Array<Record<string, unknown> & { localityId: string }>).map((row) => [
        row.localityId,
        row,
      ]),
    );
    expect(byId.get(first!.localityId)).toMatchObject({
      score: 88,
      colour: 'green',
      rank: 2,
      received: { packages: 1, periodLabel: 'Năm 2026', approvedOn: '2026-11-20' },
    });
    expect(byId.get(second!.localityId)).toMatchObject({ score: 42, colour: 'red', rank: 3 });
    expect(byId.get(thanhDong.localityId)).toMatchObject({
      received: { packages: 1, localPlans: 1 },
      score: 99,
      planCount: 1,
      plans: [],
    });
    expect(byId.get(first!.localityId)).toMatchObject({ received: { localPlans: 0 } });
    expect(overview.summary.localities).toMatchObject({ total: 114, withPlans: 3, received: 3 });
    // Another year has no package: the communes are as before.
    const lastYear = (await provinceUser.call('GET', `/api/v1/localities/${haiPhong}/overview?year=2025`))
      .body.data;
    expect(
      (lastYear.localities as Array<{ localityId: string; received: unknown }>).find(
        (row) => row.localityId === first!.localityId,
      ),
    ).toMatchObject({ received: null, score: null });

    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/localities/${haiPhong}/overview.xlsx?year=2026&colours=green`,
      cookies: provinceUser.cookies,
    });
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const text = book.worksheets[0]!.getSheetValues().flat().join(' | ');
    expect(text).toContain(first!.name);
    expect(text).toContain('Gói báo cáo nhận ngày 21/11/2026: Năm 2026, duyệt ngày 20/11/2026');
  });

  it('should refuse the overview with its packages to a user of another province', async () => {
    const other = await t.signIn('dantien.lanhdao');
    const response = await other.call('GET', `/api/v1/localities/${haiPhong}/overview?year=2026`);
    expect(response.status).toBe(404);
  });
});

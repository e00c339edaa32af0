/**
 * GET /api/v1/my-work on the demo data (test clock: 25/11/2026). Thành Đông's annual reports are due
 * 30/11 (2026, open) and were due 30/11/2025 (never filed); Dân Tiến's 2026 report of Phòng Văn hóa -
 * Xã hội is submitted and waits for its standing agency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

type Obligation = {
  plan: { id: string; localityName: string };
  period: { id: string; key: string; dueDate: string };
  unitId: string;
  unitName: string;
  report: { id: string; status: string; revision: number; returnReason: string | null } | null;
  timeliness: string;
  daysLeft: number;
  link: string;
};
type ReviewItem = {
  plan: { localityName: string };
  period: { id: string };
  unitId: string;
  unitName: string;
  report: { id: string; status: string };
  link: string;
};
type MyWork = {
  asOf: string;
  roles: { files: boolean; reviews: boolean };
  obligations: Obligation[];
  toReview: ReviewItem[];
  counts: { obligations: number; returned: number; overdue: number; toReview: number };
};

describe('GET /api/v1/my-work', () => {
  let t: TestApp;
  let hcc: Client;
  let standing: Client;
  let danTienStanding: Client;
  let leader: Client;

  const myWork = async (client: Client): Promise<MyWork> => {
    const response = await client.call('GET', '/api/v1/my-work');
    expect(response.status).toBe(200);
    return response.body.data;
  };

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    hcc = await t.signIn('thanhdong.hcc');
    standing = await t.signIn('thanhdong.vhxh');
    danTienStanding = await t.signIn('dantien.vhxh');
    leader = await t.signIn('thanhdong.lanhdao');
  });
  afterAll(() => t.close());

  it('should list the reports a unit officer must file: the open period and the overdue one, with days left', async () => {
    const work = await myWork(hcc);
    expect(work.asOf).toBe('2026-11-25');
    expect(work.roles).toEqual({ files: true, reviews: false });
    expect(
      work.obligations.map((row) => [
        row.plan.localityName,
        row.period.key,
        row.unitName,
        row.timeliness,
        row.daysLeft,
        row.report,
      ]),
    ).toEqual([
      ['Thành Đông', '2025', 'Trung tâm HCC', 'missing', -360, null],
      ['Thành Đông', '2026', 'Trung tâm HCC', 'not_due', 5, null],
    ]);
    const open = work.obligations[1]!;
    expect(open.link).toBe(`/reporting-periods/${open.period.id}/units/${open.unitId}`);
    expect(work.counts).toEqual({ obligations: 2, returned: 0, overdue: 1, toReview: 0 });
    expect(work.toReview).toEqual([]);
  });

  it('should show the standing agency only the submitted reports of its own locality, and the returned reason to the unit', async () => {
    const before = await myWork(standing);
    expect(before.roles).toEqual({ files: false, reviews: true });
    // Dân Tiến's submitted report is in another locality: not Thành Đông's agency's to review.
    expect(before.toReview).toEqual([]);
    expect(before.obligations).toEqual([]);

    const open = (await myWork(hcc)).obligations.find((row) => row.period.key === '2026')!;
    const saved = await hcc.call(
      'PUT',
      `/api/v1/reporting-periods/${open.period.id}/units/${open.unitId}/report`,
      {
        revision: 0,
        nothingArose: true,
      },
    );
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${saved.body.data.report.id}/submit`, {
      revision: saved.body.data.report.revision,
    });
    expect(submitted.status).toBe(200);

    const waiting = await myWork(standing);
    expect(waiting.toReview.map((row) => [row.plan.localityName, row.unitName, row.report.status])).toEqual([
      ['Thành Đông', 'Trung tâm HCC', 'submitted'],
    ]);
    expect(waiting.counts.toReview).toBe(1);
    // Submitted and still open: the unit sees where it stands.
    expect((await myWork(hcc)).obligations.find((row) => row.period.key === '2026')!.report?.status).toBe(
      'submitted',
    );

    await standing.call('POST', `/api/v1/unit-reports/${submitted.body.data.report.id}/return`, {
      revision: submitted.body.data.report.revision,
      reason: 'Bổ sung số liệu hồ sơ trực tuyến',
    });
    const returned = await myWork(hcc);
    expect(returned.obligations.find((row) => row.period.key === '2026')!.report).toMatchObject({
      status: 'returned',
      returnReason: 'Bổ sung số liệu hồ sơ trực tuyến',
    });
    expect(returned.counts).toMatchObject({ returned: 1, overdue: 1 });
    expect((await myWork(standing)).toReview).toEqual([]);
  });

  it('should show another locality’s standing agency only its own reports waiting for review', async () => {
    const work = await myWork(danTienStanding);
    expect(work.toReview.map((row) => [row.plan.localityName, row.unitName])).toEqual([
      ['Dân Tiến', 'Phòng Văn hóa - Xã hội'],
    ]);
  });

  it('should give a unit officer nothing of another unit, and a leader nothing to file or review', async () => {
    const kinhTe = await myWork(await t.signIn('thanhdong.kinhte'));
    expect(kinhTe.obligations.length).toBeGreaterThan(0);
    expect(kinhTe.obligations.every((row) => row.unitName === 'Phòng Kinh tế, Hạ tầng và Đô thị')).toBe(true);
    const danTienOfficer = await myWork(await t.signIn('dantien.hcc'));
    expect(danTienOfficer.obligations.every((row) => row.plan.localityName === 'Dân Tiến')).toBe(true);
    expect(danTienOfficer.obligations.some((row) => row.unitName === 'Trung tâm HCC')).toBe(false);
    expect(await myWork(leader)).toMatchObject({
      roles: { files: false, reviews: false },
      obligations: [],
      toReview: [],
    });
  });

  it('should show the system administrator what waits for review everywhere', async () => {
    const work = await myWork(await t.signIn('admin'));
    expect(work.toReview.map((row) => row.plan.localityName)).toContain('Dân Tiến');
  });
});

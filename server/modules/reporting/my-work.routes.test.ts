/**
 * GET /api/v1/my-work on the demo data (test clock: 25/11/2026). Thành Đông's annual reports are due
 * 30/11 (2026, open) and were due 30/11/2025 (never filed); Dân Tiến's 2026 report of Phòng Văn hóa -
 * Xã hội is submitted and waits for its standing agency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainedValues } from '../../test/factories';
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
type ConsolidatedItem = {
  plan: { id: string; localityName: string };
  period: { id: string; key: string; dueDate: string };
  report: {
    id: string;
    status: string;
    revision: number;
    sentAt: string | null;
    sentByName: string | null;
    decidedByName: string | null;
    returnReason: string | null;
  } | null;
  daysLeft: number;
  link: string;
};
type MyWork = {
  asOf: string;
  roles: { files: boolean; reviews: boolean; approves: boolean; consolidates: boolean };
  obligations: Obligation[];
  toReview: ReviewItem[];
  consolidatedToApprove: ConsolidatedItem[];
  consolidatedReturned: ConsolidatedItem[];
  consolidatedOverdue: ConsolidatedItem[];
  counts: {
    obligations: number;
    returned: number;
    overdue: number;
    toReview: number;
    consolidatedToApprove: number;
    consolidatedReturned: number;
    consolidatedOverdue: number;
  };
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
    expect(work.roles).toEqual({ files: true, reviews: false, approves: false, consolidates: false });
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
    expect(work.counts).toEqual({
      obligations: 2,
      returned: 0,
      overdue: 1,
      toReview: 0,
      consolidatedToApprove: 0,
      consolidatedReturned: 0,
      consolidatedOverdue: 0,
    });
    expect(work.toReview).toEqual([]);
  });

  it('should show the standing agency only the submitted reports of its own locality, and the returned reason to the unit', async () => {
    const before = await myWork(standing);
    expect(before.roles).toEqual({ files: false, reviews: true, approves: false, consolidates: true });
    // Dân Tiến's submitted report is in another locality: not Thành Đông's agency's to review.
    expect(before.toReview).toEqual([]);
    expect(before.obligations).toEqual([]);

    const open = (await myWork(hcc)).obligations.find((row) => row.period.key === '2026')!;
    const openUrl = `/api/v1/reporting-periods/${open.period.id}/units/${open.unitId}/report`;
    const saved = await hcc.call('PUT', openUrl, {
      revision: 0,
      nothingArose: true,
      values: await explainedValues(hcc, openUrl),
    });
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
      roles: { files: false, reviews: false, approves: true, consolidates: false },
      obligations: [],
      toReview: [],
    });
  });

  it('should show the system administrator what waits for review everywhere', async () => {
    const work = await myWork(await t.signIn('admin'));
    expect(work.toReview.map((row) => row.plan.localityName)).toContain('Dân Tiến');
  });
});

/**
 * Consolidated reports in "Việc của tôi", states built through the consolidation routes: Dân Tiến's
 * standing agency sends its 2026 report to its leader, who returns it with a reason.
 */
describe('GET /api/v1/my-work: consolidated reports', () => {
  let t: TestApp;
  let standing: Client;
  let leader: Client;
  let otherLeader: Client;
  let unitOfficer: Client;
  let periods: Array<{ id: string; key: string; dueDate: string }>;

  const myWork = async (client: Client): Promise<MyWork> => {
    const response = await client.call('GET', '/api/v1/my-work');
    expect(response.status).toBe(200);
    return response.body.data;
  };
  const periodOf = (key: string) => periods.find((row) => row.key === key)!;
  const consolidatedUrl = (key: string) =>
    `/api/v1/reporting-periods/${periodOf(key).id}/consolidated-report`;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    standing = await t.signIn('dantien.vhxh');
    leader = await t.signIn('dantien.lanhdao');
    otherLeader = await t.signIn('thanhdong.lanhdao');
    unitOfficer = await t.signIn('dantien.hcc');
    const plans: Array<{ id: string; localityName: string }> = (await standing.call('GET', '/api/v1/plans'))
      .body.data;
    const plan = plans.find((row) => row.localityName === 'Dân Tiến')!;
    periods = (await standing.call('GET', `/api/v1/plans/${plan.id}/reporting-periods`)).body.data;
  });
  afterAll(() => t.close());

  it('should show the standing agency the periods past due whose consolidated report is not sent', async () => {
    const work = await myWork(standing);
    expect(work.roles).toMatchObject({ reviews: true, consolidates: true, approves: false });
    expect(
      work.consolidatedOverdue.map((row) => [row.plan.localityName, row.period.key, row.report, row.link]),
    ).toEqual([['Dân Tiến', '2025', null, `/reporting-periods/${periodOf('2025').id}/consolidated`]]);
    expect(work.consolidatedOverdue[0]!.daysLeft).toBeLessThan(0);
    expect(work.counts).toMatchObject({ consolidatedOverdue: 1, consolidatedReturned: 0 });

    // A draft is still not sent: it stays, with its status; once sent, it leaves the list.
    const draft = await standing.call('PUT', consolidatedUrl('2025'), { revision: 0, narrative: 'Năm 2025' });
    expect((await myWork(standing)).consolidatedOverdue.map((row) => row.report?.status)).toEqual(['draft']);
    await standing.call('POST', `/api/v1/consolidated-reports/${draft.body.data.id}/send`, {
      revision: draft.body.data.revision,
    });
    expect((await myWork(standing)).consolidatedOverdue).toEqual([]);
  });

  it('should show the leader the reports sent in their locality, and not another locality’s leader', async () => {
    const draft = await standing.call('PUT', consolidatedUrl('2026'), { revision: 0, narrative: 'Năm 2026' });
    const sent = await standing.call('POST', `/api/v1/consolidated-reports/${draft.body.data.id}/send`, {
      revision: draft.body.data.revision,
    });
    expect(sent.status).toBe(200);

    const work = await myWork(leader);
    expect(work.roles).toEqual({ files: false, reviews: false, approves: true, consolidates: false });
    expect(
      work.consolidatedToApprove.map((row) => [
        row.plan.localityName,
        row.period.key,
        row.report?.status,
        row.report?.sentByName,
        row.link,
      ]),
    ).toEqual([
      [
        'Dân Tiến',
        '2025',
        'sent',
        'Cán bộ Phòng Văn hóa - Xã hội (Dân Tiến)',
        `/reporting-periods/${periodOf('2025').id}/consolidated`,
      ],
      [
        'Dân Tiến',
        '2026',
        'sent',
        'Cán bộ Phòng Văn hóa - Xã hội (Dân Tiến)',
        `/reporting-periods/${periodOf('2026').id}/consolidated`,
      ],
    ]);
    expect(work.consolidatedToApprove[1]!.report?.sentAt).toBe('2026-11-25T08:00:00.000Z');
    expect(work.counts.consolidatedToApprove).toBe(2);
    expect(work.consolidatedReturned).toEqual([]);
    expect(work.consolidatedOverdue).toEqual([]);

    const other = await myWork(otherLeader);
    expect(other.consolidatedToApprove).toEqual([]);
    expect(other.counts.consolidatedToApprove).toBe(0);
    // The standing agency waits for the decision: nothing for it to do on a sent report.
    expect((await myWork(standing)).consolidatedReturned).toEqual([]);
  });

  it('should show the standing agency a returned report with its reason, and the leader no longer', async () => {
    const report = (await leader.call('GET', consolidatedUrl('2026'))).body.data;
    const returned = await leader.call('POST', `/api/v1/consolidated-reports/${report.id}/return`, {
      revision: report.revision,
      reason: 'Bổ sung đánh giá chỉ tiêu hồ sơ trực tuyến',
    });
    expect(returned.status).toBe(200);

    const work = await myWork(standing);
    expect(work.consolidatedReturned.map((row) => [row.period.key, row.report])).toEqual([
      [
        '2026',
        expect.objectContaining({
          id: report.id,
          status: 'returned',
          returnReason: 'Bổ sung đánh giá chỉ tiêu hồ sơ trực tuyến',
          decidedByName: 'Lãnh đạo UBND xã Dân Tiến',
        }),
      ],
    ]);
    expect(work.consolidatedReturned[0]!.link).toBe(`/reporting-periods/${periodOf('2026').id}/consolidated`);
    expect(work.counts).toMatchObject({ consolidatedReturned: 1, consolidatedOverdue: 0 });
    expect((await myWork(leader)).consolidatedToApprove.map((row) => row.period.key)).toEqual(['2025']);
    // Another locality's standing agency sees none of it.
    const otherStanding = await myWork(await t.signIn('thanhdong.vhxh'));
    expect(otherStanding.consolidatedReturned).toEqual([]);
    expect(otherStanding.consolidatedOverdue.every((row) => row.plan.localityName === 'Thành Đông')).toBe(
      true,
    );
  });

  it('should give a unit officer no consolidated report at all', async () => {
    const work = await myWork(unitOfficer);
    expect(work.roles).toMatchObject({ files: true, approves: false, consolidates: false });
    expect(work.consolidatedToApprove).toEqual([]);
    expect(work.consolidatedReturned).toEqual([]);
    expect(work.consolidatedOverdue).toEqual([]);
  });
});

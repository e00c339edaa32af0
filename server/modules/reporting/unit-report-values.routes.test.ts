/**
 * The figures of a unit report over HTTP, on the demo plan of Thành Đông (annual report due 30/11; today
 * is 25/11/2026 in the test clock): a figure out of its range is refused with a 400 naming the indicator
 * and nothing is written (never clamped); a report is submitted only with every value given or explained;
 * a late report says why; returns stay in the report's history; the previous period's accepted value is
 * shown beside the form.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorValue } from '../../db/schema';
import { findPeriodId, findPlan, findUnitId } from '../../test/demo-lookups';
import { countAllRows } from '../../test/factories';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

type Row = {
  indicatorId: string;
  code: string | null;
  name: string;
  unit: string | null;
  isQualitative: boolean;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  missingReason: string | null;
  previous: { periodLabel: string; value: number | null } | null;
};
type Form = {
  report: { id: string; revision: number; status: string; isLate: boolean; lateReason: string | null } | null;
  indicators: Row[];
  tasks: Array<{ taskId: string }>;
  returns: Array<{
    reason: string;
    comments: Array<{ indicatorId: string | null; taskId: string | null; text: string }>;
    returnedByName: string | null;
  }>;
};

describe('unit report figures', () => {
  let t: TestApp;
  let hcc: Client;
  let standing: Client;
  let hccUnitId: string;
  let period2025: string;
  let period2026: string;

  const formUrl = (periodId: string) => `/api/v1/reporting-periods/${periodId}/units/${hccUnitId}/report`;
  const loadForm = async (client: Client, periodId = period2026): Promise<Form> =>
    (await client.call('GET', formUrl(periodId))).body.data;
  /** "I.2 – Tỷ lệ …": how a message names the indicator. */
  const labelOf = (row: Row) => {
    const name = row.name.length > 80 ? `${row.name.slice(0, 80).trimEnd()}…` : row.name;
    return row.code ? `${row.code} – ${name}` : name;
  };

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    hcc = await t.signIn('thanhdong.hcc');
    standing = await t.signIn('thanhdong.vhxh');
    const plan = await findPlan(t, 'Thành Đông');
    hccUnitId = await findUnitId(t, plan.localityId, 'Trung tâm HCC');
    period2025 = await findPeriodId(standing, plan.id, '2025');
    period2026 = await findPeriodId(standing, plan.id, '2026');
  });
  afterAll(() => t.close());

  it('should refuse a figure out of range, negative, too long or not a number with a 400 naming the indicator, and write nothing', async () => {
    const form = await loadForm(hcc);
    const percent = form.indicators.find((row) => row.unit === '%' && !row.isQualitative)!;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ value: 150 }, 'Chỉ tiêu tính theo %, giá trị phải từ 0 đến 100'],
      [{ value: -5 }, 'Chỉ tiêu tính theo %, giá trị phải từ 0 đến 100'],
      // A 20-digit figure (what a JSON number of 20 digits reads as).
      [{ value: 1.2345678901234567e19 }, 'Số quá lớn: tối đa 15 chữ số'],
      [{ numerator: -5, denominator: 10 }, 'Tử số không được âm'],
      [{ numerator: 5, denominator: 0 }, 'Mẫu số phải lớn hơn 0'],
      [{ numerator: 1900, denominator: 1710 }, 'Tử số không được lớn hơn mẫu số'],
    ];
    const before = await countAllRows(t);
    for (const [figures, message] of cases) {
      const response = await hcc.call('PUT', formUrl(period2026), {
        revision: 0,
        values: [{ indicatorId: percent.indicatorId, ...figures }],
      });
      expect(response.status, message).toBe(400);
      expect(response.body.message).toContain(message);
      expect(response.body.message).toContain(`(chỉ tiêu ${labelOf(percent)})`);
    }
    // Text where a number goes is refused by the request's schema, naming the field.
    const text = await hcc.call('PUT', formUrl(period2026), {
      revision: 0,
      values: [{ indicatorId: percent.indicatorId, value: '1.710' }],
    });
    expect(text.status).toBe(400);
    expect(text.body.message).toContain('Giá trị phải là một số');
    expect(await countAllRows(t)).toEqual(before);
  });

  it('should keep a figure exactly as sent (1710 stays 1710, never clamped or scaled)', async () => {
    const form = await loadForm(hcc);
    const percent = form.indicators.find((row) => row.unit === '%' && !row.isQualitative)!;
    const saved = await hcc.call('PUT', formUrl(period2026), {
      revision: 0,
      values: [{ indicatorId: percent.indicatorId, numerator: 1710, denominator: 1900 }],
    });
    expect(saved.status).toBe(200);
    const stored = await t.handle.db
      .select()
      .from(indicatorValue)
      .where(eq(indicatorValue.indicatorId, percent.indicatorId));
    expect(stored.map((row) => [row.numerator, row.denominator, row.value])).toEqual([[1710, 1900, 90]]);
  });

  it('should refuse to submit with empty values unless each is explained, naming the indicators, and show the reasons to the reviewer', async () => {
    let form = await loadForm(hcc);
    const empty = form.indicators.filter((row) => row.value == null);
    expect(empty.length).toBeGreaterThan(0);
    const refused = await hcc.call('POST', `/api/v1/unit-reports/${form.report!.id}/submit`, {
      revision: form.report!.revision,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain(`Còn ${empty.length} chỉ tiêu chưa có số liệu`);
    for (const row of empty) expect(refused.body.message).toContain(row.code ?? row.name);
    expect(refused.body.details).toHaveLength(empty.length);
    expect(refused.body.details[0].message).toContain(labelOf(empty[0]!));
    expect((await loadForm(hcc)).report!.status).toBe('draft');

    // A reason beside a value is refused: "Chưa có số liệu" is for empty values only.
    const filled = form.indicators.find((row) => row.value != null)!;
    const contradictory = await hcc.call('PUT', formUrl(period2026), {
      revision: form.report!.revision,
      values: [{ indicatorId: filled.indicatorId, value: 80, missingReason: 'Không có' }],
    });
    expect(contradictory.status).toBe(400);
    expect(contradictory.body.message).toContain('Đã có số liệu thì không chọn "Chưa có số liệu"');

    const explained = await hcc.call('PUT', formUrl(period2026), {
      revision: form.report!.revision,
      values: form.indicators.map((row) =>
        row.value == null
          ? { indicatorId: row.indicatorId, missingReason: `Chờ số liệu của Sở cho ${row.code}` }
          : {
              indicatorId: row.indicatorId,
              numerator: row.numerator,
              denominator: row.denominator,
              value: row.numerator == null ? row.value : null,
            },
      ),
    });
    expect(explained.status).toBe(200);
    form = explained.body.data;
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${form.report!.id}/submit`, {
      revision: form.report!.revision,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.report).toMatchObject({
      status: 'submitted',
      isLate: false,
      lateReason: null,
    });
    const reviewed = await loadForm(standing);
    for (const row of empty)
      expect(reviewed.indicators.find((item) => item.indicatorId === row.indicatorId)!.missingReason).toBe(
        `Chờ số liệu của Sở cho ${row.code}`,
      );
  });

  it('should keep every return with its reason and per-indicator comments after the unit edits the report', async () => {
    let form = await loadForm(standing);
    const [first] = form.indicators;
    const stray = await standing.call('POST', `/api/v1/unit-reports/${form.report!.id}/return`, {
      revision: form.report!.revision,
      reason: 'Xem lại',
      comments: [{ indicatorId: '00000000-0000-4000-8000-000000000000', text: 'Không có' }],
    });
    expect(stray.status).toBe(400);
    const returned = await standing.call('POST', `/api/v1/unit-reports/${form.report!.id}/return`, {
      revision: form.report!.revision,
      reason: 'Bổ sung minh chứng',
      comments: [{ indicatorId: first!.indicatorId, text: 'Số liệu chưa khớp với hệ thống một cửa' }],
    });
    expect(returned.status).toBe(200);

    form = await loadForm(hcc);
    const edited = await hcc.call('PUT', formUrl(period2026), {
      revision: form.report!.revision,
      values: form.indicators.map((row) => ({
        indicatorId: row.indicatorId,
        value: row.numerator == null ? row.value : null,
        numerator: row.numerator,
        denominator: row.denominator,
        missingReason: row.missingReason,
      })),
      proposals: 'Đã bổ sung',
    });
    expect(edited.status).toBe(200);
    const history = (await loadForm(hcc)).returns;
    expect(history).toEqual([
      {
        id: expect.any(String),
        reason: 'Bổ sung minh chứng',
        comments: [
          { indicatorId: first!.indicatorId, taskId: null, text: 'Số liệu chưa khớp với hệ thống một cửa' },
        ],
        returnedAt: expect.any(String),
        returnedByName: expect.any(String),
      },
    ]);
  });

  it('should ask a late report why, keep the reason for the reviewer, and show the accepted value in the next period', async () => {
    const blank = await loadForm(hcc, period2025);
    const percent = blank.indicators.find((row) => row.unit === '%' && !row.isQualitative)!;
    const created = await hcc.call('PUT', formUrl(period2025), {
      revision: 0,
      values: blank.indicators.map((row) =>
        row.indicatorId === percent.indicatorId
          ? { indicatorId: row.indicatorId, value: 72.5 }
          : { indicatorId: row.indicatorId, missingReason: 'Năm 2025 chưa thống kê' },
      ),
    });
    const report = created.body.data.report;
    const refused = await hcc.call('POST', `/api/v1/unit-reports/${report.id}/submit`, {
      revision: report.revision,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('Báo cáo nộp sau hạn 30/11/2025: hãy ghi lý do nộp muộn');
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${report.id}/submit`, {
      revision: report.revision,
      lateReason: 'Chờ số liệu của Sở Nội vụ',
    });
    expect(submitted.status).toBe(200);
    expect((await loadForm(standing, period2025)).report).toMatchObject({
      isLate: true,
      lateReason: 'Chờ số liệu của Sở Nội vụ',
    });
    await standing.call('POST', `/api/v1/unit-reports/${report.id}/accept`, {
      revision: submitted.body.data.report.revision,
    });
    const next = await loadForm(hcc);
    expect(next.indicators.find((row) => row.indicatorId === percent.indicatorId)!.previous).toEqual({
      periodLabel: expect.any(String),
      value: 72.5,
      assessment: null,
    });
  });
});

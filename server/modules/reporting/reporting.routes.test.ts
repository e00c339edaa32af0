/**
 * The reporting cycle on the demo plan of Thành Đông (annual report due 30/11; today is 25/11/2026
 * in the test clock): a unit fills in its report, submits it, the standing agency returns or accepts
 * it, corrections make new versions, evidence files are kept and guarded.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorValue } from '../../db/schema';
import { findPeriodId, findPlan, findUnitId } from '../../test/demo-lookups';
import { countAllRows } from '../../test/factories';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

type Form = {
  period: { id: string; dueDate: string };
  report: {
    id: string;
    revision: number;
    status: string;
    version: number;
    isLate: boolean;
    submittedAt: string | null;
  } | null;
  indicators: Array<{
    indicatorId: string;
    name: string;
    unit: string | null;
    targetText: string | null;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    missingReason: string | null;
  }>;
  tasks: Array<{ taskId: string }>;
  versions: Array<{ version: number; status: string }>;
  can: { edit: boolean; review: boolean; enterOnBehalf: boolean };
};

describe('reporting cycle', () => {
  let t: TestApp;
  let hcc: Client;
  let kinhTe: Client;
  let standing: Client;
  let leader: Client;
  let danTienOfficer: Client;
  let planId: string;
  let hccUnitId: string;
  let period2026: string;
  let period2025: string;

  const formUrl = (periodId: string, unitId = hccUnitId) =>
    `/api/v1/reporting-periods/${periodId}/units/${unitId}/report`;
  const loadForm = async (client: Client, periodId = period2026): Promise<Form> =>
    (await client.call('GET', formUrl(periodId))).body.data;
  /**
   * The value rows of a loaded form as a save sends them back (a save replaces every row), each empty
   * value explained, since a report is submitted only with every value given or explained.
   */
  const explainedRows = (form: Form) =>
    form.indicators.map((row) => ({
      indicatorId: row.indicatorId,
      value: row.numerator != null ? null : row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      missingReason: row.value == null ? (row.missingReason ?? 'Chưa có số liệu của kỳ này') : null,
    }));

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    hcc = await t.signIn('thanhdong.hcc');
    kinhTe = await t.signIn('thanhdong.kinhte');
    standing = await t.signIn('thanhdong.vhxh');
    leader = await t.signIn('thanhdong.lanhdao');
    danTienOfficer = await t.signIn('dantien.hcc');
    const plan = await findPlan(t, 'Thành Đông');
    planId = plan.id;
    hccUnitId = await findUnitId(t, plan.localityId, 'Trung tâm HCC');
    period2026 = await findPeriodId(leader, planId, '2026');
    period2025 = await findPeriodId(leader, planId, '2025');
  });
  afterAll(() => t.close());

  it('should generate the annual periods of the regime (due 30/11, data to 14/11) once', async () => {
    const periods = (await t.call('GET', `/api/v1/plans/${planId}/reporting-periods`)).body.data;
    expect(
      periods.map((period: { key: string; dueDate: string; dataFrom: string; dataTo: string }) => [
        period.key,
        period.dueDate,
        period.dataFrom,
        period.dataTo,
      ]),
    ).toEqual([
      ['2025', '2025-11-30', '2024-12-15', '2025-11-14'],
      ['2026', '2026-11-30', '2025-12-15', '2026-11-14'],
    ]);
  });

  it('should list who must report in the period, with nothing started and not yet due', async () => {
    const detail = (await leader.call('GET', `/api/v1/reporting-periods/${period2026}`)).body.data;
    const hccRow = detail.obligations.find((row: { unitName: string }) => row.unitName === 'Trung tâm HCC');
    expect(hccRow).toMatchObject({ indicatorCount: 6, taskCount: 0, report: null, timeliness: 'not_due' });
    expect(detail.obligations.map((row: { unitName: string }) => row.unitName)).toContain(
      'Phòng Văn hóa - Xã hội',
    );
  });

  it('should show a unit the indicators it leads with the year target, and let only its officers edit', async () => {
    const form = await loadForm(hcc);
    expect(form.report).toBeNull();
    expect(form.can).toEqual({ edit: true, review: false, enterOnBehalf: false });
    expect(form.indicators).toHaveLength(6);
    expect(form.indicators.every((row) => row.targetText !== undefined)).toBe(true);
    expect((await loadForm(kinhTe)).can.edit).toBe(false);
    // The standing agency may enter it on the unit's behalf (nhập thay) while nobody has started it.
    expect((await loadForm(standing)).can).toEqual({ edit: false, review: true, enterOnBehalf: true });
    expect((await danTienOfficer.call('GET', formUrl(period2026))).status).toBe(404);
  });

  it('should refuse values in the wrong unit or for indicators the unit does not lead, and write nothing', async () => {
    const form = await loadForm(hcc);
    const percent = form.indicators.find((row) => row.unit === '%')!;
    const cases: Array<[unknown, string]> = [
      [
        { revision: 0, values: [{ indicatorId: percent.indicatorId, value: 150 }] },
        'Chỉ tiêu tính theo %, giá trị phải từ 0 đến 100',
      ],
      [
        { revision: 0, values: [{ indicatorId: percent.indicatorId, numerator: 12, denominator: 10 }] },
        'Tử số không được lớn hơn mẫu số',
      ],
      [
        {
          revision: 0,
          values: [{ indicatorId: percent.indicatorId, value: 50, numerator: 9, denominator: 10 }],
        },
        'Giá trị 50 không khớp với tử số/mẫu số (90)',
      ],
      [
        { revision: 0, values: [{ indicatorId: percent.indicatorId, value: '85%' }] },
        'Giá trị phải là một số',
      ],
      [
        { revision: 0, taskUpdates: [{ taskId: percent.indicatorId, status: 'done' }] },
        'Nhiệm vụ này không do đơn vị chủ trì',
      ],
    ];
    const before = await countAllRows(t);
    for (const [body, message] of cases) {
      const response = await hcc.call('PUT', formUrl(period2026), body);
      expect(response.status, message).toBe(400);
      expect(response.body.message).toContain(message);
    }
    expect(await countAllRows(t)).toEqual(before);
  });

  it('should refuse another unit’s officer (403) and a leader, who only reads (403)', async () => {
    expect((await kinhTe.call('PUT', formUrl(period2026), { revision: 0 })).status).toBe(403);
    expect((await leader.call('PUT', formUrl(period2026), { revision: 0 })).status).toBe(403);
  });

  it('should save a draft, rebuild a percentage from numerator and denominator, and keep one save of two that race', async () => {
    const form = await loadForm(hcc);
    const [first, second] = form.indicators.filter((row) => row.unit === '%');
    const created = await hcc.call('PUT', formUrl(period2026), {
      revision: 0,
      values: [
        {
          indicatorId: first!.indicatorId,
          numerator: 45,
          denominator: 50,
          note: 'Số liệu từ hệ thống một cửa',
        },
      ],
      difficulties: 'Thiếu máy quét',
    });
    expect(created.status).toBe(200);
    expect(created.body.data.report).toMatchObject({ status: 'draft', revision: 1, version: 1 });
    expect(
      created.body.data.indicators.find(
        (row: { indicatorId: string }) => row.indicatorId === first!.indicatorId,
      ).value,
    ).toBe(90);

    const stale = await hcc.call('PUT', formUrl(period2026), { revision: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('vừa được người khác cập nhật');

    // Two saves from revision 1 at once: one wins, the other is told to reload; the winner's content is what is stored.
    const [a, b] = await Promise.all([
      hcc.call('PUT', formUrl(period2026), {
        revision: 1,
        values: [{ indicatorId: second!.indicatorId, value: 70 }],
      }),
      hcc.call('PUT', formUrl(period2026), {
        revision: 1,
        values: [{ indicatorId: second!.indicatorId, value: 75 }],
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 70 : 75;
    const stored = await t.handle.db
      .select()
      .from(indicatorValue)
      .where(eq(indicatorValue.indicatorId, second!.indicatorId));
    expect(stored.map((row) => row.value)).toEqual([winner]);
    expect((await loadForm(hcc)).report?.revision).toBe(2);
  });

  it('should attach evidence, serve it only inside the scope, and refuse other file kinds and sizes', async () => {
    const form = await loadForm(hcc);
    const pdf = Buffer.from('%PDF-1.4\n% minh chứng\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    // The test client sends JSON; evidence goes up as raw bytes, so these requests are injected directly.
    const send = (cookieClient: Client, bytes: Buffer, name: string, query = '') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/unit-reports/${form.report!.id}/attachments${query}`,
        payload: bytes,
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(name),
          ...cookieClient.headers,
        },
        cookies: cookieClient.cookies,
      });
    const created = await send(
      hcc,
      pdf,
      'Biên bản kiểm tra.pdf',
      `?indicatorId=${form.indicators[0]!.indicatorId}`,
    );
    expect(created.statusCode).toBe(201);
    const attachment = created.json().data;
    expect(attachment).toMatchObject({
      fileName: 'Biên bản kiểm tra.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });

    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${attachment.id}`,
      cookies: leader.cookies,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('Biên bản kiểm tra.pdf')}`,
    );
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/attachments/${attachment.id}`,
          cookies: danTienOfficer.cookies,
        })
      ).statusCode,
    ).toBe(404);

    const exe = await send(hcc, Buffer.from('MZ\x90\x00 not a document'), 'baocao.pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().message).toContain('PDF, ảnh PNG/JPEG, Word (.docx) hoặc Excel (.xlsx)');
    const big = await send(hcc, Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]), 'lon.pdf');
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toBe('Tệp quá lớn: mỗi tệp minh chứng tối đa 10 MB.');
    expect((await send(kinhTe, pdf, 'khac.pdf')).statusCode).toBe(403);
    expect((await leader.call('GET', '/api/v1/plans')).status).toBe(200);
  });

  it('should walk submit → return with a reason → fix → resubmit → accept, then lock', async () => {
    let form = await loadForm(hcc);
    const explained = await hcc.call('PUT', formUrl(period2026), {
      revision: form.report!.revision,
      values: explainedRows(form),
      difficulties: 'Thiếu máy quét',
    });
    form = explained.body.data;
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${form.report!.id}/submit`, {
      revision: form.report!.revision,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.report).toMatchObject({ status: 'submitted', isLate: false });
    const firstSubmittedAt = submitted.body.data.report.submittedAt;
    expect(
      (await hcc.call('PUT', formUrl(period2026), { revision: submitted.body.data.report.revision })).status,
    ).toBe(409);

    expect(
      (
        await hcc.call('POST', `/api/v1/unit-reports/${form.report!.id}/accept`, {
          revision: submitted.body.data.report.revision,
        })
      ).status,
    ).toBe(403);
    const returned = await standing.call('POST', `/api/v1/unit-reports/${form.report!.id}/return`, {
      revision: submitted.body.data.report.revision,
      reason: 'Thiếu minh chứng cho chỉ tiêu hồ sơ trực tuyến',
    });
    expect(returned.body.data.report).toMatchObject({
      status: 'returned',
      returnReason: 'Thiếu minh chứng cho chỉ tiêu hồ sơ trực tuyến',
    });
    const emptyReason = await standing.call('POST', `/api/v1/unit-reports/${form.report!.id}/return`, {
      revision: 1,
      reason: '  ',
    });
    expect(emptyReason.body.message).toBe('Lý do trả lại không được để trống');

    form = await loadForm(hcc);
    const fixed = await hcc.call('PUT', formUrl(period2026), {
      revision: form.report!.revision,
      values: explainedRows(form),
      proposals: 'Đề nghị cấp thêm máy quét',
    });
    expect(fixed.body.data.report.status).toBe('draft');
    const resubmitted = await hcc.call('POST', `/api/v1/unit-reports/${form.report!.id}/submit`, {
      revision: fixed.body.data.report.revision,
    });
    expect(resubmitted.body.data.report).toMatchObject({
      status: 'submitted',
      submittedAt: firstSubmittedAt,
    });

    const accepted = await standing.call('POST', `/api/v1/unit-reports/${form.report!.id}/accept`, {
      revision: resubmitted.body.data.report.revision,
    });
    expect(accepted.body.data.report).toMatchObject({ status: 'accepted' });
    const locked = await hcc.call('PUT', formUrl(period2026), {
      revision: accepted.body.data.report.revision,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toBe(
      'Báo cáo đã được chấp nhận và khóa. Muốn sửa số liệu, hãy tạo bản điều chỉnh.',
    );
    const obligations = (await leader.call('GET', `/api/v1/reporting-periods/${period2026}`)).body.data
      .obligations;
    expect(obligations.find((row: { unitId: string }) => row.unitId === hccUnitId)).toMatchObject({
      timeliness: 'on_time',
      report: { status: 'accepted' },
    });
  });

  it('should correct an accepted report as a new version and supersede the old one once the correction is accepted', async () => {
    const accepted = await loadForm(hcc);
    const correction = await hcc.call('POST', `/api/v1/unit-reports/${accepted.report!.id}/corrections`);
    expect(correction.status).toBe(201);
    expect(correction.body.data.report).toMatchObject({ version: 2, status: 'draft' });
    expect(correction.body.data.versions).toEqual([
      expect.objectContaining({ version: 1, status: 'accepted' }),
    ]);
    expect(correction.body.data.attachments).toHaveLength(1);
    expect(correction.body.data.indicators.map((row: { value: number | null }) => row.value)).toEqual(
      accepted.indicators.map((row) => row.value),
    );
    // The correction is a draft, but the period's report came in on time: the accepted version says so.
    const obligations = (await leader.call('GET', `/api/v1/reporting-periods/${period2026}`)).body.data
      .obligations;
    expect(obligations.find((row: { unitId: string }) => row.unitId === hccUnitId)).toMatchObject({
      timeliness: 'on_time',
      report: { version: 2, status: 'draft' },
    });

    const draft = correction.body.data.report;
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${draft.id}/submit`, {
      revision: draft.revision,
    });
    await standing.call('POST', `/api/v1/unit-reports/${draft.id}/accept`, {
      revision: submitted.body.data.report.revision,
    });
    const after = await loadForm(leader);
    expect(after.report).toMatchObject({ version: 2, status: 'accepted' });
    expect(after.versions).toEqual([expect.objectContaining({ version: 1, status: 'superseded' })]);
  });

  it('should show an earlier version read-only, in scope only, with the values it had', async () => {
    const before = await loadForm(hcc);
    expect(before.report).toMatchObject({ version: 2, status: 'accepted' });
    const percent = before.indicators.find((row) => row.unit === '%')!;
    expect(percent.value).toBeNull();
    const correction = (await hcc.call('POST', `/api/v1/unit-reports/${before.report!.id}/corrections`)).body
      .data;
    const saved = await hcc.call('PUT', formUrl(period2026), {
      revision: correction.report.revision,
      values: explainedRows(correction).map((row) =>
        row.indicatorId === percent.indicatorId ? { indicatorId: row.indicatorId, value: 64.5 } : row,
      ),
    });
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${correction.report.id}/submit`, {
      revision: saved.body.data.report.revision,
    });
    await standing.call('POST', `/api/v1/unit-reports/${correction.report.id}/accept`, {
      revision: submitted.body.data.report.revision,
    });

    const url = `/api/v1/unit-reports/${before.report!.id}`;
    const earlier = await hcc.call('GET', url);
    expect(earlier.status).toBe(200);
    expect(earlier.body.data).toMatchObject({
      isCurrentVersion: false,
      report: { id: before.report!.id, version: 2, status: 'superseded' },
      can: { edit: false, review: false },
    });
    expect(earlier.body.data.report.reviewedAt).not.toBeNull();
    expect(
      earlier.body.data.indicators.find(
        (row: { indicatorId: string }) => row.indicatorId === percent.indicatorId,
      ).value,
    ).toBe(percent.value);
    expect(
      earlier.body.data.versions.map((row: { version: number; status: string }) => [row.version, row.status]),
    ).toEqual([
      [3, 'accepted'],
      [1, 'superseded'],
    ]);
    // The current version through the same route is the live form, with its rights.
    const current = await hcc.call('GET', `/api/v1/unit-reports/${correction.report.id}`);
    expect(current.body.data).toMatchObject({ isCurrentVersion: true, report: { version: 3 } });
    expect(
      current.body.data.indicators.find(
        (row: { indicatorId: string }) => row.indicatorId === percent.indicatorId,
      ).value,
    ).toBe(64.5);
    expect((await standing.call('GET', url)).body.data.can).toEqual({
      edit: false,
      review: false,
      enterOnBehalf: false,
    });

    // Another unit of the locality reads it as it reads the current form (read-only); another locality does not see it.
    const otherUnit = await kinhTe.call('GET', url);
    expect(otherUnit.status).toBe(200);
    expect(otherUnit.body.data.can).toEqual({ edit: false, review: false, enterOnBehalf: false });
    const outsider = await danTienOfficer.call('GET', url);
    expect(outsider.status).toBe(404);
    expect(outsider.body.message).toBe('Không tìm thấy báo cáo.');
    expect((await hcc.call('GET', '/api/v1/unit-reports/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });

  it('should accept a late report and keep it marked late', async () => {
    const blank = await loadForm(hcc, period2025);
    const created = await hcc.call('PUT', formUrl(period2025), {
      revision: 0,
      nothingArose: true,
      values: explainedRows(blank),
    });
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${created.body.data.report.id}/submit`, {
      revision: 1,
      lateReason: 'Cán bộ phụ trách nghỉ ốm dài ngày',
    });
    expect(submitted.body.data.report).toMatchObject({ status: 'submitted', isLate: true });
    const obligations = (await leader.call('GET', `/api/v1/reporting-periods/${period2025}`)).body.data
      .obligations;
    expect(obligations.find((row: { unitId: string }) => row.unitId === hccUnitId).timeliness).toBe('late');
    expect(
      obligations.find((row: { unitName: string }) => row.unitName === 'Phòng Văn hóa - Xã hội').timeliness,
    ).toBe('missing');
  });

  it('should let the standing agency open an ad hoc period, and nobody else', async () => {
    const body = {
      label: 'Báo cáo nhanh phục vụ đoàn kiểm tra',
      dataFrom: '2026-01-01',
      dataTo: '2026-10-31',
      dueDate: '2026-12-05',
    };
    const created = await standing.call('POST', `/api/v1/plans/${planId}/reporting-periods`, body);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ label: body.label, regimeId: null, dueDate: '2026-12-05' });
    expect((await hcc.call('POST', `/api/v1/plans/${planId}/reporting-periods`, body)).status).toBe(403);
    const backwards = await standing.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
      ...body,
      dataTo: '2025-01-01',
    });
    expect(backwards.body.message).toBe('Số liệu đến ngày: Ngày cuối của số liệu phải sau ngày đầu');
  });
});

/**
 * Issue #11 on the Dân Tiến demo (2026: Trung tâm HCC accepted, Phòng Văn hóa - Xã hội submitted; the
 * test clock is 25/11/2026, before the 30/11 due date):
 * - a returned report is never "Đúng hạn": the dashboard, Phụ lục III of the Word report and the status
 *   sheet all print the state `unitReportStatus` decides;
 * - an approved consolidated report is frozen: a unit report accepted afterwards changes neither what the
 *   page shows nor the Word file, the page says "có số liệu mới", and a supplementary version goes through
 *   the same workflow while the approved one stays downloadable;
 * - the signed scan of an approved version is attached by the standing agency or the leader and read by
 *   those who may read the report, nobody else.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidatedReportVersion } from '../../db/schema';
import { findPeriodId, findPlan, findUnitId } from '../../test/demo-lookups';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

type Raw = {
  status: number;
  bytes: Buffer;
  type: string;
  disposition: string;
  json: () => { error: string };
};

const send = async (
  t: TestApp,
  client: Client,
  method: 'GET' | 'POST',
  url: string,
  file?: { bytes: Buffer; fileName: string },
): Promise<Raw> => {
  const response = await t.app.inject({
    method,
    url,
    cookies: client.cookies,
    headers: {
      ...client.headers,
      ...(file
        ? { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.fileName) }
        : {}),
    },
    ...(file ? { payload: file.bytes } : {}),
  });
  return {
    status: response.statusCode,
    bytes: response.rawPayload,
    type: String(response.headers['content-type']),
    disposition: String(response.headers['content-disposition'] ?? ''),
    json: () => response.json(),
  };
};

/** word/document.xml of a .docx. */
const documentXml = async (bytes: Buffer) =>
  (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
/** The visible text of a WordprocessingML part. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
/** The text of each table row. */
const rowsOf = (xml: string) => [...xml.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((match) => textOf(match[0]));

const PDF = Buffer.from('%PDF-1.4\n% bản chụp có chữ ký\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('approvals and statuses of the consolidated report', () => {
  let t: TestApp;
  let standing: Client;
  let leader: Client;
  let vanhoa: Client;
  let hcc: Client;
  let otherLeader: Client;
  let periodId: string;
  let planId: string;
  let vhxhUnitId: string;
  let vhxhReport: { id: string; revision: number };
  let reportId: string;
  let approvedXml: string;

  const url = () => `/api/v1/reporting-periods/${periodId}/consolidated-report`;
  const docx = (client: Client, version?: number) =>
    send(t, client, 'GET', `${url()}.docx${version ? `?version=${version}` : ''}`);
  const vhxhForm = async () =>
    (await standing.call('GET', `/api/v1/reporting-periods/${periodId}/units/${vhxhUnitId}/report`)).body.data
      .report as { id: string; revision: number; status: string };

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    standing = await t.signIn('dantien.vhxh');
    leader = await t.signIn('dantien.lanhdao');
    vanhoa = await t.signIn('dantien.vanhoa');
    hcc = await t.signIn('dantien.hcc');
    otherLeader = await t.signIn('thanhdong.lanhdao');
    const plan = await findPlan(t, 'Dân Tiến');
    planId = plan.id;
    periodId = await findPeriodId(standing, planId, '2026');
    vhxhUnitId = await findUnitId(t, plan.localityId, 'Phòng Văn hóa - Xã hội');
    vhxhReport = await vhxhForm();
  }, 120_000);
  afterAll(() => t.close());

  it('should never print a returned report as on time: dashboard, Phụ lục III and status.xlsx agree', async () => {
    const returned = await standing.call('POST', `/api/v1/unit-reports/${vhxhReport.id}/return`, {
      revision: vhxhReport.revision,
      reason: 'Bổ sung minh chứng',
    });
    expect(returned.status).toBe(200);

    // The dashboard: submitted on 2026-11 before the due date, but returned: not in, not yet due.
    const dashboard = (await leader.call('GET', `/api/v1/plans/${planId}/dashboard?periodId=${periodId}`))
      .body.data;
    const unit = dashboard.units.find((row: { unitId: string }) => row.unitId === vhxhUnitId);
    expect(unit).toMatchObject({
      reportWorkflow: 'returned',
      timeliness: 'not_due',
      reportCorrecting: false,
    });
    expect(dashboard.counts.reports.on_time).toBe(1);

    // Phụ lục III of the Word report.
    const rows = rowsOf(await documentXml((await docx(standing)).bytes));
    expect(
      rows.find((row) => row.includes('Phòng Văn hóa - Xã hội') && row.includes('Bị trả lại')),
    ).toContain('Bị trả lạiChưa đến hạn');
    expect(
      rows.find((row) => row.includes('Trung tâm phục vụ hành chính công') && row.includes('Đã chấp nhận')),
    ).toContain('Đã chấp nhậnĐúng hạn');

    // The status sheet: the cells of the unit's row.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await send(t, leader, 'GET', `/api/v1/reporting-periods/${periodId}/status.xlsx`))
        .bytes as unknown as ArrayBuffer,
    );
    const cells: string[][] = [];
    workbook
      .getWorksheet('Tình hình báo cáo')!
      .eachRow((row) => cells.push((row.values as unknown[]).slice(1).map(String)));
    const vhxhRow = cells.find((row) => row[0] === 'Phòng Văn hóa - Xã hội')!;
    expect(vhxhRow).toContain('Bị trả lại');
    expect(vhxhRow).toContain('Chưa đến hạn');
    expect(vhxhRow).not.toContain('Đúng hạn');

    // Resubmitted: in again, on time by its first submission.
    const current = await vhxhForm();
    expect(
      (await vanhoa.call('POST', `/api/v1/unit-reports/${current.id}/submit`, { revision: current.revision }))
        .status,
    ).toBe(200);
    const after = (await leader.call('GET', `/api/v1/plans/${planId}/dashboard?periodId=${periodId}`)).body
      .data;
    expect(after.units.find((row: { unitId: string }) => row.unitId === vhxhUnitId)).toMatchObject({
      reportWorkflow: 'submitted',
      timeliness: 'on_time',
    });
  }, 60_000);

  it('should freeze the approved report: a unit report accepted later changes neither the page nor the Word file', async () => {
    const saved = await standing.call('PUT', url(), {
      revision: 0,
      narrative: 'Năm 2026, xã cơ bản hoàn thành kế hoạch.',
      shortcomings: 'Hạ tầng mạng tại bộ phận một cửa còn yếu.',
      nextSteps: 'Năm 2027 tập trung số hóa hồ sơ.',
    });
    expect(saved.body.data).toMatchObject({
      version: 1,
      shortcomings: 'Hạ tầng mạng tại bộ phận một cửa còn yếu.',
    });
    reportId = saved.body.data.id;
    // Left out of a save, a section keeps what is stored.
    const resaved = await standing.call('PUT', url(), {
      revision: 1,
      narrative: 'Năm 2026, xã cơ bản hoàn thành kế hoạch.',
    });
    expect(resaved.body.data.nextSteps).toBe('Năm 2027 tập trung số hóa hồ sơ.');
    const sent = await standing.call('POST', `/api/v1/consolidated-reports/${reportId}/send`, {
      revision: 2,
    });
    const approved = await leader.call('POST', `/api/v1/consolidated-reports/${reportId}/approve`, {
      revision: sent.body.data.revision,
    });
    expect(approved.status).toBe(200);
    const before = approved.body.data;
    expect(before).toMatchObject({
      status: 'approved',
      version: 1,
      hasNewData: false,
      canStartVersion: false,
      canAttachScan: true,
      approval: { version: 1, approvedByName: 'Lãnh đạo UBND xã Dân Tiến', signedScan: null },
      versions: [{ version: 1 }],
    });
    // The exact unit reports used: the accepted ones (HCC), not the one still under review.
    expect(before.approval.sources.map((row: { unitId: string }) => row.unitId)).not.toContain(vhxhUnitId);
    expect(before.approval.sources.length).toBeGreaterThan(0);
    const approvedFile = await docx(standing);
    approvedXml = await documentXml(approvedFile.bytes);
    const text = textOf(approvedXml);
    for (const expected of [
      'I. KẾT QUẢ THỰC HIỆN',
      'Năm 2026, xã cơ bản hoàn thành kế hoạch.',
      'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'Hạ tầng mạng tại bộ phận một cửa còn yếu.',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
      'Năm 2027 tập trung số hóa hồ sơ.',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
    ])
      expect(text).toContain(expected);

    // A unit report accepted after the approval.
    const form = await vhxhForm();
    expect(
      (await standing.call('POST', `/api/v1/unit-reports/${form.id}/accept`, { revision: form.revision }))
        .status,
    ).toBe(200);

    const live = (await leader.call('GET', `/api/v1/plans/${planId}/dashboard?periodId=${periodId}`)).body
      .data;
    expect(live.counts).not.toEqual(before.dashboard.counts);
    const afterAccept = (await leader.call('GET', url())).body.data;
    expect(afterAccept).toMatchObject({ status: 'approved', hasNewData: true, canStartVersion: false });
    expect(afterAccept.dashboard).toEqual(before.dashboard);
    expect(afterAccept.narrative).toBe(before.narrative);
    expect((await standing.call('GET', url())).body.data).toMatchObject({
      hasNewData: true,
      canStartVersion: true,
    });
    // The Word file is the one approved, to the XML.
    expect(await documentXml((await docx(leader)).bytes)).toBe(approvedXml);
  }, 60_000);

  it('should start a supplementary version through the same workflow, keeping the approved one downloadable', async () => {
    const current = (await standing.call('GET', url())).body.data;
    expect(
      (
        await leader.call('POST', `/api/v1/consolidated-reports/${reportId}/versions`, {
          revision: current.revision,
        })
      ).status,
    ).toBe(403);
    const started = await standing.call('POST', `/api/v1/consolidated-reports/${reportId}/versions`, {
      revision: current.revision,
    });
    expect(started.status).toBe(201);
    expect(started.body.data).toMatchObject({
      status: 'draft',
      version: 2,
      approval: null,
      hasNewData: false,
      narrative: 'Năm 2026, xã cơ bản hoàn thành kế hoạch.',
      nextSteps: 'Năm 2027 tập trung số hóa hồ sơ.',
      sentAt: null,
      decidedAt: null,
      can: { edit: true, decide: false },
      versions: [{ version: 1 }],
    });
    // The new draft has the figures as they stand now: the report accepted later is in.
    expect(started.body.data.units.map((row: { unitId: string }) => row.unitId)).toContain(vhxhUnitId);
    // Only once.
    expect(
      (
        await standing.call('POST', `/api/v1/consolidated-reports/${reportId}/versions`, {
          revision: started.body.data.revision,
        })
      ).body.error,
    ).toBe('report_locked');

    // Version 1 still reads and downloads as approved.
    const first = (await leader.call('GET', `${url()}?version=1`)).body.data;
    expect(first).toMatchObject({ status: 'approved', version: 1, approval: { version: 1 } });
    expect(await documentXml((await docx(standing, 1)).bytes)).toBe(approvedXml);
    expect((await leader.call('GET', `${url()}?version=3`)).status).toBe(404);
    const draftText = textOf(await documentXml((await docx(standing)).bytes));
    expect(draftText).toContain('(Báo cáo bổ sung lần 1)');

    const saved = await standing.call('PUT', url(), {
      revision: started.body.data.revision,
      narrative: 'Bổ sung số liệu của Phòng Văn hóa - Xã hội.',
    });
    const sent = await standing.call('POST', `/api/v1/consolidated-reports/${reportId}/send`, {
      revision: saved.body.data.revision,
    });
    const returned = await leader.call('POST', `/api/v1/consolidated-reports/${reportId}/return`, {
      revision: sent.body.data.revision,
      reason: 'Ghi rõ lý do bổ sung',
    });
    expect(returned.body.data).toMatchObject({ status: 'returned', version: 2 });
    const fixed = await standing.call('PUT', url(), {
      revision: returned.body.data.revision,
      narrative: 'Bổ sung số liệu của Phòng Văn hóa - Xã hội, được chấp nhận sau ngày duyệt.',
    });
    const resent = await standing.call('POST', `/api/v1/consolidated-reports/${reportId}/send`, {
      revision: fixed.body.data.revision,
    });
    const approved = await leader.call('POST', `/api/v1/consolidated-reports/${reportId}/approve`, {
      revision: resent.body.data.revision,
    });
    expect(approved.body.data).toMatchObject({
      status: 'approved',
      version: 2,
      hasNewData: false,
      approval: { version: 2 },
      versions: [{ version: 1 }, { version: 2 }],
    });
    expect(await documentXml((await docx(standing, 1)).bytes)).toBe(approvedXml);
    const second = await docx(standing);
    expect(second.disposition).toContain('bo-sung-1');
    expect(textOf(await documentXml(second.bytes))).toContain('được chấp nhận sau ngày duyệt');
  }, 60_000);

  it('should take the signed scan from the standing agency or the leader, and give it to readers only', async () => {
    const scanUrl = (version: number) =>
      `/api/v1/consolidated-reports/${reportId}/versions/${version}/signed-scan`;
    expect((await send(t, leader, 'GET', scanUrl(1))).status).toBe(404);
    const refusedType = await send(t, leader, 'POST', scanUrl(1), {
      bytes: Buffer.from('không phải PDF'),
      fileName: 'a.txt',
    });
    expect(refusedType.status).toBe(415);
    expect((await send(t, hcc, 'POST', scanUrl(1), { bytes: PDF, fileName: 'ban-ky.pdf' })).status).toBe(403);
    expect(
      (await send(t, otherLeader, 'POST', scanUrl(1), { bytes: PDF, fileName: 'ban-ky.pdf' })).status,
    ).toBe(404);
    expect((await send(t, leader, 'POST', scanUrl(5), { bytes: PDF, fileName: 'ban-ky.pdf' })).status).toBe(
      404,
    );

    const attached = await send(t, leader, 'POST', scanUrl(1), { bytes: PDF, fileName: 'Báo cáo đã ký.pdf' });
    expect(attached.status).toBe(200);
    const report = (await standing.call('GET', `${url()}?version=1`)).body.data;
    expect(report.approval.signedScan).toMatchObject({
      fileName: 'Báo cáo đã ký.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      uploadedByName: 'Lãnh đạo UBND xã Dân Tiến',
    });
    expect(report.versions[0].signedScan).toMatchObject({ fileName: 'Báo cáo đã ký.pdf' });

    const downloaded = await send(t, hcc, 'GET', scanUrl(1));
    expect(downloaded.status).toBe(200);
    expect(downloaded.type).toBe('application/pdf');
    expect(downloaded.bytes.equals(PDF)).toBe(true);
    expect((await send(t, otherLeader, 'GET', scanUrl(1))).status).toBe(404);
    expect((await send(t, t.anonymous, 'GET', scanUrl(1))).status).toBe(401);

    // The standing agency may attach too (here to version 2); the approved Word file does not change.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect((await send(t, standing, 'POST', scanUrl(2), { bytes: png, fileName: 'scan.png' })).status).toBe(
      200,
    );
    expect((await send(t, standing, 'GET', scanUrl(2))).type).toBe('image/png');
    expect(await documentXml((await docx(standing, 1)).bytes)).toBe(approvedXml);
  }, 60_000);
  // Renames the plan and removes a snapshot: keep it last.
  it('should print the head of the plan as approved, and say so when a report was approved before approvals were frozen', async () => {
    const before = (await standing.call('GET', `/api/v1/plans/${planId}`)).body.data;
    const renamed = await standing.call('PATCH', `/api/v1/plans/${planId}`, {
      number: '99/KH-UBND',
      title: 'Kế hoạch đã đổi tên sau khi duyệt',
      signerName: 'Người ký mới',
    });
    expect(renamed.status).toBe(200);
    // Both approved versions keep the plan's number, title and signer of their approval.
    expect(await documentXml((await docx(standing, 1)).bytes)).toBe(approvedXml);
    const second = textOf(await documentXml((await docx(standing)).bytes));
    expect(second).toContain(before.title.slice(1));
    if (before.number) expect(second).toContain(before.number);
    expect(second).not.toContain('99/KH-UBND');
    expect(second).not.toContain('đã đổi tên sau khi duyệt');
    expect(second).not.toContain('Người ký mới');
    expect(second).not.toContain('phê duyệt trước khi hệ thống lưu bản chốt số liệu');

    // An approval from before snapshots were kept: the report says it is shown with the current figures.
    await t.handle.db
      .delete(consolidatedReportVersion)
      .where(and(eq(consolidatedReportVersion.reportId, reportId), eq(consolidatedReportVersion.version, 2)));
    const unfrozen = (await leader.call('GET', url())).body.data;
    expect(unfrozen).toMatchObject({
      status: 'approved',
      version: 2,
      approval: null,
      approvedBeforeFreezing: true,
      can: { edit: false, decide: false },
    });
    const live = textOf(await documentXml((await docx(standing)).bytes));
    expect(live).toContain(
      'Ghi chú: Báo cáo này được phê duyệt trước khi hệ thống lưu bản chốt số liệu khi phê duyệt; các số liệu dưới đây là số liệu hiện tại, có thể khác với số liệu tại thời điểm phê duyệt.',
    );
    expect(live).toContain('99/KH-UBND');
    // Version 1 still has its snapshot: frozen, without the note.
    expect((await leader.call('GET', `${url()}?version=1`)).body.data).toMatchObject({
      approvedBeforeFreezing: false,
      approval: { version: 1 },
    });
    expect(await documentXml((await docx(standing, 1)).bytes)).toBe(approvedXml);
  }, 60_000);
});

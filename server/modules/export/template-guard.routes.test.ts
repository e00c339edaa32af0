/**
 * The template upload against hostile files (issue #10 item 5): a zip bomb, a sheet of too many cells, a
 * damaged zip and a parse past the time limit are each refused with a Vietnamese message, nothing is
 * written, and the server keeps answering and still takes a good template afterwards.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_LIMITS, type TemplateLimits } from '../../documents/export/guarded-template-reader';
import { findPlan, findUnitId } from '../../test/demo-lookups';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';
import { sheetOfCells, withParts } from '../../test/xlsx-files';

const SHEET = 'xl/worksheets/sheet1.xml';
const ADVICE = 'Hãy tải biểu mẫu từ hệ thống, chỉ nhập số liệu vào các ô cần nhập rồi gửi lại.';

describe('POST /api/v1/reporting-periods/:id/units/:unitId/template.xlsx with hostile files', () => {
  // Read at every upload: the time-limit test narrows it, then puts it back.
  const limits: TemplateLimits = { ...TEMPLATE_LIMITS };
  let t: TestApp;
  let vanhoa: Client;
  let url: string;
  let reportUrl: string;
  let template: Buffer;

  const upload = async (bytes: Buffer) => {
    const response = await t.app.inject({
      method: 'POST',
      url,
      payload: bytes,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': 'bieu-mau.xlsx',
        ...vanhoa.headers,
      },
      cookies: vanhoa.cookies,
    });
    return { status: response.statusCode, body: response.json() };
  };

  /** The server still answers, and the unit's report holds no value from a refused file. */
  const expectStillAnsweringWithNothingSaved = async () => {
    const report = await vanhoa.call('GET', reportUrl);
    expect(report.status).toBe(200);
    expect(report.body.data.indicators.every((row: { value: unknown }) => row.value == null)).toBe(true);
  };

  beforeAll(async () => {
    t = await buildTestApp({ demo: true, templateLimits: limits });
    const standing = await t.signIn('dantien.vhxh');
    vanhoa = await t.signIn('dantien.vanhoa');
    const plan = await findPlan(t, 'Dân Tiến');
    const unitId = await findUnitId(t, plan.localityId, 'Phòng Văn hóa - Xã hội');
    const period = await standing.call('POST', `/api/v1/plans/${plan.id}/reporting-periods`, {
      label: 'Báo cáo đột xuất tháng 10',
      dataFrom: '2026-01-01',
      dataTo: '2026-10-31',
      dueDate: '2026-12-31',
    });
    expect(period.status).toBe(201);
    url = `/api/v1/reporting-periods/${period.body.data.id}/units/${unitId}/template.xlsx`;
    reportUrl = `/api/v1/reporting-periods/${period.body.data.id}/units/${unitId}/report`;
    const download = await t.app.inject({ method: 'GET', url, cookies: vanhoa.cookies });
    expect(download.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    workbook.getWorksheet('Chỉ tiêu')!.getCell('F6').value = 84.5;
    template = Buffer.from(await workbook.xlsx.writeBuffer());
  }, 120_000);
  afterAll(() => t.close());

  it('should refuse a zip bomb (80 MB of repeated cells in a small file) with a Vietnamese 413', async () => {
    const bomb = await withParts(template, [
      { name: SHEET, data: sheetOfCells(400_000, 13, { addresses: false }) },
    ]);
    const response = await upload(bomb);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      error: 'file_too_large',
      message: `Tệp Excel quá lớn để đọc: phần "${SHEET}" giải nén ra 78,6 MB, mỗi phần tối đa 10 MB. ${ADVICE}`,
    });
    await expectStillAnsweringWithNothingSaved();
  }, 30_000);

  it('should refuse a sheet of more cells than a template has with a Vietnamese 413', async () => {
    const crowded = await withParts(template, [{ name: SHEET, data: sheetOfCells(25_000, 10) }]);
    const response = await upload(crowded);
    expect(response.status).toBe(413);
    expect(response.body.message).toBe(
      `Tệp Excel quá lớn để đọc: có hơn 200.000 ô (tối đa 200.000 ô). ${ADVICE}`,
    );
    await expectStillAnsweringWithNothingSaved();
  }, 30_000);

  it('should refuse a damaged zip with a Vietnamese 422', async () => {
    const response = await upload(template.subarray(0, template.length - 40));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      error: 'unreadable_document',
      message: `Tệp này không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng. ${ADVICE}`,
    });
    await expectStillAnsweringWithNothingSaved();
  });

  it('should stop a parse past the time limit with a Vietnamese 422, then take the same file in time', async () => {
    limits.parseTimeMs = 100;
    try {
      const response = await upload(template);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        error: 'unreadable_document',
        message: `Máy chủ đã dừng đọc tệp Excel này vì quá 0,1 giây chưa xong. Chưa lưu số liệu nào. ${ADVICE}`,
      });
      await expectStillAnsweringWithNothingSaved();
    } finally {
      limits.parseTimeMs = TEMPLATE_LIMITS.parseTimeMs;
    }
    const accepted = await upload(template);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const report = await vanhoa.call('GET', reportUrl);
    expect(report.body.data.indicators[0].value).toBe(84.5);
  }, 60_000);
});

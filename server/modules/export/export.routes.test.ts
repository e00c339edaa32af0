/**
 * Downloads and the template upload, on the Dân Tiến demo (2026: one accepted unit report, one submitted).
 * Word files are read back from their XML parts; Excel files with exceljs.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createPdfConverter, findSoffice } from '../../documents/export/pdf-converter';
import { findPeriodId, findPlan, findUnitId } from '../../test/demo-lookups';
import { groupGone } from '../../test/processes';
import {
  buildTestApp,
  type Client,
  fixedClock,
  signInTo,
  TEST_CONFIG,
  type TestApp,
} from '../../test/test-app';

type Raw = {
  status: number;
  bytes: Buffer;
  type: string;
  json: () => { error: string; message: string; details?: Array<{ field: string; message: string }> };
};

const download = async (t: TestApp, client: Client, url: string): Promise<Raw> => {
  const response = await t.app.inject({
    method: 'GET',
    url,
    cookies: client.cookies,
    headers: client.headers,
  });
  return {
    status: response.statusCode,
    bytes: response.rawPayload,
    type: String(response.headers['content-type']),
    json: () => response.json(),
  };
};

const upload = async (t: TestApp, client: Client, url: string, bytes: Buffer): Promise<Raw> => {
  const response = await t.app.inject({
    method: 'POST',
    url,
    payload: bytes,
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': 'bieu-mau.xlsx',
      ...client.headers,
    },
    cookies: client.cookies,
  });
  return {
    status: response.statusCode,
    bytes: response.rawPayload,
    type: String(response.headers['content-type']),
    json: () => response.json(),
  };
};

const docxParts = async (bytes: Buffer) => {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const headerNames = Object.keys(zip.files).filter((name) => /^word\/header\d+\.xml$/.test(name));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    headers: await Promise.all(headerNames.map(read)),
  };
};

/** The visible text of a WordprocessingML part. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');

const countRows = async (t: TestApp, table: 'indicator_value' | 'task_update') =>
  Number(
    (
      (await t.handle.db.execute(`select count(*)::int as n from ${table}`)) as unknown as {
        rows: Array<{ n: number }>;
      }
    ).rows[0]!.n,
  );

describe('exports', () => {
  let t: TestApp;
  let standing: Client;
  let vanhoa: Client;
  let planId: string;
  let periodId: string;
  let unitId: string;
  let otherUnitId: string;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    standing = await t.signIn('dantien.vhxh');
    vanhoa = await t.signIn('dantien.vanhoa');
    const plan = await findPlan(t, 'Dân Tiến');
    planId = plan.id;
    periodId = await findPeriodId(standing, planId, '2026');
    unitId = await findUnitId(t, plan.localityId, 'Phòng Văn hóa - Xã hội');
    otherUnitId = await findUnitId(t, plan.localityId, 'Trung tâm phục vụ hành chính công');
  }, 60_000);
  afterAll(() => t.close());

  describe('GET /api/v1/reporting-periods/:id/consolidated-report.docx', () => {
    it('should follow NĐ 30/2020 and print exactly the figures of the dashboard', async () => {
      const response = await download(
        t,
        standing,
        `/api/v1/reporting-periods/${periodId}/consolidated-report.docx`,
      );
      expect(response.status).toBe(200);
      expect(response.type).toContain('wordprocessingml');
      const { document, styles, settings, headers } = await docxParts(response.bytes);

      // A4 portrait first, margins 20/20/30/20 mm, then landscape appendices.
      expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
      expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
      // Times New Roman by default, 14 pt body.
      expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
      expect(styles).toMatch(/<w:sz w:val="28"\/>/);
      // No page number on page 1: a different first page, whose header is empty; the others number the page.
      expect(document).toContain('<w:titlePg/>');
      expect(headers.some((xml) => /PAGE/.test(xml))).toBe(true);
      expect(headers.some((xml) => !/PAGE/.test(xml) && textOf(xml) === '')).toBe(true);
      expect(settings).toBeTruthy();

      const text = textOf(document);
      for (const expected of [
        'UBND TỈNH THÁI NGUYÊN',
        'ỦY BAN NHÂN DÂN XÃ DÂN TIẾN',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        '/BC-UBND',
        'Dân Tiến, ngày 25 tháng 11 năm 2026',
        'BÁO CÁO',
        'Kết quả thực hiện Kế hoạch số 54/KH-UBND ngày 30/8/2025 của UBND xã Dân Tiến',
        'Nơi nhận:',
        'TM. ỦY BAN NHÂN DÂN',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Hoàng Văn Thảo',
        'Đường truyền Internet tại bộ phận một cửa còn chậm vào giờ cao điểm.',
        'Phụ lục I',
      ])
        expect(text).toContain(expected);
      // The place-and-date line is in italics.
      expect(document).toMatch(/<w:i\/>(?:(?!<\/w:r>).)*Dân Tiến, ngày 25 tháng 11 năm 2026/s);

      // Figures: each indicator row carries the dashboard's value (I.5: 1710/1900 = 90).
      const dashboard = (await standing.call('GET', `/api/v1/plans/${planId}/dashboard?periodId=${periodId}`))
        .body.data;
      const i5 = dashboard.indicators.find((row: { code: string }) => row.code === 'I.5');
      expect(i5.value).toBe(90);
      const rows = [...document.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((match) => textOf(match[0]));
      for (const indicator of dashboard.indicators as Array<{
        code: string;
        name: string;
        value: number | null;
      }>) {
        const row = rows.find((candidate) => candidate.startsWith(`${indicator.code}${indicator.name}`));
        expect(row, indicator.code).toBeDefined();
        if (indicator.value != null) expect(row).toContain(indicator.value.toLocaleString('vi-VN'));
      }
      // Unit, target (2026 has no printed target: the value on the path to the 2030 milestone, labelled as
      // interpolated, issue #11), value, status.
      expect(rows.find((row) => row.startsWith('I.5'))).toContain(`%${i5.targetText}90Chậm / Không đạt`);
      expect(i5.targetText).toMatch(/^Theo lộ trình \(nội suy\): ≥ [\d,]+% \(mốc 2030: ≥ 95\)$/);
      expect(text).toContain(`Kế hoạch có ${dashboard.indicators.length} chỉ tiêu.`);
      expect(text).toContain(`Đạt: ${dashboard.counts.indicators.achieved}`);
    });

    it('should be hidden from another locality (404) and refused without a session (401)', async () => {
      const other = await t.signIn('thanhdong.vhxh');
      expect(
        (await download(t, other, `/api/v1/reporting-periods/${periodId}/consolidated-report.docx`)).status,
      ).toBe(404);
      expect(
        (await download(t, t.anonymous, `/api/v1/reporting-periods/${periodId}/consolidated-report.docx`))
          .status,
      ).toBe(401);
    });
  });

  describe('GET /api/v1/plans/:id/export.docx', () => {
    it('should print the plan with its number and the indicator matrix on a landscape page', async () => {
      const response = await download(t, vanhoa, `/api/v1/plans/${planId}/export.docx`);
      expect(response.status).toBe(200);
      const { document } = await docxParts(response.bytes);
      const text = textOf(document);
      expect(text).toContain('Số: 54/KH-UBND');
      expect(text).toContain('Dân Tiến, ngày 30 tháng 8 năm 2025');
      expect(text).toContain('KẾ HOẠCH');
      expect(text).toContain('Căn cứ văn bản số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;');
      expect(text).toContain('Năm 2030');
      expect(document).toContain('w:orient="landscape"');
    });
  });

  describe('Excel downloads', () => {
    it('should export the indicator matrix with one column per target year', async () => {
      const response = await download(t, vanhoa, `/api/v1/plans/${planId}/indicators.xlsx`);
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Chỉ tiêu')!;
      const header = (sheet.getRow(3).values as unknown[]).slice(1);
      expect(header).toEqual(expect.arrayContaining(['Năm 2025', 'Năm 2030', 'Năm 2045']));
      const i1 = sheet.getRow(4).values as unknown[];
      expect(i1[1]).toBe('I.1');
      expect(i1[header.indexOf('Năm 2030') + 1]).toBe('100');
    });

    it('should export the tasks and the report status of the period', async () => {
      const tasks = await download(t, vanhoa, `/api/v1/plans/${planId}/tasks.xlsx`);
      expect(tasks.status).toBe(200);
      const status = await download(t, vanhoa, `/api/v1/reporting-periods/${periodId}/status.xlsx`);
      expect(status.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(status.bytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Tình hình báo cáo')!;
      const rows: string[] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
      expect(
        rows.some(
          (row) => row.startsWith('Trung tâm phục vụ hành chính công|') && row.includes('Đã chấp nhận'),
        ),
      ).toBe(true);
      expect(
        rows.some((row) => row.startsWith('Phòng Văn hóa - Xã hội|') && row.includes('Đã nộp, chờ xem xét')),
      ).toBe(true);
    });
  });

  describe('template round trip', () => {
    let adhocId: string;
    const templateUrl = () => `/api/v1/reporting-periods/${adhocId}/units/${unitId}/template.xlsx`;
    const loadTemplate = async (client: Client, url = templateUrl()) => {
      const response = await download(t, client, url);
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer);
      return workbook;
    };
    const bytesOf = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

    beforeAll(async () => {
      const created = await standing.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
        label: 'Báo cáo đột xuất tháng 10',
        dataFrom: '2026-01-01',
        dataTo: '2026-10-31',
        dueDate: '2026-12-31',
      });
      expect(created.status).toBe(201);
      adhocId = created.body.data.id;
      // The demo's tasks have no lead unit: give the unit two.
      for (const name of [
        'Tuyên truyền chuyển đổi số tại các xóm',
        'Tập huấn kỹ năng số cho người cao tuổi',
      ]) {
        const task = await standing.call('POST', `/api/v1/plans/${planId}/tasks`, {
          name,
          leadUnitId: unitId,
          deadlineText: 'Quý IV/2026',
        });
        expect(task.status, JSON.stringify(task.body)).toBe(201);
      }
    });

    it('should give a protected template with the unit’s indicators and tasks', async () => {
      const workbook = await loadTemplate(vanhoa);
      const indicators = workbook.getWorksheet('Chỉ tiêu')!;
      expect(indicators.getColumn(1).hidden).toBe(true);
      expect(indicators.getCell('B6').value).toBe('I.1');
      expect(indicators.getCell('F6').protection?.locked).toBe(false);
      expect(indicators.getCell('C6').protection?.locked).not.toBe(false);
      const tasks = workbook.getWorksheet('Nhiệm vụ')!;
      expect(tasks.getCell('E6').dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"Chưa thực hiện,Đang thực hiện,Hoàn thành"'],
      });
    });

    it('should save exactly the values typed into the template', async () => {
      const workbook = await loadTemplate(vanhoa);
      const indicators = workbook.getWorksheet('Chỉ tiêu')!;
      const tasks = workbook.getWorksheet('Nhiệm vụ')!;
      indicators.getCell('F6').value = 84.5;
      indicators.getCell('J6').value = 'Theo số liệu của Trạm y tế';
      tasks.getCell('E6').value = 'Hoàn thành';
      tasks.getCell('F6').value = 100;
      tasks.getCell('G6').value = new Date('2026-10-15T00:00:00.000Z');
      tasks.getCell('H6').value = 'Đã tổ chức 12 buổi tuyên truyền';
      tasks.getCell('E7').value = 'Đang thực hiện';
      tasks.getCell('F7').value = 40;
      const firstIndicatorId = String(indicators.getCell('A6').value);
      const firstTaskId = String(tasks.getCell('A6').value);
      const secondTaskId = String(tasks.getCell('A7').value);

      const response = await upload(t, vanhoa, templateUrl(), await bytesOf(workbook));
      expect(response.status, response.bytes.toString()).toBe(200);
      const report = (await vanhoa.call('GET', `/api/v1/reporting-periods/${adhocId}/units/${unitId}/report`))
        .body.data;
      expect(report.report.status).toBe('draft');
      expect(
        report.indicators.find((row: { indicatorId: string }) => row.indicatorId === firstIndicatorId),
      ).toMatchObject({
        value: 84.5,
        note: 'Theo số liệu của Trạm y tế',
      });
      expect(report.tasks.find((row: { taskId: string }) => row.taskId === firstTaskId)).toMatchObject({
        status: 'done',
        progress: 100,
        completedOn: '2026-10-15',
        result: 'Đã tổ chức 12 buổi tuyên truyền',
      });
      expect(report.tasks.find((row: { taskId: string }) => row.taskId === secondTaskId)).toMatchObject({
        status: 'in_progress',
        progress: 40,
      });

      // The next template carries what was saved.
      const again = await loadTemplate(vanhoa);
      expect(again.getWorksheet('Chỉ tiêu')!.getCell('F6').value).toBe(84.5);
      expect(again.getWorksheet('Nhiệm vụ')!.getCell('E6').value).toBe('Hoàn thành');
    });

    it('should refuse text in a number cell and wrong values, naming every cell, and write nothing', async () => {
      const workbook = await loadTemplate(vanhoa);
      const indicators = workbook.getWorksheet('Chỉ tiêu')!;
      const tasks = workbook.getWorksheet('Nhiệm vụ')!;
      indicators.getCell('F6').value = 'tám mươi';
      indicators.getCell('G7').value = 5;
      indicators.getCell('H7').value = 3;
      tasks.getCell('E6').value = 'Xong rồi';
      tasks.getCell('G7').value = '31/02/2026';
      const before = [await countRows(t, 'indicator_value'), await countRows(t, 'task_update')];
      const response = await upload(t, vanhoa, templateUrl(), await bytesOf(workbook));
      expect(response.status).toBe(422);
      const body = response.json();
      expect(body.error).toBe('template_invalid');
      expect(body.details!.map((detail) => detail.field)).toEqual([
        "Sheet 'Chỉ tiêu', ô F6",
        "Sheet 'Chỉ tiêu', ô G7",
        "Sheet 'Nhiệm vụ', ô E6",
        "Sheet 'Nhiệm vụ', ô G7",
      ]);
      expect(body.message).toContain(`Sheet 'Chỉ tiêu', ô F6: Giá trị phải là một số, không phải "tám mươi"`);
      expect([await countRows(t, 'indicator_value'), await countRows(t, 'task_update')]).toEqual(before);
      const report = (await vanhoa.call('GET', `/api/v1/reporting-periods/${adhocId}/units/${unitId}/report`))
        .body.data;
      expect(report.indicators[0].value).toBe(84.5);

      const percent = await loadTemplate(vanhoa);
      percent.getWorksheet('Chỉ tiêu')!.getCell('F6').value = 120;
      const refused = await upload(t, vanhoa, templateUrl(), await bytesOf(percent));
      expect(refused.status).toBe(422);
      expect(refused.json().details).toEqual([
        {
          field: "Sheet 'Chỉ tiêu', ô F6",
          message: 'chỉ tiêu tính theo %, giá trị phải từ 0 đến 100 (đang là 120)',
        },
      ]);
    });

    it('should refuse a row for an indicator the unit does not lead, and a template of another unit', async () => {
      const other = await loadTemplate(
        standing,
        `/api/v1/reporting-periods/${adhocId}/units/${otherUnitId}/template.xlsx`,
      );
      const foreignId = String(other.getWorksheet('Chỉ tiêu')!.getCell('A6').value);
      const workbook = await loadTemplate(vanhoa);
      const indicators = workbook.getWorksheet('Chỉ tiêu')!;
      indicators.getCell('A7').value = foreignId;
      indicators.getCell('F7').value = 50;
      const before = await countRows(t, 'indicator_value');
      const refused = await upload(t, vanhoa, templateUrl(), await bytesOf(workbook));
      expect(refused.status).toBe(422);
      expect(refused.json().details).toEqual([
        {
          field: "Sheet 'Chỉ tiêu', ô A7",
          message: expect.stringContaining('không do Phòng Văn hóa - Xã hội chủ trì'),
        },
      ]);
      expect(await countRows(t, 'indicator_value')).toBe(before);

      const wrongUnit = await upload(t, vanhoa, templateUrl(), await bytesOf(other));
      expect(wrongUnit.status).toBe(422);
      expect(wrongUnit.json().message).toContain('Biểu mẫu này là của Trung tâm phục vụ hành chính công');
      expect(await countRows(t, 'indicator_value')).toBe(before);
    });

    it('should let only those who edit the unit’s report send it, and refuse what is not a template', async () => {
      const workbook = await loadTemplate(vanhoa);
      expect((await upload(t, standing, templateUrl(), await bytesOf(workbook))).status).toBe(403);
      const hcc = await t.signIn('dantien.hcc');
      expect((await upload(t, hcc, templateUrl(), await bytesOf(workbook))).status).toBe(403);
      const garbage = await upload(t, vanhoa, templateUrl(), Buffer.from('không phải Excel'));
      expect(garbage.status).toBe(422);
      expect(garbage.json().error).toBe('unreadable_document');
    });
  });

  describe('GET /api/v1/reporting-periods/:id/consolidated-report.pdf', () => {
    it('should answer a PDF when LibreOffice is installed, a Vietnamese 503 otherwise', async () => {
      const response = await download(
        t,
        standing,
        `/api/v1/reporting-periods/${periodId}/consolidated-report.pdf`,
      );
      if (await findSoffice()) {
        expect(response.status).toBe(200);
        expect(response.type).toBe('application/pdf');
        expect(response.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      } else {
        expect(response.status).toBe(503);
        expect(response.json().error).toBe('pdf_unavailable');
      }
    }, 120_000);

    it('should answer 503 with a clear message where LibreOffice is missing', async () => {
      const app = await createApp({
        db: t.handle.db,
        config: TEST_CONFIG,
        clock: fixedClock,
        storage: t.storage,
        pdf: createPdfConverter({ detect: async () => null }),
      });
      await app.ready();
      try {
        const client = await signInTo(app, 'dantien.vhxh');
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/reporting-periods/${periodId}/consolidated-report.pdf`,
          cookies: client.cookies,
        });
        expect(response.statusCode).toBe(503);
        expect(response.json()).toMatchObject({
          error: 'pdf_unavailable',
          message: expect.stringContaining('chưa cài LibreOffice'),
        });
      } finally {
        await app.close();
      }
    });

    it('should end its LibreOffice process when the app closes (no soffice left behind)', async () => {
      const converter = createPdfConverter();
      const app = await createApp({
        db: t.handle.db,
        config: TEST_CONFIG,
        clock: fixedClock,
        storage: t.storage,
        pdf: converter,
      });
      await app.ready();
      let group: number | null = null;
      try {
        const client = await signInTo(app, 'dantien.vhxh');
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/reporting-periods/${periodId}/consolidated-report.pdf`,
          cookies: client.cookies,
        });
        expect(response.statusCode).toBe((await converter.isAvailable()) ? 200 : 503);
        group = converter.warmProcessGroup();
        expect(group !== null).toBe((await converter.way()) === 'warm');
      } finally {
        await app.close();
      }
      expect(converter.warmProcessGroup()).toBeNull();
      if (group !== null) expect(await groupGone(group)).toBe(true);
    }, 180_000);
  });

  // Runs last: it turns the demo plan into a party plan for the rest of the file.
  describe('party documents (Hướng dẫn 36-HD/VPTW)', () => {
    /** The run (<w:r>) that prints exactly `text`, with its properties. */
    const runOf = (document: string, text: string) =>
      [...document.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)]
        .map((match) => match[0])
        .find((run) => textOf(run) === text) ?? '';

    beforeAll(async () => {
      const patched = await t.call('PATCH', `/api/v1/plans/${planId}`, {
        issuerKind: 'party',
        issuer: 'Đảng ủy xã Dân Tiến',
        number: '15-KH/ĐU',
        signerName: 'Nguyễn Thị Bình',
        signerPosition: 'Phó Bí thư',
      });
      expect(patched.status).toBe(200);
    });

    it('should print the plan with the party header, number, signature and recipients', async () => {
      const response = await download(t, vanhoa, `/api/v1/plans/${planId}/export.docx`);
      expect(response.status).toBe(200);
      const { document } = await docxParts(response.bytes);
      const text = textOf(document);
      for (const expected of [
        'ĐẢNG BỘ TỈNH THÁI NGUYÊN',
        'ĐẢNG ỦY XÃ DÂN TIẾN',
        'ĐẢNG CỘNG SẢN VIỆT NAM',
        'Số 15-KH/ĐU',
        'Dân Tiến, ngày 30 tháng 8 năm 2025',
        'KẾ HOẠCH',
        'T/M ĐẢNG ỦY',
        'PHÓ BÍ THƯ',
        'Nguyễn Thị Bình',
        '- Ban Thường vụ Tỉnh ủy Thái Nguyên (b/c);',
        '- Lưu Văn phòng Đảng ủy.',
      ])
        expect(text).toContain(expected);
      for (const absent of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'TM. ỦY BAN NHÂN DÂN',
        'Số:',
      ])
        expect(text).not.toContain(absent);
      // The same page as NĐ 30: A4, margins 20/20/30/15 mm.
      expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
      expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      // Phụ lục 3: the title in bold 15 pt, the issuer in bold 14 pt, the level above and the number upright 14 pt,
      // the asterisk under the issuer, the date in italics.
      const title = runOf(document, 'ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(title).toContain('<w:b/>');
      expect(title).toContain('<w:sz w:val="30"/>');
      const issuer = runOf(document, 'ĐẢNG ỦY XÃ DÂN TIẾN');
      expect(issuer).toContain('<w:b/>');
      expect(issuer).toContain('<w:sz w:val="28"/>');
      for (const upright of ['ĐẢNG BỘ TỈNH THÁI NGUYÊN', 'Số 15-KH/ĐU']) {
        expect(runOf(document, upright)).toContain('<w:sz w:val="28"/>');
        expect(runOf(document, upright)).not.toMatch(/<w:[bi]\/>/);
      }
      expect(runOf(document, '*')).not.toBe('');
      expect(runOf(document, 'Dân Tiến, ngày 30 tháng 8 năm 2025')).toContain('<w:i/>');
      // "Nơi nhận:" upright and underlined, not the bold italics of NĐ 30.
      const recipients = runOf(document, 'Nơi nhận:');
      expect(recipients).toContain('<w:u w:val="single"/>');
      expect(recipients).not.toMatch(/<w:[bi]\/>/);
    });

    it('should leave the party number blank for the clerk on the consolidated report', async () => {
      const response = await download(
        t,
        standing,
        `/api/v1/reporting-periods/${periodId}/consolidated-report.docx`,
      );
      expect(response.status).toBe(200);
      const text = textOf((await docxParts(response.bytes)).document);
      expect(text).toContain('Số       -BC/ĐU');
      expect(text).toContain('ĐẢNG ỦY XÃ DÂN TIẾN');
      expect(text).toContain('Kết quả thực hiện Kế hoạch số 15-KH/ĐU ngày 30/8/2025 của Đảng ủy xã Dân Tiến');
      expect(text).toContain('- Ban Thường vụ Tỉnh ủy Thái Nguyên (b/c);');
      expect(text).not.toContain('/BC-UBND');
    });
  });
});

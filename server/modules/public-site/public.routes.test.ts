/**
 * The public site read as an anonymous visitor against a database holding published, approved but
 * unpublished, withdrawn, returned and draft consolidated reports: only the published ones appear, no
 * name of a person appears anywhere, a withdrawn report shows in the history with its reason; the open
 * data files carry the published figures by catalog code and register code; pages answer 304 to a
 * client whose copy is current. Also the publication decision itself: leader only, in scope, audited.
 */

import { CATALOG_VERSION } from '@core/catalog/standard-catalog';
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
import { createCatalogService } from '../catalog/catalog.service';
import { createUserService } from '../user/user.service';
import { OPEN_DATA_FIELDS } from './open-data';

/** A leader with a person's name: it must never reach the public site. */
const PERSON = 'Nguyễn Thị Minh Khai';
const DAN_TIEN = '05755';
const THAI_NGUYEN = '19';

type Period = { id: string; label: string };

describe('public site (/cong-khai)', () => {
  let t: TestApp;
  let leader: Client;
  let standing: Client;
  let otherLeader: Client;
  let planId: string;
  const periods = {} as Record<'published' | 'unpublished' | 'withdrawn' | 'returned' | 'draft', Period>;
  let publishedReportId: string;
  let withdrawnReportId: string;
  let displayNames: string[];
  let currentValues: Map<string, number | null>;

  const newPeriod = async (label: string): Promise<Period> => {
    const response = await standing.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
      label,
      dataFrom: '2026-01-01',
      dataTo: '2026-10-31',
      dueDate: '2026-11-15',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { id: response.body.data.id, label };
  };

  /** A consolidated report of a new period brought to a status by the standing agency and the leader. */
  const reportIn = async (
    label: string,
    status: 'draft' | 'returned' | 'approved',
    existing?: Period,
  ): Promise<{ period: Period; reportId: string }> => {
    const period = existing ?? (await newPeriod(label));
    const saved = await standing.call('PUT', `/api/v1/reporting-periods/${period.id}/consolidated-report`, {
      revision: 0,
      narrative: `Đánh giá chung ${label}`,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const reportId = saved.body.data.id as string;
    if (status === 'draft') return { period, reportId };
    const sent = await standing.call('POST', `/api/v1/consolidated-reports/${reportId}/send`, {
      revision: saved.body.data.revision,
    });
    expect(sent.status).toBe(200);
    const decided =
      status === 'returned'
        ? await leader.call('POST', `/api/v1/consolidated-reports/${reportId}/return`, {
            revision: sent.body.data.revision,
            reason: 'Bổ sung số liệu',
          })
        : await leader.call('POST', `/api/v1/consolidated-reports/${reportId}/approve`, {
            revision: sent.body.data.revision,
          });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    return { period, reportId };
  };

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await buildTestApp({ demo: true, pdf: FAKE_PDF_CONVERTER });
    const danTien = await localityIdByCode(t, DAN_TIEN);
    await createUserService({ db: t.handle.db, clock: fixedClock }).create(
      { actor: systemActor('test setup'), ip: null, userAgent: null },
      {
        username: 'dantien.chutich',
        displayName: PERSON,
        password: TEST_PASSWORD,
        roles: [{ role: 'leader', localityId: danTien }],
      },
      { mustChangePassword: false },
    );
    leader = await t.signIn('dantien.chutich');
    standing = await t.signIn('dantien.vhxh');
    otherLeader = await t.signIn('thanhdong.lanhdao');
    const plans = (await t.call('GET', '/api/v1/plans')).body.data as Array<{
      id: string;
      localityName: string;
    }>;
    planId = plans.find((row) => row.localityName === 'Dân Tiến')!.id;

    // The published report is the current period's, where the demo has an accepted unit report.
    const dashboard = (await standing.call('GET', `/api/v1/plans/${planId}/dashboard`)).body.data;
    const current = { id: dashboard.period.id as string, label: dashboard.period.label as string };
    currentValues = new Map(
      (dashboard.indicators as Array<{ code: string; value: number | null }>).map((row) => [
        row.code,
        row.value,
      ]),
    );
    const published = await reportIn(current.label, 'approved', current);
    periods.published = published.period;
    publishedReportId = published.reportId;
    periods.unpublished = (await reportIn('Kỳ thử đã duyệt chưa công khai', 'approved')).period;
    const withdrawn = await reportIn('Kỳ thử đã gỡ', 'approved');
    periods.withdrawn = withdrawn.period;
    withdrawnReportId = withdrawn.reportId;
    periods.returned = (await reportIn('Kỳ thử bị trả lại', 'returned')).period;
    periods.draft = (await reportIn('Kỳ thử dự thảo', 'draft')).period;

    // A second published report, of 2025 (45/BC-UBND), as a locality publishes year after year.
    const allPeriods = (await standing.call('GET', `/api/v1/plans/${planId}/reporting-periods`)).body
      .data as Array<{
      id: string;
      key: string;
      label: string;
    }>;
    const year2025 = allPeriods.find((row) => row.key === '2025')!;
    const earlier = await reportIn(year2025.label, 'approved', { id: year2025.id, label: year2025.label });
    expect(
      (
        await leader.call('POST', `/api/v1/consolidated-reports/${earlier.reportId}/versions/1/publish`, {
          documentNumber: '45/BC-UBND',
        })
      ).status,
    ).toBe(200);
    const publish = await leader.call(
      'POST',
      `/api/v1/consolidated-reports/${publishedReportId}/versions/1/publish`,
      {
        documentNumber: '125/BC-UBND',
      },
    );
    expect(publish.status, JSON.stringify(publish.body)).toBe(200);
    expect(
      (await leader.call('POST', `/api/v1/consolidated-reports/${withdrawnReportId}/versions/1/publish`, {}))
        .status,
    ).toBe(200);
    const withdraw = await leader.call('POST', `/api/v1/consolidated-reports/${withdrawnReportId}/withdraw`, {
      reason: 'Số liệu chỉ tiêu I.2 cần rà soát lại',
    });
    expect(withdraw.status, JSON.stringify(withdraw.body)).toBe(200);
    displayNames = ((await t.call('GET', '/api/v1/users')).body.data as Array<{ displayName: string }>).map(
      (user) => user.displayName,
    );
    expect(displayNames).toContain(PERSON);
  }, 120_000);
  afterAll(() => t.close());

  describe('publication decision', () => {
    it('should refuse a leader of another locality (404: outside scope) and a standing officer (403)', async () => {
      const url = `/api/v1/consolidated-reports/${publishedReportId}/withdraw`;
      expect((await otherLeader.call('POST', url, { reason: 'Thử' })).status).toBe(404);
      expect((await standing.call('POST', url, { reason: 'Thử' })).status).toBe(403);
      expect((await t.anonymous.call('POST', url, { reason: 'Thử' })).status).toBe(401);
      const list = await leader.call('GET', `/api/v1/consolidated-reports/${publishedReportId}/publications`);
      expect(list.body.data.current).toMatchObject({
        version: 1,
        documentNumber: '125/BC-UBND',
        withdrawnAt: null,
      });
    });

    it('should refuse to publish a version that was never approved, and a second publication of the same', async () => {
      const again = await leader.call(
        'POST',
        `/api/v1/consolidated-reports/${publishedReportId}/versions/1/publish`,
        {},
      );
      expect(again.status).toBe(409);
      expect(again.body.message).toContain('đang được công khai');
      const never = await leader.call(
        'POST',
        `/api/v1/consolidated-reports/${publishedReportId}/versions/2/publish`,
        {},
      );
      expect(never.status).toBe(404);
      expect(never.body.message).toContain('chưa có phiên bản 2');
    });

    it('should keep the withdrawal with its reason and who decided, and audit both decisions', async () => {
      const list = await leader.call('GET', `/api/v1/consolidated-reports/${withdrawnReportId}/publications`);
      expect(list.body.data.current).toBeNull();
      expect(list.body.data.items).toEqual([
        expect.objectContaining({
          version: 1,
          withdrawReason: 'Số liệu chỉ tiêu I.2 cần rà soát lại',
          withdrawnByName: PERSON,
        }),
      ]);
      const audit = await t.call('GET', `/api/v1/audit-events?entityType=report_publication`);
      expect(audit.status).toBe(200);
      expect(audit.body.data.length).toBeGreaterThanOrEqual(3);
    });
  });

  describe('as an anonymous visitor', () => {
    const pagesToRead = async () => {
      const locality = await get(`/cong-khai/dia-phuong/${DAN_TIEN}`);
      const indicatorLink = /href="(\/cong-khai\/dia-phuong\/05755\/chi-tieu\/[0-9a-f-]{36})"/.exec(
        locality.body,
      )?.[1];
      expect(indicatorLink).toBeDefined();
      return {
        nation: await get('/cong-khai'),
        province: await get(`/cong-khai/dia-phuong/${THAI_NGUYEN}`),
        locality,
        indicator: await get(indicatorLink!),
        csv: await get(`/cong-khai/du-lieu/${DAN_TIEN}.csv`),
        json: await get(`/cong-khai/du-lieu/${DAN_TIEN}.json`),
        provinceJson: await get(`/cong-khai/du-lieu/${THAI_NGUYEN}.json`),
        nationJson: await get('/cong-khai/du-lieu/toan-quoc.json'),
        openData: await get('/cong-khai/du-lieu'),
      };
    };

    it('should answer every page type without a session, as HTML in Vietnamese', async () => {
      const pages = await pagesToRead();
      for (const [name, response] of Object.entries(pages)) {
        expect(response.statusCode, name).toBe(200);
        if (String(response.headers['content-type']).startsWith('text/html')) {
          expect(response.body, name).toMatch(/^<!doctype html>\n<html lang="vi">/);
          expect(response.body, name).toContain('<main id="noi-dung"');
          expect(response.body, name).toContain('href="#noi-dung"');
          expect(response.body, name).not.toContain('<script');
          expect(Buffer.byteLength(response.body), name).toBeLessThan(100_000);
        }
      }
      expect(pages.nation.body).toContain('Xếp hạng tỉnh, thành phố năm 2026');
      // Thái Nguyên ranks first (the only province with a published report), Dân Tiến first in Thái Nguyên.
      expect(pages.nation.body).toMatch(
        /<td class="num">1<\/td><td><a href="\/cong-khai\/dia-phuong\/19">Tỉnh Thái Nguyên<\/a>/,
      );
      expect(pages.province.body).toMatch(
        /<td class="num">1<\/td><td><a href="\/cong-khai\/dia-phuong\/05755">Xã Dân Tiến<\/a>/,
      );
    });

    it('should show only the published report; the withdrawn one only in the history with its reason', async () => {
      const { locality } = await pagesToRead();
      expect(locality.body).toContain(`Báo cáo ${periods.published.label}`);
      expect(locality.body).toContain('125/BC-UBND');
      expect(locality.body).toContain('Ngày phê duyệt</dt><dd>25/11/2026');
      for (const hidden of [periods.unpublished, periods.returned, periods.draft])
        expect(locality.body).not.toContain(hidden.label);
      // The report published here and the 2025 one (45/BC-UBND): two articles, newest first.
      expect(locality.body.match(/<article class="report"/g)).toHaveLength(2);
      expect(locality.body.indexOf(periods.published.label)).toBeLessThan(
        locality.body.indexOf('Báo cáo Năm 2025'),
      );
      expect(locality.body).toContain('45/BC-UBND');
      expect(locality.body).toContain(
        `Báo cáo ${periods.withdrawn.label} (phiên bản 1, công khai ngày 25/11/2026) đã gỡ ngày 25/11/2026, lý do: Số liệu chỉ tiêu I.2 cần rà soát lại`,
      );
      // Status and colour are words, never colour alone.
      expect(locality.body).toMatch(/<span class="badge c-(green|yellow|red)">(Xanh|Vàng|Đỏ)<\/span>/);
    });

    it('should never show the name of a person, a narrative or an evidence file', async () => {
      const pages = await pagesToRead();
      for (const [name, response] of Object.entries(pages)) {
        for (const person of displayNames) expect(response.body, `${name}: ${person}`).not.toContain(person);
        expect(response.body, name).not.toContain('Đánh giá chung');
        expect(response.body, name).not.toContain('/attachments/');
      }
    });

    it('should serve the approved report as PDF and Word from the snapshot, and nothing for an unpublished one', async () => {
      const { locality } = await pagesToRead();
      const pdfLink = /href="(\/cong-khai\/bao-cao\/[0-9a-f-]{36}\.pdf)"/.exec(locality.body)![1]!;
      const pdf = await get(pdfLink);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const docx = await get(pdfLink.replace(/\.pdf$/, '.docx'));
      expect(docx.statusCode).toBe(200);
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const list = await leader.call('GET', `/api/v1/consolidated-reports/${withdrawnReportId}/publications`);
      const withdrawnId = list.body.data.items[0].id as string;
      expect((await get(`/cong-khai/bao-cao/${withdrawnId}.pdf`)).statusCode).toBe(404);
      expect((await get(`/cong-khai/bao-cao/${publishedReportId}.pdf`)).statusCode).toBe(404);
    });

    it('should offer the published figures as CSV (UTF-8 with BOM) and JSON by catalog and register code', async () => {
      const { csv, json, provinceJson, nationJson } = await pagesToRead();
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect([...csv.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.rawPayload.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(OPEN_DATA_FIELDS.join(','));
      const body = JSON.parse(json.body);
      expect(body.catalogVersion).toBe(CATALOG_VERSION);
      expect(body.count).toBeGreaterThan(0);
      expect(lines.length - 2).toBe(body.count);
      expect(new Set(body.records.map((row: { period: string }) => row.period))).toEqual(
        new Set(['2025', '2026']),
      );
      const records = body.records.filter((row: { period: string }) => row.period === '2026');
      expect(new Set(records.map((row: { period_label: string }) => row.period_label))).toEqual(
        new Set([periods.published.label]),
      );
      for (const record of records) {
        expect(record.locality_code).toBe(DAN_TIEN);
        expect(record.parent_code).toBe(THAI_NGUYEN);
        expect(record.locality_name).toBe('Xã Dân Tiến');
        expect(record.catalog_version).toBe(CATALOG_VERSION);
        expect(record.document_number).toBe('125/BC-UBND');
        expect(['catalog', 'plan']).toContain(record.code_source);
        if (record.code_source === 'plan') expect(record.indicator_code).toBe(record.plan_indicator_code);
      }
      // The demo maps most of Dân Tiến's indicators to the catalog; a mapped one carries the catalog code.
      const mapped = records.find((row: { code_source: string }) => row.code_source === 'catalog');
      expect(createCatalogService().has(mapped.indicator_code)).toBe(true);
      expect(mapped.indicator_code).not.toBe(mapped.plan_indicator_code);
      const accepted = records.find(
        (row: { plan_indicator_code: string }) => row.plan_indicator_code === 'I.3',
      );
      expect(accepted.value).toBe(99);
      for (const record of records) expect(record.value).toBe(currentValues.get(record.plan_indicator_code));
      expect(
        lines.some((line) => line.includes(`${DAN_TIEN},Xã Dân Tiến,commune,${THAI_NGUYEN},2026,`)),
      ).toBe(true);
      expect(JSON.parse(provinceJson.body).records).toEqual(body.records);
      expect(JSON.parse(nationJson.body).records).toEqual(body.records);
    });

    it('should answer 304 to a copy that is current, and a new page after a publication decision', async () => {
      const first = await get(`/cong-khai/dia-phuong/${DAN_TIEN}`);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
      expect(first.headers['last-modified']).toBe(new Date('2026-11-25T08:00:00.000Z').toUTCString());
      const again = await get(`/cong-khai/dia-phuong/${DAN_TIEN}`, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const csv = await get(`/cong-khai/du-lieu/${DAN_TIEN}.csv`);
      expect(
        (await get(`/cong-khai/du-lieu/${DAN_TIEN}.csv`, { 'if-none-match': String(csv.headers.etag) }))
          .statusCode,
      ).toBe(304);

      const list = await leader.call('GET', `/api/v1/consolidated-reports/${withdrawnReportId}/publications`);
      expect(list.status).toBe(200);
      const republished = await leader.call(
        'POST',
        `/api/v1/consolidated-reports/${withdrawnReportId}/versions/1/publish`,
        {},
      );
      expect(republished.status).toBe(200);
      const changed = await get(`/cong-khai/dia-phuong/${DAN_TIEN}`, { 'if-none-match': etag });
      expect(changed.statusCode).toBe(200);
      expect(changed.body.match(/<article class="report"/g)).toHaveLength(3);
      const back = await leader.call('POST', `/api/v1/consolidated-reports/${withdrawnReportId}/withdraw`, {
        reason: 'Gỡ lại để rà soát',
      });
      expect(back.status).toBe(200);
    });

    it('should serve the stylesheet under a hashed name for a year, and search ignoring diacritics', async () => {
      const { nation } = await pagesToRead();
      const css = /href="(\/cong-khai\/tai-nguyen\/site\.[0-9a-f]{12}\.css)"/.exec(nation.body)![1]!;
      const sheet = await get(css);
      expect(sheet.statusCode).toBe(200);
      expect(sheet.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const found = await get('/cong-khai?q=dan%20tien');
      expect(found.body).toContain('<a href="/cong-khai/dia-phuong/05755">Xã Dân Tiến</a>');
      const inProvince = await get(`/cong-khai/dia-phuong/${THAI_NGUYEN}?q=DAN+TIEN`);
      expect(inProvince.body).toContain('<a href="/cong-khai/dia-phuong/05755">Xã Dân Tiến</a>');
    });

    it('should answer a bad year with a 400 page in Vietnamese and an unknown address with a 404 page', async () => {
      const bad = await get('/cong-khai?nam=abc');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('không hợp lệ');
      expect((await get('/cong-khai/dia-phuong/99999')).statusCode).toBe(404);
      expect((await get('/cong-khai/khong-co')).statusCode).toBe(404);
      expect((await get('/cong-khai/du-lieu/99999.csv')).statusCode).toBe(404);
    });
  });
});

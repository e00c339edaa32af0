/**
 * The demo as `npm start` ships it: the year before the current one of Dân Tiến went through the
 * services to a published report (test clock 25/11/2026: the 2025 report, filed late by the HCC
 * centre, accepted, approved and published by the leader as 45/BC-UBND). An anonymous visitor of
 * /cong-khai sees its approved figures; nobody's bell starts with the demo's notices; loading the
 * demo again changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, FAKE_PDF_CONVERTER, fixedClock, type TestApp } from '../../test/test-app';
import { loadDemoDataIfEmpty } from './demo';
import { DEMO_PUBLISHED } from './demo-publication';

const DAN_TIEN = '05755';

describe('the demo ships a published report', () => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await buildTestApp({ demo: 'published', pdf: FAKE_PDF_CONVERTER });
  }, 120_000);
  afterAll(() => t.close());

  it('should show an anonymous visitor the published report of the year before, with its approved figures', async () => {
    const page = await get(`/cong-khai/dia-phuong/${DAN_TIEN}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Báo cáo Năm 2025');
    expect(page.body).toContain(DEMO_PUBLISHED.documentNumber);
    expect(page.body.match(/<article class="report"/g)).toHaveLength(1);

    const body = JSON.parse((await get(`/cong-khai/du-lieu/${DAN_TIEN}.json`)).body);
    const records = body.records as Array<{
      period: string;
      plan_indicator_code: string;
      value: number | null;
      document_number: string;
    }>;
    expect(new Set(records.map((row) => row.period))).toEqual(new Set(['2025']));
    const publishedValue = (code: string) => records.find((row) => row.plan_indicator_code === code)?.value;
    // As the centre reported them: values as given, a rate rebuilt from its numerator and denominator.
    expect(publishedValue('I.2')).toBe(64);
    expect(publishedValue('II.7')).toBe(70);
    expect(publishedValue('I.5')).toBe(76);
    expect(records.every((row) => row.document_number === DEMO_PUBLISHED.documentNumber)).toBe(true);
  });

  it('should have made it through the real workflow: late report accepted, report approved and frozen', async () => {
    const standing = await t.signIn(DEMO_PUBLISHED.standing);
    const planId = (
      (await standing.call('GET', '/api/v1/plans')).body.data as Array<{
        id: string;
        localityName: string;
      }>
    ).find((row) => row.localityName === 'Dân Tiến')!.id;
    const periods = (await standing.call('GET', `/api/v1/plans/${planId}/reporting-periods`)).body
      .data as Array<{ id: string; key: string }>;
    const period = periods.find((row) => row.key === '2025')!;
    const report = (await standing.call('GET', `/api/v1/reporting-periods/${period.id}/consolidated-report`))
      .body.data;
    expect(report).toMatchObject({ status: 'approved', version: 1, approvedBeforeFreezing: false });
    const publications = (
      await standing.call('GET', `/api/v1/consolidated-reports/${report.id}/publications`)
    ).body.data;
    expect(publications.items).toHaveLength(1);
    expect(publications.items[0]).toMatchObject({
      documentNumber: DEMO_PUBLISHED.documentNumber,
      withdrawnAt: null,
    });
    // The current period is untouched: its consolidated report is still to be written.
    const current = periods.find((row) => row.key === '2026')!;
    const draft = (await standing.call('GET', `/api/v1/reporting-periods/${current.id}/consolidated-report`))
      .body.data;
    expect(draft).toMatchObject({ id: null, revision: 0 });
  });

  it('should start every bell at zero and load nothing twice', async () => {
    for (const username of [DEMO_PUBLISHED.leader, DEMO_PUBLISHED.standing]) {
      const client = await t.signIn(username);
      const list = await client.call('GET', '/api/v1/notifications');
      expect(list.body.data.unreadCount, username).toBe(0);
    }
    expect(await loadDemoDataIfEmpty(t.handle.db, fixedClock)).toBe(false);
    const page = await get(`/cong-khai/dia-phuong/${DAN_TIEN}`);
    expect(page.body.match(/<article class="report"/g)).toHaveLength(1);
  });
});

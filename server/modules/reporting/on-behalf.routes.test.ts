/**
 * "Nhập thay": the standing agency enters and submits the report of a unit without an account, from the
 * unit's signed paper report whose scan it attaches (test clock: 25/11/2026).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, unitReport } from '../../db/schema';
import { buildLocality, buildPlan, buildTask, buildUnit, buildUser } from '../../test/factories';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

describe('POST /api/v1/reporting-periods/:id/units/:unitId/report/on-behalf', () => {
  let t: TestApp;
  let planId: string;
  let healthId: string;
  let taskId: string;
  let standingOfficer: Client;
  let otherUnitOfficer: Client;
  let healthOfficer: Client;
  let foreignOfficer: Client;

  const newPeriod = async (label: string): Promise<string> =>
    (
      await t.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
        label,
        dataFrom: '2026-01-01',
        dataTo: '2026-11-14',
        dueDate: '2026-12-15',
      })
    ).body.data.id;
  const formUrl = (periodId: string) => `/api/v1/reporting-periods/${periodId}/units/${healthId}/report`;
  const upload = (client: Client, reportId: string, query: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/unit-reports/${reportId}/attachments${query}`,
      payload: PDF,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': 'bao-cao-giay.pdf',
        ...client.headers,
      },
      cookies: client.cookies,
    });

  beforeAll(async () => {
    t = await buildTestApp();
    const locality = await buildLocality(t);
    const foreign = await buildLocality(t);
    const standingUnitId = (await buildUnit(t, locality.id, 'Phòng Văn hóa - Xã hội')).id;
    healthId = (await buildUnit(t, locality.id, 'Trạm y tế')).id;
    const economyId = (await buildUnit(t, locality.id, 'Phòng Kinh tế')).id;
    planId = (await buildPlan(t, locality.id, { standingAgencyUnitId: standingUnitId })).id;
    taskId = (await buildTask(t, planId, { name: 'Số hóa hồ sơ sức khỏe', leadUnitId: healthId })).id;
    standingOfficer = (await buildUser(t, { role: 'standing_officer', localityId: locality.id }, 'vhxh.thu'))
      .client;
    otherUnitOfficer = (
      await buildUser(t, { role: 'unit_officer', localityId: locality.id, unitId: economyId })
    ).client;
    healthOfficer = (await buildUser(t, { role: 'unit_officer', localityId: locality.id, unitId: healthId }))
      .client;
    foreignOfficer = (await buildUser(t, { role: 'standing_officer', localityId: foreign.id })).client;
  });
  afterAll(() => t.close());

  it('should refuse a unit officer of another unit (403) and a user of another locality (404)', async () => {
    const periodId = await newPeriod('Kỳ từ chối');
    expect((await otherUnitOfficer.call('POST', `${formUrl(periodId)}/on-behalf`)).status).toBe(403);
    expect((await foreignOfficer.call('POST', `${formUrl(periodId)}/on-behalf`)).status).toBe(404);
    // Without "Nhập thay" the standing agency still does not write a unit's report.
    expect((await standingOfficer.call('PUT', formUrl(periodId), { revision: 0 })).status).toBe(403);
    expect(await t.handle.db.select().from(unitReport).where(eq(unitReport.periodId, periodId))).toEqual([]);
  });

  it('should let the standing agency enter, attach the paper scan and submit, saying who entered it for whom', async () => {
    const periodId = await newPeriod('Kỳ nhập thay');
    const before = (await standingOfficer.call('GET', formUrl(periodId))).body.data;
    expect(before.can).toEqual({ edit: false, review: true, enterOnBehalf: true });

    const started = await standingOfficer.call('POST', `${formUrl(periodId)}/on-behalf`);
    expect(started.status).toBe(200);
    const banner = {
      byName: 'Người dùng vhxh.thu',
      byUnitName: 'Phòng Văn hóa - Xã hội',
      forUnitName: 'Trạm y tế',
    };
    expect(started.body.data).toMatchObject({
      report: { status: 'draft', isEnteredOnBehalf: true },
      enteredOnBehalf: banner,
      can: { edit: true, enterOnBehalf: false },
    });
    let report = started.body.data.report;

    const saved = await standingOfficer.call('PUT', formUrl(periodId), {
      revision: report.revision,
      difficulties: 'Theo báo cáo giấy số 12/BC-TYT',
      taskUpdates: [{ taskId, status: 'in_progress', progress: 60, result: 'Đã số hóa 600 hồ sơ' }],
    });
    expect(saved.status).toBe(200);
    report = saved.body.data.report;

    // Another unit's officer and another locality's user still may not touch it.
    const reportUrl = `/api/v1/unit-reports/${report.id}/submit`;
    expect((await otherUnitOfficer.call('POST', reportUrl, { revision: report.revision })).status).toBe(403);
    expect((await foreignOfficer.call('POST', reportUrl, { revision: report.revision })).status).toBe(404);
    expect(
      (await otherUnitOfficer.call('PUT', formUrl(periodId), { revision: report.revision })).status,
    ).toBe(403);

    const withoutScan = await standingOfficer.call('POST', reportUrl, { revision: report.revision });
    expect(withoutScan.status).toBe(400);
    expect(withoutScan.body.details).toEqual([
      {
        field: 'attachments',
        message: 'Báo cáo nhập thay cần đính kèm bản chụp báo cáo giấy của đơn vị trước khi nộp',
      },
    ]);

    const scan = await upload(standingOfficer, report.id, '?paperReport=true');
    expect(scan.statusCode).toBe(201);
    expect(scan.json().data).toMatchObject({ fileName: 'bao-cao-giay.pdf', isPaperReport: true });

    const submitted = await standingOfficer.call('POST', reportUrl, { revision: report.revision });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data).toMatchObject({
      report: { status: 'submitted', isEnteredOnBehalf: true },
      enteredOnBehalf: banner,
    });
    const [row] = await t.handle.db.select().from(unitReport).where(eq(unitReport.id, report.id));
    expect(row).toMatchObject({
      enteredOnBehalfBy: standingOfficer.userId,
      submittedBy: standingOfficer.userId,
    });

    const audits = await t.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityType, 'unit_report'), eq(auditEvent.entityId, report.id)));
    const created = audits.find((entry) => entry.action === 'create');
    expect(created).toMatchObject({
      actorName: 'Người dùng vhxh.thu',
      after: expect.objectContaining({
        enteredOnBehalfBy: standingOfficer.userId,
        enteredOnBehalf: 'Nhập thay bởi Người dùng vhxh.thu (Phòng Văn hóa - Xã hội) cho Trạm y tế',
      }),
    });

    // The unit's own officer reads who entered its report.
    const seen = (await healthOfficer.call('GET', formUrl(periodId))).body.data;
    expect(seen.enteredOnBehalf).toEqual(banner);
  });

  it('should not take over a report the unit writes itself (409), nor flag its files as a paper report', async () => {
    const periodId = await newPeriod('Kỳ đơn vị tự lập');
    const own = await healthOfficer.call('PUT', formUrl(periodId), { revision: 0 });
    expect(own.status).toBe(200);
    const response = await standingOfficer.call('POST', `${formUrl(periodId)}/on-behalf`);
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('Đơn vị đã có báo cáo kỳ này nên không nhập thay được.');
    expect((await standingOfficer.call('PUT', formUrl(periodId), { revision: 1 })).status).toBe(403);
    const flagged = await upload(healthOfficer, own.body.data.report.id, '?paperReport=true');
    expect(flagged.statusCode).toBe(400);
    expect(flagged.json().details[0].message).toBe(
      'Chỉ báo cáo nhập thay mới đính kèm bản chụp báo cáo giấy',
    );
  });
});

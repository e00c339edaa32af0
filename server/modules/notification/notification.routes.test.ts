/**
 * Notifications of the report workflow on the demo plan of Thành Đông, with e-mail on (a local SMTP
 * server started by the test): a return tells the unit's officer in the app and by one e-mail; a retried
 * request tells nobody twice; each user reads and marks only their own notifications.
 */
import { and, eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { appUser, emailOutbox, notification } from '../../db/schema';
import { createEmailSender, createSmtpTransport } from '../../jobs/email-sender';
import { startTestSmtpServer, type TestSmtpServer } from '../../jobs/test-smtp-server';
import { findPlan, findUnitId } from '../../test/demo-lookups';
import { explainedValues } from '../../test/factories';
import {
  buildTestApp,
  type Client,
  fixedClock,
  signInTo,
  TEST_CONFIG,
  type TestApp,
} from '../../test/test-app';

const PUBLIC_URL = 'https://lotrinh.example.vn';
const MAIL_FROM = 'Lộ trình <no-reply@example.vn>';
const HCC_EMAIL = 'hcc@thanhdong.example.vn';

describe('notifications', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  /** The same database served by an app with e-mail on. */
  let app: FastifyInstance;
  let hcc: Client;
  let kinhTe: Client;
  let standing: Client;
  let planId: string;
  let hccUnitId: string;
  let periodId: string;
  let report: { id: string; revision: number };

  const notificationsOf = (userId: string, keyPrefix: string) =>
    t.handle.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, userId), like(notification.dedupeKey, `${keyPrefix}%`)));

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    smtp = await startTestSmtpServer();
    app = await createApp({
      db: t.handle.db,
      config: { ...TEST_CONFIG, mail: { smtpUrl: smtp.url, from: MAIL_FROM }, publicUrl: PUBLIC_URL },
      clock: fixedClock,
      storage: t.storage,
    });
    await app.ready();
    await t.handle.db.update(appUser).set({ email: HCC_EMAIL }).where(eq(appUser.username, 'thanhdong.hcc'));
    hcc = await signInTo(app, 'thanhdong.hcc');
    kinhTe = await signInTo(app, 'thanhdong.kinhte');
    standing = await signInTo(app, 'thanhdong.vhxh');
    const plan = await findPlan(standing, 'Thành Đông');
    planId = plan.id;
    hccUnitId = await findUnitId(standing, plan.localityId, 'Trung tâm HCC');
    const period = await standing.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
      label: 'Báo cáo đột xuất tháng 11',
      dataFrom: '2026-11-01',
      dataTo: '2026-11-20',
      dueDate: '2026-11-28',
    });
    expect(period.status).toBe(201);
    periodId = period.body.data.id;
    const reportUrl = `/api/v1/reporting-periods/${periodId}/units/${hccUnitId}/report`;
    const saved = await hcc.call('PUT', reportUrl, {
      revision: 0,
      difficulties: 'Thiếu máy quét',
      values: await explainedValues(hcc, reportUrl),
    });
    expect(saved.status).toBe(200);
    report = saved.body.data.report;
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await t?.close();
  });

  it('should tell the standing officer that a report waits for review when the unit submits it', async () => {
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${report.id}/submit`, {
      revision: report.revision,
    });
    expect(submitted.status).toBe(200);
    report = submitted.body.data.report;
    const rows = await notificationsOf(standing.userId!, `report-submitted:${report.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'report_submitted',
      title: 'Báo cáo mới chờ xem xét',
      link: `/plans/${planId}?period=${periodId}&unit=${hccUnitId}`,
    });
    expect(rows[0]!.body).toContain('Trung tâm HCC');
    // The unit's own officers are not told about their own submission.
    expect(await notificationsOf(hcc.userId!, 'report-submitted:')).toHaveLength(0);
  });

  it('should tell the unit officer in the app and by one e-mail when the report is returned, once', async () => {
    const returned = await standing.call('POST', `/api/v1/unit-reports/${report.id}/return`, {
      revision: report.revision,
      reason: 'Bổ sung số liệu quý',
    });
    expect(returned.status).toBe(200);
    // The same request again (a double click, a retry after a lost answer) changes nothing.
    const retried = await standing.call('POST', `/api/v1/unit-reports/${report.id}/return`, {
      revision: report.revision,
      reason: 'Bổ sung số liệu quý',
    });
    expect(retried.status).toBe(409);
    report = returned.body.data.report;

    const rows = await notificationsOf(hcc.userId!, `report-returned:${report.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'report_returned',
      title: 'Báo cáo bị trả lại: Bổ sung số liệu quý',
      readAt: null,
    });
    // The other unit's officer hears nothing of it.
    expect(await notificationsOf(kinhTe.userId!, 'report-returned:')).toHaveLength(0);

    const outbox = await t.handle.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.notificationId, rows[0]!.id));
    expect(outbox).toMatchObject([{ toAddress: HCC_EMAIL, status: 'pending' }]);
    const sender = createEmailSender({
      db: t.handle.db,
      clock: fixedClock,
      transport: createSmtpTransport(smtp.url),
      from: MAIL_FROM,
    });
    expect(await sender.sendPending()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await sender.sendPending()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail!.to).toEqual([HCC_EMAIL]);
    expect(mail!.from).toBe('no-reply@example.vn');
    expect(mail!.subject).toBe('[Lộ trình] Báo cáo bị trả lại: Bổ sung số liệu quý');
    expect(mail!.text).toContain('Lý do: Bổ sung số liệu quý');
    expect(mail!.text).toContain(`${PUBLIC_URL}/plans/${planId}?period=${periodId}&unit=${hccUnitId}`);
    const [sent] = await t.handle.db.select().from(emailOutbox).where(eq(emailOutbox.id, outbox[0]!.id));
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, sentAt: fixedClock.now() });
  });

  it('should notify again when a resubmitted report is returned a second time, then accepted', async () => {
    const resubmitted = await hcc.call('POST', `/api/v1/unit-reports/${report.id}/submit`, {
      revision: report.revision,
    });
    expect(resubmitted.status).toBe(200);
    const again = await standing.call('POST', `/api/v1/unit-reports/${report.id}/return`, {
      revision: resubmitted.body.data.report.revision,
      reason: 'Thiếu minh chứng',
    });
    expect(again.status).toBe(200);
    const returns = await notificationsOf(hcc.userId!, `report-returned:${report.id}`);
    expect(returns.map((row) => row.title).sort()).toEqual([
      'Báo cáo bị trả lại: Bổ sung số liệu quý',
      'Báo cáo bị trả lại: Thiếu minh chứng',
    ]);
    expect(await notificationsOf(standing.userId!, `report-submitted:${report.id}`)).toHaveLength(2);

    const third = await hcc.call('POST', `/api/v1/unit-reports/${report.id}/submit`, {
      revision: again.body.data.report.revision,
    });
    const accepted = await standing.call('POST', `/api/v1/unit-reports/${report.id}/accept`, {
      revision: third.body.data.report.revision,
    });
    expect(accepted.status).toBe(200);
    const acceptances = await notificationsOf(hcc.userId!, `report-accepted:${report.id}`);
    expect(acceptances).toMatchObject([
      { kind: 'report_accepted', title: 'Báo cáo đã được chấp nhận: Báo cáo đột xuất tháng 11' },
    ]);
  });

  describe('GET /api/v1/notifications', () => {
    it('should fail with 401 without a session', async () => {
      expect((await t.anonymous.call('GET', '/api/v1/notifications')).status).toBe(401);
      expect((await t.anonymous.call('POST', '/api/v1/notifications/read-all')).status).toBe(401);
    });

    it("should list the signed-in user's notifications, newest first, with the unread count", async () => {
      const response = await hcc.call('GET', '/api/v1/notifications');
      expect(response.status).toBe(200);
      const own = await t.handle.db.select().from(notification).where(eq(notification.userId, hcc.userId!));
      const list = response.body.data;
      expect(list.unreadCount).toBe(own.length);
      expect(list.items).toHaveLength(own.length);
      expect(list.items[0]).toEqual({
        id: expect.any(String),
        kind: expect.any(String),
        title: expect.any(String),
        body: expect.any(String),
        link: expect.any(String),
        target: expect.any(Object),
        createdAt: expect.any(String),
        readAt: null,
      });
      // Every report notification says which report it is about, so that the web app can open it.
      for (const row of list.items) {
        expect(row.target).toEqual({ kind: 'unit_report', planId, periodId, unitId: hccUnitId });
      }
      const times = list.items.map((row: { createdAt: string }) => row.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      // Another user sees none of them.
      const others = (await kinhTe.call('GET', '/api/v1/notifications')).body.data.items;
      const ids = new Set(list.items.map((row: { id: string }) => row.id));
      expect(others.some((row: { id: string }) => ids.has(row.id))).toBe(false);
    });
  });

  describe('POST /api/v1/notifications/:id/read', () => {
    it('should fail with 401 without a session', async () => {
      const [row] = await notificationsOf(hcc.userId!, 'report-returned:');
      expect((await t.anonymous.call('POST', `/api/v1/notifications/${row!.id}/read`)).status).toBe(401);
    });

    it("should fail with 404 for another user's notification and leave it unread", async () => {
      const [row] = await notificationsOf(hcc.userId!, 'report-returned:');
      const response = await kinhTe.call('POST', `/api/v1/notifications/${row!.id}/read`);
      expect(response.status).toBe(404);
      expect(response.body.error).toBe('notification_not_found');
      const [after] = await t.handle.db.select().from(notification).where(eq(notification.id, row!.id));
      expect(after!.readAt).toBeNull();
    });

    it('should fail with 400 for an id that is not a uuid', async () => {
      expect((await hcc.call('POST', '/api/v1/notifications/abc/read')).status).toBe(400);
    });

    it('should mark one of the own notifications read', async () => {
      const before = (await hcc.call('GET', '/api/v1/notifications')).body.data;
      const target = before.items[0];
      const response = await hcc.call('POST', `/api/v1/notifications/${target.id}/read`);
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ id: target.id, readAt: fixedClock.now().toISOString() });
      const after = (await hcc.call('GET', '/api/v1/notifications')).body.data;
      expect(after.unreadCount).toBe(before.unreadCount - 1);
    });
  });

  describe('POST /api/v1/notifications/read-all', () => {
    it('should mark all the own notifications read, and no one else’s', async () => {
      const standingBefore = (await standing.call('GET', '/api/v1/notifications')).body.data.unreadCount;
      expect(standingBefore).toBeGreaterThan(0);
      const response = await hcc.call('POST', '/api/v1/notifications/read-all');
      expect(response.status).toBe(200);
      expect(response.body.data.updated).toBeGreaterThan(0);
      expect((await hcc.call('GET', '/api/v1/notifications')).body.data.unreadCount).toBe(0);
      expect((await standing.call('GET', '/api/v1/notifications')).body.data.unreadCount).toBe(
        standingBefore,
      );
    });
  });
});

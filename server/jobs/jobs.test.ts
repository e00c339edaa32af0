/**
 * The background jobs on the demo data (today is 25/11/2026 in the test clock): the reminder scan
 * reminds each unit officer once however many scans run, at once or one after the other, in one
 * process or through two database connections; two e-mail senders send each e-mail exactly once.
 * Under `npm run test:pg` the concurrent runs use two separate PostgreSQL connection pools.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import { eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../clock';
import { DEVELOPMENT_PUBLIC_URL, loadConfig } from '../config';
import { type DatabaseHandle, openPostgres } from '../db/client';
import {
  appUser,
  emailOutbox,
  locality,
  localityName,
  localityNameScheduled,
  notification,
  reminderSent,
} from '../db/schema';
import { createServices } from '../services';
import { findPlan, findUnitId } from '../test/demo-lookups';
import { explainedValues } from '../test/factories';
import {
  buildTestApp,
  type Client,
  FIXED_NOW,
  fixedClock,
  TEST_CONFIG,
  type TestApp,
} from '../test/test-app';
import {
  createEmailSender,
  createSmtpTransport,
  MAX_EMAIL_ATTEMPTS,
  type MailTransport,
  retryDelayMs,
} from './email-sender';
import { createReminderScan } from './reminders';
import { startBackgroundJobs } from './scheduler';
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server';

describe('retryDelayMs', () => {
  it('should back off 1, 4, 16, 64 minutes', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([1, 4, 16, 64]);
  });
});

describe('background jobs', () => {
  let t: TestApp;
  /** A second connection to the same database on PostgreSQL; the same handle on PGlite. */
  let second: DatabaseHandle;
  let hcc: Client;
  let kinhTe: Client;
  let standing: Client;
  let planId: string;
  let hccUnitId: string;
  const periods = { dueSoon: '', overdue: '', later: '', reported: '' };

  const scanOn = (handle: DatabaseHandle, clock: Clock = fixedClock, limit?: number) => {
    const services = createServices({ db: handle.db, clock, config: TEST_CONFIG, storage: t.storage });
    return createReminderScan({
      db: handle.db,
      clock,
      notifications: services.notification,
      reporting: services.reporting,
      daysBefore: 3,
      limit,
    });
  };
  const remindersOf = (periodId: string) =>
    t.handle.db
      .select()
      .from(notification)
      .where(like(notification.dedupeKey, `reminder:%:${periodId}:%`));

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    second = t.handle.url ? await openPostgres(t.handle.url) : t.handle;
    hcc = await t.signIn('thanhdong.hcc');
    kinhTe = await t.signIn('thanhdong.kinhte');
    standing = await t.signIn('thanhdong.vhxh');
    const plan = await findPlan(t, 'Thành Đông');
    planId = plan.id;
    hccUnitId = await findUnitId(t, plan.localityId, 'Trung tâm HCC');
    const open = async (label: string, dueDate: string) => {
      const response = await standing.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
        label,
        dataFrom: '2026-10-01',
        dataTo: '2026-10-31',
        dueDate,
      });
      expect(response.status).toBe(201);
      return response.body.data.id as string;
    };
    periods.dueSoon = await open('Báo cáo đột xuất A', '2026-11-27');
    periods.overdue = await open('Báo cáo đột xuất B', '2026-11-20');
    periods.later = await open('Báo cáo đột xuất C', '2026-12-20');
    periods.reported = await open('Báo cáo đột xuất D', '2026-11-26');
    // Trung tâm HCC has already submitted D: it is not reminded of it.
    const reportedUrl = `/api/v1/reporting-periods/${periods.reported}/units/${hccUnitId}/report`;
    const saved = await hcc.call('PUT', reportedUrl, {
      revision: 0,
      values: await explainedValues(hcc, reportedUrl),
    });
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${saved.body.data.report.id}/submit`, {
      revision: saved.body.data.report.revision,
    });
    expect(submitted.status).toBe(200);
  });
  afterAll(async () => {
    if (second && second !== t.handle) await second.close();
    await t?.close();
  });

  describe('reminder scan', () => {
    it('should remind each officer of a unit missing a report due soon exactly once, however many scans run', async () => {
      const first = await scanOn(t.handle).run();
      expect(first.dueSoon).toBeGreaterThan(0);
      const afterFirst = await remindersOf(periods.dueSoon);
      // Scans one after the other, then at once on the same database, then through another connection.
      expect(await scanOn(t.handle).run()).toEqual({ dueSoon: 0, overdue: 0 });
      await Promise.all([scanOn(t.handle).run(), scanOn(t.handle).run()]);
      await Promise.all([scanOn(t.handle).run(), scanOn(second).run()]);
      const rows = await remindersOf(periods.dueSoon);
      expect(rows.map((row) => row.id).sort()).toEqual(afterFirst.map((row) => row.id).sort());

      const hccRows = rows.filter((row) => row.userId === hcc.userId);
      expect(hccRows).toHaveLength(1);
      expect(hccRows[0]).toMatchObject({
        kind: 'report_due_soon',
        title: 'Sắp đến hạn báo cáo Báo cáo đột xuất A (hạn 27/11/2026)',
        dedupeKey: `reminder:due-soon:${periods.dueSoon}:${hccUnitId}:${hcc.userId}`,
        link: `/plans/${planId}?period=${periods.dueSoon}&unit=${hccUnitId}`,
      });
      expect(hccRows[0]!.body).toContain('Trung tâm HCC chưa nộp báo cáo');
      expect(rows.some((row) => row.userId === kinhTe.userId)).toBe(true);
      // Only unit officers are reminded before the due date.
      expect(rows.some((row) => row.userId === standing.userId)).toBe(false);
    });

    it('should tell the unit officers and the standing officer once when the report is overdue', async () => {
      const rows = await remindersOf(periods.overdue);
      const hccRows = rows.filter((row) => row.userId === hcc.userId);
      expect(hccRows).toMatchObject([
        {
          kind: 'report_overdue',
          title: 'Quá hạn báo cáo Báo cáo đột xuất B: Trung tâm HCC',
          dedupeKey: `reminder:overdue:${periods.overdue}:${hccUnitId}:${hcc.userId}`,
        },
      ]);
      const standingRows = rows.filter((row) => row.userId === standing.userId);
      // One per unit that has not reported, each with its own key.
      expect(standingRows.length).toBeGreaterThanOrEqual(2);
      expect(new Set(standingRows.map((row) => row.dedupeKey)).size).toBe(standingRows.length);
      expect(
        standingRows.some((row) => row.title === 'Quá hạn báo cáo Báo cáo đột xuất B: Trung tâm HCC'),
      ).toBe(true);
    });

    it('should not remind of a period due later, nor a unit that has submitted', async () => {
      expect(await remindersOf(periods.later)).toEqual([]);
      const reported = await remindersOf(periods.reported);
      expect(reported.length).toBeGreaterThan(0);
      expect(reported.some((row) => row.dedupeKey.includes(`:${hccUnitId}:`))).toBe(false);
    });

    it('should remind of the later period once it comes within the window', async () => {
      const later: Clock = { now: () => new Date('2026-12-18T02:00:00.000Z') };
      const result = await scanOn(t.handle, later).run();
      expect(result.dueSoon).toBeGreaterThan(0);
      expect((await remindersOf(periods.later)).filter((row) => row.userId === hcc.userId)).toHaveLength(1);
      // The earlier periods are long overdue by then: their overdue reminders were already sent.
      expect(
        (await remindersOf(periods.overdue)).filter(
          (row) => row.userId === hcc.userId && row.kind === 'report_overdue',
        ),
      ).toHaveLength(1);
    });
    it('should send a long-missing report its one overdue reminder, but none for periods due before the plan was entered', async () => {
      const response = await standing.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
        label: 'Báo cáo đột xuất E',
        dataFrom: '2026-10-01',
        dataTo: '2026-10-31',
        dueDate: '2026-12-05',
      });
      const longMissing = response.body.data.id as string;
      // First scanned two months after its due date (the server was off, say): still reminded, once.
      const february: Clock = { now: () => new Date('2027-02-05T02:00:00.000Z') };
      const first = await scanOn(t.handle, february).run();
      expect(first.overdue).toBeGreaterThan(0);
      await scanOn(t.handle, february).run();
      expect(
        (await remindersOf(longMissing)).filter(
          (row) => row.userId === hcc.userId && row.kind === 'report_overdue',
        ),
      ).toHaveLength(1);
      // The 2025 annual period fell due (30/11/2025) before the demo plan was entered (25/11/2026).
      const periods2025: Array<{ id: string; key: string }> = (
        await standing.call('GET', `/api/v1/plans/${planId}/reporting-periods`)
      ).body.data;
      expect(await remindersOf(periods2025.find((row) => row.key === '2025')!.id)).toEqual([]);
    });
    it('should send at most its limit of reminders a scan, the next scans going on where it stopped', async () => {
      const response = await standing.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
        label: 'Báo cáo đột xuất F',
        dataFrom: '2026-10-01',
        dataTo: '2026-10-31',
        dueDate: '2026-11-26',
      });
      const periodId = response.body.data.id as string;
      const sent = async () =>
        (await t.handle.db.select().from(reminderSent).where(eq(reminderSent.periodId, periodId))).map(
          (row) => row.unitId,
        );
      const counts: number[] = [];
      for (let scan = 0; scan < 30; scan++) {
        await scanOn(t.handle, fixedClock, 1).run();
        counts.push((await sent()).length);
        if (counts.length > 1 && counts.at(-1) === counts.at(-2)) break;
      }
      // One unit a scan (1, 2, 3, …), until a scan finds nothing left.
      const last = counts.at(-1)!;
      expect(last).toBeGreaterThan(1);
      expect(counts).toEqual([...Array.from({ length: last }, (_, index) => index + 1), last]);
      // Every unit reminded once, and the units' officers were told.
      expect(new Set(await sent()).size).toBe(last);
      expect((await remindersOf(periodId)).some((row) => row.userId === hcc.userId)).toBe(true);
    });
  });

  describe('e-mail sender', () => {
    let smtp: TestSmtpServer;
    beforeAll(async () => {
      smtp = await startTestSmtpServer();
    });
    afterAll(() => smtp?.close());

    const queue = async (count: number, prefix: string) => {
      const [user] = await t.handle.db.select({ id: appUser.id }).from(appUser).limit(1);
      const rows = Array.from({ length: count }, (_, index) => ({
        toAddress: `${prefix}${index}@example.vn`,
        subject: `[Lộ trình] Thư thử ${index}`,
        body: `Nội dung ${index}`,
        createdAt: new Date(FIXED_NOW.getTime() - 60_000 + index),
        nextAttemptAt: FIXED_NOW,
      }));
      expect(user).toBeDefined();
      return t.handle.db.insert(emailOutbox).values(rows).returning();
    };

    it('should send each e-mail exactly once when two senders claim at the same time', async () => {
      const queued = await queue(45, 'nguoi');
      const sender = (handle: DatabaseHandle, workerId: string) =>
        createEmailSender({
          db: handle.db,
          clock: fixedClock,
          transport: createSmtpTransport(smtp.url),
          from: 'no-reply@example.vn',
          workerId,
        });
      const [a, b] = await Promise.all([
        sender(t.handle, 'a').sendPending(),
        sender(second, 'b').sendPending(),
      ]);
      expect(a.sent + b.sent).toBe(45);
      const received = smtp.messages.flatMap((message) => message.to).filter((to) => to.startsWith('nguoi'));
      expect(received.sort()).toEqual(queued.map((row) => row.toAddress).sort());
      const rows = await t.handle.db
        .select()
        .from(emailOutbox)
        .where(
          inArray(
            emailOutbox.id,
            queued.map((row) => row.id),
          ),
        );
      expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
      expect(smtp.messages.find((message) => message.to[0] === 'nguoi7@example.vn')).toMatchObject({
        subject: '[Lộ trình] Thư thử 7',
        text: 'Nội dung 7',
      });
    });

    it('should retry with backoff and mark an e-mail failed after the last attempt', async () => {
      const [row] = await queue(1, 'hong');
      let now = FIXED_NOW;
      const clock: Clock = { now: () => now };
      const failing: MailTransport = {
        sendMail: async () => {
          throw new Error('550 mailbox unavailable');
        },
      };
      const sender = createEmailSender({ db: t.handle.db, clock, transport: failing, from: 'x@example.vn' });
      for (let attempt = 1; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
        const result = await sender.sendBatch();
        expect(result.claimed).toBe(1);
        const [current] = await t.handle.db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id));
        expect(current).toMatchObject({ attempts: attempt, lastError: '550 mailbox unavailable' });
        if (attempt < MAX_EMAIL_ATTEMPTS) {
          expect(current!.status).toBe('pending');
          expect(current!.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(attempt));
          // Not before the backoff has passed.
          expect((await sender.sendBatch()).claimed).toBe(0);
          now = current!.nextAttemptAt;
        } else {
          expect(current!.status).toBe('failed');
        }
      }
      now = new Date(now.getTime() + 24 * 3_600_000);
      expect((await sender.sendBatch()).claimed).toBe(0);
    });

    it('should take over a claim abandoned for more than five minutes', async () => {
      const [row] = await queue(1, 'bo');
      await t.handle.db
        .update(emailOutbox)
        .set({ claimedAt: new Date(FIXED_NOW.getTime() - 4 * 60_000), claimedBy: 'dead', attempts: 1 })
        .where(eq(emailOutbox.id, row!.id));
      const sender = createEmailSender({
        db: t.handle.db,
        clock: fixedClock,
        transport: createSmtpTransport(smtp.url),
        from: 'no-reply@example.vn',
      });
      expect((await sender.sendBatch()).claimed).toBe(0);
      await t.handle.db
        .update(emailOutbox)
        .set({ claimedAt: new Date(FIXED_NOW.getTime() - 6 * 60_000) })
        .where(eq(emailOutbox.id, row!.id));
      expect(await sender.sendBatch()).toMatchObject({ claimed: 1, sent: 1 });
      const [current] = await t.handle.db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id));
      expect(current).toMatchObject({ status: 'sent', attempts: 2 });
    });
  });

  // Last in this file: the started jobs also run one reminder scan.
  describe('started jobs: locality names', () => {
    it('should put a name scheduled for today in force within a tick, keeping the name it replaces', async () => {
      const { db } = t.handle;
      const [commune] = await db
        .select({ id: locality.id, name: locality.name, kind: locality.kind })
        .from(locality)
        .where(eq(locality.code, '05755'));
      const today = vietnamDateOf(FIXED_NOW);
      await db
        .insert(localityNameScheduled)
        .values({ localityId: commune!.id, name: 'Dân Tiến Mới', kind: 'phường', validFrom: today });
      const logged: string[] = [];
      const stop = startBackgroundJobs({
        db,
        clock: fixedClock,
        // The defaults: no e-mail, a reminder scan every 5 minutes (its first run comes with the names').
        config: loadConfig({}),
        services: createServices({ db, clock: fixedClock, config: TEST_CONFIG, storage: t.storage }),
        logger: {
          info: (_, message) => logged.push(message),
          error: (_, message) => logged.push(message),
        },
      });
      const nameNow = async () =>
        (await db.select({ name: locality.name }).from(locality).where(eq(locality.id, commune!.id)))[0]!
          .name;
      try {
        // The first run comes a few seconds after the start.
        for (let waited = 0; (await nameNow()) !== 'Dân Tiến Mới' && waited < 30_000; waited += 250)
          await new Promise((resolve) => setTimeout(resolve, 250));
      } finally {
        await stop();
      }
      const [row] = await db.select().from(locality).where(eq(locality.id, commune!.id));
      expect(row).toMatchObject({ name: 'Dân Tiến Mới', kind: 'phường' });
      const former = await db.select().from(localityName).where(eq(localityName.localityId, commune!.id));
      expect(former).toEqual([
        expect.objectContaining({ name: commune!.name, kind: commune!.kind, validTo: '2026-11-24' }),
      ]);
      expect(await db.select().from(localityNameScheduled)).toEqual([]);
      expect(logged).toContain('locality names done');
      expect(logged.filter((message) => message.endsWith('failed'))).toEqual([]);
    });
  });
});

describe('loadConfig: reminders and e-mail', () => {
  const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };

  it('should leave e-mail off without SMTP_URL, remind 3 days ahead and link to the local app', () => {
    expect(loadConfig({})).toMatchObject({
      mail: null,
      publicUrl: DEVELOPMENT_PUBLIC_URL,
      reminderDaysBefore: 3,
      reminderScanIntervalMs: 5 * 60_000,
      emailSendIntervalMs: 30_000,
    });
    expect(loadConfig(production).publicUrl).toBeNull();
  });

  it('should read the mail server, the sender and the public address', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtp://user:secret@mail.example.vn:587',
        MAIL_FROM: 'Lộ trình <no-reply@example.vn>',
        PUBLIC_URL: 'https://lotrinh.example.vn/',
        REMINDER_DAYS_BEFORE: '5',
        REMINDER_SCAN_MINUTES: '10',
      }),
    ).toMatchObject({
      mail: { smtpUrl: 'smtp://user:secret@mail.example.vn:587', from: 'Lộ trình <no-reply@example.vn>' },
      publicUrl: 'https://lotrinh.example.vn',
      reminderDaysBefore: 5,
      reminderScanIntervalMs: 10 * 60_000,
    });
  });

  it('should refuse an e-mail setup that cannot work', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.vn' })).toThrow(/MAIL_FROM: required/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.vn', MAIL_FROM: 'a@b.vn' })).toThrow(/SMTP_URL/);
    expect(() =>
      loadConfig({ ...production, SMTP_URL: 'smtp://mail.example.vn', MAIL_FROM: 'a@b.vn' }),
    ).toThrow(/PUBLIC_URL: required in production/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ REMINDER_DAYS_BEFORE: '-1' })).toThrow(/REMINDER_DAYS_BEFORE/);
  });
});

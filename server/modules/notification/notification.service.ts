/**
 * In-app notifications, and the e-mail copy of each when the user gave an address and the server has a
 * mail server. A notification is written inside the transaction of the change it tells about, and its
 * dedupe key makes it happen exactly once: a retried request or a second reminder scan (in this or
 * another process) inserts nothing.
 */
import { formatDateVi } from '@core/domain/deadlines';
import type { TNotificationKind } from '@core/schemas/notification.schemas';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Database, Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { chainOf } from '../auth/scope';
import {
  countUnreadOfUser,
  findUserEmail,
  insertNotificationOnce,
  insertOutboxEmail,
  listNotificationsOfUser,
  listUsersWithRoleCovering,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationRow,
} from './notification.repository';

export { NOTIFICATION_KINDS } from '@core/schemas/notification.schemas';
export type NotificationKind = TNotificationKind;

export type NotifyInput = {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path inside the app ("/plans/…"); e-mails turn it into an address with PUBLIC_URL. */
  link: string | null;
  dedupeKey: string;
};

/** How many notifications the list returns; older ones stay in the database. */
export const NOTIFICATION_LIST_LIMIT = 100;

type NotificationServiceDeps = {
  db: Database;
  clock: Clock;
  /** E-mail is written to the outbox only when the mail server is configured. */
  config: Partial<Pick<Config, 'mail' | 'publicUrl'>>;
};

/** What the report events need to know about the report, its period and plan. */
export type ReportEvent = {
  report: { id: string; unitId: string; revision: number; returnReason: string | null };
  period: { id: string; label: string; dueDate: string };
  plan: { id: string; title: string; localityId: string };
};

const EMAIL_FOOTER = 'Thư này do hệ thống Lộ trình gửi tự động; vui lòng không trả lời thư.';

/** Where a report notification leads: the plan, opened on the period and the unit. */
export const reportLink = (planId: string, periodId: string, unitId: string): string =>
  `/plans/${planId}?period=${periodId}&unit=${unitId}`;

/** Where a consolidated report notification leads: the consolidated report page of the period. */
export const consolidatedLink = (periodId: string): string => `/reporting-periods/${periodId}/consolidated`;

/** What the consolidated report events need to know about the report, its period and plan. */
export type ConsolidatedEvent = {
  report: { id: string; revision: number; returnReason: string | null; sentBy: string | null };
  period: { id: string; label: string };
  plan: { title: string; localityId: string };
};

export const createNotificationService = ({ db, clock, config }: NotificationServiceDeps) => {
  const emailEnabled = config.mail != null;

  /**
   * Notifies a user once per dedupe key, with the e-mail copy in the same transaction.
   *
   * @param executor - the transaction of the change being told about
   * @returns the notification, or null when one with this key already exists
   */
  const notify = async (executor: Executor, input: NotifyInput): Promise<NotificationRow | null> => {
    const now = clock.now();
    const row = await insertNotificationOnce(executor, {
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link,
      dedupeKey: input.dedupeKey,
      createdAt: now,
    });
    if (!row) return null;
    if (emailEnabled) {
      const toAddress = await findUserEmail(executor, input.userId);
      if (toAddress) {
        const address = input.link && config.publicUrl ? `${config.publicUrl}${input.link}` : null;
        await insertOutboxEmail(executor, {
          notificationId: row.id,
          toAddress,
          subject: `[Lộ trình] ${input.title}`,
          body: [
            input.title,
            '',
            input.body,
            ...(address ? ['', `Xem chi tiết: ${address}`] : []),
            '',
            '--',
            EMAIL_FOOTER,
          ].join('\n'),
          createdAt: now,
          nextAttemptAt: now,
        });
      }
    }
    return row;
  };

  /** Notifies several users, each once, under a key built from `baseKey` and the user. */
  const notifyEach = async (
    executor: Executor,
    userIds: readonly string[],
    input: Omit<NotifyInput, 'userId' | 'dedupeKey'> & { baseKey: string },
  ): Promise<number> => {
    const { baseKey, ...rest } = input;
    let created = 0;
    for (const userId of userIds) {
      if (await notify(executor, { ...rest, userId, dedupeKey: `${baseKey}:${userId}` })) created += 1;
    }
    return created;
  };

  const unitOfficersOf = async (executor: Executor, event: ReportEvent) =>
    listUsersWithRoleCovering(
      executor,
      await chainOf(executor, event.plan.localityId),
      'unit_officer',
      event.report.unitId,
    );

  const describe = (event: ReportEvent) => `${event.period.label} của kế hoạch "${event.plan.title}"`;
  const linkOf = (event: ReportEvent) => reportLink(event.plan.id, event.period.id, event.report.unitId);
  /** The revision after the change: a second return of a resubmitted report is a new event. */
  const keyOf = (what: string, event: ReportEvent) => `${what}:${event.report.id}:${event.report.revision}`;

  /** Tells the unit's officers that the standing agency returned their report, and why. */
  const reportReturned = async (executor: Executor, event: ReportEvent): Promise<void> => {
    const reason = event.report.returnReason ?? '';
    await notifyEach(executor, await unitOfficersOf(executor, event), {
      kind: 'report_returned',
      title: `Báo cáo bị trả lại: ${reason}`.slice(0, 300),
      body: `Báo cáo ${describe(event)} bị cơ quan thường trực trả lại. Lý do: ${reason}\nHãy bổ sung, chỉnh sửa rồi nộp lại.`,
      link: linkOf(event),
      baseKey: keyOf('report-returned', event),
    });
  };

  /** Tells the unit's officers that their report was accepted. */
  const reportAccepted = async (executor: Executor, event: ReportEvent): Promise<void> => {
    await notifyEach(executor, await unitOfficersOf(executor, event), {
      kind: 'report_accepted',
      title: `Báo cáo đã được chấp nhận: ${event.period.label}`,
      body: `Báo cáo ${describe(event)} đã được cơ quan thường trực chấp nhận.`,
      link: linkOf(event),
      baseKey: keyOf('report-accepted', event),
    });
  };

  /** Tells the standing officers covering the plan's locality that a report waits for review. */
  const reportSubmitted = async (
    executor: Executor,
    event: ReportEvent & { unitName: string },
  ): Promise<void> => {
    const officers = await listUsersWithRoleCovering(
      executor,
      await chainOf(executor, event.plan.localityId),
      'standing_officer',
    );
    await notifyEach(executor, officers, {
      kind: 'report_submitted',
      title: 'Báo cáo mới chờ xem xét',
      body: `${event.unitName} đã nộp báo cáo ${describe(event)} (hạn ${formatDateVi(event.period.dueDate)}).`,
      link: linkOf(event),
      baseKey: keyOf('report-submitted', event),
    });
  };

  const describeConsolidated = (event: ConsolidatedEvent) =>
    `báo cáo tổng hợp ${event.period.label} của kế hoạch "${event.plan.title}"`;
  const consolidatedKeyOf = (what: string, event: ConsolidatedEvent) =>
    `${what}:${event.report.id}:${event.report.revision}`;

  /** The standing officers covering the locality, and whoever sent the report if not one of them. */
  const consolidatedAuthorsOf = async (executor: Executor, event: ConsolidatedEvent) => {
    const officers = await listUsersWithRoleCovering(
      executor,
      await chainOf(executor, event.plan.localityId),
      'standing_officer',
    );
    return [...new Set([...officers, ...(event.report.sentBy ? [event.report.sentBy] : [])])].sort();
  };

  /** Tells the leaders covering the locality that the consolidated report waits for their decision. */
  const consolidatedSent = async (executor: Executor, event: ConsolidatedEvent): Promise<void> => {
    const leaders = await listUsersWithRoleCovering(
      executor,
      await chainOf(executor, event.plan.localityId),
      'leader',
    );
    await notifyEach(executor, leaders, {
      kind: 'consolidated_sent',
      title: `Báo cáo tổng hợp chờ phê duyệt: ${event.period.label}`,
      body: `Cơ quan thường trực đã trình ${describeConsolidated(event)}.\nHãy xem xét để phê duyệt hoặc trả lại kèm lý do.`,
      link: consolidatedLink(event.period.id),
      baseKey: consolidatedKeyOf('consolidated-sent', event),
    });
  };

  /** Tells the standing agency that the leader returned the consolidated report, and why. */
  const consolidatedReturned = async (executor: Executor, event: ConsolidatedEvent): Promise<void> => {
    const reason = event.report.returnReason ?? '';
    await notifyEach(executor, await consolidatedAuthorsOf(executor, event), {
      kind: 'consolidated_returned',
      title: `Báo cáo tổng hợp bị trả lại: ${reason}`.slice(0, 300),
      body: `Lãnh đạo đã trả lại ${describeConsolidated(event)}. Lý do: ${reason}\nHãy chỉnh sửa rồi trình lại.`,
      link: consolidatedLink(event.period.id),
      baseKey: consolidatedKeyOf('consolidated-returned', event),
    });
  };

  /** Tells the standing agency that the leader approved the consolidated report. */
  const consolidatedApproved = async (executor: Executor, event: ConsolidatedEvent): Promise<void> => {
    await notifyEach(executor, await consolidatedAuthorsOf(executor, event), {
      kind: 'consolidated_approved',
      title: `Báo cáo tổng hợp đã được phê duyệt: ${event.period.label}`,
      body: `Lãnh đạo đã phê duyệt ${describeConsolidated(event)}. Báo cáo đã được khóa.`,
      link: consolidatedLink(event.period.id),
      baseKey: consolidatedKeyOf('consolidated-approved', event),
    });
  };

  /**
   * Notifies the standing officers of a locality — roles held at the locality itself, not above it —
   * each once per key.
   *
   * @returns how many officers there are, and how many notifications were written now
   */
  const notifyStandingOfficersOf = async (
    executor: Executor,
    localityId: string,
    input: Omit<NotifyInput, 'userId' | 'dedupeKey'> & { baseKey: string },
  ): Promise<{ officers: number; created: number }> => {
    const officers = await listUsersWithRoleCovering(executor, [localityId], 'standing_officer');
    return { officers: officers.length, created: await notifyEach(executor, officers, input) };
  };

  const userIdOf = (context: RequestContext): string => {
    if (context.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
    return context.actor.userId;
  };

  /** The signed-in user's notifications, newest first, with how many are unread. */
  const list = async (context: RequestContext) => {
    const userId = userIdOf(context);
    const [items, unreadCount] = await Promise.all([
      listNotificationsOfUser(db, userId, NOTIFICATION_LIST_LIMIT),
      countUnreadOfUser(db, userId),
    ]);
    return { items, unreadCount };
  };

  /**
   * Marks one of the signed-in user's notifications read.
   *
   * @throws AppError NOTIFICATION_NOT_FOUND for a missing id or another user's notification
   */
  const markRead = async (context: RequestContext, id: string): Promise<NotificationRow> => {
    const row = await markNotificationRead(db, userIdOf(context), id, clock.now());
    if (!row) throw new AppError('NOTIFICATION_NOT_FOUND');
    return row;
  };

  /** Marks all the signed-in user's notifications read. @returns how many were unread */
  const markAllRead = (context: RequestContext): Promise<number> =>
    markAllNotificationsRead(db, userIdOf(context), clock.now());

  return {
    notify,
    notifyEach,
    notifyStandingOfficersOf,
    reportReturned,
    reportAccepted,
    reportSubmitted,
    consolidatedSent,
    consolidatedReturned,
    consolidatedApproved,
    list,
    markRead,
    markAllRead,
  };
};

export type NotificationService = ReturnType<typeof createNotificationService>;

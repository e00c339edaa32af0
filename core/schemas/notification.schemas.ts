/**
 * In-app notifications: what happened (a report submitted, returned or accepted, a report due soon or
 * overdue, the consolidated report sent to the leader, returned or approved), and where in the app it
 * leads.
 */
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'report_submitted',
  'report_returned',
  'report_accepted',
  'report_due_soon',
  'report_overdue',
  'consolidated_sent',
  'consolidated_returned',
  'consolidated_approved',
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification is about, so that the web app can open it. */
export const ZNotificationTarget = z.discriminatedUnion('kind', [
  /** A unit's report for a period. */
  z.object({ kind: z.literal('unit_report'), planId: z.uuid(), periodId: z.uuid(), unitId: z.uuid() }),
  /** The locality's consolidated report for a period. */
  z.object({ kind: z.literal('consolidated_report'), periodId: z.uuid() }),
]);
export type TNotificationTarget = z.infer<typeof ZNotificationTarget>;

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A path inside the web app (also the address e-mails link to), or null. */
  link: z.string().nullable(),
  /** What the notification is about; null when it leads nowhere in particular. */
  target: ZNotificationTarget.nullable(),
  createdAt: z.string(),
  /** When the user marked it read; null while unread. */
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

/** The newest notifications (at most 100) and how many are unread in all. */
export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  /** Unread notifications in all, not only among `items`. */
  unreadCount: z.number().int(),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZMarkAllReadResponse = z.object({ data: z.object({ updated: z.number().int() }) });

/**
 * Request and response schemas of the notifications API.
 * TODO(reminders): move to core/schemas/notification.schemas.ts when the web app shows notifications.
 */
import { z } from 'zod';
import { NOTIFICATION_KINDS } from './notification.service';

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A path inside the web app, or null. */
  link: z.string().nullable(),
  createdAt: z.string(),
  /** When the user marked it read; null while unread. */
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({
  data: z.array(ZNotification),
  /** Unread notifications in all, not only in this page. */
  unreadCount: z.number().int(),
});

export const ZMarkAllReadResponse = z.object({ data: z.object({ updated: z.number().int() }) });

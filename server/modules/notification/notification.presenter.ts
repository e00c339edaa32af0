import type { NotificationRow } from './notification.repository';
import type { TNotification } from './notification.schemas';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification.service';

const isKnownKind = (kind: string): kind is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** A notification as the API returns it (no user id, no dedupe key). */
export const presentNotification = (row: NotificationRow): TNotification => ({
  id: row.id,
  // Kinds are written by this module only; an unknown one would fail the response schema.
  kind: isKnownKind(row.kind) ? row.kind : 'report_submitted',
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
});

import type { TNotification, TNotificationTarget } from '@core/schemas/notification.schemas';
import type { NotificationRow } from './notification.repository';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification.service';

const isKnownKind = (kind: string): kind is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(kind);

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `reportLink`: /plans/<plan>?period=<period>&unit=<unit>. */
const REPORT_LINK = new RegExp(`^/plans/(${UUID})\\?period=(${UUID})&unit=(${UUID})$`, 'i');
/** `consolidatedLink`: /reporting-periods/<period>/consolidated. */
const CONSOLIDATED_LINK = new RegExp(`^/reporting-periods/(${UUID})/consolidated$`, 'i');

/**
 * What a notification is about, read back from its link (written by this module only, in the two shapes
 * of `reportLink` and `consolidatedLink`), so that rows written before the target existed open too.
 */
export const targetOfLink = (link: string | null): TNotificationTarget | null => {
  if (!link) return null;
  const report = REPORT_LINK.exec(link);
  if (report) return { kind: 'unit_report', planId: report[1]!, periodId: report[2]!, unitId: report[3]! };
  const consolidated = CONSOLIDATED_LINK.exec(link);
  if (consolidated) return { kind: 'consolidated_report', periodId: consolidated[1]! };
  return null;
};

/** A notification as the API returns it (no user id, no dedupe key). */
export const presentNotification = (row: NotificationRow): TNotification => ({
  id: row.id,
  // Kinds are written by this module only; an unknown one would fail the response schema.
  kind: isKnownKind(row.kind) ? row.kind : 'report_submitted',
  title: row.title,
  body: row.body,
  link: row.link,
  target: targetOfLink(row.link),
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt ? row.readAt.toISOString() : null,
});

/** Where a notification opens in the web app. */
import type { TNotification } from '@core/schemas/notification.schemas';

/**
 * The page a notification leads to: a unit's report, the consolidated report of a period, else the
 * link the server gave when it is a path inside the app.
 *
 * @returns a path for the router, or null when the notification leads nowhere
 */
export const pathOfNotification = (notification: Pick<TNotification, 'target' | 'link'>): string | null => {
  const { target, link } = notification;
  if (target?.kind === 'unit_report') return `/reporting-periods/${target.periodId}/units/${target.unitId}`;
  if (target?.kind === 'consolidated_report') return `/reporting-periods/${target.periodId}/consolidated`;
  return link?.startsWith('/') && !link.startsWith('//') ? link : null;
};

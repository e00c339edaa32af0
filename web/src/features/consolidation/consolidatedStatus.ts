/** How the consolidated report's state is named and coloured on screen. */
import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';

/** The status words of the consolidated report; "none" until the standing agency first saves it. */
export type ConsolidatedStatusKey = NonNullable<TConsolidatedReport['status']> | 'none';

export const consolidatedStatusOf = (report: Pick<TConsolidatedReport, 'status'>): ConsolidatedStatusKey =>
  report.status ?? 'none';

export const CONSOLIDATED_STATUS_COLOURS: Record<ConsolidatedStatusKey, string> = {
  none: 'default',
  draft: 'processing',
  sent: 'blue',
  approved: 'success',
  returned: 'error',
};

/** The page of the consolidated report of a period. */
export const consolidatedPath = (periodId: string): string => `/reporting-periods/${periodId}/consolidated`;

/** How the overview writes numbers: Vietnamese separators, and the unit after the value. */
export const formatNumber = (value: number, digits = 2): string =>
  value.toLocaleString('vi-VN', { maximumFractionDigits: digits });

export const formatValue = (value: number | null | undefined, unit: string | null): string => {
  if (value == null) return '—';
  if (!unit) return formatNumber(value);
  return unit.trim() === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
};

/** The commune dashboard of a plan, opened on the period the overview used. */
export const dashboardPath = (planId: string, periodId: string | null | undefined): string =>
  periodId ? `/plans/${planId}/dashboard?period=${periodId}` : `/plans/${planId}/dashboard`;

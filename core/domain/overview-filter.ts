/**
 * Which rows of a locality overview a province officer looks at: by colour, by what is wrong, by name
 * (with or without diacritics). The web page and the Excel export use this one rule, so the file holds
 * exactly the rows on the screen.
 */
import { matchesFolded } from './text';

export const OVERVIEW_COLOURS = ['green', 'yellow', 'red', 'none'] as const;
export type OverviewColour = (typeof OVERVIEW_COLOURS)[number];

/**
 * - `late_reporting`: a unit report late or missing past its due date;
 * - `no_plan`: no plan in effect;
 * - `pending_review`: a report waiting for the standing agency;
 * - `overdue_tasks`: a task past its deadline and not done.
 */
export const OVERVIEW_PROBLEMS = ['late_reporting', 'no_plan', 'pending_review', 'overdue_tasks'] as const;
export type OverviewProblem = (typeof OVERVIEW_PROBLEMS)[number];

/** The fields of an overview row the filter reads. */
export type FilterableOverviewRow = {
  name: string;
  /** The former units it was formed from: a search for a former name finds its successor. */
  formedFrom?: string | null;
  colour: OverviewColour;
  planCount: number;
  overdueTasks: number;
  reports: { late: number; missing: number; pendingReview: number };
};

export type OverviewFilter = {
  colours?: readonly OverviewColour[];
  problem?: OverviewProblem;
  /** Part of the name or of a former unit's name, with or without diacritics. */
  query?: string;
};

/** Whether a row has the problem. */
export const hasProblem = (row: FilterableOverviewRow, problem: OverviewProblem): boolean => {
  switch (problem) {
    case 'late_reporting':
      return row.reports.late + row.reports.missing > 0;
    case 'no_plan':
      return row.planCount === 0;
    case 'pending_review':
      return row.reports.pendingReview > 0;
    case 'overdue_tasks':
      return row.overdueTasks > 0;
  }
};

/**
 * The rows that pass every part of the filter given, in their order.
 *
 * @param rows - the overview's rows (ranked)
 * @param filter - colours (any of), one problem, a name query; absent parts do not filter
 * @returns the rows kept
 */
export const filterOverviewRows = <T extends FilterableOverviewRow>(
  rows: readonly T[],
  filter: OverviewFilter,
): T[] => {
  const query = filter.query?.trim() ?? '';
  return rows.filter(
    (row) =>
      (!filter.colours?.length || filter.colours.includes(row.colour)) &&
      (!filter.problem || hasProblem(row, filter.problem)) &&
      (!query || matchesFolded(row.name, query) || matchesFolded(row.formedFrom ?? '', query)),
  );
};

export const OVERVIEW_PROBLEM_LABELS: Record<OverviewProblem, string> = {
  late_reporting: 'Chậm báo cáo',
  no_plan: 'Chưa có kế hoạch',
  pending_review: 'Có báo cáo chờ xem xét',
  overdue_tasks: 'Có nhiệm vụ quá hạn',
};

/** Colours and filters of the dashboard's status words (see core/domain/evaluation.ts for their meaning). */
import type { Colour, IndicatorStatus, TaskStatus, Timeliness } from '@core/domain/evaluation';

export const INDICATOR_STATUS_COLOURS: Record<IndicatorStatus, string> = {
  achieved: 'green',
  on_track: 'cyan',
  at_risk: 'gold',
  behind: 'red',
  no_data: 'default',
  needs_judgement: 'purple',
};

export const TASK_STATUS_COLOURS: Record<TaskStatus, string> = {
  done_on_time: 'green',
  done_late: 'lime',
  in_progress_on_time: 'blue',
  in_progress_late: 'red',
  not_started: 'default',
  recurring_reported: 'cyan',
  recurring_missing: 'orange',
};

export const TIMELINESS_TILE_COLOURS: Record<Timeliness, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  not_due: 'default',
};

export const UNIT_COLOURS: Record<Colour, string> = {
  green: 'green',
  yellow: 'gold',
  red: 'red',
  none: 'default',
};

/** What a tile narrows the tables below to. */
export type DashboardFilter =
  | { kind: 'indicator'; status: IndicatorStatus }
  | { kind: 'task'; status: TaskStatus }
  | { kind: 'report'; timeliness: Timeliness }
  | { kind: 'pending' };

export const sameFilter = (a: DashboardFilter | null, b: DashboardFilter | null): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

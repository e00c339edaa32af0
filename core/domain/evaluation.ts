/**
 * Evaluation: indicators against their target path, tasks against their deadlines, reports against
 * their due dates, and a unit's score and colour. Pure functions of their inputs (pass `asOf`); the
 * method is written down for users in docs/evaluation.md — keep the two in step.
 */
import { daysBetween } from './deadlines';
import type { TargetOp } from './targets';

export const INDICATOR_STATUSES = [
  'achieved',
  'on_track',
  'at_risk',
  'behind',
  'no_data',
  'needs_judgement',
] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const TASK_STATUSES = [
  'done_on_time',
  'done_late',
  'in_progress_on_time',
  'in_progress_late',
  'not_started',
  'recurring_reported',
  'recurring_missing',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TIMELINESS = ['on_time', 'late', 'missing', 'not_due'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export type Colour = 'green' | 'yellow' | 'red' | 'none';

export type EvaluatedTarget = { year: number; op: TargetOp; value: number | null; valueHigh: number | null };

/** What a unit reported for an indicator in a period. */
export type Observation = {
  /** The number reported; null for a qualitative indicator. */
  value: number | null;
  /** A person's judgement of a qualitative target. */
  assessment?: 'achieved' | 'not_achieved' | null;
  /** The last day of data the value covers (the period's data window end). */
  date: string;
  /** True when the value covers the whole year (an annual report, or the last period of the year). */
  isYearFinal: boolean;
};

export type IndicatorEvaluation = {
  status: IndicatorStatus;
  /** The target year the value was compared with. */
  milestoneYear: number | null;
  /** The value expected on the straight path from the baseline at the observation date; null without a path. */
  expected: number | null;
};

/** Share of the distance between the path's start and its milestone that a value may fall short by and still be "at risk" rather than "behind". */
export const DEFAULT_TOLERANCE = 0.1;

const yearEnd = (year: number) => `${year}-12-31`;
const yearOf = (iso: string) => Number(iso.slice(0, 4));

/**
 * Tells whether a value meets a target.
 *
 * @param value - the reported number
 * @param target - op and value(s); a qualitative target is never met by a number
 */
export const meetsTarget = (
  value: number,
  target: Pick<EvaluatedTarget, 'op' | 'value' | 'valueHigh'>,
): boolean => {
  const t = target.value;
  if (t == null) return false;
  switch (target.op) {
    case '>=':
      return value >= t;
    case '>':
      return value > t;
    case '<=':
      return value <= t;
    case '<':
      return value < t;
    case '=':
      return Math.abs(value - t) < 1e-9;
    case 'range':
      return value >= t && value <= (target.valueHigh ?? t);
    case 'qualitative':
      return false;
  }
};

/** The target a value is judged against, and how it relates to the value's year. */
export type Milestone<T extends EvaluatedTarget = EvaluatedTarget> = {
  target: T;
  /** `year`: the year's own target; `next`: a later milestone (the year prints none); `last`: past the last one. */
  kind: 'year' | 'next' | 'last';
};

const isNumeric = (target: EvaluatedTarget) => target.op !== 'qualitative' && target.value != null;

/**
 * The target a value of `year` is judged against (the same one `evaluateIndicator` uses, so what is shown
 * agrees with the status): the year's own target; else the next numeric target after it — plans print
 * targets for some years or stages only (2025, 2027, 2030), and a 2026 value is judged on the straight
 * path to 2027; past the last numeric target, that last one, which must still hold. An indicator with
 * only qualitative targets is judged against the year's own, else the next one.
 *
 * @param targets - the indicator's targets, any order
 * @param year - the year of the value (of the period's data-closing date)
 * @returns the milestone, or null when the indicator has no target to judge against
 */
export const milestoneOf = <T extends EvaluatedTarget>(
  targets: readonly T[],
  year: number,
): Milestone<T> | null => {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const own = sorted.find((target) => target.year === year);
  if (own && (own.op === 'qualitative' || own.value != null)) return { target: own, kind: 'year' };
  const candidates = sorted.some(isNumeric) ? sorted.filter(isNumeric) : sorted;
  const next = candidates.find((target) => target.year > year);
  if (next) return { target: next, kind: 'next' };
  const last = candidates.at(-1);
  return last ? { target: last, kind: 'last' } : null;
};

/**
 * The target as officers read it beside a value: the printed text of the year's target, or of the
 * milestone it heads for, named by its year ("Mốc 2027: ≥ 80%").
 *
 * @param milestone - from `milestoneOf`
 * @param text - the milestone target's printed text (or its formatted reading)
 * @returns the text, or null when there is nothing to print
 */
export const milestoneText = (
  milestone: Milestone | null,
  text: string | null | undefined,
): string | null => {
  if (!milestone || !text?.trim()) return null;
  return milestone.kind === 'year' ? text : `Mốc ${milestone.target.year}: ${text}`;
};

/** The number a path heads for: the near end of a range, seen from the side the indicator improves from. */
const pathValue = (target: EvaluatedTarget, direction: 'increase' | 'decrease'): number | null =>
  target.op === 'range'
    ? direction === 'increase'
      ? target.value
      : (target.valueHigh ?? target.value)
    : target.value;

/**
 * Evaluates an indicator's latest value against its milestone targets.
 *
 * - No value → Chưa có số liệu. A qualitative target for the year → a person's judgement (an assessment
 *   of achieved / not achieved, else "needs judgement").
 * - The milestone is the target of the value's year, else the next numeric target after it.
 * - Met → Đạt. A year-final value that misses its own year's target → Chậm / Không đạt.
 * - Otherwise the value is compared with the straight line from the previous point (the baseline value,
 *   else the previous numeric target) to the milestone, at the observation date for a level
 *   (`cumulative`) or at the year end for a flow (`period`, whose partial-year values are already rates):
 *   at or beyond the line → Đúng lộ trình; short by at most `tolerance` of the path's span → Có nguy cơ;
 *   further → Chậm. Without a previous point there is no line: not met yet is Có nguy cơ until the year
 *   is final.
 *
 * @param input - targets (any order), direction, measure, the observation, an optional baseline value
 * @returns the status, the milestone year and the expected value on the path
 */
export const evaluateIndicator = (input: {
  targets: EvaluatedTarget[];
  direction: 'increase' | 'decrease';
  measure: 'cumulative' | 'period';
  observation: Observation | null;
  baseline?: { year: number; value: number } | null;
  tolerance?: number;
}): IndicatorEvaluation => {
  const { observation, direction } = input;
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  if (!observation || (observation.value == null && !observation.assessment)) {
    return { status: 'no_data', milestoneYear: null, expected: null };
  }
  const year = yearOf(observation.date);
  const sorted = [...input.targets].sort((a, b) => a.year - b.year);
  const ownYear = sorted.find((target) => target.year === year);
  const judgedAgainst = milestoneOf(sorted, year);

  if (
    ownYear?.op === 'qualitative' ||
    observation.value == null ||
    sorted.every((target) => target.op === 'qualitative')
  ) {
    const status =
      observation.assessment === 'achieved'
        ? 'achieved'
        : observation.assessment === 'not_achieved'
          ? 'behind'
          : 'needs_judgement';
    return { status, milestoneYear: judgedAgainst?.target.year ?? null, expected: null };
  }
  const value = observation.value;
  const numeric = sorted.filter(isNumeric);
  // There is a numeric target, and the year's own is not qualitative: the milestone is numeric.
  const milestone = judgedAgainst!.target;
  if (judgedAgainst!.kind === 'last') {
    // Past the last milestone: the last target must still hold.
    return {
      status: meetsTarget(value, milestone) ? 'achieved' : 'behind',
      milestoneYear: milestone.year,
      expected: null,
    };
  }
  if (meetsTarget(value, milestone))
    return { status: 'achieved', milestoneYear: milestone.year, expected: null };
  if (milestone.year === year && observation.isYearFinal)
    return { status: 'behind', milestoneYear: milestone.year, expected: null };

  const previous = [...numeric].reverse().find((target) => target.year < milestone.year);
  const start =
    input.baseline && input.baseline.year < milestone.year
      ? { year: input.baseline.year, value: input.baseline.value }
      : previous
        ? { year: previous.year, value: pathValue(previous, direction)! }
        : null;
  const end = pathValue(milestone, direction)!;
  if (!start) return { status: 'at_risk', milestoneYear: milestone.year, expected: null };

  const evaluatedOn = input.measure === 'period' ? yearEnd(year) : observation.date;
  const span = daysBetween(yearEnd(start.year), yearEnd(milestone.year));
  const elapsed = Math.min(Math.max(daysBetween(yearEnd(start.year), evaluatedOn), 0), span);
  const expected = start.value + (end - start.value) * (span > 0 ? elapsed / span : 1);
  const shortfall = direction === 'increase' ? expected - value : value - expected;
  // A flat path ("Duy trì 100%") has no span to take a share of: 1% of the level is the margin there.
  const spanSize = Math.abs(end - start.value);
  const allowed = spanSize > 0 ? tolerance * spanSize : 0.01 * Math.abs(end);
  const status: IndicatorStatus =
    shortfall <= 1e-9 ? 'on_track' : shortfall <= allowed ? 'at_risk' : 'behind';
  return { status, milestoneYear: milestone.year, expected: Math.round(expected * 100) / 100 };
};

export type TaskDeadline =
  | { kind: 'by'; date: string }
  | { kind: 'recurring' | 'ongoing' }
  | { kind: 'onRequest' | 'schedule' }
  | null;

/** The latest progress a unit reported on a task. */
export type TaskProgress = {
  status: 'not_started' | 'in_progress' | 'done';
  /** The day the work was finished, when done. */
  completedOn: string | null;
};

/**
 * Evaluates a task against its deadline (the deadline day itself is still on time).
 *
 * - A task with a due date: done by the date → Hoàn thành đúng hạn; done after → Hoàn thành quá hạn;
 *   not done and the date passed → Đang thực hiện quá hạn; in progress → Đang thực hiện trong hạn;
 *   nothing yet → Chưa thực hiện.
 * - A recurring or ongoing task (Hằng năm, Thường xuyên) is judged per period: progress reported for
 *   the period → reported, none → missing.
 * - On request / by schedule / no deadline: never late.
 *
 * @param input - the deadline, the progress reported (for recurring tasks: in the period judged), asOf
 */
export const evaluateTask = (input: {
  deadline: TaskDeadline;
  progress: TaskProgress | null;
  asOf: string;
}): TaskStatus => {
  const { deadline, progress, asOf } = input;
  if (deadline && (deadline.kind === 'recurring' || deadline.kind === 'ongoing')) {
    return progress && progress.status !== 'not_started' ? 'recurring_reported' : 'recurring_missing';
  }
  const dueDate = deadline?.kind === 'by' ? deadline.date : null;
  if (progress?.status === 'done') {
    const finished = progress.completedOn ?? asOf;
    return dueDate && finished > dueDate ? 'done_late' : 'done_on_time';
  }
  if (dueDate && asOf > dueDate) return 'in_progress_late';
  return progress?.status === 'in_progress' ? 'in_progress_on_time' : 'not_started';
};

/**
 * Whether a report came in on time. Late reports are accepted, and stay marked late.
 *
 * @param input - due date, the day it was (first) submitted or null, asOf
 */
export const evaluateTimeliness = (input: {
  dueDate: string;
  submittedOn: string | null;
  asOf: string;
}): Timeliness => {
  if (input.submittedOn) return input.submittedOn > input.dueDate ? 'late' : 'on_time';
  return input.asOf > input.dueDate ? 'missing' : 'not_due';
};

const INDICATOR_POINTS: Record<IndicatorStatus, number | null> = {
  achieved: 1,
  on_track: 1,
  at_risk: 0.5,
  behind: 0,
  no_data: 0,
  needs_judgement: null,
};
const TASK_POINTS: Record<TaskStatus, number> = {
  done_on_time: 1,
  in_progress_on_time: 1,
  not_started: 1,
  recurring_reported: 1,
  done_late: 0.5,
  in_progress_late: 0,
  recurring_missing: 0,
};
const TIMELINESS_POINTS: Record<Timeliness, number | null> = {
  on_time: 1,
  late: 0.5,
  missing: 0,
  not_due: null,
};

/** Weights of the three parts of a unit's score; a part with nothing to judge is left out and the rest re-weighted. */
export const SCORE_WEIGHTS = { indicators: 0.4, tasks: 0.4, reports: 0.2 } as const;

export type Thresholds = { green: number; yellow: number };
export const DEFAULT_THRESHOLDS: Thresholds = { green: 80, yellow: 50 };

const mean = (points: Array<number | null>): number | null => {
  const counted = points.filter((p): p is number => p != null);
  return counted.length ? counted.reduce((a, b) => a + b, 0) / counted.length : null;
};

/**
 * A unit's score (0–100) from the statuses of what it leads and the timeliness of its reports.
 *
 * @returns the score rounded to one decimal, or null when there is nothing to judge, with each part
 */
export const scoreUnit = (input: {
  indicators: IndicatorStatus[];
  tasks: TaskStatus[];
  reports: Timeliness[];
}) => {
  const parts = {
    indicators: mean(input.indicators.map((status) => INDICATOR_POINTS[status])),
    tasks: mean(input.tasks.map((status) => TASK_POINTS[status])),
    reports: mean(input.reports.map((status) => TIMELINESS_POINTS[status])),
  };
  let weighted = 0;
  let weights = 0;
  for (const key of Object.keys(SCORE_WEIGHTS) as Array<keyof typeof SCORE_WEIGHTS>) {
    const part = parts[key];
    if (part == null) continue;
    weighted += part * SCORE_WEIGHTS[key];
    weights += SCORE_WEIGHTS[key];
  }
  const score = weights ? Math.round((weighted / weights) * 1000) / 10 : null;
  return { score, parts };
};

/**
 * Whether a unit can be scored for a period, from where its report stands (docs/evaluation.md, "Điểm và
 * màu của đơn vị"). Only verified facts are scored:
 *
 * - `scored`: a version of its report for the period was accepted (its data count, and what it left out
 *   counts as missing); or the due date has passed with nothing waiting for review (not submitted, or
 *   returned and not resubmitted): the absence is a fact, and nothing unverified counts.
 * - `pending_review` (Chờ duyệt): submitted, and nothing accepted yet for the period.
 * - `not_evaluated` (Chưa đánh giá): before the due date, with nothing accepted or submitted.
 *
 * A unit that is not `scored` gets no score, no colour and no rank: it is never placed above a unit
 * whose data were verified.
 */
export const UNIT_EVALUATION_STATES = ['scored', 'pending_review', 'not_evaluated'] as const;
export type UnitEvaluationState = (typeof UNIT_EVALUATION_STATES)[number];

export const unitEvaluationStateOf = (input: {
  /** Some version of the unit's report for the period is accepted (a correction may be under way). */
  hasAccepted: boolean;
  /** The unit's current version is submitted and waits for the standing agency. */
  awaitingReview: boolean;
  dueDate: string;
  asOf: string;
}): UnitEvaluationState => {
  if (input.hasAccepted) return 'scored';
  if (input.awaitingReview) return 'pending_review';
  return input.asOf > input.dueDate ? 'scored' : 'not_evaluated';
};

/**
 * A unit's evaluation for a period: its state (see `unitEvaluationStateOf`) and, only when it is
 * `scored`, its score, parts and colour. Pass the statuses of the indicators and tasks it leads as
 * evaluated from accepted data only (no accepted value → `no_data`, which then counts 0) and the
 * timeliness of its report.
 */
export const evaluateUnit = (input: {
  state: UnitEvaluationState;
  indicators: IndicatorStatus[];
  tasks: TaskStatus[];
  reports: Timeliness[];
  thresholds?: Thresholds;
}): {
  state: UnitEvaluationState;
  score: number | null;
  colour: Colour;
  parts: ReturnType<typeof scoreUnit>['parts'];
} => {
  if (input.state !== 'scored') {
    return {
      state: input.state,
      score: null,
      colour: 'none',
      parts: { indicators: null, tasks: null, reports: null },
    };
  }
  const { score, parts } = scoreUnit(input);
  return { state: 'scored', score, colour: colourOf(score, input.thresholds), parts };
};

/**
 * Xanh / Vàng / Đỏ for a score, with the locality's thresholds (the national formula is not published).
 */
export const colourOf = (score: number | null, thresholds: Thresholds = DEFAULT_THRESHOLDS): Colour =>
  score == null
    ? 'none'
    : score >= thresholds.green
      ? 'green'
      : score >= thresholds.yellow
        ? 'yellow'
        : 'red';

/**
 * Ranks by score, best first; equal scores share a rank (1, 2, 2, 4); units without a score come last, unranked.
 */
export const rankByScore = <T extends { score: number | null }>(
  items: T[],
): Array<T & { rank: number | null }> => {
  const sorted = [...items].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  return sorted.map((item, index) => {
    if (item.score == null) return { ...item, rank: null };
    const first = sorted.findIndex((other) => other.score === item.score);
    return { ...item, rank: (first === -1 ? index : first) + 1 };
  });
};

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  achieved: 'Đạt',
  on_track: 'Đúng lộ trình',
  at_risk: 'Có nguy cơ',
  behind: 'Chậm / Không đạt',
  no_data: 'Chưa có số liệu',
  needs_judgement: 'Cần đánh giá',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  in_progress_on_time: 'Đang thực hiện trong hạn',
  in_progress_late: 'Đang thực hiện quá hạn',
  not_started: 'Chưa thực hiện',
  recurring_reported: 'Thường xuyên – đã báo cáo trong kỳ',
  recurring_missing: 'Thường xuyên – chưa báo cáo trong kỳ',
};

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Nộp muộn',
  missing: 'Chưa nộp (quá hạn)',
  not_due: 'Chưa đến hạn',
};

export const UNIT_EVALUATION_STATE_LABELS: Record<UnitEvaluationState, string> = {
  scored: 'Đã đánh giá',
  pending_review: 'Chờ duyệt',
  not_evaluated: 'Chưa đánh giá',
};

export const COLOUR_LABELS: Record<Colour, string> = {
  green: 'Xanh',
  yellow: 'Vàng',
  red: 'Đỏ',
  none: 'Chưa đánh giá',
};

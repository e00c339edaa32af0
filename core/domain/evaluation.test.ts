import { describe, expect, it } from 'vitest';
import {
  colourOf,
  type EvaluatedTarget,
  evaluateIndicator,
  evaluateTask,
  evaluateTimeliness,
  evaluateUnit,
  type IndicatorStatus,
  milestoneOf,
  milestoneText,
  rankByScore,
  scoreUnit,
  type UnitEvaluationState,
  unitEvaluationStateOf,
} from './evaluation';

const atLeast = (year: number, value: number): EvaluatedTarget => ({
  year,
  op: '>=',
  value,
  valueHigh: null,
});
const atMost = (year: number, value: number): EvaluatedTarget => ({ year, op: '<=', value, valueHigh: null });
const qualitative = (year: number): EvaluatedTarget => ({
  year,
  op: 'qualitative',
  value: null,
  valueHigh: null,
});
const between = (year: number, low: number, high: number): EvaluatedTarget => ({
  year,
  op: 'range',
  value: low,
  valueHigh: high,
});

/** Tỷ lệ phủ sóng 5G (Thành Đông): ≥ 60% in 2025, then 70, 80, 90, 95, 100. */
const FIVE_G = [
  atLeast(2025, 60),
  atLeast(2026, 70),
  atLeast(2027, 80),
  atLeast(2028, 90),
  atLeast(2029, 95),
  atLeast(2030, 100),
];
/** Dân Tiến style: 2025 and stage targets only. */
const STAGES = [atLeast(2025, 80), atLeast(2030, 100)];
/** A rank, where lower is better: at most 30 in 2025, 20 in 2027. */
const RANK = [atMost(2025, 30), atMost(2027, 20)];

type IndicatorInput = Parameters<typeof evaluateIndicator>[0];
type Observation = NonNullable<IndicatorInput['observation']>;

/**
 * An indicator with one reported figure: increasing and cumulative, and not the year's final figure, unless
 * the case says otherwise.
 */
const reported = (
  targets: EvaluatedTarget[],
  observation: Pick<Observation, 'value' | 'date'> & Partial<Observation>,
  overrides: Partial<IndicatorInput> = {},
): IndicatorInput => ({
  targets,
  direction: 'increase',
  measure: 'cumulative',
  observation: { isYearFinal: false, ...observation },
  ...overrides,
});

describe('evaluateIndicator', () => {
  it.each<[string, IndicatorInput, IndicatorStatus, number | null]>([
    [
      'no value reported',
      { targets: FIVE_G, direction: 'increase', measure: 'cumulative', observation: null },
      'no_data',
      null,
    ],
    [
      'a value above the path mid-year',
      reported(FIVE_G, { value: 66, date: '2026-06-14' }),
      'on_track',
      64.52,
    ],
    [
      'a value a little under the path',
      reported(FIVE_G, { value: 64, date: '2026-06-14' }),
      'at_risk',
      64.52,
    ],
    ['a value far under the path', reported(FIVE_G, { value: 61, date: '2026-06-14' }), 'behind', 64.52],
    ['the year target already met', reported(FIVE_G, { value: 72, date: '2026-06-14' }), 'achieved', null],
    [
      'the year ends under its target',
      reported(FIVE_G, { value: 68, date: '2026-11-14', isYearFinal: true }),
      'behind',
      null,
    ],
    [
      'a level between stage targets (cumulative: at its date)',
      reported(STAGES, { value: 86, date: '2027-03-14' }),
      'on_track',
      84.8,
    ],
    [
      'a rate between stage targets (period: the year’s share of the path)',
      reported(STAGES, { value: 86, date: '2027-03-14' }, { measure: 'period' }),
      'at_risk',
      88,
    ],
    [
      'a rank that is better than its path (lower is better)',
      reported(RANK, { value: 24, date: '2026-12-14', isYearFinal: true }, { direction: 'decrease' }),
      'on_track',
      25.23,
    ],
    [
      'a rank a little worse than its path',
      reported(RANK, { value: 26, date: '2026-12-14', isYearFinal: true }, { direction: 'decrease' }),
      'at_risk',
      25.23,
    ],
    [
      'a rank far worse than its path',
      reported(RANK, { value: 28, date: '2026-12-14', isYearFinal: true }, { direction: 'decrease' }),
      'behind',
      25.23,
    ],
    [
      'a rank that meets its target',
      reported(
        [atMost(2025, 30)],
        { value: 30, date: '2025-11-14', isYearFinal: true },
        { direction: 'decrease' },
      ),
      'achieved',
      null,
    ],
    [
      'a value inside a range',
      reported(
        [between(2026, 80, 90)],
        { value: 85, date: '2026-11-14', isYearFinal: true },
        { measure: 'period' },
      ),
      'achieved',
      null,
    ],
    [
      'a year-final value above a range',
      reported(
        [between(2026, 80, 90)],
        { value: 95, date: '2026-11-14', isYearFinal: true },
        { measure: 'period' },
      ),
      'behind',
      null,
    ],
    [
      'a path towards the low end of a range',
      reported([atLeast(2025, 60), between(2027, 80, 90)], {
        value: 70,
        date: '2026-12-31',
        isYearFinal: true,
      }),
      'on_track',
      70,
    ],
    [
      'a level to keep ("Duy trì 100%") slipping a little',
      reported([atLeast(2025, 100), atLeast(2026, 100)], { value: 99.5, date: '2026-06-14' }),
      'at_risk',
      100,
    ],
    [
      'a level to keep slipping far',
      reported([atLeast(2025, 100), atLeast(2026, 100)], { value: 95, date: '2026-06-14' }),
      'behind',
      100,
    ],
    [
      'a baseline value as the start of the path',
      reported(
        [atLeast(2026, 70)],
        { value: 52, date: '2025-12-14' },
        { baseline: { year: 2024, value: 40 } },
      ),
      'at_risk',
      54.3,
    ],
    [
      'no earlier point to draw a path from',
      reported([atLeast(2030, 50)], { value: 30, date: '2027-06-14' }),
      'at_risk',
      null,
    ],
    [
      'after the last milestone, still holding it',
      reported(FIVE_G, { value: 100, date: '2031-11-14', isYearFinal: true }),
      'achieved',
      null,
    ],
    [
      'after the last milestone, fallen below it',
      reported(FIVE_G, { value: 97, date: '2031-11-14', isYearFinal: true }),
      'behind',
      null,
    ],
    [
      'a qualitative milestone with no judgement',
      reported([qualitative(2027)], { value: null, date: '2027-11-14', isYearFinal: true }),
      'no_data',
      null,
    ],
    [
      'a qualitative milestone judged achieved',
      reported([qualitative(2027)], {
        value: null,
        assessment: 'achieved',
        date: '2027-11-14',
        isYearFinal: true,
      }),
      'achieved',
      null,
    ],
    [
      'a qualitative milestone judged not achieved',
      reported([qualitative(2027)], {
        value: null,
        assessment: 'not_achieved',
        date: '2027-11-14',
        isYearFinal: true,
      }),
      'behind',
      null,
    ],
    [
      'a number reported against a qualitative year',
      reported([atLeast(2026, 100), qualitative(2027)], {
        value: 100,
        date: '2027-11-14',
        isYearFinal: true,
      }),
      'needs_judgement',
      null,
    ],
  ])('%s', (_case, input, status, expected) => {
    const result = evaluateIndicator(input);
    expect(result.status).toBe(status);
    expect(result.expected).toBe(expected);
    // What the screens print as the target is the milestone the evaluation used.
    if (input.observation && status !== 'no_data') {
      const year = Number(input.observation.date.slice(0, 4));
      expect(result.milestoneYear).toBe(milestoneOf(input.targets, year)?.target.year ?? null);
    }
  });
});

describe('evaluateTask', () => {
  const byEndOf2025 = { kind: 'by', date: '2025-12-31' } as const;
  it.each<[string, Parameters<typeof evaluateTask>[0], string]>([
    [
      'nothing reported, deadline is today',
      { deadline: byEndOf2025, progress: null, asOf: '2025-12-31' },
      'not_started',
    ],
    [
      'nothing reported, deadline passed',
      { deadline: byEndOf2025, progress: null, asOf: '2026-01-01' },
      'in_progress_late',
    ],
    [
      'in progress before the deadline',
      { deadline: byEndOf2025, progress: { status: 'in_progress', completedOn: null }, asOf: '2025-10-01' },
      'in_progress_on_time',
    ],
    [
      'in progress after the deadline',
      { deadline: byEndOf2025, progress: { status: 'in_progress', completedOn: null }, asOf: '2026-02-01' },
      'in_progress_late',
    ],
    [
      'finished on the deadline day',
      { deadline: byEndOf2025, progress: { status: 'done', completedOn: '2025-12-31' }, asOf: '2026-03-01' },
      'done_on_time',
    ],
    [
      'finished after the deadline',
      { deadline: byEndOf2025, progress: { status: 'done', completedOn: '2026-01-02' }, asOf: '2026-03-01' },
      'done_late',
    ],
    [
      'reported done late without a date',
      { deadline: byEndOf2025, progress: { status: 'done', completedOn: null }, asOf: '2026-01-05' },
      'done_late',
    ],
    [
      'a yearly task with progress this period',
      {
        deadline: { kind: 'recurring' },
        progress: { status: 'in_progress', completedOn: null },
        asOf: '2026-11-30',
      },
      'recurring_reported',
    ],
    [
      'a yearly task with nothing this period',
      { deadline: { kind: 'recurring' }, progress: null, asOf: '2026-11-30' },
      'recurring_missing',
    ],
    [
      'an ongoing task marked not started',
      {
        deadline: { kind: 'ongoing' },
        progress: { status: 'not_started', completedOn: null },
        asOf: '2026-11-30',
      },
      'recurring_missing',
    ],
    [
      'an on-request task is never late',
      { deadline: { kind: 'onRequest' }, progress: null, asOf: '2040-01-01' },
      'not_started',
    ],
    [
      'a task with no deadline, finished',
      { deadline: null, progress: { status: 'done', completedOn: '2026-05-01' }, asOf: '2026-06-01' },
      'done_on_time',
    ],
  ])('%s', (_case, input, status) => {
    expect(evaluateTask(input)).toBe(status);
  });
});

describe('evaluateTimeliness', () => {
  it.each([
    ['2026-11-30', '2026-11-30', '2026-12-10', 'on_time'],
    ['2026-11-30', '2026-12-01', '2026-12-10', 'late'],
    ['2026-11-30', null, '2026-11-30', 'not_due'],
    ['2026-11-30', null, '2026-12-01', 'missing'],
  ])('due %s, submitted %s, as of %s → %s', (dueDate, submittedOn, asOf, expected) => {
    expect(evaluateTimeliness({ dueDate, submittedOn, asOf })).toBe(expected);
  });
});

describe('scoreUnit, colourOf, rankByScore', () => {
  it('should weigh indicators, tasks and reports 40/40/20 and leave out what cannot be judged', () => {
    const result = scoreUnit({
      indicators: ['achieved', 'at_risk', 'behind', 'needs_judgement'],
      tasks: ['done_on_time', 'in_progress_late'],
      reports: ['on_time', 'not_due'],
    });
    expect(result).toEqual({ score: 60, parts: { indicators: 0.5, tasks: 0.5, reports: 1 } });
    expect(colourOf(result.score)).toBe('yellow');
  });

  it('should re-weight over the parts present and give no score with nothing to judge', () => {
    expect(scoreUnit({ indicators: [], tasks: ['done_late'], reports: [] }).score).toBe(50);
    expect(scoreUnit({ indicators: ['needs_judgement'], tasks: [], reports: ['not_due'] }).score).toBeNull();
  });

  it.each([
    [80, undefined, 'green'],
    [79.9, undefined, 'yellow'],
    [50, undefined, 'yellow'],
    [49.9, undefined, 'red'],
    [null, undefined, 'none'],
    [70, { green: 70, yellow: 40 }, 'green'],
  ] as const)('colourOf(%s, %j) = %s', (score, thresholds, colour) => {
    expect(colourOf(score, thresholds)).toBe(colour);
  });

  it('should rank best first, share ranks on ties and leave unscored units unranked', () => {
    const ranked = rankByScore([
      { unit: 'A', score: 70 },
      { unit: 'B', score: 90 },
      { unit: 'C', score: null },
      { unit: 'D', score: 70 },
    ]);
    expect(ranked.map((row) => [row.unit, row.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['D', 2],
      ['C', null],
    ]);
  });
});

describe('unitEvaluationStateOf, evaluateUnit: only verified data are scored', () => {
  const due = '2026-12-31';
  it.each<[string, Parameters<typeof unitEvaluationStateOf>[0], UnitEvaluationState]>([
    [
      'accepted report',
      { hasAccepted: true, awaitingReview: false, dueDate: due, asOf: '2026-11-25' },
      'scored',
    ],
    [
      'accepted report with a correction waiting for review',
      { hasAccepted: true, awaitingReview: true, dueDate: due, asOf: '2026-11-25' },
      'scored',
    ],
    [
      'submitted, not yet reviewed',
      { hasAccepted: false, awaitingReview: true, dueDate: due, asOf: '2026-11-25' },
      'pending_review',
    ],
    [
      'submitted late and still not reviewed',
      { hasAccepted: false, awaitingReview: true, dueDate: due, asOf: '2027-01-10' },
      'pending_review',
    ],
    [
      'nothing submitted, before the due date',
      { hasAccepted: false, awaitingReview: false, dueDate: due, asOf: '2026-11-25' },
      'not_evaluated',
    ],
    [
      'nothing submitted, on the due date',
      { hasAccepted: false, awaitingReview: false, dueDate: due, asOf: due },
      'not_evaluated',
    ],
    [
      'nothing submitted (or returned and not resubmitted) after the due date',
      { hasAccepted: false, awaitingReview: false, dueDate: due, asOf: '2027-01-01' },
      'scored',
    ],
  ])('%s → %s', (_case, input, state) => {
    expect(unitEvaluationStateOf(input)).toBe(state);
  });

  it('should give a unit waiting for review no score, no colour and no rank, even when everything it reported is good', () => {
    const pending = evaluateUnit({
      state: 'pending_review',
      indicators: ['no_data', 'no_data'],
      tasks: ['not_started'],
      reports: ['on_time'],
    });
    expect(pending).toEqual({
      state: 'pending_review',
      score: null,
      colour: 'none',
      parts: { indicators: null, tasks: null, reports: null },
    });
    const verified = evaluateUnit({
      state: 'scored',
      indicators: ['achieved', 'no_data'],
      tasks: ['done_on_time'],
      reports: ['on_time'],
    });
    expect(verified).toEqual({
      state: 'scored',
      score: 80,
      colour: 'green',
      parts: { indicators: 0.5, tasks: 1, reports: 1 },
    });
    const ranked = rankByScore([
      { unit: 'pending', ...pending },
      { unit: 'verified', ...verified },
    ]);
    expect(ranked.map((row) => [row.unit, row.rank])).toEqual([
      ['verified', 1],
      ['pending', null],
    ]);
  });

  it('should count missing data as zero for a unit scored after its due date with nothing accepted', () => {
    expect(
      evaluateUnit({
        state: 'scored',
        indicators: ['no_data', 'no_data'],
        tasks: ['in_progress_late'],
        reports: ['missing'],
        thresholds: { green: 70, yellow: 40 },
      }),
    ).toMatchObject({ score: 0, colour: 'red' });
  });
});

describe('milestoneOf, milestoneText: the target shown beside a value', () => {
  /** Printed for some years only, as many plans do. */
  const SOME_YEARS = [atLeast(2025, 60), atLeast(2027, 80), atLeast(2030, 100)];
  it.each<[string, EvaluatedTarget[], number, [number, string] | null]>([
    ['the year prints its own target', FIVE_G, 2026, [2026, 'year']],
    ['the year prints none: the next milestone', SOME_YEARS, 2026, [2027, 'next']],
    ['between stage targets', STAGES, 2028, [2030, 'next']],
    ['before the first target', SOME_YEARS, 2024, [2025, 'next']],
    ['past the last milestone: it must still hold', SOME_YEARS, 2031, [2030, 'last']],
    [
      'a qualitative stage between numeric ones is skipped',
      [atLeast(2025, 80), qualitative(2027), atLeast(2030, 100)],
      2026,
      [2030, 'next'],
    ],
    ['the year’s own qualitative target', [atLeast(2026, 100), qualitative(2027)], 2027, [2027, 'year']],
    ['qualitative targets only: the next one', [qualitative(2025), qualitative(2030)], 2027, [2030, 'next']],
    ['no targets', [], 2026, null],
  ])('%s', (_case, targets, year, expected) => {
    const milestone = milestoneOf(targets, year);
    expect(milestone ? [milestone.target.year, milestone.kind] : null).toEqual(expected);
  });

  it('should name a later milestone by its year and print the year’s own target as it is', () => {
    expect(milestoneText(milestoneOf([atLeast(2025, 60), atLeast(2027, 80)], 2026), '≥ 80%')).toBe(
      'Mốc 2027: ≥ 80%',
    );
    expect(milestoneText(milestoneOf(FIVE_G, 2026), '70%')).toBe('70%');
    expect(milestoneText(milestoneOf([qualitative(2030)], 2026), '')).toBeNull();
    expect(milestoneText(null, '70%')).toBeNull();
  });

  it('should evaluate a year without a printed target on the straight path to the next milestone', () => {
    // 60% at the end of 2025, 80% at the end of 2027: 318 of 730 days in, the path stands at 60 + 20 × 318/730 = 68.71.
    const result = evaluateIndicator({
      targets: [atLeast(2025, 60), atLeast(2027, 80)],
      direction: 'increase',
      measure: 'cumulative',
      observation: { value: 70, date: '2026-11-14', isYearFinal: true },
    });
    expect(result).toEqual({ status: 'on_track', milestoneYear: 2027, expected: 68.71 });
  });
});

import { describe, expect, it } from 'vitest';
import {
  evaluateIndicatorInPeriod,
  evaluateTaskInPeriod,
  judgedPeriodOf,
  judgeUnitReport,
  rankByEvaluation,
  taskDeadlineOf,
} from './plan-evaluation';

const period = (id: string, dataFrom: string, dataTo: string, regimeId: string | null = 'r') => ({
  id,
  regimeId,
  dataFrom,
  dataTo,
  periodEnd: dataTo,
  dueDate: dataTo,
});

describe('judgedPeriodOf', () => {
  const periods = [
    period('2025', '2024-12-15', '2025-12-14'),
    period('h1-2026', '2025-12-15', '2026-06-14'),
    period('adhoc', '2026-06-15', '2026-09-30', null),
    period('2026', '2026-06-15', '2026-12-14'),
  ];
  it.each([
    ['2026-11-25', undefined, '2026'],
    ['2026-06-01', undefined, 'h1-2026'],
    ['2026-11-25', 2025, '2025'],
    ['2026-11-25', 2027, null],
    ['2024-01-01', undefined, null],
  ])('as of %s for year %s → %s', (asOf, year, expected) => {
    expect(judgedPeriodOf(periods, asOf, year)?.id ?? null).toBe(expected);
  });
});

describe('taskDeadlineOf', () => {
  it.each([
    [
      { deadlineKind: 'by' as const, deadlineDate: '2026-06-30' },
      { kind: 'by', date: '2026-06-30' },
    ],
    [{ deadlineKind: 'by' as const, deadlineDate: null }, null],
    [{ deadlineKind: 'recurring' as const, deadlineDate: null }, { kind: 'recurring' }],
    [{ deadlineKind: 'schedule' as const, deadlineDate: null }, { kind: 'schedule' }],
    [{ deadlineKind: null, deadlineDate: '2026-06-30' }, null],
  ])('%o → %o', (row, expected) => {
    expect(taskDeadlineOf(row)).toEqual(expected);
  });
});

describe('evaluateIndicatorInPeriod', () => {
  const indicator = {
    targets: [{ year: 2026, op: '>=' as const, value: 100, valueHigh: null }],
    direction: 'increase' as const,
    measure: 'cumulative' as const,
    baselineYear: 2024,
  };
  const judged = { id: 'p2026', dataTo: '2026-12-14' };
  const observation = (periodId: string, dataTo: string, value: number | null) => ({
    value: { value, assessment: null },
    period: { id: periodId, dataTo },
  });

  it('judges the value of the period, the earliest value of the baseline year starting the path', () => {
    const result = evaluateIndicatorInPeriod({
      indicator,
      period: judged,
      observations: [
        observation('p2026', '2026-12-14', 100),
        observation('p2024b', '2024-12-14', 40),
        observation('p2024a', '2024-06-14', 20),
      ],
    });
    expect(result.current?.period.id).toBe('p2026');
    expect(result.evaluation.status).toBe('achieved');
    expect(result.observations.map((item) => item.period.id)).toEqual(['p2024a', 'p2024b', 'p2026']);
  });

  it('has no data without a value for the period, or without a period', () => {
    const observations = [observation('p2025', '2025-12-14', 90)];
    expect(evaluateIndicatorInPeriod({ indicator, period: judged, observations }).evaluation.status).toBe(
      'no_data',
    );
    expect(evaluateIndicatorInPeriod({ indicator, period: null, observations }).current).toBeUndefined();
  });
});

describe('evaluateTaskInPeriod', () => {
  const progress = (
    periodId: string,
    dataTo: string,
    status: 'in_progress' | 'done',
    completedOn = null,
  ) => ({
    periodId,
    dataTo,
    status,
    completedOn,
  });
  const reported = [progress('p2', '2026-06-14', 'done'), progress('p1', '2025-12-14', 'in_progress')];

  it.each([
    [
      'a dated task, on its latest progress',
      { deadlineKind: 'by' as const, deadlineDate: '2026-12-31' },
      'p3',
      'done_on_time',
      'p2',
    ],
    [
      'a recurring task, only on the period’s own progress',
      { deadlineKind: 'recurring' as const, deadlineDate: null },
      'p3',
      'recurring_missing',
      undefined,
    ],
    [
      'a recurring task reported in the period',
      { deadlineKind: 'recurring' as const, deadlineDate: null },
      'p1',
      'recurring_reported',
      'p1',
    ],
  ])('%s', (_label, task, periodId, status, latest) => {
    const result = evaluateTaskInPeriod({ task, periodId, progress: reported, asOf: '2026-11-25' });
    expect(result.status).toBe(status);
    expect(result.latest?.periodId).toBe(latest);
  });
});

describe('judgeUnitReport', () => {
  const due = { dueDate: '2026-06-20' };
  type Version = { status: string; submittedAt: Date | string | null };
  it.each<[string, Version[], string, string, string?]>([
    ['nothing sent, past due', [], 'missing', 'scored'],
    ['nothing sent, not yet due', [], 'not_due', 'not_evaluated', '2026-06-01'],
    [
      'sent on time, waiting for review',
      [{ status: 'submitted', submittedAt: '2026-06-19T10:00:00Z' }],
      'on_time',
      'pending_review',
    ],
    [
      'accepted on time, a correction sent late under way: judged on the accepted version',
      [
        { status: 'accepted', submittedAt: new Date('2026-06-19T10:00:00Z') },
        { status: 'submitted', submittedAt: new Date('2026-07-01T10:00:00Z') },
      ],
      'on_time',
      'scored',
    ],
  ])('%s', (_label, versions, timeliness, state, asOf = '2026-11-25') => {
    const result = judgeUnitReport({ period: due, versions, asOf });
    expect(result.timeliness).toBe(timeliness);
    expect(result.state).toBe(state);
  });

  it('is not evaluated without a period', () => {
    expect(judgeUnitReport({ period: null, versions: [], asOf: '2026-11-25' })).toMatchObject({
      timeliness: 'not_due',
      state: 'not_evaluated',
    });
  });
});

describe('rankByEvaluation', () => {
  it('ranks the scored by score, then those waiting for review, then those not evaluated', () => {
    const ranked = rankByEvaluation([
      { id: 'a', evaluation: 'not_evaluated' as const, score: null },
      { id: 'b', evaluation: 'scored' as const, score: 60 },
      { id: 'c', evaluation: 'pending_review' as const, score: null },
      { id: 'd', evaluation: 'scored' as const, score: 90 },
    ]);
    expect(ranked.map((row) => [row.id, row.rank])).toEqual([
      ['d', 1],
      ['b', 2],
      ['c', null],
      ['a', null],
    ]);
  });
});

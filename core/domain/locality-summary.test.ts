import { describe, expect, it } from 'vitest';
import {
  INDICATOR_STATUSES,
  type IndicatorStatus,
  TASK_STATUSES,
  type TaskStatus,
  TIMELINESS,
  type Timeliness,
  UNIT_EVALUATION_STATES,
  type UnitEvaluationState,
} from './evaluation';
import { judgeLocality, type SummaryInput } from './locality-summary';

const THRESHOLDS = { green: 80, yellow: 50 };

/** A small deterministic generator (the same run every time, many shapes of plan). */
const generator = (seed: number) => {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
};

describe('judgeLocality', () => {
  it('scores only the units that can be scored: what a unit waiting for review leads does not count', () => {
    const input: SummaryInput = {
      units: [
        { unitId: 'a', evaluation: 'scored', timeliness: 'on_time' },
        { unitId: 'b', evaluation: 'pending_review', timeliness: 'on_time' },
      ],
      indicators: [
        { leadUnitId: 'a', status: 'achieved' },
        { leadUnitId: 'a', status: 'behind' },
        { leadUnitId: 'b', status: 'behind' },
        { leadUnitId: null, status: 'behind' },
      ],
      tasks: [{ leadUnitId: 'a', status: 'in_progress_late' }],
      thresholds: THRESHOLDS,
    };
    // Indicators 0.5, tasks 0, reports 1 → (0.5·0.4 + 0 + 1·0.2) / 1 = 40.
    expect(judgeLocality(input)).toEqual({ state: 'scored', score: 40, colour: 'red' });
  });

  it('waits without a score while no unit is scored: for review first, else for the due date', () => {
    const indicators = [{ leadUnitId: 'a', status: 'achieved' as const }];
    expect(
      judgeLocality({
        units: [
          { unitId: 'a', evaluation: 'not_evaluated', timeliness: 'not_due' },
          { unitId: 'b', evaluation: 'pending_review', timeliness: 'on_time' },
        ],
        indicators,
        tasks: [],
        thresholds: THRESHOLDS,
      }),
    ).toEqual({ state: 'pending_review', score: null, colour: 'none' });
    expect(
      judgeLocality({
        units: [{ unitId: 'a', evaluation: 'not_evaluated', timeliness: 'not_due' }],
        indicators,
        tasks: [],
        thresholds: THRESHOLDS,
      }),
    ).toEqual({ state: 'not_evaluated', score: null, colour: 'none' });
    expect(judgeLocality({ units: [], indicators: [], tasks: [], thresholds: THRESHOLDS }).state).toBe(
      'not_evaluated',
    );
  });

  it('for any plan, the score lies in 0–100, its colour follows the thresholds, and units not scored change nothing', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const pick = generator(seed);
      const unitIds = Array.from({ length: 1 + Math.floor(seed % 7) }, (_, index) => `u${index}`);
      const units = unitIds.map((unitId) => ({
        unitId,
        evaluation: pick<UnitEvaluationState>(UNIT_EVALUATION_STATES),
        timeliness: pick<Timeliness>(TIMELINESS),
      }));
      const indicators = Array.from({ length: seed % 11 }, () => ({
        leadUnitId: pick([...unitIds, null]),
        status: pick<IndicatorStatus>(INDICATOR_STATUSES),
      }));
      const tasks = Array.from({ length: seed % 5 }, () => ({
        leadUnitId: pick([...unitIds, null]),
        status: pick<TaskStatus>(TASK_STATUSES),
      }));
      const thresholds = { green: 60 + (seed % 30), yellow: 20 + (seed % 30) };
      const result = judgeLocality({ units, indicators, tasks, thresholds });
      const anyScored = units.some((unit) => unit.evaluation === 'scored');
      expect(result.state === 'scored', `seed ${seed}`).toBe(anyScored);
      if (result.score == null) {
        expect(result.colour).toBe('none');
        continue;
      }
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      const expected =
        result.score >= thresholds.green ? 'green' : result.score >= thresholds.yellow ? 'yellow' : 'red';
      expect(result.colour, `seed ${seed}`).toBe(expected);
      // The units not scored, with all they lead, can be dropped without changing the result.
      const scoredIds = new Set(
        units.filter((unit) => unit.evaluation === 'scored').map((unit) => unit.unitId),
      );
      const onlyScored = judgeLocality({
        units: units.filter((unit) => scoredIds.has(unit.unitId)),
        indicators: indicators.filter((row) => row.leadUnitId != null && scoredIds.has(row.leadUnitId)),
        tasks: tasks.filter((row) => row.leadUnitId != null && scoredIds.has(row.leadUnitId)),
        thresholds,
      });
      expect(onlyScored, `seed ${seed}`).toEqual(result);
    }
  });
});

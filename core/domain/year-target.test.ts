import { describe, expect, it } from 'vitest';
import type { EvaluatedTarget } from './evaluation';
import { formatPathValue, pathTargetText, yearTargetOf } from './year-target';

const atLeast = (year: number, value: number): EvaluatedTarget => ({
  year,
  op: '>=',
  value,
  valueHigh: null,
});
const atMost = (year: number, value: number): EvaluatedTarget => ({ year, op: '<=', value, valueHigh: null });

describe('yearTargetOf: the target of a year, never a later milestone shown as the year’s', () => {
  it('should give the year’s own printed target', () => {
    expect(yearTargetOf([atLeast(2025, 80), atLeast(2026, 85), atLeast(2030, 95)], 2026)).toMatchObject({
      kind: 'year',
      target: { year: 2026, value: 85 },
    });
  });

  it('should interpolate on the straight path from the previous target to the next milestone', () => {
    // 2025: 80 → 2030: 95, read at the end of 2026: one year of five (by days, as the evaluation does).
    const found = yearTargetOf([atLeast(2025, 80), atLeast(2030, 95)], 2026);
    expect(found).toMatchObject({
      kind: 'path',
      target: { year: 2030 },
      path: { op: '>=', from: { year: 2025 } },
    });
    expect(found?.kind === 'path' && found.path.value).toBeCloseTo(83, 1);
  });

  it('should start the path at a measured baseline, as the evaluation does', () => {
    const found = yearTargetOf([atLeast(2030, 95)], 2026, { baseline: { year: 2025, value: 75 } });
    expect(found?.kind === 'path' && found.path.value).toBeCloseTo(79, 1);
  });

  it('should go down for a lower-is-better indicator', () => {
    const found = yearTargetOf([atMost(2025, 40), atMost(2030, 20)], 2027);
    expect(found).toMatchObject({ kind: 'path', path: { op: '<=' } });
    expect(found?.kind === 'path' && found.path.value).toBeCloseTo(32, 1);
  });

  it('should show the milestone, named as such, when there is no earlier point to draw a path from', () => {
    expect(yearTargetOf([atLeast(2030, 95)], 2026)).toMatchObject({ kind: 'next', target: { year: 2030 } });
  });

  it('should keep the last milestone past the end of the plan, and nothing without targets', () => {
    expect(yearTargetOf([atLeast(2025, 80), atLeast(2030, 95)], 2031)).toMatchObject({ kind: 'last' });
    expect(yearTargetOf([], 2026)).toBeNull();
  });

  it('should print the interpolated value with its label', () => {
    expect(formatPathValue({ op: '>=', value: 92.5 }, '%')).toBe('≥ 92,5%');
    expect(pathTargetText('≥ 92,5%', 2030, '≥ 95%')).toBe(
      'Theo lộ trình (nội suy): ≥ 92,5% (mốc 2030: ≥ 95%)',
    );
  });
});

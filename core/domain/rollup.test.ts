import { describe, expect, it } from 'vitest';
import { type RollupInput, type RollupMethod, rollUp, rollupMethodOf } from './rollup';

const fig = (
  localityId: string,
  value: number | null,
  numerator: number | null = null,
  denominator: number | null = null,
  unit: string | null = '%',
): RollupInput => ({ localityId, unit, value, numerator, denominator });

const PERCENT = { unit: '%', direction: 'increase' as const };

describe('rollupMethodOf', () => {
  it.each<[string, RollupMethod]>([
    ['%', 'ratio'],
    ['%GRDP', 'ratio'],
    ['người/vạn dân', 'ratio'],
    ['DN/1.000 dân', 'ratio'],
    ['số lượng', 'sum'],
    ['Số lượng', 'sum'],
    ['thứ bậc', 'none'],
    ['định tính', 'none'],
  ])('should roll %s up as %s', (unit, method) => {
    expect(rollupMethodOf(unit)).toBe(method);
  });
});

describe('rollUp', () => {
  it('should rebuild a percentage from the summed numerators and denominators, not average the rates', () => {
    // 90% of 1,900 dossiers and 50% of 100: the province processed 1,760 of 2,000 (88%), not (90+50)/2 = 70%.
    const result = rollUp(PERCENT, [fig('a', 90, 1710, 1900), fig('b', 50, 50, 100)]);
    expect(result).toMatchObject({
      method: 'ratio',
      value: 88,
      numerator: 1760,
      denominator: 2000,
      reporting: 2,
      included: 2,
    });
  });

  it('should leave a commune that gave no denominator out of the province value but show its value', () => {
    const result = rollUp(PERCENT, [fig('a', 80, 40, 50), fig('b', 30), fig('c', null)]);
    expect(result.value).toBe(80);
    expect(result.reporting).toBe(2);
    expect(result.included).toBe(1);
    expect(result.contributions.map((row) => [row.localityId, row.value, row.excluded])).toEqual([
      ['a', 80, null],
      ['b', 30, 'missing_denominator'],
      ['c', null, 'no_value'],
    ]);
    expect(result.worst).toEqual({ localityId: 'b', value: 30 });
  });

  it('should give no province value when no commune gave a denominator', () => {
    const result = rollUp(PERCENT, [fig('a', 80), fig('b', 60)]);
    expect(result).toMatchObject({ value: null, numerator: null, included: 0, reporting: 2 });
    expect(result.best).toEqual({ localityId: 'a', value: 80 });
  });

  it('should rebuild a commune value from its fraction when only the fraction was given', () => {
    const result = rollUp(PERCENT, [fig('a', null, 3, 4)]);
    expect(result.contributions[0]).toMatchObject({ value: 75, included: true });
    expect(result.value).toBe(75);
  });

  it('should leave out a commune measuring the indicator in another unit', () => {
    const result = rollUp({ unit: 'số lượng', direction: 'increase' }, [
      fig('a', 2, null, null, 'số lượng'),
      fig('b', 3, null, null, null),
      fig('c', 40, null, null, '%'),
    ]);
    expect(result).toMatchObject({ method: 'sum', value: 5, reporting: 3, included: 2 });
    expect(result.contributions[2]!.excluded).toBe('unit_mismatch');
    // A figure in another unit is not comparable either.
    expect(result.best).toEqual({ localityId: 'b', value: 3 });
  });

  it('should take a rate per population as the quotient of the sums, without the percentage factor', () => {
    const result = rollUp({ unit: 'người/vạn dân', direction: 'increase' }, [
      fig('a', 2, 6, 3, 'người/vạn dân'),
      fig('b', 4, 4, 1, 'Người / vạn dân'),
    ]);
    expect(result).toMatchObject({ value: 2.5, numerator: 10, denominator: 4 });
  });

  it('should rank best and worst the other way when lower is better, and add no ranks up', () => {
    const result = rollUp({ unit: 'thứ bậc', direction: 'decrease' }, [
      fig('a', 12, null, null, 'thứ bậc'),
      fig('b', 3, null, null, 'thứ bậc'),
      fig('c', 40, null, null, 'thứ bậc'),
    ]);
    expect(result).toMatchObject({
      method: 'none',
      value: null,
      reporting: 3,
      included: 0,
      best: { localityId: 'b', value: 3 },
      worst: { localityId: 'c', value: 40 },
    });
  });

  it('should answer nothing for no figures', () => {
    expect(rollUp(PERCENT, [])).toMatchObject({ value: null, reporting: 0, best: null, worst: null });
  });
});

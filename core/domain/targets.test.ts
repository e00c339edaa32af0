import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTargetShape, formatTarget, parseTarget } from './targets';

describe('parseTarget', () => {
  it.each([
    ['≥ 85%', '>=', 85, null],
    ['>= 85%', '>=', 85, null],
    ['> 70%', '>', 70, null],
    ['70%', '>=', 70, null],
    ['80', '>=', 80, null],
    ['≥ 98', '>=', 98, null],
    ['Duy trì 100%', '>=', 100, null],
    ['Đạt 100%', '>=', 100, null],
    ['(3%)', '>=', 3, null],
    ['Duy trì (3%)', '>=', 3, null],
    ['3,5%', '>=', 3.5, null],
    ['≥ 1.000', '>=', 1000, null],
    ['≤ 5%', '<=', 5, null],
    ['Dưới 5%', '<=', 5, null],
    ['Trên 40%', '>', 40, null],
    ['= 10', '=', 10, null],
    ['80% - 90%', 'range', 80, 90],
    ['80-90%', 'range', 80, 90],
    ['Từ 80% đến 90%', 'range', 80, 90],
    ['90% – 80%', 'range', 80, 90],
    ['(Chưa có chỉ tiêu 2025)', 'qualitative', null, null],
    ['Mở rộng ứng dụng', 'qualitative', null, null],
    ['(Đã đạt)', 'qualitative', null, null],
    ['100% & 97% CB', 'qualitative', null, null],
    ['Duy trì 100% & 98% VB', 'qualitative', null, null],
    ['', 'qualitative', null, null],
    [null, 'qualitative', null, null],
    // A figure with a letter for a digit (OCR) gives no number rather than one ten times too small.
    ['8O%', 'qualitative', null, null],
    ['≥ 7O%', 'qualitative', null, null],
    ['l00%', 'qualitative', null, null],
    ['1O0', 'qualitative', null, null],
    // A unit written after the figure is still read.
    ['80 người', '>=', 80, null],
    ['Phủ 5G 100%', 'qualitative', null, null],
  ])('reads %j as %s %s', (raw, op, value, valueHigh) => {
    expect(parseTarget(raw)).toEqual({ op, value, valueHigh });
  });

  it('always returns a shape that passes checkTargetShape', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        expect(checkTargetShape(parseTarget(raw))).toBeNull();
      }),
    );
  });
});

describe('checkTargetShape', () => {
  it.each([
    [{ op: '>=', value: 5, valueHigh: null }, null],
    [{ op: '>=', value: null, valueHigh: null }, 'value_required'],
    [{ op: 'range', value: 90, valueHigh: 80 }, 'range_low_above_high'],
    [{ op: 'range', value: 80, valueHigh: null }, 'range_needs_both_ends'],
    [{ op: 'qualitative', value: 3, valueHigh: null }, 'qualitative_has_value'],
    [{ op: 'qualitative', value: null, valueHigh: null }, null],
  ] as const)('%j → %s', (target, problem) => {
    expect(checkTargetShape(target)).toBe(problem);
  });
});

describe('formatTarget', () => {
  it.each([
    [{ op: '>=', value: 85, valueHigh: null }, '%', '≥ 85%'],
    [{ op: 'range', value: 80, valueHigh: 90 }, '%', '80% - 90%'],
    [{ op: '<', value: 3, valueHigh: null }, 'thứ bậc', '< 3'],
    [{ op: 'qualitative', value: null, valueHigh: null }, '%', ''],
  ] as const)('%j → %j', (target, unit, text) => {
    expect(formatTarget(target, unit)).toBe(text);
  });
});

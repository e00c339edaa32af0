import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkFraction,
  checkIndicatorFigure,
  checkIndicatorFigures,
  formatVietnameseNumber,
  incompleteFractionField,
  MAX_DIGITS,
  MAX_FRACTION_DIGITS,
  meetsTarget,
  parseVietnameseNumber,
  readIndicatorFigure,
  valueFromFraction,
} from './indicator-values';
import { parseTarget } from './targets';

const readNumber = (text: string) => {
  const parsed = parseVietnameseNumber(text);
  return parsed.ok ? parsed.value : `error: ${parsed.message}`;
};

describe('parseVietnameseNumber', () => {
  it.each([
    ['1.710', 1710],
    ['1.900', 1900],
    ['1.234,5', 1234.5],
    ['12,5', 12.5],
    ['0,5', 0.5],
    ['1.234.567', 1234567],
    ['1.234.567,25', 1234567.25],
    ['1 710', 1710],
    ['1\u00a0710', 1710],
    ['1\u202f234\u202f567,5', 1234567.5],
    ['85%', 85],
    ['85 %', 85],
    ['99,5%', 99.5],
    ['  42  ', 42],
    ['-5', -5],
    ['−5', -5],
    ['-1.234,5', -1234.5],
    ['+7', 7],
    ['0', 0],
    ['-0', 0],
    ['007', 7],
    ['1710', 1710],
    ['', null],
    ['   ', null],
  ])('reads "%s" as %s', (text, expected) => {
    expect(readNumber(text)).toBe(expected);
  });

  it.each([
    ['12.5', 'Số thập phân viết bằng dấu phẩy, ví dụ "12,5"'],
    ['1.71', 'ví dụ "1,71"'],
    ['1.2345', 'ví dụ "1,2345"'],
    ['1.234.5', 'nhóm 3 chữ số'],
    ['12.34,5', 'nhóm 3 chữ số'],
    ['1,234.5', 'sau dấu phẩy thập phân phải là chữ số'],
    ['1,2,3', 'nhiều dấu phẩy'],
    ['abc', 'không phải là một số'],
    ['12a', 'không phải là một số'],
    ['mười', 'không phải là một số'],
    [',5', '"0,5"'],
    ['1.234 567', 'trộn dấu cách và dấu chấm'],
    ['12345678901234567890', `tối đa ${MAX_DIGITS} chữ số`],
    ['1,23456', `tối đa ${MAX_FRACTION_DIGITS} chữ số sau dấu phẩy`],
    ['%', 'không phải là một số'],
    ['-', 'không phải là một số'],
    ['1e5', 'không phải là một số'],
  ])('refuses "%s" with a message', (text, fragment) => {
    const parsed = parseVietnameseNumber(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(fragment);
  });

  it('refuses a "%" where none is allowed', () => {
    expect(parseVietnameseNumber('85%', { allowPercent: false }).ok).toBe(false);
  });

  it('never throws, and reads anything it accepts as a finite number within the digit limit', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseVietnameseNumber(text);
        if (parsed.ok && parsed.value != null) {
          expect(Number.isFinite(parsed.value)).toBe(true);
          expect(Math.abs(parsed.value)).toBeLessThan(10 ** MAX_DIGITS);
        }
      }),
    );
  });
});

describe('formatVietnameseNumber', () => {
  it.each([
    [1710, '1.710'],
    [1234.5, '1.234,5'],
    [12.5, '12,5'],
    [-1234567.25, '-1.234.567,25'],
    [0, '0'],
    [100, '100'],
    [0.0001, '0,0001'],
    [null, ''],
  ])('writes %s as "%s"', (value, expected) => {
    expect(formatVietnameseNumber(value)).toBe(expected);
  });

  /** Numbers the rules allow: up to 15 digits, up to 4 of them decimals, of either sign. */
  const allowedNumber = fc
    .tuple(
      fc.integer({ min: 0, max: MAX_FRACTION_DIGITS }),
      fc.bigInt({ min: -(10n ** BigInt(MAX_DIGITS) - 1n), max: 10n ** BigInt(MAX_DIGITS) - 1n }),
    )
    .map(([decimals, digits]) => Number(digits) / 10 ** decimals)
    .map((value) => (Object.is(value, -0) ? 0 : value));

  it('reads back what it writes, for any number the rules allow', () => {
    fc.assert(
      fc.property(allowedNumber, (value) => {
        const parsed = parseVietnameseNumber(formatVietnameseNumber(value));
        expect(parsed).toEqual({ ok: true, value });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what it writes with spaces as group separators too', () => {
    fc.assert(
      fc.property(allowedNumber, (value) => {
        const text = formatVietnameseNumber(value).replace(/\./g, '\u00a0');
        expect(parseVietnameseNumber(text)).toEqual({ ok: true, value });
      }),
    );
  });

  it('never reads a written number 1000 times too small (the "1.710" bug)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), (value) => {
        expect(readNumber(formatVietnameseNumber(value))).toBe(value);
      }),
    );
  });
});

describe('checkIndicatorFigure', () => {
  it.each([
    ['value', 150, '%', 'giá trị phải từ 0 đến 100'],
    ['value', -5, '%', 'giá trị phải từ 0 đến 100'],
    ['value', -5, 'số lượng', 'không được âm'],
    ['value', 1e20, 'số lượng', 'Số quá lớn'],
    ['numerator', -1, '%', 'Tử số không được âm'],
    ['denominator', 0, '%', 'Mẫu số phải lớn hơn 0'],
  ] as const)('refuses %s %s in %s', (field, value, unit, fragment) => {
    expect(checkIndicatorFigure(field, value, unit)).toContain(fragment);
  });

  it.each([
    ['value', 0, '%'],
    ['value', 100, ' % '],
    ['value', 1710, 'số lượng'],
    ['value', 250, 'người/vạn dân'],
    ['numerator', 0, '%'],
    ['value', null, '%'],
  ] as const)('keeps %s %s in %s', (field, value, unit) => {
    expect(checkIndicatorFigure(field, value, unit)).toBeNull();
  });
});

describe('checkIndicatorFigures and valueFromFraction', () => {
  it('computes a percentage from numerator and denominator, rounded to 2 decimals', () => {
    expect(valueFromFraction(1710, 1900, true)).toBe(90);
    expect(valueFromFraction(1, 3, true)).toBe(33.33);
    expect(valueFromFraction(1, 3, false)).toBe(0.33);
    expect(valueFromFraction(1, 0, true)).toBeNull();
    expect(checkIndicatorFigures({ value: null, numerator: 1710, denominator: 1900 }, '%')).toEqual({
      value: 90,
      problems: [],
    });
  });

  it('names every problem of the row', () => {
    expect(checkIndicatorFigures({ value: 50, numerator: 9, denominator: 10 }, '%').problems).toEqual([
      { field: 'value', message: 'Giá trị 50 không khớp với tử số/mẫu số (90)' },
    ]);
    expect(
      checkIndicatorFigures({ value: null, numerator: 12, denominator: 10 }, '%').problems.map(
        (problem) => problem.message,
      ),
    ).toEqual(['Tử số không được lớn hơn mẫu số']);
  });

  it('reads and checks a typed figure in one step', () => {
    expect(readIndicatorFigure('value', '1.710', 'hồ sơ')).toEqual({ ok: true, value: 1710 });
    expect(readIndicatorFigure('value', '85%', '%')).toEqual({ ok: true, value: 85 });
    expect(readIndicatorFigure('value', '150', '%').ok).toBe(false);
    expect(readIndicatorFigure('numerator', '85%', '%').ok).toBe(false);
  });
});

describe('meetsTarget', () => {
  it.each([
    [85, '≥ 85%', true],
    [84.9, '≥ 85%', false],
    [4, 'Dưới 5%', true],
    [85, '80% - 90%', true],
    [95, '80% - 90%', false],
    [null, '≥ 85%', null],
    [10, 'Mở rộng ứng dụng', null],
  ])('%s against "%s" is %s', (value, target, expected) => {
    expect(meetsTarget(value, parseTarget(target))).toBe(expected);
  });
});

describe('the fraction rules the form, the server and the Excel template share', () => {
  it('should name the figure missing from an incomplete fraction, and nothing when both or neither are given', () => {
    expect(incompleteFractionField(1710, null)).toBe('denominator');
    expect(incompleteFractionField(undefined, 1900)).toBe('numerator');
    expect(incompleteFractionField(1710, 1900)).toBeNull();
    expect(incompleteFractionField(null, undefined)).toBeNull();
  });

  it('should refuse a numerator above its denominator, for any pair (property)', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 9), fc.integer({ min: 1, max: 10 ** 9 }), (numerator, denominator) => {
        const problem = checkFraction(numerator, denominator);
        expect(problem != null).toBe(numerator > denominator);
        if (problem)
          expect(problem).toEqual({ field: 'numerator', message: 'Tử số không được lớn hơn mẫu số' });
        // checkIndicatorFigures applies the same rule.
        const all = checkIndicatorFigures({ value: null, numerator, denominator }, 'hồ sơ').problems;
        expect(all.some((item) => item.message === 'Tử số không được lớn hơn mẫu số')).toBe(problem != null);
      }),
    );
  });
});

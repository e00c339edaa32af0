import { describe, expect, it } from 'vitest';
import { dhis2PeriodOf, dhis2Value, toDataValueSet } from './dhis2';
import { generatePeriods } from './reporting-periods';

describe('dhis2PeriodOf', () => {
  it.each([
    ['2026', '2026-01-01', '2026-12-31', '2026'],
    ['2026-Q3', '2026-07-01', '2026-09-30', '2026Q3'],
    ['2026-H1', '2026-01-01', '2026-06-30', '2026S1'],
    ['2026-H2', '2026-07-01', '2026-12-31', '2026S2'],
    ['2026-M05', '2026-05-01', '2026-05-31', '202605'],
    ['2031-M12', '2031-12-01', '2031-12-31', '203112'],
  ])('should write %s as DHIS2 does', (key, periodStart, periodEnd, expected) => {
    expect(dhis2PeriodOf({ key, periodStart, periodEnd })).toBe(expected);
  });

  it('should name an ad hoc period by its dates only when they are a whole calendar period', () => {
    expect(dhis2PeriodOf({ key: 'adhoc-x', periodStart: '2028-01-01', periodEnd: '2028-12-31' })).toBe(
      '2028',
    );
    expect(dhis2PeriodOf({ key: 'adhoc-x', periodStart: '2028-02-01', periodEnd: '2028-02-29' })).toBe(
      '202802',
    );
    expect(dhis2PeriodOf({ key: 'adhoc-x', periodStart: '2027-02-01', periodEnd: '2027-02-29' })).toBeNull();
    expect(dhis2PeriodOf({ key: 'adhoc-x', periodStart: '2026-10-01', periodEnd: '2026-12-31' })).toBe(
      '2026Q4',
    );
    expect(dhis2PeriodOf({ key: 'adhoc-x', periodStart: '2026-01-01', periodEnd: '2026-10-31' })).toBeNull();
    expect(dhis2PeriodOf({ key: 'adhoc-x', periodStart: '2026-12-01', periodEnd: '2027-01-31' })).toBeNull();
  });

  it('should give every generated period of every frequency a DHIS2 period, and the same one as its dates', () => {
    for (const frequency of ['monthly', 'quarterly', 'semiannual', 'annual'] as const) {
      const regime = { frequency, dueRule: null, closingDay: 14 };
      for (const period of generatePeriods(regime, 2025, 2030)) {
        const dates = { periodStart: period.start, periodEnd: period.end };
        const byKey = dhis2PeriodOf({ key: period.key, ...dates });
        expect(byKey, `${frequency} ${period.key}`).toMatch(/^\d{4}(Q[1-4]|S[12]|0[1-9]|1[0-2])?$/);
        expect(dhis2PeriodOf({ key: 'adhoc-same-dates', ...dates })).toBe(byKey);
      }
    }
  });
});

describe('toDataValueSet', () => {
  const figure = (code: string, value: number | null, catalogMapped = true) => ({
    code,
    catalogMapped,
    planCode: 'I.1',
    name: `Chỉ tiêu ${code}`,
    value,
  });

  it('should write each value as a string under its code, and leave out indicators without a value', () => {
    const { set, duplicates } = toDataValueSet({
      period: '2026Q3',
      orgUnit: '05755',
      completeDate: '2026-11-25',
      figures: [figure('CDS-01', 12.5), figure('CDS-02', null), figure('KH-3', 1710, false)],
    });
    expect(duplicates).toEqual([]);
    expect(set.dataValues).toEqual([
      { dataElement: 'CDS-01', period: '2026Q3', orgUnit: '05755', value: '12.5' },
      {
        dataElement: 'KH-3',
        period: '2026Q3',
        orgUnit: '05755',
        value: '1710',
        comment: expect.stringContaining('không có trong danh mục chuẩn'),
      },
    ]);
  });

  it('should report two indicators with values under one code instead of letting one overwrite the other', () => {
    const { duplicates } = toDataValueSet({
      period: '2026',
      orgUnit: '05755',
      completeDate: '2026-11-25',
      figures: [figure('CDS-01', 1), figure('CDS-01', 2), figure('CDS-02', 3), figure('CDS-02', null)],
    });
    expect(duplicates).toEqual(['CDS-01']);
  });

  it.each([
    [0, '0'],
    [-3, '-3'],
    [0.1 + 0.2, '0.3'],
    [99.95, '99.95'],
    [1e6, '1000000'],
  ])('should write %s as %s', (value, text) => {
    expect(dhis2Value(value)).toBe(text);
  });
});

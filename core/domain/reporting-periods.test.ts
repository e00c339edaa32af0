import { describe, expect, it } from 'vitest';
import { addWorkingDays, dueDateOf, generatePeriods, parseDueRule } from './reporting-periods';

describe('generatePeriods', () => {
  it('should make one annual period due 30/11 whose data close on 14/11 (Thành Đông)', () => {
    expect(
      generatePeriods(
        { frequency: 'annual', dueRule: { kind: 'fixedDates', dates: ['11-30'] }, closingDay: 14 },
        2026,
        2026,
      ),
    ).toEqual([
      {
        key: '2026',
        label: 'Năm 2026',
        start: '2026-01-01',
        end: '2026-12-31',
        dataFrom: '2025-12-15',
        dataTo: '2026-11-14',
        dueDate: '2026-11-30',
      },
    ]);
  });

  it('should make an annual period due at the year end when the plan states no date (Dân Tiến)', () => {
    const [period] = generatePeriods({ frequency: 'annual', dueRule: null, closingDay: 14 }, 2025, 2025);
    expect(period).toMatchObject({ dueDate: '2025-12-31', dataFrom: '2024-12-15', dataTo: '2025-12-14' });
  });

  it('should make quarters due 5 working days after they end, with the 15th → 14th window', () => {
    const quarters = generatePeriods(
      {
        frequency: 'quarterly',
        dueRule: { kind: 'afterPeriodEnd', days: 5, workingDays: true },
        closingDay: 14,
      },
      2026,
      2026,
    );
    expect(quarters.map((q) => [q.key, q.label, q.dataFrom, q.dataTo, q.dueDate])).toEqual([
      ['2026-Q1', 'Quý I/2026', '2025-12-15', '2026-03-14', '2026-04-07'],
      ['2026-Q2', 'Quý II/2026', '2026-03-15', '2026-06-14', '2026-07-07'],
      ['2026-Q3', 'Quý III/2026', '2026-06-15', '2026-09-14', '2026-10-07'],
      ['2026-Q4', 'Quý IV/2026', '2026-09-15', '2026-12-14', '2027-01-07'],
    ]);
  });

  it('should make half-years due 10/6 and 10/12', () => {
    const halves = generatePeriods(
      { frequency: 'semiannual', dueRule: { kind: 'fixedDates', dates: ['06-10', '12-10'] }, closingDay: 14 },
      2026,
      2027,
    );
    expect(halves.map((h) => [h.key, h.dueDate, h.dataTo])).toEqual([
      ['2026-H1', '2026-06-10', '2026-05-14'],
      ['2026-H2', '2026-12-10', '2026-11-14'],
      ['2027-H1', '2027-06-10', '2027-05-14'],
      ['2027-H2', '2027-12-10', '2027-11-14'],
    ]);
  });

  it('should make calendar months (closing day 31, clamped to the month) due 5 days after they end', () => {
    const months = generatePeriods(
      {
        frequency: 'monthly',
        dueRule: { kind: 'afterPeriodEnd', days: 5, workingDays: false },
        closingDay: 31,
      },
      2028,
      2028,
    );
    expect(months).toHaveLength(12);
    expect(months[1]).toMatchObject({
      key: '2028-M02',
      label: 'Tháng 2/2028',
      dataFrom: '2028-02-01',
      dataTo: '2028-02-29',
      dueDate: '2028-03-05',
    });
  });

  it('should never end the data window before it starts, even with a due date inside the period', () => {
    const [month] = generatePeriods(
      { frequency: 'monthly', dueRule: { kind: 'fixedDates', dates: ['01-20'] }, closingDay: 31 },
      2028,
      2028,
    );
    expect(month).toMatchObject({ dataFrom: '2028-01-01', dataTo: '2028-01-19', dueDate: '2028-01-20' });
  });

  it('should have no calendar for ad hoc reports', () => {
    expect(generatePeriods({ frequency: 'adhoc', dueRule: null, closingDay: 14 }, 2026, 2030)).toEqual([]);
  });
});

describe('due dates', () => {
  it.each([
    ['2026-03-31', 5, '2026-04-07'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', 1, '2027-01-04'],
  ])('addWorkingDays(%s, %i) = %s', (date, days, expected) => {
    expect(addWorkingDays(date, days)).toBe(expected);
  });

  it('should put "01-10" for a December period in January of the next year', () => {
    expect(dueDateOf({ kind: 'fixedDates', dates: ['01-10'] }, 0, '2026-12-31')).toBe('2027-01-10');
  });
});

describe('parseDueRule', () => {
  it.each([
    ['Định kỳ hằng năm trước ngày 30/11', { kind: 'fixedDates', dates: ['11-30'] }],
    ['trước ngày 10/6 (6 tháng) và 10/12 (cả năm)', { kind: 'fixedDates', dates: ['06-10', '12-10'] }],
    ['trong 5 ngày làm việc sau khi kết thúc quý', { kind: 'afterPeriodEnd', days: 5, workingDays: true }],
    ['chậm nhất 10 ngày sau khi kết thúc kỳ', { kind: 'afterPeriodEnd', days: 10, workingDays: false }],
    ['đột xuất khi có yêu cầu', null],
    ['Ngày 30/02', null],
  ])('reads %j', (text, rule) => {
    expect(parseDueRule(text)).toEqual(rule);
  });
});

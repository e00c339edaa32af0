import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  describeDeadline,
  endOfMonth,
  formatDateVi,
  isRealDate,
  parseDeadline,
} from './deadlines';
import { addDays } from './reporting-periods';

describe('parseDeadline', () => {
  it.each([
    ['Trong Quý IV/2025', { kind: 'by', date: '2025-12-31' }],
    ['Quý I/2030', { kind: 'by', date: '2030-03-31' }],
    ['Trong Quý II/2028', { kind: 'by', date: '2028-06-30' }],
    ['Trong Quý III/2028', { kind: 'by', date: '2028-09-30' }],
    ['Trong Quý IV/2030 đạt trên 40%', { kind: 'by', date: '2030-12-31' }],
    ['Tháng 10/2025', { kind: 'by', date: '2025-10-31' }],
    ['Tháng 2/2028', { kind: 'by', date: '2028-02-29' }],
    ['Trước ngày 15/9/2025', { kind: 'by', date: '2025-09-15' }],
    ['Năm 2026', { kind: 'by', date: '2026-12-31' }],
    ['2027', { kind: 'by', date: '2027-12-31' }],
    ['6 tháng đầu năm 2026', { kind: 'by', date: '2026-06-30' }],
    ['12/2025 và các năm tiếp theo', { kind: 'recurring', every: 'year', date: '2025-12-31' }],
    ['Hằng năm', { kind: 'recurring', every: 'year' }],
    ['Hàng năm', { kind: 'recurring', every: 'year' }],
    ['Hàng quý', { kind: 'recurring', every: 'quarter' }],
    ['Hằng tháng', { kind: 'recurring', every: 'month' }],
    ['Thường xuyên', { kind: 'ongoing' }],
    ['Thường xuyên, liên tục', { kind: 'ongoing' }],
    ['Theo yêu cầu', { kind: 'onRequest' }],
    ['Theo lộ trình tại Phụ lục I', { kind: 'schedule' }],
    ['', null],
    [null, null],
    ['Sớm nhất có thể', null],
  ])('reads %j', (raw, expected) => {
    expect(parseDeadline(raw)).toEqual(expected);
  });
});

describe('dates', () => {
  it.each([
    [2025, 2, '2025-02-28'],
    [2028, 2, '2028-02-29'],
    [2025, 12, '2025-12-31'],
  ])('endOfMonth(%i, %i) = %s', (year, month, iso) => {
    expect(endOfMonth(year, month)).toBe(iso);
  });

  it.each([
    ['2025-02-29', false],
    ['2028-02-29', true],
    ['2025-13-01', false],
    ['25-01-01', false],
  ])('isRealDate(%s) = %s', (iso, real) => {
    expect(isRealDate(iso)).toBe(real);
  });

  it('formats dates as dd/mm/yyyy and reads meanings in Vietnamese', () => {
    expect(formatDateVi('2025-08-30')).toBe('30/08/2025');
    expect(formatDateVi(null)).toBe('');
    expect(describeDeadline({ kind: 'by', date: '2025-12-31' })).toBe('31/12/2025');
    expect(describeDeadline({ kind: 'recurring', every: 'year' })).toBe('Hằng năm');
    expect(describeDeadline({ kind: 'ongoing' })).toBe('Thường xuyên');
  });
});

describe('daysBetween: whole calendar days from one day to another', () => {
  it.each([
    ['2026-11-25', '2026-11-30', 5],
    ['2026-11-30', '2026-11-25', -5],
    ['2025-12-31', '2026-12-31', 365],
    ['2027-12-31', '2028-12-31', 366],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-01-01', '2026-01-01', 0],
  ])('%s → %s: %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('should undo addDays for any day and offset (property)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const year = 1990 + (seed % 80);
      const month = 1 + ((seed * 7) % 12);
      const day = 1 + ((seed * 13) % 28);
      const from = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const offset = ((seed * 7919) % 4001) - 2000;
      expect(daysBetween(from, addDays(from, offset))).toBe(offset);
    }
  });
});

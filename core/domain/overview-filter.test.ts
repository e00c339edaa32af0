import { describe, expect, it } from 'vitest';
import { type FilterableOverviewRow, filterOverviewRows, hasProblem } from './overview-filter';

const row = (name: string, overrides: Partial<FilterableOverviewRow> = {}): FilterableOverviewRow => ({
  name,
  formedFrom: null,
  colour: 'none',
  planCount: 1,
  overdueTasks: 0,
  reports: { late: 0, missing: 0, pendingReview: 0 },
  ...overrides,
});

const rows = [
  row('Dân Tiến', { colour: 'red', formedFrom: 'Xã Bình Long, Xã Phương Giao, Xã Dân Tiến' }),
  row('Thành Đông', { colour: 'yellow', reports: { late: 1, missing: 0, pendingReview: 0 } }),
  row('Quang Sơn', { colour: 'green', overdueTasks: 2 }),
  row('Đồng Hỷ', { planCount: 0, reports: { late: 0, missing: 3, pendingReview: 1 } }),
];
const names = (kept: FilterableOverviewRow[]) => kept.map((item) => item.name);

describe('filterOverviewRows', () => {
  it('should keep every row, in order, for an empty filter', () => {
    expect(names(filterOverviewRows(rows, {}))).toEqual(['Dân Tiến', 'Thành Đông', 'Quang Sơn', 'Đồng Hỷ']);
    expect(names(filterOverviewRows(rows, { colours: [], query: '  ' }))).toHaveLength(4);
  });

  it('should keep the rows of any colour chosen', () => {
    expect(names(filterOverviewRows(rows, { colours: ['red', 'green'] }))).toEqual(['Dân Tiến', 'Quang Sơn']);
    expect(names(filterOverviewRows(rows, { colours: ['none'] }))).toEqual(['Đồng Hỷ']);
  });

  it('should keep the rows with the problem, late meaning late or missing past the due date', () => {
    expect(names(filterOverviewRows(rows, { problem: 'late_reporting' }))).toEqual(['Thành Đông', 'Đồng Hỷ']);
    expect(names(filterOverviewRows(rows, { problem: 'no_plan' }))).toEqual(['Đồng Hỷ']);
    expect(names(filterOverviewRows(rows, { problem: 'pending_review' }))).toEqual(['Đồng Hỷ']);
    expect(names(filterOverviewRows(rows, { problem: 'overdue_tasks' }))).toEqual(['Quang Sơn']);
    expect(hasProblem(rows[0]!, 'late_reporting')).toBe(false);
  });

  it('should find a name or a former name typed without diacritics, and combine every part', () => {
    expect(names(filterOverviewRows(rows, { query: 'dong hy' }))).toEqual(['Đồng Hỷ']);
    expect(names(filterOverviewRows(rows, { query: 'phuong giao' }))).toEqual(['Dân Tiến']);
    expect(names(filterOverviewRows(rows, { query: 'phuong giao', colours: ['yellow'] }))).toEqual([]);
    expect(names(filterOverviewRows(rows, { query: 'dong', problem: 'late_reporting' }))).toEqual([
      'Thành Đông',
      'Đồng Hỷ',
    ]);
  });
});

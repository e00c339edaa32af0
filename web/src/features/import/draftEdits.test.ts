import type { TImportedIndicator, TImportedTask } from '@core/schemas/import.schemas';
import { describe, expect, it } from 'vitest';
import { draftErrorsOf, splitUnitNames, withDeadline, withTarget } from './draftEdits';

const indicator: TImportedIndicator = {
  code: 'I.1',
  group: null,
  name: 'Tỷ lệ phủ sóng 5G',
  unit: '%',
  targets: [
    { year: 2025, raw: '≥ 60%', op: '>=', value: 60 },
    { year: 2030, raw: '100%', op: '>=', value: 100 },
  ],
  baselineYear: 2025,
  lead: null,
  executor: null,
  coordinating: [],
  leader: null,
  evidence: null,
};

const task: TImportedTask = {
  code: null,
  group: null,
  name: 'Lắp đặt cáp quang',
  lead: null,
  coordinating: [],
  leader: null,
  output: null,
  deadlineRaw: null,
  deadline: null,
};

describe('withTarget', () => {
  it.each([
    ['Duy trì 100%', { year: 2026, raw: 'Duy trì 100%', op: '>=', value: 100 }],
    ['80% - 90%', { year: 2026, raw: '80% - 90%', op: 'range', value: [80, 90] }],
    ['Mở rộng ứng dụng', { year: 2026, raw: 'Mở rộng ứng dụng', op: 'qualitative', value: null }],
  ])('reads "%s" for a new year, in year order', (raw, expected) => {
    const next = withTarget(indicator, 2026, raw);
    expect(next.targets.map((target) => target.year)).toEqual([2025, 2026, 2030]);
    expect(next.targets[1]).toEqual(expected);
  });

  it('replaces the target of a year, and an empty cell removes it', () => {
    expect(withTarget(indicator, 2030, ' 95% ').targets[1]).toEqual({
      year: 2030,
      raw: '95%',
      op: '>=',
      value: 95,
    });
    expect(withTarget(indicator, 2030, '  ').targets.map((target) => target.year)).toEqual([2025]);
  });
});

describe('withDeadline', () => {
  it.each([
    ['Trong Quý IV/2025', { kind: 'by', date: '2025-12-31' }],
    ['Hằng năm', { kind: 'recurring', every: 'year' }],
    ['Thường xuyên', { kind: 'ongoing' }],
    ['Khi có điều kiện', null],
  ])('"%s" → %j', (raw, deadline) => {
    expect(withDeadline(task, raw)).toMatchObject({ deadlineRaw: raw, deadline });
  });

  it('clears the deadline for an empty cell', () => {
    expect(withDeadline({ ...task, deadlineRaw: 'Quý I/2026' }, ' ')).toMatchObject({
      deadlineRaw: null,
      deadline: null,
    });
  });
});

describe('splitUnitNames', () => {
  it('splits on semicolons and new lines, keeping commas inside a name', () => {
    expect(splitUnitNames('Phòng Kinh tế, Hạ tầng và Đô thị; Công an xã\nTổ dân phố;')).toEqual([
      'Phòng Kinh tế, Hạ tầng và Đô thị',
      'Công an xã',
      'Tổ dân phố',
    ]);
  });
});

describe('draftErrorsOf', () => {
  it('sorts the server problems by where they belong on the review screen', () => {
    const errors = draftErrorsOf([
      { field: 'plan.title', message: 'Trích yếu không được để trống' },
      { field: 'indicators.3.targets.0.value', message: 'Giá trị không hợp lệ' },
      { field: 'indicators.3.name', message: 'Tên quá dài' },
      { field: 'tasks.0.deadline.date', message: 'Ngày không có thật' },
      { field: 'unitMapping["Tổ \\"CNS\\""].unitId', message: 'Đơn vị thuộc địa phương khác' },
      { field: 'localityId', message: 'Thiếu địa phương' },
    ]);

    expect(errors.plan).toEqual(new Map([['title', ['Trích yếu không được để trống']]]));
    expect(errors.rows).toEqual(
      new Map([
        ['indicators.3', ['Giá trị không hợp lệ', 'Tên quá dài']],
        ['tasks.0', ['Ngày không có thật']],
      ]),
    );
    expect(errors.units).toEqual(new Map([['Tổ "CNS"', ['Đơn vị thuộc địa phương khác']]]));
    expect(errors.general).toEqual(['localityId: Thiếu địa phương']);
  });
});

import { describe, expect, it } from 'vitest';
import { readTables, splitValueCells, stageYearOf } from './table-reader';

const words = (text: string) =>
  text
    .split('\n')
    .flatMap((line) => line.split(' ').map((word, index) => ({ text: word, lineStart: index === 0 })));

describe('splitValueCells', () => {
  it.each([
    ['≥ 60% 70% 80%', ['≥ 60%', '70%', '80%']],
    ['100%\nDuy trì\n100%\n(Đã đạt)', ['100%', 'Duy trì 100%', '(Đã đạt)']],
    ['100% &\n97% CB\nDuy trì\n100% &\n98% VB', ['100% & 97% CB', 'Duy trì 100% & 98% VB']],
    ['(Chưa\ncó chỉ\ntiêu\n2025)\nĐạt\n100%', ['(Chưa có chỉ tiêu 2025)', 'Đạt 100%']],
    ['Tăng\ncường\nứng\ndụng\nMở\nrộng', ['Tăng cường ứng dụng', 'Mở rộng']],
    ['80% - 90% ≥ 92%', ['80% - 90%', '≥ 92%']],
    ['Duy trì\n(3%)\n(3%)', ['Duy trì (3%)', '(3%)']],
  ])('%j', (text, expected) => {
    expect(splitValueCells(words(text))).toEqual(expected);
  });
});

describe('stageYearOf', () => {
  it.each([
    ['Đến năm 2025', 2025],
    ['Mục tiêu đến hết năm 2035', 2035],
    ['Phát triển hạ tầng', null],
  ])('%s → %s', (text, expected) => {
    expect(stageYearOf(text)).toBe(expected);
  });
});

describe('readTables', () => {
  it('rebuilds a flowed row: name, one cell per year, then the unit columns', () => {
    const lines = [
      'Stt Chỉ tiêu',
      'Mức năm 2025 (Cơ sở)',
      '2026 2027',
      'Đơn vị chủ trì',
      'Cá nhân/Cơ quan thực hiện',
      'Đơn vị phối hợp',
      'I Hạ tầng số',
      '1',
      'Ứng dụng AI trong quản lý',
      'đô thị',
      'Tăng',
      'cường',
      'Mở rộng',
      'Duy trì',
      'Phòng Kinh tế,',
      'Hạ tầng và Đô thị',
      'Công chức phụ trách',
      'Chuyển đổi số',
      'MTTQ và các đoàn',
      'thể; Công an xã',
    ];
    const [table] = readTables(lines);
    expect(table?.header.columns.map((column) => column.role)).toEqual([
      'number',
      'name',
      'year',
      'year',
      'year',
      'lead',
      'executor',
      'coordinating',
    ]);
    expect(table?.header.columns[2]).toMatchObject({ year: 2025, baseline: true });
    expect(table?.rows[1]).toEqual({
      kind: 'row',
      number: '1',
      guessed: false,
      cells: [
        '',
        'Ứng dụng AI trong quản lý đô thị',
        'Tăng cường',
        'Mở rộng',
        'Duy trì',
        'Phòng Kinh tế, Hạ tầng và Đô thị',
        'Công chức phụ trách Chuyển đổi số',
        'MTTQ và các đoàn thể; Công an xã',
      ],
    });
  });

  it('reads a tab-delimited stage table with a wrapped name cell', () => {
    const lines = [
      'TT\tChỉ tiêu\tĐơn vị tính\tKết quả\tCơ quan chủ trì',
      'I\tĐến năm 2025\t\t\t',
      '-\tChuyển đổi số\t\t\t',
      '1\tDịch vụ công trực tuyến có đủ\t%\t100\tTrung tâm phục vụ hành chính công',
      '\tđiều kiện.',
    ];
    const [table] = readTables(lines);
    expect(table?.rows).toEqual([
      { kind: 'section', roman: 'I', text: 'Đến năm 2025' },
      { kind: 'group', text: 'Chuyển đổi số' },
      {
        kind: 'row',
        number: '1',
        guessed: false,
        cells: [
          '1',
          'Dịch vụ công trực tuyến có đủ điều kiện.',
          '%',
          '100',
          'Trung tâm phục vụ hành chính công',
        ],
      },
    ]);
  });
});

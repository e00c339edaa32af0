import { describe, expect, it } from 'vitest';
import { problemText, readUserImportGrid, roleOfText } from './user-import';

const HEADER = ['Họ và tên', 'Tên đăng nhập', 'Thư điện tử', 'Vai trò', 'Mã địa phương', 'Tên đơn vị'];

describe('readUserImportGrid', () => {
  it('should read the columns in any order, by Vietnamese or English headers, with or without diacritics', () => {
    const { rows, problems } = readUserImportGrid([
      ['ma dia phuong', 'Username', 'HO TEN', 'Role'],
      ['10507', ' Lan.Nguyen ', 'Nguyễn  Thị Lan', 'lãnh đạo'],
    ]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        displayName: 'Nguyễn Thị Lan',
        username: 'lan.nguyen',
        email: null,
        role: 'leader',
        localityCode: '10507',
        unitName: null,
      },
    ]);
  });

  it('should name each wrong row and skip blank ones, keeping the row numbers of the sheet', () => {
    const { rows, problems } = readUserImportGrid([
      [],
      HEADER,
      ['Lan', 'lan', '', 'Cán bộ đơn vị', '10507', ''],
      ['', '', '', '', '', ''],
      ['Bình', 'binh.tran', '', 'Lãnh đạo', '10507', 'Trung tâm HCC'],
      ['Cúc', 'cuc.le', '', 'Giám đốc', '', ''],
      ['Dũng', 'BINH.TRAN', '', 'Thanh tra', '10507', '', 'ghi thêm'],
    ]);
    expect(rows).toEqual([]);
    expect(problems.map(problemText)).toEqual([
      'Dòng 3: vai trò Cán bộ đơn vị cần tên đơn vị (cột “Tên đơn vị”).',
      'Dòng 5: vai trò Lãnh đạo không gắn với một đơn vị; để trống cột “Tên đơn vị” (đang ghi “Trung tâm HCC”).',
      expect.stringMatching(/^Dòng 6: không có vai trò “Giám đốc”; dùng một trong: Quản trị hệ thống, /),
      'Dòng 6: chưa có mã địa phương.',
      'Dòng 7: có ô ghi ngoài các cột của danh sách.',
      'Dòng 7: tên đăng nhập “binh.tran” trùng với dòng 5.',
    ]);
  });

  it('should refuse an empty file, a list without users and one above the limit', () => {
    expect(readUserImportGrid([]).problems.map(problemText)).toEqual(['Tệp không có dòng nào.']);
    expect(readUserImportGrid([HEADER]).problems.map(problemText)).toEqual([
      'Danh sách chưa có người dùng nào.',
    ]);
    const many = Array.from({ length: 501 }, (_, index) => [
      `Người ${index}`,
      `nguoi.${index}`,
      '',
      'Lãnh đạo',
      '1',
      '',
    ]);
    expect(readUserImportGrid([HEADER, ...many]).problems[0]?.message).toContain('quá 500 người');
  });
});

describe('roleOfText', () => {
  it('should read each role by its label, its code and common short forms, and nothing else', () => {
    expect(roleOfText('Quản trị hệ thống')).toBe('system_admin');
    expect(roleOfText('unit_officer')).toBe('unit_officer');
    expect(roleOfText('Thanh tra / giám sát (chỉ xem)')).toBe('inspector');
    expect(roleOfText('Cơ quan thường trực')).toBe('standing_officer');
    expect(roleOfText('Giám đốc')).toBeNull();
    expect(roleOfText('')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { foldText, foldTokens, matchesFolded, normalizeText } from './text';

describe('foldText', () => {
  it.each([
    ['Hồ sơ trực tuyến', 'ho so truc tuyen'],
    ['ĐƯỜNG Đông', 'duong dong'],
    ['Tỷ lệ phủ sóng 5G', 'ty le phu song 5g'],
    // NFD input (combining marks) folds the same as NFC.
    ['Ho\u0302\u0300 so\u031b', 'ho so'],
    ['  nhiều   khoảng\u00a0trắng ', 'nhieu khoang trang'],
    ['Phòng Văn hóa - Xã hội', 'phong van hoa xa hoi'],
    ['≥ 85%', '85%'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('normalizeText', () => {
  it('turns NFD into NFC and collapses spaces', () => {
    const nfd = 'Tie\u0302\u0301n  \n độ';
    expect(normalizeText(nfd)).toBe('Tiến độ');
    expect(normalizeText(nfd)).toBe(normalizeText(nfd).normalize('NFC'));
  });
});

describe('matchesFolded', () => {
  it.each([
    ['Hồ sơ thủ tục hành chính xử lý trực tuyến', 'ho so truc tuyen', true],
    ['Tỷ lệ phủ sóng 5G trên địa bàn', 'phu song 5g', true],
    ['Tỷ lệ phủ sóng 5G trên địa bàn', 'PHỦ SÓNG 4G', false],
    ['Đường truyền', 'duong', true],
    ['anything', '', true],
  ])('%j matches %j: %s', (haystack, query, expected) => {
    expect(matchesFolded(haystack, query)).toBe(expected);
  });

  it('lists distinct tokens once', () => {
    expect(foldTokens('Số số SỐ hóa')).toEqual(['so', 'hoa']);
  });
});

import { describe, expect, it } from 'vitest';
import { UnreadableDocumentError } from './errors';
import { cleanLine, joinWrapped, readPlanText } from './text-reader';

describe('cleanLine', () => {
  it.each([
    ['NFD accents become NFC', 'Ke\u0302\u0301 hoa\u0323ch', 'Kế hoạch'],
    ['ligatures are expanded', 'Ha tﬁng', 'Ha tfing'],
    ['bold markers are dropped', '**KT. CHỦ TỊCH', 'KT. CHỦ TỊCH'],
    [
      'emphasis inside parentheses is dropped',
      'về UBND xã (*qua Phòng Văn hóa - Xã hội*).',
      'về UBND xã (qua Phòng Văn hóa - Xã hội).',
    ],
    ['"|" separates cells', '1 | Tỷ lệ | %', '1\tTỷ lệ\t%'],
    ['a "|" opening a line is an OCR\'d "I"', '|. MUC DICH', 'I. MUC DICH'],
    ['three or more spaces separate cells', 'Số 15-KH/ĐU      Tân Lập', 'Số 15-KH/ĐU\tTân Lập'],
  ])('%s', (_label, input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });
});

describe('readPlanText', () => {
  it('drops blank lines and page numbers before the appendix, keeps bare numbers inside it', () => {
    const { lines } = readPlanText('KẾ HOẠCH\n\n3\n\nnội dung\nPHỤ LỤC I\n1\nTên');
    expect(lines).toEqual(['KẾ HOẠCH', 'nội dung', 'PHỤ LỤC I', '1', 'Tên']);
  });

  it('keeps signature stamps apart', () => {
    const { lines, stamps } = readPlanText(
      'KẾ HOẠCH\n\t\t2025-11-26T08:19:21+0700\n\tViệt Nam\n\tNguyễn Văn A <a@x.gov.vn> đã ký lên văn bản này!',
    );
    expect(lines).toEqual(['KẾ HOẠCH']);
    expect(stamps).toHaveLength(3);
  });

  it.each([
    ['empty text', ''],
    ['white space only', ' \n\t\n'],
    ['binary bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])],
    ['invalid UTF-8', new Uint8Array([0xff, 0xfe, 0xfd, 0x41])],
  ])('rejects %s', (_label, input) => {
    expect(() => readPlanText(input)).toThrow(UnreadableDocumentError);
  });
});

describe('joinWrapped', () => {
  it.each([
    [['Nghị quyết số 57-', 'NQ/TW ngày'], 'Nghị quyết số 57-NQ/TW ngày'],
    [['Phòng Văn hóa', '- Xã hội'], 'Phòng Văn hóa - Xã hội'],
    [['tốc độ cao đến từng', 'tổ dân phố.'], 'tốc độ cao đến từng tổ dân phố.'],
    [['Thông tư số 02/2025/TT-', 'BGDĐT'], 'Thông tư số 02/2025/TT-BGDĐT'],
    [['Văn phòng HĐND&UBN', 'D'], 'Văn phòng HĐND&UBND'],
    // A word on its own line is no piece of the abbreviation before it.
    [['Văn phòng HĐND', 'UBND xã'], 'Văn phòng HĐND UBND xã'],
    [['Khối Đảng - MTTQ', 'và các đoàn thể'], 'Khối Đảng - MTTQ và các đoàn thể'],
  ])('%j → %s', (parts, expected) => {
    expect(joinWrapped(parts)).toBe(expected);
  });
});

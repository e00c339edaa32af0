import { describe, expect, it } from 'vitest';
import { findDocRefs, normalizeDocNumber, readIssuedDate } from './doc-references';
import { extractHeader } from './header-extractor';
import { findStructure } from './structure';
import { readPlanText } from './text-reader';

describe('readIssuedDate', () => {
  it.each([
    ['Dân Tiến, ngày 30 tháng 8 năm 2025', '2025-08-30'],
    ['Thanh Péng, ngay 23hang 11 nam 2025', '2025-11-23'],
    ['Hà Nội, ngày 05/02/2026', '2026-02-05'],
    ['ngày 31 tháng 2 năm 2025', null],
    ['Độc lập - Tự do - Hạnh phúc', null],
  ])('%s → %s', (text, expected) => {
    expect(readIssuedDate(text)).toBe(expected);
  });
});

describe('normalizeDocNumber', () => {
  it.each([
    ['95 /KH-UBND', '95/KH-UBND'],
    ['71/NQ- CP', '71/NQ-CP'],
    ['30-KH/PU', '30-KH/ĐU'],
    ['57-NQ/TW', '57-NQ/TW'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeDocNumber(raw)).toBe(expected);
  });
});

describe('findDocRefs', () => {
  it('reads number, date and issuer of each cited document in order', () => {
    const refs = findDocRefs(
      'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá; Nghị quyết số 193/2025/QH15 của Quốc hội; Kế hoạch số 155/KH-UBND ngày 23/6/2025 của UBND tỉnh Thái Nguyên về việc thực hiện.',
    );
    expect(refs.map(({ number, date, issuer }) => ({ number, date, issuer }))).toEqual([
      { number: '57-NQ/TW', date: '2024-12-22', issuer: 'Bộ Chính trị' },
      { number: '193/2025/QH15', date: null, issuer: 'Quốc hội' },
      { number: '155/KH-UBND', date: '2025-06-23', issuer: 'UBND tỉnh Thái Nguyên' },
    ]);
  });
});

describe('extractHeader', () => {
  const header = (text: string) => {
    const { lines, stamps } = readPlanText(text);
    return extractHeader(lines, findStructure(lines), stamps);
  };

  it('reads a government plan with the signer in a KT. block', () => {
    const plan = header(
      [
        'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'XÃ HÒA BÌNH\tĐộc lập - Tự do - Hạnh phúc',
        'Số: 7/KH-UBND\tHòa Bình, ngày 2 tháng 10 năm 2025',
        'KẾ HOẠCH',
        'Chuyển đổi số năm 2025',
        'Căn cứ Kế hoạch số 155/KH-UBND ngày 23/6/2025 của UBND tỉnh Thái Nguyên;',
        'I. MỤC ĐÍCH, YÊU CẦU',
        '- Triển khai.',
        'II. TỔ CHỨC THỰC HIỆN',
        '1. Phòng Văn hóa - Xã hội là cơ quan thường trực.',
        '2. Định kỳ hằng năm trước ngày 15/12, các đơn vị báo cáo UBND xã (qua Phòng Văn hóa - Xã hội).',
        'Nơi nhận:',
        '- Lưu: VT.',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Trần Thị Mai',
      ].join('\n'),
    );
    expect(plan).toMatchObject({
      number: '7/KH-UBND',
      issuer: 'UBND xã Hòa Bình',
      issuerKind: 'government',
      locality: { name: 'Hòa Bình', level: 'xã', province: 'Thái Nguyên' },
      issuedDate: '2025-10-02',
      title: 'Chuyển đổi số năm 2025',
      signer: { name: 'Trần Thị Mai', position: 'Phó Chủ tịch' },
      basis: [{ number: '155/KH-UBND', date: '2025-06-23', issuer: 'UBND tỉnh Thái Nguyên' }],
      standingAgency: 'Phòng Văn hóa - Xã hội',
      reporting: [{ frequency: 'annual', due: '12-15', to: 'UBND xã (qua Phòng Văn hóa - Xã hội)' }],
    });
  });

  it('takes number and date from the appendix when the first page has none', () => {
    const plan = header(
      [
        'KẾ HOẠCH',
        'Phát triển hạ tầng số',
        'I. MỤC TIÊU',
        '- Nội dung.',
        'TM. ỦY BAN NHÂN DÂN',
        'CHỦ TỊCH',
        'Phạm Văn Long',
        'PHỤ LỤC I',
        '(Ban hành kèm theo Kế hoạch số 21/KH-UBND ngày 03/9/2025 của UBND phường An Khánh)',
      ].join('\n'),
    );
    expect(plan).toMatchObject({
      number: '21/KH-UBND',
      issuedDate: '2025-09-03',
      issuer: 'UBND phường An Khánh',
      signer: { name: 'Phạm Văn Long', position: 'Chủ tịch' },
    });
  });
});

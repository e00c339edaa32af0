/**
 * The outline and header rules on many generated plans: Party and government letterheads, every title
 * wording (also letter-spaced and OCR-damaged), date lines beside or below the number (or missing, with
 * a cited document's date nearby), every signature block, mixed-case and damaged appendix headings.
 * Names of places and people are drawn at random from syllables, so no rule can lean on a seed's names.
 */
import { describe, expect, it } from 'vitest';
import { readDateLine } from './doc-references';
import { extractHeader } from './header-extractor';
import { findStructure, isAppendixHeading, isPlanTitle, isSignatureStart } from './structure';
import { readPlanText } from './text-reader';

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
const random = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
};

const PLACE_SYLLABLES = [
  'Tân',
  'Hòa',
  'Phú',
  'Long',
  'Đông',
  'Tây',
  'Bình',
  'An',
  'Thạnh',
  'Quế',
  'Sơn',
  'Hưng',
  'Lộc',
  'Mỹ',
  'Vĩnh',
  'Nghĩa',
  'Thuận',
  'Yên',
  'Cẩm',
  'Đức',
  'Xuân',
  'Hải',
  'Lạc',
  'Kỳ',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Thu', 'Đức', 'Ngọc'];
const GIVEN = ['Hùng', 'Lan', 'Tuấn', 'Mai', 'Dũng', 'Hà', 'Sơn', 'Thảo', 'Nam', 'Linh'];

const upper = (text: string) => text.toLocaleUpperCase('vi');
const spaced = (text: string) =>
  text
    .split(' ')
    .map((word) => [...word].join(' '))
    .join('   ');

type Variant = {
  text: string;
  expected: {
    number: string;
    issuerKind: 'party' | 'government';
    locality: string;
    level: 'xã' | 'phường' | 'đặc khu';
    province: string;
    issuedDate: string | null;
    signer: { name: string; position: string };
    appendices: number;
  };
};

const makeVariant = (seed: number): Variant => {
  const { next, pick } = random(seed);
  const place = () => `${pick(PLACE_SYLLABLES)} ${pick(PLACE_SYLLABLES)}`;
  const locality = place();
  let province = place();
  while (province === locality) province = place();
  const level = pick(['xã', 'phường', 'đặc khu'] as const);
  const party = next() < 0.5;
  const n = 1 + Math.floor(next() * 300);
  const type = party ? pick(['KH', 'CTr']) : 'KH';
  const number = party ? `${n}-${type}/ĐU` : `${n}/KH-UBND`;
  const day = 1 + Math.floor(next() * 28);
  const month = 1 + Math.floor(next() * 12);
  const year = pick([2025, 2026]);
  const hasDate = next() < 0.8;
  const issuedDate = hasDate
    ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    : null;
  const dateLine = hasDate
    ? `${locality}, ${pick(['ngày', 'ngay'])} ${day} tháng ${month} năm ${year}`
    : `${locality}, ngày      tháng      năm ${year}`;
  const numberLine = `Số: ${pick(['', ' '])}${number}`;
  const issuerTop = party
    ? [`ĐẢNG BỘ TỈNH ${upper(province)}`, `ĐẢNG ỦY ${upper(level)} ${upper(locality)}`]
    : pick([
        [`ỦY BAN NHÂN DÂN`, `${upper(level)} ${upper(locality)}`],
        [`UBND TỈNH ${upper(province)}`, `UBND ${upper(level)} ${upper(locality)}`],
      ]);
  const motto = party
    ? ['ĐẢNG CỘNG SẢN VIỆT NAM']
    : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
  const header: string[] = [];
  const sideBySide = next() < 0.5;
  for (let i = 0; i < Math.max(issuerTop.length, motto.length); i++) {
    header.push(sideBySide ? `${issuerTop[i] ?? ''}\t${motto[i] ?? ''}` : (issuerTop[i] ?? ''));
  }
  if (!sideBySide) header.push(...motto);
  if (next() < 0.5) header.push(`${numberLine}\t${dateLine}`);
  else header.push(numberLine, dateLine);

  const titleWords = pick(['KẾ HOẠCH', 'KẾ HOẠCH HÀNH ĐỘNG', 'CHƯƠNG TRÌNH HÀNH ĐỘNG']);
  const title = pick([
    titleWords,
    spaced(titleWords),
    titleWords.replace('KẾ', 'KÉ'),
    titleWords.replace('KẾ', 'KE').replace('HOẠCH', 'HOACH'),
    `${titleWords}.`,
  ]);
  const subject = `Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về phát triển khoa học, công nghệ tại ${level} ${locality}`;

  const deputy = next() < 0.4;
  const signerName = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const printedName = next() < 0.2 ? upper(signerName) : signerName;
  let signature: string[];
  let position: string;
  if (party) {
    const chief = pick(['BÍ THƯ', 'PHÓ BÍ THƯ']);
    signature = deputy
      ? [pick(['KT. BÍ THƯ', 'K.T BÍ THƯ']), 'PHÓ BÍ THƯ']
      : [pick(['T/M BAN THƯỜNG VỤ', 'T/M ĐẢNG ỦY', 'TM. BAN CHẤP HÀNH']), chief];
    position = deputy || chief === 'PHÓ BÍ THƯ' ? 'Phó Bí thư' : 'Bí thư';
  } else if (deputy) {
    signature = pick([['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], ['KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'], ['KT. CHỦ TỊCH']]);
    position = 'Phó Chủ tịch';
  } else {
    const acting = next() < 0.25;
    signature = acting ? ['Q. CHỦ TỊCH'] : [pick(['TM. ỦY BAN NHÂN DÂN', 'TM. UBND']), 'CHỦ TỊCH'];
    position = acting ? 'Quyền Chủ tịch' : 'Chủ tịch';
  }
  const signatureLines =
    next() < 0.5
      ? ['Nơi nhận:', '- Như trên;', '- Lưu: VT.', ...signature, '(Đã ký)', printedName]
      : [`Nơi nhận:\t${signature[0]}`, `- Như trên;\t${signature[1] ?? ''}`, '- Lưu: VT.', printedName];

  const appendixCount = Math.floor(next() * 3);
  const appendices: string[] = [];
  for (let a = 1; a <= appendixCount; a++) {
    const heading = pick([
      `PHỤ LỤC ${['I', 'II', 'III'][a - 1]}`,
      `Phụ lục số 0${a}`,
      `Phụ lục ${a}: Danh mục nhiệm vụ`,
      `PHU LUC ${a}`,
      `Phụ lục kèm theo Kế hoạch số ${number}`,
    ]);
    appendices.push(
      heading,
      `DANH MỤC NHIỆM VỤ ${a}`,
      'STT\tNội dung\tĐơn vị chủ trì',
      '1\tRà soát\tPhòng Kinh tế',
    );
  }

  const body = [
    title,
    subject,
    `Căn cứ Kế hoạch số 155/KH-UBND ngày ${day}/${month}/2025 của UBND tỉnh ${province};`,
    'I. MỤC ĐÍCH, YÊU CẦU',
    '- Triển khai đồng bộ; Phụ lục kèm theo được cập nhật hằng năm.',
    'II. NHIỆM VỤ VÀ GIẢI PHÁP',
    '1. Chi tiết tại Phụ lục kèm theo.',
    'III. TỔ CHỨC THỰC HIỆN',
    `Các đơn vị báo cáo kết quả định kỳ hằng năm.`,
  ];
  return {
    text: [...header, ...body, ...signatureLines, ...appendices].join('\n'),
    expected: {
      number,
      issuerKind: party ? 'party' : 'government',
      locality,
      level,
      province,
      issuedDate,
      signer: { name: signerName, position },
      appendices: appendixCount,
    },
  };
};

const SEEDS = Array.from({ length: 240 }, (_, i) => i + 1);

describe('header and outline on generated plans', () => {
  it.each(SEEDS)('variant %i', (seed) => {
    const { text, expected } = makeVariant(seed);
    const { lines, stamps } = readPlanText(text);
    const structure = findStructure(lines);
    expect(structure.titleIndex, text).toBeGreaterThanOrEqual(0);
    expect(structure.appendices.length, text).toBe(expected.appendices);
    const plan = extractHeader(lines, structure, stamps);
    expect(plan.number, text).toBe(expected.number);
    expect(plan.issuerKind, text).toBe(expected.issuerKind);
    expect(plan.locality, text).toEqual({
      name: expected.locality,
      level: expected.level,
      province: expected.province,
    });
    expect(plan.issuer, text).toBe(
      `${expected.issuerKind === 'party' ? 'Đảng ủy' : 'UBND'} ${expected.level} ${expected.locality}`,
    );
    expect(plan.issuedDate, text).toBe(expected.issuedDate);
    expect(plan.signer, text).toEqual(expected.signer);
  });
});

describe('isPlanTitle', () => {
  it.each([
    'KẾ HOẠCH',
    'KẾ HOẠCH HÀNH ĐỘNG',
    'CHƯƠNG TRÌNH HÀNH ĐỘNG',
    'K Ế   H O Ạ C H',
    'KÉ HOẠCH',
    'KE HOACII',
    'KẾ HOẠCH HÀNH DỘNG',
    'CHUONG TRINH HANH DONG',
  ])('%s is a title', (line) => {
    expect(isPlanTitle(line)).toBe(true);
  });
  it.each(['Kế hoạch', 'KẾ HOẠCH SỐ 12', 'KẾT LUẬN', 'KIỂM TRA', 'I. KẾ HOẠCH TRIỂN KHAI CỤ THỂ NĂM 2025'])(
    '%s is not',
    (line) => {
      expect(isPlanTitle(line)).toBe(false);
    },
  );
});

describe('isAppendixHeading', () => {
  it.each([
    'PHỤ LỤC I',
    'PHỤ LỤC II',
    'Phụ lục số 02',
    'Phụ lục 1: Danh mục chỉ tiêu',
    'Phụ lục kèm theo Kế hoạch số 12/KH-UBND',
    'Phụ lục',
    'PHU LUC 1',
    'PHỤ LỰC 2',
    'Phụ lục số 01 (kèm theo Kế hoạch số 54/KH-UBND)',
  ])('%s is an appendix heading', (line) => {
    expect(isAppendixHeading(line)).toBe(true);
  });
  it.each([
    'Phụ lục này được cập nhật hằng năm.',
    '- Phụ lục kèm theo',
    '(Chi tiết tại Phụ lục I)',
    'phụ lục số 2 ghi các chỉ tiêu',
    'Phục vụ người dân',
    // The end of "(chi tiết tại" wrapped onto its own line.
    'Phụ lục số 01 kèm theo).',
    'PHỤ LỤC I)',
  ])('%s is not', (line) => {
    expect(isAppendixHeading(line)).toBe(false);
  });
});

describe('findStructure and sentences wrapped onto an appendix name', () => {
  it('does not open an appendix where a sentence ends on "PHỤ LỤC I." but at the heading itself', () => {
    const lines = [
      'KẾ HOẠCH',
      'III. NHIỆM VỤ VÀ GIẢI PHÁP',
      '- Bố trí kinh phí hằng năm cho chuyển đổi số.',
      'Thời gian hoàn thành: Theo lộ trình tại',
      'PHỤ LỤC I.',
      '- Đào tạo kỹ năng số cho cán bộ.',
      'Nguyễn Văn An',
      'PHỤ LỤC I.',
      'DANH MỤC CHỈ TIÊU',
    ];
    expect(findStructure(lines).appendices).toEqual([7]);
  });
});

describe('isSignatureStart', () => {
  it.each([
    'TM. ỦY BAN NHÂN DÂN',
    'T/M BAN THƯỜNG VỤ',
    'KT. CHỦ TỊCH',
    'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
    'Q. CHỦ TỊCH',
    'T/M ĐẢNG ỦY',
    'BÍ THƯ',
    'PHÓ BÍ THƯ',
  ])('%s opens the signature block', (line) => {
    expect(isSignatureStart(line)).toBe(true);
  });
  it.each(['Chủ tịch UBND xã chỉ đạo các phòng.', 'Bí thư chi bộ các thôn'])('%s does not', (line) => {
    expect(isSignatureStart(line)).toBe(false);
  });
});

describe('readDateLine', () => {
  it.each([
    ['Dân Tiến, ngày 30 tháng 8 năm 2025', '2025-08-30'],
    ['Số: 54/KH-UBND\tDân Tiến, ngày 30 tháng 8 năm 2025', '2025-08-30'],
    ['$6:95 /KH-UBND Thanh Péng, ngay 23hang 11 nam 2025', '2025-11-23'],
    ['Hà Nội, ngày 05/02/2026', '2026-02-05'],
    ['Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị', null],
    ['Căn cứ Kế hoạch số 155/KH-UBND ngày 23/6/2025 của UBND tỉnh', null],
    ['Dân Tiến, ngày     tháng     năm 2025', null],
  ])('%s → %s', (line, expected) => {
    expect(readDateLine(line)).toBe(expected);
  });
});

describe('the plan date is never borrowed', () => {
  it('leaves the date empty when the date line is blank, even with a cited date just below', () => {
    const { lines, stamps } = readPlanText(
      [
        'ĐẢNG ỦY XÃ KỲ SƠN\tĐẢNG CỘNG SẢN VIỆT NAM',
        'Số: 12-KH/ĐU',
        'Kỳ Sơn, ngày      tháng 9 năm 2025',
        'KẾ HOẠCH HÀNH ĐỘNG',
        'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị',
        'I. MỤC ĐÍCH, YÊU CẦU',
        '- Quán triệt.',
        'II. NHIỆM VỤ',
        '- Triển khai.',
      ].join('\n'),
    );
    const plan = extractHeader(lines, findStructure(lines), stamps);
    expect(plan.issuedDate).toBeNull();
    expect(plan.basis[0]).toMatchObject({ number: '57-NQ/TW', date: '2024-12-22' });
  });

  it('leaves the date empty without a title line, rather than taking a cited one from the first lines', () => {
    const { lines, stamps } = readPlanText(
      [
        'UBND XÃ KỲ SƠN',
        'Số: 7/KH-UBND',
        'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị',
        'I. MỤC ĐÍCH, YÊU CẦU',
        '- Quán triệt.',
        'II. NHIỆM VỤ',
        '- Triển khai.',
      ].join('\n'),
    );
    const plan = extractHeader(lines, findStructure(lines), stamps);
    expect(plan.issuedDate).toBeNull();
  });
});

import { parseDeadline } from '@core/domain/deadlines';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareMonthBesideUnread, recognisedSuspects, respacedLead, reviewRecognisedRows } from './scan-review';
import { documentVocabulary } from './word-context';

describe('recognisedSuspects', () => {
  const vocabulary = documentVocabulary([
    'Thủ tục hành chính giải quyết phi địa giới hành chính',
    'Dịch vụ y tế, giáo dục cho người dân',
  ]);

  it('finds a lower-case word that is no Vietnamese syllable, a lone letter included', () => {
    expect(recognisedSuspects('Giải quyết phi đ a giới hành chính', vocabulary).map((s) => s.word)).toEqual([
      'đ',
    ]);
    expect(recognisedSuspects('Tỷ lệ chi tiéu cho khoa học', null).map((s) => s.word)).toEqual(['tiéu']);
  });

  it('offers the word a lost vowel broke ("d ch vụ" → "dịch"), known in the document or beside the same neighbours, changing nothing', () => {
    const text = 'Cung cấp d ch vụ công; phi đ a giới; Trang b kỹ năng; UBND xã, TP';
    const suspects = recognisedSuspects(text, vocabulary);
    expect(suspects).toEqual(
      expect.arrayContaining([
        { word: 'd', likely: null, maybe: 'dịch' },
        { word: 'đ', likely: null, maybe: 'địa' },
      ]),
    );
    // "b" alone could be many words and nothing around it tells which: flagged, no reading offered.
    expect(suspects).toContainEqual({ word: 'b', likely: null });
    // A broken word is reported once, at its first piece; abbreviations stay out.
    expect(suspects.map((s) => s.word)).not.toEqual(expect.arrayContaining(['ch']));
    expect(suspects.map((s) => s.word)).not.toEqual(expect.arrayContaining(['UBND']));
    expect(suspects.map((s) => s.word)).not.toEqual(expect.arrayContaining(['TP']));
  });

  it('leaves valid words alone: one-letter words ("y tế"), capitals and abbreviations', () => {
    expect(recognisedSuspects('Dịch vụ y tế, giáo dục cho người dân', vocabulary)).toEqual([]);
    expect(recognisedSuspects('Trung tâm HCC, UBND xã', null)).toEqual([]);
  });
});

describe('a recognised deadline read as a month beside a word OCR damaged', () => {
  // Generated quarters as OCR damages the word and its place ("Cuý 1/2030", "- 1/2030 Cuý", "Trong Cu 1/2026").
  const damagedQuarter = fc.record({
    word: fc.constantFrom('Cuý', 'Cu', 'Ouy', 'Qu;;', 'Cuy', 'Ọuý', 'Guý'),
    quarter: fc.integer({ min: 1, max: 4 }),
    year: fc.integer({ min: 2025, max: 2045 }),
    place: fc.constantFrom('before', 'after', 'within'),
  });

  it('says the words that may have been a quarter whenever "m/yyyy" alone gave the date', () => {
    fc.assert(
      fc.property(damagedQuarter, ({ word, quarter, year, place }) => {
        const figure = `${quarter}/${year}`;
        const raw =
          place === 'before'
            ? `${word} ${figure}`
            : place === 'after'
              ? `- ${figure} ${word}`
              : `Trong ${word} ${figure}`;
        // The date parser reads such a text as a month: the review must say so.
        fc.pre(parseDeadline(raw)?.kind === 'by');
        expect(bareMonthBesideUnread(raw)).toContain(word.replace(/[;]+$/, ''));
      }),
    );
  });

  it('leaves deadlines that say what they are, or are only figures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2025, max: 2045 }),
        fc.constantFrom(
          'Tháng {m}/{y}',
          'Trong Quý IV/{y} đạt trên 40%',
          'Trước 30/{m}/{y}',
          '{m}/{y}',
          'Quý 1/{y}',
          'Hằng năm',
          'Năm {y}',
          'Trong tháng {m}/{y}',
        ),
        (m, y, pattern) => {
          expect(bareMonthBesideUnread(pattern.replace('{m}', String(m)).replace('{y}', String(y)))).toEqual(
            [],
          );
        },
      ),
    );
  });
});

describe('a recognised lead with a capitalised word that is no syllable', () => {
  const task = (lead: string) => ({
    code: '1',
    group: null,
    name: 'Phối hợp rà soát năng lực đội ngũ giáo viên',
    lead,
    coordinating: [],
    leader: null,
    output: null,
    deadlineRaw: 'Quý III/2026',
    deadline: { kind: 'by' as const, date: '2026-09-30' },
    review: { confident: true, reasons: [] as string[] },
  });
  it('flags "Vittt" and a lone capital at the end, not an agency printed right', () => {
    const rows = [
      'Ủy ban MTTQ Vittt Nam xã',
      'Ủy ban MTTQ Việt Nam xã J',
      'Ủy ban MTTQ Việt Nam xã',
      'Văn phòng HĐND và UBND xã',
    ].map(task);
    reviewRecognisedRows([], rows, null);
    expect(rows.map((row) => row.review.confident)).toEqual([false, false, true, true]);
  });
});

describe('a recognised lead whose spacing OCR broke', () => {
  const indicator = (lead: string) => ({
    code: '1',
    group: null,
    name: 'Tỷ lệ phủ sóng 5G trên địa bàn',
    unit: '%',
    lead,
    coordinating: [],
    targets: [],
    catalogCode: null,
    baselineYear: null,
    executor: null,
    leader: null,
    evidence: null,
    review: { confident: true, reasons: [] as string[] },
  });

  it('is read as other rows space the same letters, and stays flagged with what was recognised', () => {
    const rows = [
      'Phòng Văn hóa -Xãhội',
      'Phòng Văn hóa - Xã hội',
      'Phòng Văn hóa - Xã hội',
      'Trung tâm HCC',
    ].map(indicator);
    reviewRecognisedRows(rows, [], null);
    expect(rows.map((row) => row.lead)).toEqual([
      'Phòng Văn hóa - Xã hội',
      'Phòng Văn hóa - Xã hội',
      'Phòng Văn hóa - Xã hội',
      'Trung tâm HCC',
    ]);
    expect(rows.map((row) => row.review.confident)).toEqual([false, true, true, true]);
    expect(rows[0]?.review.reasons.join(' ')).toContain('"Phòng Văn hóa -Xãhội"');
  });

  it('changes no letter and no mark, and leaves a lead that reads cleanly or that no other row spells', () => {
    const leads = ['Phòng Văn hóa - Xã hội', 'Phòng Văn hoá - Xã hội', 'Văn phòng HĐND&UBND'];
    expect(respacedLead('Phòng Văn hóa -Xãhội', leads)).toBe('Phòng Văn hóa - Xã hội');
    expect(respacedLead('Văn phòng HĐND&UBN D', leads)).toBe('Văn phòng HĐND&UBND');
    // Another mark, another letter, or nothing broken: not this rule's business.
    expect(respacedLead('Phòng Văn hòa -Xãhội', leads)).toBeNull();
    expect(respacedLead('Phòng Văn hóa -Xãhộii', leads)).toBeNull();
    expect(respacedLead('Phòng Văn hoá - Xã hội', leads)).toBeNull();
    expect(respacedLead('Trung tâm HCC', [...leads, 'Trung tâmHCC'])).toBeNull();
    fc.assert(
      fc.property(fc.constantFrom(...leads), fc.nat(), (lead, at) => {
        // Any lead with its spaces moved: whatever comes back has exactly the letters of the lead.
        const letters = lead.replace(/\s+/g, '');
        const cut = at % letters.length;
        const broken = `${letters.slice(0, cut)} ${letters.slice(cut)}`;
        const back = respacedLead(broken, leads);
        return back === null || back.replace(/\s+/g, '').toLowerCase() === letters.toLowerCase();
      }),
    );
  });
});

describe('a lone dash OCR put inside a recognised name', () => {
  it('is suspect between two words printed side by side, not where a dash joins other words', () => {
    const vocabulary = documentVocabulary([
      'Cán bộ, công chức bồi dưỡng kỹ - năng số căn bản',
      'Cán bộ, công chức làm chủ kỹ năng số',
      'Tổ chức các lớp bồi dưỡng kỹ năng số cho người dân',
      'Phát triển kinh tế - xã hội bền vững',
    ]);
    expect(recognisedSuspects('Cán bộ, công chức bồi dưỡng kỹ - năng số căn bản', vocabulary)).toEqual([
      { word: '-', likely: null },
    ]);
    expect(recognisedSuspects('Cán bộ bồi dưỡng kỹ - năng số', null)).toEqual([{ word: '-', likely: null }]);
    expect(recognisedSuspects('Phòng Văn hóa - Xã hội', vocabulary)).toEqual([]);
    expect(recognisedSuspects('Giai đoạn 2026 - 2030', vocabulary)).toEqual([]);
  });
});

describe('a capital letter alone with a mark on it', () => {
  it('is suspect in a recognised name (OCR read a speck), an abbreviation or a numeral is not', () => {
    expect(recognisedSuspects('Thủ tục hành chính thực hiện trực tuyến Ể', null)).toEqual([
      { word: 'Ể', likely: null },
    ]);
    expect(recognisedSuspects('Tỷ lệ doanh nghiệp ứng dụng công nghệ số Ố', null)).toEqual([
      { word: 'Ố', likely: null },
    ]);
    expect(recognisedSuspects('Trường THCS nhóm A, khu vực II, tổ Đ', null)).toEqual([]);
  });
});

describe('a sign no plan prints in a name', () => {
  it('is suspect ("¡", "©", "¬"), the usual punctuation, brackets, quotes and comparators are not', () => {
    expect(recognisedSuspects('Hồ sơ được số hóa ¡', null)).toEqual([{ word: '¡', likely: null }]);
    expect(recognisedSuspects('Dịch vụ công ©) trực tuyến', null)).toEqual([{ word: '©)', likely: null }]);
    expect(
      recognisedSuspects(
        'Giao dịch thuộc diện “phi tiếp xúc” (đủ điều kiện), ≥ 80% & 5G; 02/2025/TT-BGDĐT',
        null,
      ),
    ).toEqual([]);
  });
});

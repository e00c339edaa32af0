import type { TImportedIndicator, TImportedTask } from '@core/schemas/import.schemas';
import { describe, expect, it } from 'vitest';
import { importedIndicator, importedTask } from '../../test/imported-rows';
import { commonerSpelling, leadCutOrRunOn, reviewTextIndicators, reviewTextTasks } from './text-review';
import { documentVocabulary, respell, suspectWords } from './word-context';

/** A small plan body that repeats its vocabulary, as plans do. */
const BODY = [
  'Đẩy mạnh chuyển đổi số trong cơ quan nhà nước; chuyển đổi số toàn diện ở cơ sở giáo dục.',
  'Tỷ lệ hồ sơ được số hóa; tỷ lệ dịch vụ công trực tuyến; chuyển đổi số doanh nghiệp.',
  'Kết quả chuyển đổi số được đánh giá hằng năm; dữ liệu được số hóa đầy đủ.',
  'Cơ sở giáo dục phổ thông triển khai học bạ số; cơ sở giáo dục mầm non đánh giá chuyển đổi số.',
];

/** The vocabulary of the body with the checked texts in it, as the importer counts a document. */
const withTexts = (...texts: string[]) => documentVocabulary([...BODY, ...texts]);

describe('suspectWords', () => {
  const check = (text: string) => suspectWords(text, withTexts(text));

  it('finds a word whose other spelling stands beside the same neighbours elsewhere, and gives it', () => {
    expect(check('Tỷ lệ cơ sở giáo dục chuyển đổi so')).toEqual([{ word: 'so', likely: 'số' }]);
    expect(check('Hồ sơ được sô hóa')).toEqual([{ word: 'sô', likely: 'số' }]);
  });

  it('leaves a correct word alone, even one that has other spellings in the document ("sở", "số")', () => {
    // "hồ sơ được" printed once, "số được" elsewhere: one neighbour is no evidence.
    expect(suspectWords('Tỷ lệ hồ sơ được số hóa', documentVocabulary(BODY))).toEqual([]);
    expect(check('Cơ sở giáo dục phổ thông chuyển đổi số')).toEqual([]);
    expect(check('Tỷ lệ dịch vụ công trực tuyến')).toEqual([]);
  });

  it('offers but never puts back another tone for a word printed with a valid tone ("đối" for "đổi")', () => {
    expect(check('Cơ sở giáo dục chuyển đối số')).toEqual([{ word: 'đối', likely: null, maybe: 'đổi' }]);
    expect(respell('chuyển đối số', [{ word: 'đối', likely: null, maybe: 'đổi' }])).toBe('chuyển đối số');
  });

  it('leaves the old tone placement alone: "hoá" beside a document that prints "hóa" is the same word', () => {
    expect(check('Hồ sơ được số hoá')).toEqual([]);
    expect(check('Hồ sơ được sô hoá')).toEqual([{ word: 'sô', likely: 'số' }]);
    const thuy = documentVocabulary([
      'Công trình thủy lợi; công trình thủy lợi; công trình thủy lợi',
      'công trình thuỷ lợi',
    ]);
    expect(suspectWords('công trình thuỷ lợi', thuy)).toEqual([]);
    // A different tone is still a different word.
    expect(suspectWords('công trình thuy lợi', thuy)).toEqual([{ word: 'thuy', likely: 'thủy' }]);
  });

  it('finds a word that is no syllable, or holds a digit among letters, without a spelling to offer', () => {
    expect(check('Tỷ 1ệ người dân').map((s) => s.word)).toEqual(['1ệ']);
    expect(check('kết quả chuyen giao').map((s) => s.word)).toEqual(['chuyen']);
    expect(check('tien hành')).toEqual([{ word: 'tien', likely: null }]);
    // Abbreviations and foreign words in capitals are no evidence.
    expect(check('Triển khai VNeID và STEM')).toEqual([]);
  });

  it('finds a lone letter between two words the document prints side by side, not a word printed so elsewhere', () => {
    const noisy = 'Tỷ lệ dân số tiếp cận dịch ì vụ công trực tuyến';
    expect(suspectWords(noisy, withTexts(noisy, 'Cung cấp dịch vụ số'))).toEqual([
      { word: 'ì', likely: null },
    ]);
    // Printed side by side once elsewhere only ("dịch vụ" in the body): too little to call the letter noise.
    expect(check(noisy)).toEqual([]);
    // "ở" stands beside "nhà" elsewhere too; "nhà xã" is never printed.
    const vocabulary = withTexts('Hỗ trợ nhà ở xã hội', 'Phát triển nhà ở cho công nhân');
    expect(suspectWords('Hỗ trợ nhà ở xã hội', vocabulary)).toEqual([]);
    // A letter between words never printed side by side is left to the other checks.
    expect(check('Trạm y tế xã')).toEqual([]);
  });

  it('offers the marked spelling of a bare word the document prints with marks beside the same neighbours', () => {
    // "tài khoản" elsewhere, its neighbour damaged too ("tài khoàn"): the context still shows.
    const vocabulary = documentVocabulary([
      ...BODY,
      'Người dân có tai khoản định danh',
      'Cấp tài khoàn cho người dân; tại trụ sở; tại xã',
    ]);
    expect(suspectWords('Người dân có tai khoản định danh', vocabulary)).toEqual([
      { word: 'tai', likely: null, maybe: 'tài' },
    ]);
    expect(respell('có tai khoản', [{ word: 'tai', likely: null, maybe: 'tài' }])).toBe('có tai khoản');
  });

  it('leaves a bare word alone when no marked spelling stands beside its neighbours ("chuyển đổi sang")', () => {
    const vocabulary = documentVocabulary([
      ...BODY,
      'sáng tạo; đổi mới sáng tạo; sáng kiến',
      'chuyển đổi sang nền tảng số',
    ]);
    expect(suspectWords('chuyển đổi sang nền tảng số', vocabulary)).toEqual([]);
    // A bare word the document prints as often as its marked forms is no evidence either.
    const often = documentVocabulary([...BODY, 'ban hành; ban hành; ban chỉ đạo', 'văn bản ban hành']);
    expect(suspectWords('văn bản ban hành', often)).toEqual([]);
  });

  it('puts back the likely spelling, keeping the case of the first letter', () => {
    const text = 'So hóa hồ sơ, chuyển đổi so';
    expect(respell(text, check(text))).toBe('Số hóa hồ sơ, chuyển đổi số');
  });

  it('property: a document whose phrases repeat finds every single-word damage and repairs it', () => {
    // Generator: each phrase printed several times; one copy of one word loses its marks.
    const phrases = [
      'chuyển đổi số toàn diện',
      'dịch vụ công trực tuyến',
      'cơ sở giáo dục phổ thông',
      'thủ tục hành chính được số hóa',
      'người dân có tài khoản định danh',
    ];
    const strip = (word: string) =>
      word
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .normalize('NFC');
    let checked = 0;
    for (const phrase of phrases) {
      const words = phrase.split(' ');
      words.forEach((word, index) => {
        if (strip(word) === word) return;
        const damaged = words.map((w, k) => (k === index ? strip(w) : w)).join(' ');
        const doc = [...phrases, ...phrases, ...phrases, damaged];
        const suspects = suspectWords(damaged, documentVocabulary(doc));
        expect(
          suspects.map((s) => s.word),
          damaged,
        ).toContain(strip(word));
        expect(respell(damaged, suspects), damaged).toBe(phrase);
        // The undamaged phrase raises nothing.
        expect(suspectWords(phrase, documentVocabulary(doc)), phrase).toEqual([]);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(15);
  });
});

const LEAD = 'Văn phòng HĐND và UBND';
const indicator = (over: Partial<TImportedIndicator>) =>
  importedIndicator({ targets: [], lead: LEAD, ...over });
const task = (over: Partial<TImportedTask>) =>
  importedTask({ name: 'Đẩy mạnh chuyển đổi số trong cơ quan nhà nước', lead: LEAD, ...over });

describe('text review of rows known only from text', () => {
  const vocabulary = withTexts('Tỷ lệ hồ sơ được so hóa', 'Tỷ lệ hồ sơ được số hóa %');

  it('keeps a clean row certain', () => {
    const rows = [indicator({})];
    reviewTextIndicators(rows, vocabulary);
    expect(rows[0]?.review).toEqual({ confident: true, reasons: [] });
    const tasks = [task({})];
    reviewTextTasks(tasks, vocabulary);
    expect(tasks[0]?.review).toEqual({ confident: true, reasons: [] });
  });

  it('respells a damaged name and flags the row, saying which word changed', () => {
    const rows = [indicator({ name: 'Tỷ lệ hồ sơ được so hóa' })];
    reviewTextIndicators(rows, vocabulary);
    expect(rows[0]?.name).toBe('Tỷ lệ hồ sơ được số hóa');
    expect(rows[0]?.review?.confident).toBe(false);
    expect(rows[0]?.review?.reasons.join(' ')).toContain('"so" (đã sửa thành "số")');
  });

  it('flags an indicator with no lead, a lead that runs on, or a unit left in its name', () => {
    const rows = [
      indicator({ lead: null }),
      indicator({ lead: 'Văn phòng Đảng ủy. Đơn vị phối hợp: Trung tâm HCC' }),
      indicator({ name: 'Tỷ lệ hồ sơ được số hóa %' }),
    ];
    reviewTextIndicators(rows, vocabulary);
    expect(rows.map((row) => row.review?.confident)).toEqual([false, false, false]);
  });

  it('flags a task with no deadline or no lead read', () => {
    const tasks = [task({ deadline: null, deadlineRaw: null }), task({ lead: null })];
    reviewTextTasks(tasks, vocabulary);
    expect(tasks.map((row) => row.review?.confident)).toEqual([false, false]);
    expect(tasks[0]?.review?.reasons).toContain('Không đọc được thời hạn');
    expect(tasks[1]?.review?.reasons).toContain('Không đọc được đơn vị chủ trì');
  });
});

describe('damaged words in a lead', () => {
  it('flags a lead holding a word that is no syllable, and respells one the context shows', () => {
    const vocabulary = documentVocabulary([
      ...BODY,
      'Trung tâm phục vụ hành chính công; dịch vụ hành chính công; thủ tục hành chính công',
      'Trung tâm phục vụ hành chính eông',
      'Phòng Kinh tế, Hạ tầng và Đô thị; hạ tầng số; hạ tầng mạng',
      'Phòng Kinh tế, Hạ tang và Đô thị',
    ]);
    const rows = [
      indicator({ lead: 'Trung tâm phục vụ hành chính eông' }),
      indicator({ lead: 'Phòng Kinh tế, Hạ tang và Đô thị' }),
      indicator({ lead: 'Phòng Kinh tế, Hạ tầng và Đô thị' }),
    ];
    reviewTextIndicators(rows, vocabulary);
    expect(rows.map((row) => row.review?.confident)).toEqual([false, false, true]);
    expect(rows[0]?.lead).toBe('Trung tâm phục vụ hành chính eông');
    expect(rows[0]?.review?.reasons.join(' ')).toContain('"eông"');
    expect(rows[1]?.lead).toBe('Phòng Kinh tế, Hạ tầng và Đô thị');
    expect(rows[1]?.review?.reasons.join(' ')).toContain('"tang" (đã sửa thành "tầng")');
  });
});

describe('leads cut short or run on', () => {
  const leads = [
    'Phòng Văn hóa - Xã hội',
    'Phòng Văn hóa - Xã hội',
    'Công an phường',
    'Công an phường',
    'Công an phường Tổ công nghệ số cộng đồng',
    'Phòng Văn',
  ];

  it('flags a lead that is the start of a commoner lead, or a commoner lead with more words after it', () => {
    expect(leadCutOrRunOn('Phòng Văn', leads)).toBe(true);
    expect(leadCutOrRunOn('Công an phường Tổ công nghệ số cộng đồng', leads)).toBe(true);
  });

  it('keeps the common spelling and a lead no other lead shares words with', () => {
    expect(leadCutOrRunOn('Phòng Văn hóa - Xã hội', leads)).toBe(false);
    expect(leadCutOrRunOn('Công an phường', leads)).toBe(false);
    expect(leadCutOrRunOn('Trung tâm HCC', leads)).toBe(false);
  });

  it('gives the commoner spelling of a lead whose marks differ, and flags the row that prints the rarer one', () => {
    const printed = [
      'Phòng Văn hóa - Xã hội',
      'Phòng Văn hóa - Xã hội',
      'Phòng Văn hoa - Xã hội',
      'Công an phường',
    ];
    expect(commonerSpelling('Phòng Văn hoa - Xã hội', printed)).toBe('Phòng Văn hóa - Xã hội');
    expect(commonerSpelling('Phòng Văn hóa - Xã hội', printed)).toBeNull();
    expect(commonerSpelling('Công an phường', printed)).toBeNull();
    const rows = [
      indicator({ lead: 'Phòng Văn hóa - Xã hội' }),
      indicator({ lead: 'Phòng Văn hóa - Xã hội' }),
      indicator({ lead: 'Phòng Văn hoa - Xã hội' }),
    ];
    reviewTextIndicators(rows, documentVocabulary(BODY));
    expect(rows.map((row) => row.review?.confident)).toEqual([true, true, false]);
    expect(rows[2]?.review?.reasons.join(' ')).toContain('các dòng khác in "Phòng Văn hóa - Xã hội"');
  });

  it('flags an indicator whose year cells mix figures and words, and whose lead is cut', () => {
    const rows = [
      indicator({
        targets: [
          { year: 2025, raw: '60%', op: '>=', value: 60 },
          { year: 2030, raw: 'Phòng Văn hóa - Xã hội', op: 'qualitative', value: null },
        ],
      }),
      indicator({ lead: 'Văn phòng' }),
      indicator({}),
      indicator({}),
    ];
    reviewTextIndicators(rows, withTexts());
    expect(rows.map((row) => row.review?.confident)).toEqual([false, false, true, true]);
  });
});

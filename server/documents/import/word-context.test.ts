import type { TImportedIndicator, TImportedTask } from '@core/schemas/import.schemas';
import { describe, expect, it } from 'vitest';
import { reviewTextIndicators, reviewTextTasks } from './text-review';
import { documentVocabulary, respell, suspectWords } from './word-context';

/** A small plan body that repeats its vocabulary, as plans do. */
const BODY = [
  'Đẩy mạnh chuyển đổi số trong cơ quan nhà nước; chuyển đổi số toàn diện ở cơ sở giáo dục.',
  'Tỷ lệ hồ sơ được số hóa; tỷ lệ dịch vụ công trực tuyến; chuyển đổi số doanh nghiệp.',
  'Kết quả chuyển đổi số được đánh giá hằng năm; dữ liệu được số hóa đầy đủ.',
  'Cơ sở giáo dục phổ thông triển khai học bạ số; cơ sở giáo dục mầm non đánh giá chuyển đổi số.',
];

describe('suspectWords', () => {
  const vocabulary = documentVocabulary(BODY);

  it('finds a word whose other spelling stands beside the same neighbours elsewhere, and gives it', () => {
    expect(suspectWords('Tỷ lệ cơ sở giáo dục chuyển đổi so', vocabulary)).toEqual([
      { word: 'so', likely: 'số' },
    ]);
    expect(suspectWords('Hồ sơ được sô hóa', vocabulary)).toEqual([{ word: 'sô', likely: 'số' }]);
  });

  it('leaves a correct word alone, even one that has other spellings in the document ("sở", "số")', () => {
    expect(suspectWords('Cơ sở giáo dục phổ thông chuyển đổi số', vocabulary)).toEqual([]);
    expect(suspectWords('Tỷ lệ dịch vụ công trực tuyến', vocabulary)).toEqual([]);
  });

  it('finds a word that is no syllable, or holds a digit among letters, without a spelling to offer', () => {
    expect(suspectWords('Tỷ 1ệ người dân', vocabulary).map((s) => s.word)).toEqual(['1ệ']);
    expect(suspectWords('kết quả chuyen giao', vocabulary)).toEqual([{ word: 'chuyen', likely: null }]);
    // Abbreviations and foreign words in capitals are no evidence.
    expect(suspectWords('Triển khai VNeID và STEM', vocabulary)).toEqual([]);
  });

  it('puts back the likely spelling, keeping the case of the first letter', () => {
    const text = 'So hóa hồ sơ, chuyển đổi so';
    expect(respell(text, suspectWords(text, vocabulary))).toBe('Số hóa hồ sơ, chuyển đổi số');
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

const indicator = (over: Partial<TImportedIndicator>): TImportedIndicator => ({
  code: '1',
  group: null,
  name: 'Tỷ lệ hồ sơ được số hóa',
  unit: '%',
  targets: [],
  baselineYear: null,
  lead: 'Văn phòng HĐND và UBND',
  executor: null,
  coordinating: [],
  leader: null,
  evidence: null,
  catalogCode: null,
  review: { confident: true, reasons: [] },
  ...over,
});

const task = (over: Partial<TImportedTask>): TImportedTask => ({
  code: '1',
  group: null,
  name: 'Đẩy mạnh chuyển đổi số trong cơ quan nhà nước',
  lead: 'Văn phòng HĐND và UBND',
  coordinating: [],
  leader: null,
  output: null,
  deadlineRaw: 'Quý IV/2025',
  deadline: { kind: 'by', date: '2025-12-31' },
  review: { confident: true, reasons: [] },
  ...over,
});

describe('text review of rows known only from text', () => {
  const vocabulary = documentVocabulary(BODY);

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

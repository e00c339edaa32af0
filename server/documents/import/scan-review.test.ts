import { parseDeadline } from '@core/domain/deadlines';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareMonthBesideUnread, recognisedSuspects, reviewRecognisedRows } from './scan-review';
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

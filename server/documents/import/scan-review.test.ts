import { describe, expect, it } from 'vitest';
import { recognisedSuspects } from './scan-review';
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

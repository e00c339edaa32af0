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

  it('leaves valid words alone: one-letter words ("y tế"), capitals and abbreviations', () => {
    expect(recognisedSuspects('Dịch vụ y tế, giáo dục cho người dân', vocabulary)).toEqual([]);
    expect(recognisedSuspects('Trung tâm HCC, UBND xã', null)).toEqual([]);
  });
});

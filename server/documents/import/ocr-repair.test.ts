/**
 * Diacritic repair never changes a word that is already valid: a correctly accented Vietnamese text
 * (generated from the vocabulary's own phrases, typed sentences of plans, and words valid without
 * marks) comes back unchanged, while an OCR copy that lost its marks is repaired.
 */

import { STANDARD_CATALOG as catalog } from '@core/catalog/standard-catalog';
import { foldText } from '@core/domain/text';
import { describe, expect, it } from 'vitest';
import { hasDiacritics, repairText } from './ocr-repair';

const random = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Correctly accented sentences of the kind plans print (not from any seed document). */
const SENTENCES = [
  'Đây là nhiệm vụ quan trọng trong năm',
  'Cơ quan chủ trì phối hợp với các đơn vị trong xã',
  'Tổ chức hội nghị quán triệt trong toàn Đảng bộ',
  'Phòng Văn hóa - Xã hội theo dõi, tổng hợp báo cáo',
  'Trọng tâm là chuyển đổi số trong các cơ quan nhà nước',
  'Quản lý, vận hành hệ thống camera an ninh',
  'Tuyên truyền trên mạng xã hội Zalo, Facebook',
  'Người dân được hướng dẫn cài đặt ứng dụng',
  'Bảo đảm an toàn thông tin mạng',
  'Hoàn thành trong quý IV năm 2025',
  'Đẩy mạnh thanh toán không dùng tiền mặt tại chợ',
  'Đây là năm bản lề',
];

const vocabularyWords = [...catalog.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]), ...SENTENCES]
  .flatMap((phrase) => phrase.split(/\s+/))
  .filter(Boolean);

describe('repairText leaves valid words alone', () => {
  it.each(SENTENCES)('%s', (sentence) => {
    expect(repairText(sentence).text).toBe(sentence);
  });

  it.each(Array.from({ length: 200 }, (_, i) => i + 1))(
    'a random accented text passes unchanged (seed %i)',
    (seed) => {
      const next = random(seed);
      const length = 1 + Math.floor(next() * 12);
      const words = Array.from(
        { length },
        () => vocabularyWords[Math.floor(next() * vocabularyWords.length)] as string,
      );
      const text = words.join(' ');
      expect(repairText(text).text).toBe(text);
    },
  );

  it.each(['trong', 'quan', 'quan trọng', 'trọng', 'cơ quan chủ trì', 'Internet', 'chợ'])(
    'a short valid text passes unchanged: %s',
    (text) => {
      expect(repairText(text).text).toBe(text);
    },
  );
});

describe('repairText repairs what lost its marks', () => {
  it.each([
    ['Ty 1€ phu song 5G trén dia ban', 'Tỷ lệ phủ sóng 5G trên địa bàn'],
    ['Phong Van hoa - Xa hoi', 'Phòng Văn hóa - Xã hội'],
    ['ho so thu tuc hanh chinh', 'hồ sơ thủ tục hành chính'],
    ['trong nam 2025', 'trong năm 2025'],
  ])('%s → %s', (text, expected) => {
    expect(repairText(text).text).toBe(expected);
  });

  it('only ever changes words without marks or with digits, never a word with marks the vocabulary knows', () => {
    const text = 'Tỷ lệ ho so xu ly truc tuyen trên dia ban xã';
    const out = repairText(text).text.split(' ');
    const before = text.split(' ');
    expect(out).toHaveLength(before.length);
    before.forEach((word, k) => {
      if (hasDiacritics(word)) expect(out[k]).toBe(word);
      expect(foldText(out[k] ?? '')).toBe(foldText(word));
    });
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVietnameseSyllable, looksLikeOcr, ocrEvidence } from './ocr-evidence';

describe('isVietnameseSyllable', () => {
  it.each(['nghiệp', 'Quý', 'hóa', 'gì', 'chuyển', 'đổi', 'số', 'khuya', 'xoong', 'trưởng', 'Ủy'])(
    '%s is a syllable',
    (word) => {
      expect(isVietnameseSyllable(word)).toBe(true);
    },
  );
  it.each(['viet', 'tien', 'nguon', 'hoach', 'tiéu', 'chirc', 'ngudn', 'hoc', 'phat', 'Internet'])(
    '%s is not',
    (word) => {
      expect(isVietnameseSyllable(word)).toBe(false);
    },
  );
});

describe('looksLikeOcr', () => {
  const correct =
    'Phát triển hạ tầng số đồng bộ, hiện đại; nâng cao năng lực của cán bộ, công chức trong chuyển đổi số. ' +
    'Ủy ban nhân dân xã giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với các cơ quan, đơn vị tổ chức thực hiện.';
  const stripped = correct
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const ocr =
    'Phat trién ha ting s6 dong bg, hién dai; nang cao ning luc cua can b9, cong chirc trong chuyén ddi sb. ' +
    'Uy ban nhan dan x4 giao Phong Van hoa - Xa hoi chu tri, phéi hop véi cac co quan, don vi t6 chirc thuc hién.';

  it('keeps a correctly accented text apart from the same text without diacritics or with OCR damage', () => {
    expect(looksLikeOcr(correct)).toBe(false);
    expect(looksLikeOcr(stripped)).toBe(true);
    expect(looksLikeOcr(ocr)).toBe(true);
    expect(ocrEvidence(correct).score).toBeLessThan(0.05);
  });

  it('judges a text by its words, not by how many diacritics survive', () => {
    // OCR that kept many accents but broke the syllables is still OCR.
    const accented =
      'Chỉ tiéu phát triến nguồn lưc chuyén đối sô ngưòi dân cô tài khoán địnlı danh điện tử trên đia bàn xã hôi';
    expect(looksLikeOcr(accented)).toBe(true);
  });

  it('tells the seed OCR copy from the seed documents', () => {
    const seed = (stem: string) =>
      readFileSync(resolve(import.meta.dirname, `../../test/fixtures/seeds/${stem}.txt`), 'utf8');
    expect(looksLikeOcr(seed('000_bd3d5bbc84b55fc1'))).toBe(true);
    expect(looksLikeOcr(seed('002_fd7da9144eb7c425'))).toBe(false);
    expect(looksLikeOcr(seed('004_f65c0da7dbd96e8d'))).toBe(false);
  });

  it('needs enough words to judge', () => {
    expect(looksLikeOcr('Ke hoach')).toBe(false);
  });
});

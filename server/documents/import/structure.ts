/**
 * The skeleton of a Vietnamese plan document: title, roman-numbered sections ("II. MỤC TIÊU",
 * "III. NHIỆM VỤ VÀ GIẢI PHÁP"), the end of the body ("Nơi nhận", signer block) and the appendices
 * ("PHỤ LỤC I"). Headings are recognised by their shape and folded keywords, so OCR copies without
 * diacritics ("Il. MUC TIEU", "I11. NHIEM VU VA GIAI PHAP") are found too.
 */
import { foldText } from '@core/domain/text';

/** What a top-level section is about, from its heading words. */
export type SectionKind = 'purpose' | 'objectives' | 'tasks' | 'funding' | 'organisation' | 'other';

export type Section = {
  kind: SectionKind;
  /** Index of the heading line. */
  start: number;
  /** Index after the last line of the section. */
  end: number;
  heading: string;
};

export type DocumentStructure = {
  /** Index of the "KẾ HOẠCH" line, or -1. */
  titleIndex: number;
  sections: Section[];
  /** Index of the first line after the body (Nơi nhận / signer block / appendix). */
  bodyEnd: number;
  /** Index of the first appendix heading, or lines.length. */
  appendixStart: number;
  /** Start indices of every appendix. */
  appendices: number[];
};

/**
 * Folds text like `foldText`, then undoes the commonest OCR confusions of Vietnamese print:
 * a word-initial "P" before a vowel is an "Đ" ("Pong" → "dong"), and digits inside words are letters
 * ("s6" → "so", "1y" → "ly", "X4" → "xa").
 *
 * @param text - any text, possibly OCR'd
 * @returns the folded text
 */
export const foldOcr = (text: string): string =>
  foldText(
    text
      .replace(/(^|[^\p{L}])P(?=[aeiouyAEIOUYâêôơưăÂÊÔƠƯĂáàảãạéèẻẽẹóòỏõọíìỉĩịúùủũụ])/gu, '$1Đ')
      .replace(/[¢€]/g, 'e')
      .replace(/\$/g, 's'),
  )
    .split(' ')
    .map((word) =>
      /[a-z]/.test(word) && /\d/.test(word) && !KEEP_DIGIT_WORD.test(word)
        ? word.replace(/6/g, 'o').replace(/0/g, 'o').replace(/1/g, 'l').replace(/4/g, 'a').replace(/3/g, 'a')
        : word,
    )
    .join(' ');

/** Words whose digits are real: "5g", "1gbps", "23hang" (a date glued to a word), "qh15", "1v" (Quý IV). */
const KEEP_DIGIT_WORD = /^\d{2,}|^\d+(g|gb|gbps|mb|kw|km|ha|[ivx]{1,3})$|^[a-z]{1,5}\d{2,}$/;

/** A roman numeral, also as OCR prints it ("|", "l", "1" for "I"). */
const ROMAN = '[IVXLl1|]{1,5}';
const TOP_HEADING = new RegExp(String.raw`^(${ROMAN})[.\s]\s*(.+)$`);

/**
 * Reads an OCR'd roman numeral: "Il" → "II", "I11" → "III", "1V" → "IV".
 *
 * @param text - the printed numeral
 * @returns the roman numeral, or null when it is not one
 */
export const readRoman = (text: string): string | null => {
  const roman = text.replace(/[l1|]/g, 'I').toUpperCase();
  return /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(roman) && roman ? roman : null;
};

/** Converts a roman numeral to its number (I → 1, IV → 4). */
export const romanValue = (roman: string): number => {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = values[roman[i] ?? ''] ?? 0;
    const next = values[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
};

const upperRatio = (text: string): number => {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (!letters) return 0;
  return letters.replace(/[^\p{Lu}]/gu, '').length / letters.length;
};

const kindOf = (folded: string): SectionKind => {
  if (/\bnhiem vu\b|\bgiai phap\b/.test(folded)) return 'tasks';
  if (/\bmuc tieu\b|\bchi tieu\b/.test(folded)) return 'objectives';
  if (/\bmuc dich\b|\byeu cau\b/.test(folded)) return 'purpose';
  if (/\bkinh phi\b|\bnguon luc\b/.test(folded)) return 'funding';
  if (/\bto chuc thuc hien\b|\btrach nhiem\b/.test(folded)) return 'organisation';
  return 'other';
};

/** Tells whether a line is an appendix heading ("PHỤ LỤC I", "PHU LUC 1"). */
export const isAppendixHeading = (line: string): boolean =>
  /^(phu luc|phy luc)\b/.test(foldOcr(line)) && upperRatio(line.slice(0, 12)) > 0.6;

/**
 * Finds the title line, the top-level sections, the end of the body and the appendices.
 *
 * @param lines - cleaned lines of the document
 * @returns the structure (indices into `lines`)
 */
export const findStructure = (lines: readonly string[]): DocumentStructure => {
  const appendices: number[] = [];
  lines.forEach((line, index) => {
    if (isAppendixHeading(line)) appendices.push(index);
  });
  const appendixStart = appendices[0] ?? lines.length;

  let titleIndex = -1;
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const folded = foldOcr(lines[i] ?? '');
    if (/^(ke hoach|chuong trinh hanh dong|chuong trinh)$/.test(folded) && upperRatio(lines[i] ?? '') > 0.6) {
      titleIndex = i;
      break;
    }
  }

  let bodyEnd = appendixStart;
  for (let i = Math.max(titleIndex, 0); i < appendixStart; i++) {
    const folded = foldOcr(lines[i] ?? '');
    if (
      /^(noi nhan|noi nhin)\b/.test(folded) ||
      /^(tm|kt|t m)\s+(uy ban|ubnd|dang uy|ban thuong vu|chu tich|bi thu)/.test(folded)
    ) {
      bodyEnd = i;
      break;
    }
  }

  const sections: Section[] = [];
  for (let i = Math.max(titleIndex, 0); i < bodyEnd; i++) {
    const line = (lines[i] ?? '').replace(/\t/g, ' ');
    const match = TOP_HEADING.exec(line);
    if (!match?.[1] || !match[2] || !readRoman(match[1])) continue;
    if (upperRatio(match[2]) < 0.7 || match[2].length > 120) continue;
    if (sections.length) (sections.at(-1) as Section).end = i;
    sections.push({ kind: kindOf(foldOcr(match[2])), start: i, end: bodyEnd, heading: match[2].trim() });
  }
  return { titleIndex, sections, bodyEnd, appendixStart, appendices };
};

/**
 * Measures how much of the text lost its diacritics (an OCR copy or a text typed without accents).
 *
 * @param lines - cleaned lines
 * @returns the share of words, 0…1, that carry a Vietnamese-only letter or tone mark
 */
export const accentedShare = (lines: readonly string[]): number => {
  const words = lines
    .join(' ')
    .split(/\s+/)
    .filter((word) => /\p{L}{2,}/u.test(word));
  if (!words.length) return 0;
  const accented = words.filter((word) => /[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u0323]/.test(word.normalize('NFD')));
  return accented.length / words.length;
};

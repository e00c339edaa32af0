/**
 * Row markers of a table known only from text: row numbers in any style (1, 2.1, OCR's "l0"),
 * roman section numerals and letter groups, and whether one number can follow another.
 */

const DAMAGED_DIGITS: Record<string, string> = { l: '1', I: '1', '|': '1', i: '1', O: '0', o: '0' };

/**
 * Puts back the digits of years that OCR printed with letters ("2O30", "2O2l" → "2030", "2021"): a
 * stage heading "Mục tiêu đến năm 2O30" must still open its stage. Only a word of four characters that
 * reads as a year from 2020 to 2069 once its letters are taken for digits is changed.
 */
export const readDamagedYears = (text: string): string =>
  text.replace(/(?<![\p{L}\d])2[0Oo][\dOolI|]{2}(?![\p{L}\d])/gu, (word) => {
    const digits = Array.from(word, (ch) => DAMAGED_DIGITS[ch] ?? ch).join('');
    return /^20[2-6]\d$/.test(digits) ? digits : word;
  });

/**
 * Reads a printed row number, also as OCR damages it ("l0" → "10", "1O" → "10", "I1" → "11").
 *
 * @param text - the printed number (no spaces)
 * @returns the number as digits (with dots for "2.1"), or null when it is not a row number
 */
export const readRowNumber = (text: string): string | null => {
  // A row lettered a, b, c … printed bare in the number column ("l", "i", "o" read as digits).
  if (/^[a-hj-kmnp-zđ]$/u.test(text)) return text;
  const bare = text.replace(/[.)]+$/, '');
  if (/^\d{1,3}(?:\.\d{1,3}){0,2}$/.test(bare)) return bare;
  if (bare === 'l') return '1';
  if (/^[\dlI|iOo]{1,3}$/.test(bare) && /\d/.test(bare)) {
    const digits = Array.from(bare, (ch) => DAMAGED_DIGITS[ch] ?? ch).join('');
    return /^\d+$/.test(digits) ? String(Number(digits)) : null;
  }
  return null;
};

const ROMAN = /^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})$/;

/** Reads a roman numeral, also as OCR prints it ("Il", "I11", "1V"), or null. */
export const readRomanMarker = (text: string): string | null => {
  const bare = text.replace(/[.)'’`]+$/, '');
  if (!/^[IVXLl1|]{1,5}$/.test(bare) || !/[IVX]/.test(bare)) return null;
  const roman = bare.replace(/[l1|]/g, 'I');
  return ROMAN.test(roman) ? roman : null;
};

export type Marker =
  | { kind: 'number'; number: string; rest: string }
  | { kind: 'section'; marker: string; rest: string }
  | { kind: 'group'; marker: string; rest: string };

/**
 * Reads the marker that opens a table line: a row number, a roman section, a dash or letter group.
 *
 * @param text - the line (trimmed)
 * @returns the marker and the text after it, or null
 */
export const readMarker = (text: string): Marker | null => {
  const trimmed = text.replace(/^[\s|[]+/, '');
  const first = /^(\S+?)(?:[\s|[\t]+|$)/.exec(trimmed);
  if (!first?.[1]) return null;
  const token = first[1];
  const rest = trimmed
    .slice(first[0].length)
    .replace(/^[\s|[]+/, '')
    .trim();
  const number = readRowNumber(token);
  // The row's first cell opens with a word, or with a figure that a word follows ("100% nhà văn hóa").
  if (number !== null && (!rest || /^[\p{L}"“(]|^\d{1,3}%?\s+\p{Ll}/u.test(rest)))
    return { kind: 'number', number, rest };
  const roman = readRomanMarker(token);
  if (roman && /^[\p{Lu}"“(]/u.test(rest)) return { kind: 'section', marker: roman, rest };
  if (/^[-–+•*]$/.test(token) && /^\p{Lu}/u.test(rest)) return { kind: 'group', marker: '-', rest };
  if (/^[A-ZĐ][.)]$|^[a-zđ]\)$/.test(token) && /^\p{Lu}/u.test(rest))
    return { kind: 'group', marker: token.replace(/[.)]$/, ''), rest };
  return null;
};

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
/** The value of a roman numeral as `readRomanMarker` gives it ("IV" → 4). */
export const romanValue = (roman: string): number =>
  Array.from(roman).reduce((sum, ch, index) => {
    const value = ROMAN_VALUES[ch] ?? 0;
    return sum + (value < (ROMAN_VALUES[roman[index + 1] ?? ''] ?? 0) ? -value : value);
  }, 0);

/** Tells whether `next` is a row number a little after `previous` at the same depth (a row or two lost). */
export const isNearNumber = (previous: string, next: string): boolean => {
  const a = previous.split('.').map(Number);
  const b = next.split('.').map(Number);
  if (a.length !== b.length || a.slice(0, -1).some((part, index) => part !== b[index])) return false;
  const step = (b.at(-1) ?? 0) - (a.at(-1) ?? 0);
  return step >= 1 && step <= 3;
};

/** Tells whether `next` can follow `previous` as a row number (2 after 1, 2.1 after 1.3, 1 after any). */
export const isNextNumber = (previous: string, next: string): boolean => {
  const a = previous.split('.').map(Number);
  const b = next.split('.').map(Number);
  if (
    b.every((part, index) => index === b.length - 1 || part === a[index]) &&
    b.at(-1) === (a[b.length - 1] ?? 0) + 1
  )
    return true;
  if (b.at(-1) === 1) return true;
  return b.length === 1 && b[0] === (a[0] ?? 0) + 1;
};

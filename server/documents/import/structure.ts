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
 * Undoes the commonest OCR confusion in a header label, "rn" read for "m" ("Nhiệrn vụ"): Vietnamese
 * has no syllable with "rn" (an "r" only opens one), so inside a word it can only be a damaged "m".
 * For labels only: a body cell may hold a foreign word ("Internet").
 */
export const repairOcrLabel = (text: string): string => text.replace(/(?<=\p{L})rn/gu, 'm');

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

const ROMAN_DIGITS: Array<[number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Writes a number (1–3999) in roman numerals: 4 → "IV". */
export const toRoman = (value: number): string => {
  let rest = Math.max(1, Math.min(3999, value));
  let out = '';
  for (const [n, digits] of ROMAN_DIGITS)
    while (rest >= n) {
      out += digits;
      rest -= n;
    }
  return out;
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

/** Levenshtein distance of two short strings. */
export const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};

/**
 * The fewest edits that turn `needle` into some part of `haystack` (an approximate substring search:
 * starting and ending anywhere in the haystack is free).
 *
 * @param haystack - the text searched
 * @param needle - the text looked for
 * @returns the least edit distance of the needle to any substring of the haystack
 */
export const substringDistance = (haystack: string, needle: string): number => {
  let previous = Array.from({ length: haystack.length + 1 }, () => 0);
  for (let i = 1; i <= needle.length; i++) {
    const current = [i];
    for (let j = 1; j <= haystack.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (needle[i - 1] === haystack[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return Math.min(...previous);
};

/** A line folded with every space and punctuation removed: "K Ế  H O Ạ C H" and "KẾ-HOẠCH" → "kehoach". */
const compactFold = (line: string): string => foldOcr(line).replace(/[^a-z]/g, '');

/** The document kinds a plan is titled with, folded and compacted, and how many letters OCR may get wrong. */
const TITLE_FORMS: ReadonlyArray<[string, number]> = [
  ['kehoach', 1],
  ['kehoachhanhdong', 2],
  ['kehoachtrienkhai', 2],
  ['chuongtrinhhanhdong', 2],
  ['chuongtrinh', 1],
];

/**
 * Tells whether a line is the document-kind title of a plan: "KẾ HOẠCH", "KẾ HOẠCH HÀNH ĐỘNG",
 * "CHƯƠNG TRÌNH HÀNH ĐỘNG", also letter-spaced ("K Ế  H O Ạ C H") or damaged by OCR ("KÉ HOẠCH",
 * "KE HOACII"). The line must be set in capitals and hold nothing else.
 *
 * @param line - one line of the document
 * @returns true for a title line
 */
export const isPlanTitle = (line: string): boolean => {
  const text = line.replace(/\t/g, ' ').trim();
  if (upperRatio(text) <= 0.6) return false;
  const compact = compactFold(text);
  if (compact.length < 6 || compact.length > 24) return false;
  // OCR reads a bold "H" as "II" ("HOACII").
  const readings = [compact, compact.replace(/ii/g, 'h')];
  return TITLE_FORMS.some(([form, slack]) =>
    readings.some((reading) => editDistance(reading, form) <= slack),
  );
};

/** How an appendix heading starts once folded: "phu luc", also OCR'd ("phy luc", "phu lue", "pho luc"). */
const APPENDIX_WORD = /^ph[a-z]? ?l[a-z]{2}\b/;

/**
 * Tells whether a line is an appendix heading: "PHỤ LỤC I", "PHU LUC 1", "Phụ lục số 02",
 * "Phụ lục II: Danh mục nhiệm vụ", "Phụ lục kèm theo Kế hoạch …". A sentence that starts with the
 * words ("Phụ lục này là …") is not: a mixed-case heading must name the appendix (a number, "số",
 * "kèm theo", a colon) or stand alone.
 *
 * @param line - one line of the document
 * @returns true for an appendix heading
 */
export const isAppendixHeading = (line: string): boolean => {
  const text = line.replace(/\t/g, ' ').trim();
  const folded = foldOcr(text);
  const head = /^(\S+)\s+(\S+)/.exec(folded);
  if (!head || !APPENDIX_WORD.test(`${head[1]} ${head[2]}`)) return false;
  if (editDistance(`${head[1]}${head[2]}`, 'phuluc') > 1) return false;
  // "Phụ lục số 01 kèm theo)." closes a parenthesis opened on the line above: the end of a sentence
  // ("(chi tiết tại" / "Phụ lục số 01 kèm theo).") wrapped onto a new line, not a heading.
  if ((text.match(/\)/g) ?? []).length > (text.match(/\(/g) ?? []).length) return false;
  if (upperRatio(text.slice(0, 12)) > 0.6) return true;
  if (!/^\p{Lu}/u.test(text) || text.length > 200) return false;
  const rest = folded.split(' ').slice(2).join(' ');
  return (
    rest === '' ||
    /^(so\s*)?([ivxl]{1,5}|\d{1,2}|[a-d])\b/.test(rest) ||
    /^(kem theo|ban hanh kem theo)\b/.test(rest) ||
    /^\S+\s+[^\s:]+\s*:/.test(text)
  );
};

/**
 * Tells whether a line that ends with a full stop ("PHỤ LỤC I.") finishes the sentence of the line above
 * ("… Thời gian hoàn thành: Theo lộ trình tại" / "PHỤ LỤC I."): that line stops on a lower-case word.
 */
const endsWrappedSentence = (lines: readonly string[], index: number): boolean => {
  if (!/\.\s*$/.test(lines[index] ?? '')) return false;
  let k = index - 1;
  while (k >= 0 && !(lines[k] ?? '').trim()) k--;
  return k >= 0 && /(?:^|\s)\p{Ll}+$/u.test((lines[k] ?? '').trim());
};

/**
 * Tells whether a line opens the signature block: "TM. ỦY BAN NHÂN DÂN", "T/M BAN THƯỜNG VỤ",
 * "KT. CHỦ TỊCH", "Q. CHỦ TỊCH", "TM. ĐẢNG ỦY", or a position set alone in capitals
 * ("CHỦ TỊCH", "PHÓ BÍ THƯ") where the plan has no "TM."/"KT." line.
 *
 * @param line - one line of the document
 * @returns true when the signature block starts here
 */
export const isSignatureStart = (line: string): boolean => {
  const text = line.replace(/\t/g, ' ').trim();
  const folded = foldOcr(text);
  if (
    /^(tm|t m|kt|k t|q|tl|tuq|t l)\s+(uy ban|ubnd|dang uy|dang bo|ban thuong vu|ban chap hanh|ban thuong truc|thuong truc|chu tich|pho chu tich|bi thu|pho bi thu|truong ban)\b/.test(
      folded,
    )
  )
    return true;
  return upperRatio(text) > 0.8 && /^(pho )?(chu tich|bi thu)$/.test(folded);
};

/**
 * Finds the title line, the top-level sections, the end of the body and the appendices.
 *
 * @param lines - cleaned lines of the document
 * @returns the structure (indices into `lines`)
 */
export const findStructure = (lines: readonly string[]): DocumentStructure => {
  const appendices: number[] = [];
  lines.forEach((line, index) => {
    if (isAppendixHeading(line) && !endsWrappedSentence(lines, index)) appendices.push(index);
  });
  const appendixStart = appendices[0] ?? lines.length;

  let titleIndex = -1;
  for (let i = 0; i < Math.min(appendixStart, lines.length, 60); i++) {
    if (isPlanTitle(lines[i] ?? '')) {
      titleIndex = i;
      break;
    }
  }

  let bodyEnd = appendixStart;
  for (let i = Math.max(titleIndex, 0); i < appendixStart; i++) {
    const folded = foldOcr(lines[i] ?? '');
    if (/^(noi nhan|noi nhin|noi nhan)\b/.test(folded) || isSignatureStart(lines[i] ?? '')) {
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

/**
 * Tells an OCR copy (or a text that lost its diacritics) from a correctly written Vietnamese text by
 * the evidence in its words, not by how many diacritics it has.
 *
 * Vietnamese is written in syllables with a strict shape: an onset (b, ch, gh, ngh, qu, …), a rhyme
 * from a closed list (a, oai, iêu, ương, …) and at most one tone mark, and a syllable that ends in
 * p, t, c or ch always carries the sắc or nặng tone. A correct text breaks these rules only in foreign
 * words and abbreviations; a text that lost its diacritics breaks them all the time ("viet", "tien",
 * "nguon", "hoach" cannot be written so), and OCR adds its own marks: digits and symbols inside words
 * ("s6", "l1ệ", "Ha t¢ng"), accents that do not exist in Vietnamese ("tiéu" for "tiêu", "chirc" for
 * "chức").
 */

/** Onsets, longest first so that "ngh" wins over "ng" and "n". */
const ONSETS = [
  'ngh',
  'ng',
  'nh',
  'ch',
  'gh',
  'gi',
  'kh',
  'ph',
  'qu',
  'th',
  'tr',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
];

/** Rhymes without a final consonant (toneless spelling). */
const OPEN_RHYMES =
  'a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oai oao oay oe oeo oi ôi ơi ua uây uê ui uôi uơ ưa ưi ưu ươi ươu uy uya uyu iêu yêu ue'.split(
    ' ',
  );

/** Nuclei (with their medial) that take a final consonant. */
const CLOSED_NUCLEI = 'a ă â e ê i o ô ơ u ư oa oă oe uâ uê uy iê yê uô ươ uyê oo'.split(' ');
const FINALS = ['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];

const RHYMES = new Set<string>([
  ...OPEN_RHYMES,
  ...CLOSED_NUCLEI.flatMap((nucleus) => FINALS.map((final) => nucleus + final)),
]);

/** Combining tone marks: huyền, sắc, ngã, hỏi, nặng. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Combining marks that shape a vowel: circumflex, breve, horn. */
const VOWEL_MARKS = /[\u0302\u0306\u031b]/;
/** Letters of the Vietnamese alphabet (after the tone is removed). */
const VIETNAMESE_LETTERS = /^[a-zăâđêôơư]+$/;

/**
 * Tells whether a word (letters only) is a valid Vietnamese syllable.
 *
 * @param word - one word, any case, any normalisation
 * @returns true for "nghiệp", "Quý", "hóa", "gì"; false for "viet", "tiéu", "chirc", "ngudn"
 */
export const isVietnameseSyllable = (word: string): boolean => {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES) ?? [];
  if (tones.length > 1) return false;
  const base = decomposed.replace(TONES, '').normalize('NFC');
  if (!VIETNAMESE_LETTERS.test(base)) return false;
  const onset = ONSETS.find((candidate) => base.startsWith(candidate)) ?? '';
  let rhyme = base.slice(onset.length);
  if (onset === 'gi' && (!rhyme || !/^[aăâeêoôơuưy]/.test(rhyme))) rhyme = `i${rhyme}`;
  if (onset === 'qu' && !rhyme) return false;
  if (!RHYMES.has(rhyme)) return false;
  if (/(p|t|c|ch)$/.test(rhyme)) {
    const tone = tones[0];
    if (tone !== '\u0301' && tone !== '\u0323') return false;
  }
  return true;
};

/** Characters OCR leaves in words that a typed Vietnamese text does not hold. */
const OCR_MARKS = /[¢€§¥©®°£|¦‘’“”„~^`´¨¬]/;

export type OcrEvidence = {
  /** Words looked at (lower- or mixed-case words of letters, digits and OCR marks). */
  words: number;
  /** Words that cannot be Vietnamese as written: a broken syllable, an OCR mark, a digit inside letters. */
  broken: number;
  /** broken / words (0 when there are no words). */
  score: number;
};

/**
 * Measures how much of a text cannot be correct Vietnamese as written. Words in capitals
 * (abbreviations: UBND, HĐND, KHCN), symbols with digits (57-NQ/TW, 4.0, 5G) and one-letter words
 * are left out; every other word counts, foreign words too (they are few in a plan).
 *
 * @param text - any text
 * @returns the counts and the share of broken words
 */
export const ocrEvidence = (text: string): OcrEvidence => {
  let words = 0;
  let broken = 0;
  for (const raw of text.normalize('NFC').split(/[\s,.;:!?()[\]{}"«»/\\]+/)) {
    const token = raw.replace(/^[-–'"*]+|[-–'"*]+$/g, '');
    if (!/\p{Ll}/u.test(token)) continue; // capitals, figures, symbols
    if (/^\d/.test(token) || /[-/]\d|\d[-/]/.test(token)) continue; // 5G, 4.0, 02/2025/TT-BGDĐT
    if (token.length < 2) continue;
    words++;
    if (OCR_MARKS.test(token) || /\p{L}\d|\d\p{L}/u.test(token)) {
      broken++;
      continue;
    }
    if (!/^[\p{L}\p{M}]+$/u.test(token)) continue; // hyphenated or mixed tokens: no evidence either way
    if (VOWEL_MARKS.test(token.normalize('NFD')) && /[^\p{Script=Latin}\p{M}]/u.test(token)) continue;
    if (!isVietnameseSyllable(token)) broken++;
  }
  return { words, broken, score: words ? broken / words : 0 };
};

/** Above this share of broken words a text is read as OCR (a correct text stays well under 0.1). */
export const OCR_SCORE_THRESHOLD = 0.18;

/**
 * Tells whether a text is an OCR copy or a text that lost its diacritics, from its words (see
 * `ocrEvidence`). Holds for any origin: a DOCX or a PDF made from OCR text is OCR text.
 *
 * @param text - the document's text (or any large part of it)
 * @returns true when the words show OCR damage or missing diacritics
 */
export const looksLikeOcr = (text: string): boolean => {
  const evidence = ocrEvidence(text);
  return evidence.words >= 20 && evidence.score > OCR_SCORE_THRESHOLD;
};

/**
 * Finds words an OCR engine damaged by comparing them with the rest of the same document.
 *
 * A plan repeats its vocabulary: "cơ sở giáo dục", "chuyển đổi số", "thủ tục hành chính" come back
 * dozens of times. A word whose diacritics were lost or changed ("so", "sở" for "số"; "hanh" for
 * "hành"), or whose letters were confused ("1ệ" for "lệ", "dich" for "dịch"), is a rare spelling of a
 * word the document prints often, and it sits between neighbours that, everywhere else, stand beside
 * that other spelling ("đổi số", never "đổi so"). Such a word can be neither right nor wrong on its own
 * ("sở" is a word): only its context tells. The rule holds for any document, since it compares the
 * document with itself, not with a list of expected words.
 */
import { isVietnameseSyllable } from './ocr-evidence';

/** Folds a word to its letters without marks, with the digits OCR prints for letters (1 → l, 0 → o). */
const skeleton = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/1/g, 'l')
    .replace(/0/g, 'o');

/** Combining marks of the five Vietnamese tones (grave, acute, tilde, hook above, dot below). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A syllable with its tone taken apart from where it is placed: "hoá" and "hóa", "thuỷ" and "thủy" are
 * the same word in the old and the new placement, both correct, so neither is a damaged copy of the other.
 */
const toneFree = (word: string): string => {
  const decomposed = word.normalize('NFD');
  const tones = (decomposed.match(TONE_MARKS) ?? []).join('');
  return `${decomposed.replace(TONE_MARKS, '').normalize('NFC')}|${tones}`;
};

/** The words of a text, lower-case NFC, in order (a word is a run of letters, marks and digits). */
const wordsOf = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\d]+/u)
    .filter(Boolean);

/** Word and word-pair counts of a document, with the spellings of each skeleton. */
export type Vocabulary = {
  words: Map<string, number>;
  pairs: Map<string, number>;
  /**
   * Each word beside the skeleton of its neighbour ("tài ~khoan", "~co tài"): the neighbour may be
   * damaged too ("tài khoàn"), and still shows the word's context.
   */
  loosePairs: Map<string, number>;
  spellings: Map<string, Set<string>>;
};

/**
 * Counts the words and adjacent word pairs of a document.
 *
 * @param lines - the document's lines
 * @returns the vocabulary
 */
export const documentVocabulary = (lines: readonly string[]): Vocabulary => {
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  const loosePairs = new Map<string, number>();
  const spellings = new Map<string, Set<string>>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const all = wordsOf(lines.join(' '));
  all.forEach((word, index) => {
    words.set(word, (words.get(word) ?? 0) + 1);
    const key = skeleton(word);
    if (!/\p{L}/u.test(word)) return;
    const set = spellings.get(key) ?? new Set<string>();
    spellings.set(key, set);
    set.add(word);
    const previous = all[index - 1];
    if (previous) count(loosePairs, `~${skeleton(previous)} ${word}`);
    const next = all[index + 1];
    if (next) {
      count(pairs, `${word} ${next}`);
      count(loosePairs, `${word} ~${skeleton(next)}`);
    }
  });
  return { words, pairs, loosePairs, spellings };
};

/** How many times a spelling stands beside these neighbours in the document. */
const support = (
  vocabulary: Vocabulary,
  previous: string | undefined,
  word: string,
  next: string | undefined,
) =>
  (previous ? (vocabulary.pairs.get(`${previous} ${word}`) ?? 0) : 0) +
  (next ? (vocabulary.pairs.get(`${word} ${next}`) ?? 0) : 0);

/** A spelling must stand beside the same neighbours this many times more often than the printed one. */
const CONTEXT_RATIO = 3;
/** … and at least this many times, for the evidence to count. */
const MIN_SUPPORT = 2;

/** A word printed with no mark is suspect when marked spellings of its letters are this many times commoner. */
const BARE_RATIO = 2;

/**
 * A word likely damaged; `likely` is the spelling put back. `maybe` is a spelling the context prefers
 * but that is not put back: the printed word is itself a valid word with its tone, and OCR as often
 * swaps a correct tone for a wrong one as the reverse ("đổi"/"đối"), so a person decides.
 */
export type SuspectWord = { word: string; likely: string | null; maybe?: string };

/**
 * A word printed with no mark at all ("tai", "tren", "dia") whose letters the document mostly prints
 * with marks, one of those spellings standing beside the same neighbours elsewhere (their marks
 * aside): OCR loses marks far more often than it adds them. The bare word may be right ("thanh
 * toán"), so the marked spelling is only offered, never put back.
 *
 * @returns the marked spelling to offer, or null
 */
const bareSuspect = (
  vocabulary: Vocabulary,
  previous: string | undefined,
  word: string,
  next: string | undefined,
): string | null => {
  if (word !== skeleton(word) || !/^\p{L}+$/u.test(word)) return null;
  const bareCount = vocabulary.words.get(word) ?? 0;
  let marked = 0;
  let offer: string | null = null;
  let best = 0;
  for (const other of vocabulary.spellings.get(word) ?? []) {
    if (other === word) continue;
    marked += vocabulary.words.get(other) ?? 0;
    const score =
      (previous ? (vocabulary.loosePairs.get(`~${skeleton(previous)} ${other}`) ?? 0) : 0) +
      (next ? (vocabulary.loosePairs.get(`${other} ~${skeleton(next)}`) ?? 0) : 0);
    if (score > best) {
      best = score;
      offer = other;
    }
  }
  return offer && marked >= BARE_RATIO * bareCount ? offer : null;
};

/** The tone marks of a word, in order ("" when it has none). */
const tonesOf = (word: string): string => (word.normalize('NFD').match(TONE_MARKS) ?? []).join('');

/**
 * Finds the words of a text (a name, a unit) that are likely damaged: a word that cannot be a
 * Vietnamese syllable or holds a digit among letters, a word whose other spelling stands beside the
 * same neighbours far more often in the document, or a lone letter between two words the document
 * prints side by side. The likely spelling is given when the context shows it.
 *
 * @param text - the text to check (a cell of a table), itself part of the document's text
 * @param vocabulary - the document's vocabulary (`documentVocabulary`), the text's own words included
 * @returns the suspect words, in order
 */
export const suspectWords = (text: string, vocabulary: Vocabulary): SuspectWord[] => {
  const words = wordsOf(text);
  const out: SuspectWord[] = [];
  words.forEach((word, index) => {
    if (!/\p{L}/u.test(word)) return;
    const previous = words[index - 1];
    const next = words[index + 1];
    // The printed spelling's support, less this occurrence's own pairs.
    const own = Math.max(0, support(vocabulary, previous, word, next) - (previous ? 1 : 0) - (next ? 1 : 0));
    let likely: string | null = null;
    let best = 0;
    for (const other of vocabulary.spellings.get(skeleton(word)) ?? []) {
      if (other === word || toneFree(other) === toneFree(word)) continue;
      const score = support(vocabulary, previous, other, next);
      if (score > best) {
        best = score;
        likely = other;
      }
    }
    // Strong context, or both neighbours seen only beside the other spelling, the commoner one.
    const bothSides =
      likely !== null &&
      (!previous || vocabulary.pairs.has(`${previous} ${likely}`)) &&
      (!next || vocabulary.pairs.has(`${likely} ${next}`));
    const common =
      likely !== null &&
      own === 0 &&
      bothSides &&
      (vocabulary.words.get(likely) ?? 0) >= CONTEXT_RATIO * (vocabulary.words.get(word) ?? 0);
    if (likely && ((best >= MIN_SUPPORT && best >= CONTEXT_RATIO * own) || common)) {
      const toneSwap = tonesOf(word) !== '' && tonesOf(likely) !== '' && isVietnameseSyllable(word);
      out.push(toneSwap ? { word, likely: null, maybe: likely } : { word, likely });
      return;
    }
    const bare = bareSuspect(vocabulary, previous, word, next);
    if (bare) {
      out.push({ word, likely: null, maybe: bare });
      return;
    }
    // A mark left over once the word is composed ("cà̂n": a tone and a vowel mark in the wrong order):
    // no Vietnamese letter is printed so.
    if (/\p{M}/u.test(word)) {
      out.push({ word, likely: null });
      return;
    }
    // A lone letter OCR put between two words the document prints side by side elsewhere, twice at
    // least ("dịch ì vụ" where it prints "dịch vụ"), neither of them seen beside that letter anywhere
    // else: noise (a mark or a rule read as a letter). "nhà ở" is printed so elsewhere: not suspect.
    if (
      [...word].length === 1 &&
      previous &&
      next &&
      (vocabulary.pairs.get(`${previous} ${next}`) ?? 0) >= MIN_SUPPORT &&
      (vocabulary.pairs.get(`${previous} ${word}`) ?? 0) <= 1 &&
      (vocabulary.pairs.get(`${word} ${next}`) ?? 0) <= 1
    ) {
      out.push({ word, likely: null });
      return;
    }
    const mixed = /\p{L}/u.test(word) && /\d/.test(word) && !/^\d/.test(word);
    const lettersOnly = /^[\p{L}\p{M}]+$/u.test(word);
    const plain = /^[a-z]+$/.test(word.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    // A lower-case word of Latin letters that is no syllable ("chuyen", "tiéu"); abbreviations are capitals.
    if (
      mixed ||
      (lettersOnly && plain && word.length > 1 && !isVietnameseSyllable(word) && isLowerIn(text, word))
    )
      out.push({ word, likely: null });
  });
  return out;
};

/** Tells whether a word is printed in lower case in the text (not an abbreviation or a foreign name). */
const isLowerIn = (text: string, word: string): boolean =>
  text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\d]+/u)
    .includes(word);

/**
 * Puts back the likely spelling of the suspect words that the context shows (the case of the first
 * letter kept).
 *
 * @param text - the text as printed
 * @param suspects - from `suspectWords`
 * @returns the text with those words replaced
 */
export const respell = (text: string, suspects: readonly SuspectWord[]): string => {
  const fixes = new Map(suspects.filter((s) => s.likely).map((s) => [s.word, s.likely as string]));
  if (!fixes.size) return text;
  return text.normalize('NFC').replace(/[\p{L}\p{M}\d]+/gu, (raw) => {
    const likely = fixes.get(raw.toLowerCase());
    if (!likely) return raw;
    return /^\p{Lu}/u.test(raw) ? likely.charAt(0).toUpperCase() + likely.slice(1) : likely;
  });
};

/**
 * The words of a name spelt otherwise than in the catalog indicator it matched, beside the same
 * neighbours there ("Dan số" where the catalog has "Dân số", "phi dia giới" beside "phi địa giới"): a
 * word that appears only once in a document has no other spelling in it to compare with, but the
 * catalog's names are spelt right. The catalog's spelling is only offered, never put back (the plan
 * may say something else). A spelling the catalog also prints beside those neighbours is not suspect;
 * nor is the same word with its tone placed otherwise ("hoá", "hóa").
 *
 * @param name - the indicator's name as printed
 * @param texts - the catalog indicator's name and aliases
 * @returns the suspect words, with the catalog's spelling in `maybe`
 */
export const catalogSuspects = (name: string, texts: readonly string[]): SuspectWord[] => {
  const words = wordsOf(name);
  const catalog = texts.map(wordsOf);
  const near = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && skeleton(a) === skeleton(b);
  const out: SuspectWord[] = [];
  words.forEach((word, index) => {
    if (!/\p{L}/u.test(word) || out.some((s) => s.word === word)) return;
    const previous = words[index - 1];
    const next = words[index + 1];
    let attested = false;
    let other: string | null = null;
    for (const text of catalog)
      text.forEach((candidate, at) => {
        if (skeleton(candidate) !== skeleton(word)) return;
        if (!near(text[at - 1], previous) && !near(text[at + 1], next)) return;
        if (candidate === word || toneFree(candidate) === toneFree(word)) attested = true;
        else other ??= candidate;
      });
    if (!attested && other) out.push({ word, likely: null, maybe: other });
  });
  return out;
};

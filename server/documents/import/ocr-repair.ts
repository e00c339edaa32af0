/**
 * Restores Vietnamese diacritics in text damaged by OCR ("Ty 1€ phu song 5G trén dia ban" →
 * "Tỷ lệ phủ sóng 5G trên địa bàn"), from a vocabulary of phrases Vietnamese plans use: generic
 * administrative and digital-transformation wording, plus the names and aliases of the standard
 * indicator catalog. Longer phrases win over single words, so "van hoa" becomes "văn hóa" while
 * "van ban" becomes "văn bản". A word that is not in the vocabulary is kept as printed.
 * The vocabulary is built in ocr-vocabulary.ts.
 */
import { BIGRAMS, VOCABULARY, WORDS } from './ocr-vocabulary';
import { foldOcr } from './structure';

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?';
const OPEN_VOWELS = 'oai|oay|uai|uay|uoi|uou|uya|ieu|yeu|ai|ao|au|ay|eo|eu|ia|iu|oi|ua|ui|uu|ya';
const CLOSED_VOWELS = 'uye|oa|oe|ue|uy|ie|ye|uo|oo|a|e|i|o|u|y';
const SYLLABLE = new RegExp(`^${ONSET}(?:(?:${OPEN_VOWELS})|(?:${CLOSED_VOWELS})(?:ch|nh|ng|[cmnpt])?)$`);

/** Tells whether a folded word can be a Vietnamese syllable (onset, vowel, final). */
export const isSyllable = (folded: string): boolean => SYLLABLE.test(folded);

const VOWEL = /[aeiouy]/;
/** Letters OCR prints for an accented vowel it cannot read ("hd" for "hỗ", "sb" for "số", "tfing"). */
const GARBLED_VOWEL = /[aeiouydbfg]/;

/** Edit distance where replacing or dropping a garbled vowel costs half. */
const ocrDistance = (source: string, target: string): number => {
  const m = source.length;
  const n = target.length;
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const s = source[i - 1] ?? '';
    const current = [i];
    for (let j = 1; j <= n; j++) {
      const t = target[j - 1] ?? '';
      const substitute = s === t ? 0 : VOWEL.test(t) && GARBLED_VOWEL.test(s) ? 0.5 : 1;
      const drop = VOWEL.test(s) || /[dbf]/.test(s) ? 0.5 : 1;
      const insert = VOWEL.test(t) ? 0.75 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + drop,
        (current[j - 1] ?? 0) + insert,
        (previous[j - 1] ?? 0) + substitute,
      );
    }
    previous = current;
  }
  return previous[n] ?? 0;
};

/**
 * Finds the word an OCR-garbled word stands for ("ciia" → "của", "tdim" after "trung" → "tâm").
 * Only words that cannot be Vietnamese syllables are repaired; the nearest known word wins, and a
 * word that forms a known pair with its neighbour wins a tie.
 *
 * @param folded - the garbled word, folded
 * @param previous - the (repaired) word before it, folded, or ''
 * @param next - the word after it, folded, or ''
 * @returns the known word as spelled in the vocabulary, or null when none is close enough
 */
export const nearestWord = (folded: string, previous: string, next: string): string | null => {
  if (folded.length < 2 || folded.length > 7 || isSyllable(folded) || !/^[a-z]+$/.test(folded)) return null;
  const limit = folded.length <= 3 ? 1 : 1.5;
  let best: { word: string; cost: number } | null = null;
  for (const [key, variants] of WORDS) {
    if (key[0] !== folded[0] || Math.abs(key.length - folded.length) > 2) continue;
    let cost = ocrDistance(folded, key);
    if (cost > limit) continue;
    cost += 0.1 * Math.abs(key.length - folded.length);
    if (previous && BIGRAMS.has(`${previous} ${key}`)) cost -= 0.6;
    if (next && (BIGRAMS.has(`${key} ${next}`) || pairsWithGarbled(key, next))) cost -= 0.4;
    if (!best || cost < best.cost) best = { word: pickVariant(variants), cost };
  }
  return best?.word ?? null;
};

/** Tells whether a known word forms a known pair with a garbled next word ("ho" + "trg" ≈ "ho tro"). */
const pairsWithGarbled = (key: string, next: string): boolean => {
  if (isSyllable(next) || next.length < 2) return false;
  for (const pair of BIGRAMS) {
    if (!pair.startsWith(`${key} `)) continue;
    const second = pair.slice(key.length + 1);
    if (second[0] === next[0] && ocrDistance(next, second) <= 1) return true;
  }
  return false;
};

const pickVariant = (variants: Map<string, number>): string =>
  [...variants.entries()].sort(
    (a, b) => b[1] - a[1] || (/[^a-z]/.test(b[0]) ? 1 : 0) - (/[^a-z]/.test(a[0]) ? 1 : 0),
  )[0]?.[0] ?? '';

const best = (variants: Map<string, number> | undefined): string | null =>
  variants ? ([...variants.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null) : null;

const matchCase = (source: string, target: string): string =>
  /^\p{Lu}/u.test(source) ? target.charAt(0).toLocaleUpperCase('vi') + target.slice(1) : target;

/** The result of a repair: the text, and the share of words the vocabulary recognised. */
export type Repair = { text: string; coverage: number };

/** Tells whether a word carries a Vietnamese letter or tone mark (ă â đ ê ô ơ ư, or any tone). */
export const hasDiacritics = (word: string): boolean =>
  /[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u0323]/.test(word.normalize('NFD'));

/** Every spelling, lower-case, the vocabulary knows for a word (accented or not). */
const KNOWN_SPELLINGS = new Set([...WORDS.values()].flatMap((variants) => [...variants.keys()]));

/**
 * Common words that are spelled without any mark and so are valid as they stand ("trong", "quan",
 * "theo"), beside those the vocabulary already prints unaccented. A word in this set is never changed
 * on its own: only a phrase around it that lost its marks too is evidence that it lost its own.
 */
const PLAIN_WORDS = new Set(
  `a an anh ba ban binh ca cam cao cha chi chia cho chung chuyen co con cong cu cung da dan dang danh dao
  dau di dien dinh do doan don dong du dung em gan gia giang giao gio ha hai han hang hanh hay hoa hoan
  hoc hon hong hung huy khi khoa khong kinh la lai lam lan lang len lien linh loai loan long luan luong ly
  ma mai man mang may minh mo moi mon mot mua muc nam nang nay neu ngan ngay nghe nghia nhan nhanh nhieu
  nhu nhung no pha phan phap phong phu qua quan quang quy sang sao sau sinh so son song sung ta tai tam
  tan tang tao tay tha thanh theo thi thong thu thuc thuong tin tinh toan tra tram tri trong trung truong
  tu tuy van vi vien vinh vung xa xanh xuan xuong yen yeu internet online`.split(/\s+/),
);

/** A word (folded, no marks) that is a valid Vietnamese word exactly as printed without marks. */
const validAsPrinted = (word: string): boolean => {
  const lower = word.toLowerCase();
  return PLAIN_WORDS.has(lower) || KNOWN_SPELLINGS.has(lower);
};

/** Below this share of words with marks a text may have lost its diacritics; at or above it, it has not. */
const ACCENTED_TEXT_SHARE = 0.6;

/** Share of the words of a text (two letters or more) that carry marks. */
const markedShare = (tokens: readonly string[]): number => {
  const words = tokens.filter((token) => /\p{L}{2,}/u.test(token));
  return words.length ? words.filter(hasDiacritics).length / words.length : 0;
};

/**
 * Whether a phrase of the vocabulary may respell these printed words. Words that carry marks must
 * already be spelled as the phrase spells them, unless the vocabulary does not know them at all (an
 * OCR misreading like "trén"), and then only beside a word that visibly lost its marks. A phrase of one
 * word may only respell a word that is not valid as printed.
 */
const phraseFits = (printed: readonly string[], restored: readonly string[]): boolean => {
  let lost = 0;
  let misread = 0;
  for (let k = 0; k < printed.length; k++) {
    const word = printed[k] ?? '';
    const target = restored[k] ?? '';
    const lower = word.toLowerCase();
    if (lower === target) continue;
    if (/\d|[$¢€]/.test(word)) {
      lost++;
      continue;
    }
    if (hasDiacritics(word)) {
      if (KNOWN_SPELLINGS.has(lower)) return false;
      misread++;
    } else if (printed.length === 1 && validAsPrinted(word)) return false;
    else lost++;
  }
  return misread === 0 || lost > 0;
};

/** Words of a date that a number right after them proves ("nam 2025" → "năm 2025", "thang 8" → "tháng 8"). */
const DATE_WORDS: Record<string, string> = { nam: 'năm', thang: 'tháng', ngay: 'ngày' };

const dateWord = (token: string, next: string): string | null => {
  const restored = DATE_WORDS[token.toLowerCase()];
  if (!restored || !/^\d{1,4}\b/.test(next)) return null;
  return matchCase(token, restored);
};

/**
 * Restores diacritics word by word, preferring the longest phrase of the vocabulary. A word that is
 * valid as printed is never changed: words with marks the vocabulary knows stay as they are, and a
 * word without marks that is a word as it stands ("trong", "quan") changes only inside a longer phrase
 * that lost its marks too. A text that has most of its marks (a typed text, not an OCR copy) comes
 * back unchanged.
 *
 * @param text - OCR'd text
 * @returns the repaired text and how much of it was recognised (0…1)
 */
export const repairText = (text: string): Repair => {
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length >= 4 && markedShare(tokens) >= ACCENTED_TEXT_SHARE) return { text, coverage: 1 };
  const out: string[] = [];
  let recognised = 0;
  let i = 0;
  while (i < tokens.length) {
    let done = false;
    for (let n = 3; n >= 1 && !done; n--) {
      if (i + n > tokens.length) continue;
      const slice = tokens.slice(i, i + n);
      const inner = slice.map((token) => token.replace(/^[^\p{L}\d%$¢€]+|[^\p{L}\d%$¢€]+$/gu, ''));
      if (inner.some((word) => !word)) continue;
      const key = foldOcr(inner.join(' '));
      const found = best(VOCABULARY.get(key));
      if (!found) continue;
      const words = found.split(' ');
      if (words.length !== n || !phraseFits(inner, words)) continue;
      slice.forEach((token, k) => {
        const word = inner[k] ?? '';
        const start = token.indexOf(word.charAt(0));
        const prefix = start > 0 ? token.slice(0, start) : '';
        const suffix = token.slice(start + word.length);
        const restored = words[k] ?? word;
        const kept = restored === word.toLowerCase() ? word : matchCase(word, restored);
        out.push(`${prefix}${kept}${suffix}`);
      });
      recognised += n;
      i += n;
      done = true;
    }
    const dated = !done && dateWord(tokens[i] ?? '', tokens[i + 1] ?? '');
    if (dated) {
      out.push(dated);
      recognised++;
      i++;
      done = true;
    }
    if (!done) {
      out.push(repairWord(tokens[i] ?? '', out.at(-1) ?? '', tokens[i + 1] ?? ''));
      if (out.at(-1) !== tokens[i]) recognised++;
      i++;
    }
  }
  return { text: out.join(' '), coverage: tokens.length ? recognised / tokens.length : 0 };
};

/**
 * Repairs one word no phrase of the vocabulary covered: digits OCR put for letters ("1ap" → "lap"),
 * or a garbled vowel ("ciia" → "của"). Abbreviations, numbers and valid syllables are kept.
 */
const repairWord = (token: string, previous: string, next: string): string => {
  const word = token.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
  if (!word || !/\p{L}/u.test(word) || /\p{Lu}/u.test(word.slice(1))) return token;
  const start = token.indexOf(word);
  const prefix = token.slice(0, start);
  const suffix = token.slice(start + word.length);
  const key = foldOcr(word);
  if (!/^[a-z]+$/.test(key)) return token;
  // A word with its marks, or one valid without them, is not damaged (digits read for letters are).
  if (!/\d|[$¢€]/.test(word) && (hasDiacritics(word) || validAsPrinted(word))) return token;
  const previousKey = foldOcr(previous).split(' ').at(-1) ?? '';
  const nextKey = foldOcr(next).split(' ')[0] ?? '';
  let restored: string | null = null;
  if (isSyllable(key)) {
    const variants = WORDS.get(key);
    if (/\d/.test(word) || (/^P/.test(word) && key.startsWith('d')))
      restored = variants ? pickVariant(variants) : key;
  } else restored = nearestWord(key, previousKey, nextKey);
  return restored ? `${prefix}${matchCase(word, restored)}${suffix}` : token;
};

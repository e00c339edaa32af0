/**
 * Matches an indicator name, as printed in a plan (or damaged by OCR), to the standard indicator
 * catalog. Matching is accent-insensitive and fuzzy: the best of a token overlap (Dice on folded words)
 * and a character-trigram overlap on the folded text without spaces (which survives OCR that glues or
 * splits words: "IylephusongSGiteen" still shares most trigrams with "tylephusong5gtren").
 */
import { STANDARD_CATALOG as catalog } from '@core/catalog/standard-catalog';
import { editDistance, foldOcr } from './structure';

/** The fields of a catalog entry the importer uses. */
export type CatalogEntry = { code: string; name: string; unit?: string; aliases?: string[] };

export type CatalogMatch = {
  code: string;
  /** The catalog name or alias that matched best, as the catalog spells it. */
  text: string;
  /** 0…1 similarity of the input to `text`. */
  score: number;
  /** The unit the catalog gives the indicator. */
  unit: string | null;
};

type Prepared = { entry: CatalogEntry; text: string; tokens: Set<string>; grams: Set<string> };

const trigrams = (folded: string): Set<string> => {
  const compact = folded.replace(/ /g, '');
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= compact.length; i++) grams.add(compact.slice(i, i + 3));
  return grams;
};

const dice = (a: Set<string>, b: Set<string>): number => {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return (2 * shared) / (a.size + b.size);
};

const prepare = (entries: readonly CatalogEntry[]): Prepared[] =>
  entries.flatMap((entry) =>
    [entry.name, ...(entry.aliases ?? [])].map((text) => {
      const folded = foldOcr(text);
      return { entry, text, tokens: new Set(folded.split(' ').filter(Boolean)), grams: trigrams(folded) };
    }),
  );

const STANDARD = prepare(catalog);

/**
 * Scores how alike two names are, ignoring accents, case and OCR digit/letter confusions.
 *
 * @param a - a name
 * @param b - another name
 * @returns 0…1
 */
export const nameSimilarity = (a: string, b: string): number => {
  const fa = foldOcr(a);
  const fb = foldOcr(b);
  const tokens = dice(new Set(fa.split(' ').filter(Boolean)), new Set(fb.split(' ').filter(Boolean)));
  return Math.max(tokens, dice(trigrams(fa), trigrams(fb)));
};

/**
 * Finds the catalog indicator a name refers to.
 *
 * @param name - the indicator name as printed (any accents, possibly OCR-damaged)
 * @param entries - the catalog (the standard one by default)
 * @returns the best match, or null when nothing is similar enough to consider (score < 0.45)
 */
export const matchCatalog = (name: string, entries?: readonly CatalogEntry[]): CatalogMatch | null => {
  const prepared = entries ? prepare(entries) : STANDARD;
  const folded = foldOcr(name);
  const tokens = new Set(folded.split(' ').filter(Boolean));
  const grams = trigrams(folded);
  let best: CatalogMatch | null = null;
  for (const item of prepared) {
    const score = Math.max(dice(tokens, item.tokens), dice(grams, item.grams));
    if (!best || score > best.score) {
      best = { code: item.entry.code, text: item.text, score, unit: item.entry.unit ?? null };
    }
  }
  return best && best.score >= 0.45 ? best : null;
};

/** A catalog match at or above this score is trusted without review. */
export const CONFIDENT_MATCH = 0.72;

/** The name and aliases of the catalog indicator with this code (none when the code is unknown). */
export const catalogTexts = (code: string, entries?: readonly CatalogEntry[]): string[] => {
  const entry = (entries ?? catalog).find((candidate) => candidate.code === code);
  return entry ? [entry.name, ...(entry.aliases ?? [])] : [];
};

/** Words that say nothing of which indicator a name is ("tỷ lệ", "trên địa bàn", "được"), folded. */
const FILLER = new Set(
  'ty le ti cua cac va duoc tren dia ban xa phuong thi tran toan trong voi cho the nhung nay da dat tu den nam co la mot so'.split(
    ' ',
  ),
);

/**
 * The words that tell a name from the catalog text it matched: each side's words the other lacks (a
 * word one letter off counts as the same: OCR), leaving out filler words, figures and a note in
 * parentheses. Two such words or more, one at least the name's own, mean the name may be another
 * indicator that the catalog lacks ("bồi dưỡng kỹ năng số" against "làm chủ kỹ năng số"): the match is
 * then only a suggestion. A name whose words are all in the catalog text is taken for a shortened form
 * of it ("Hồ sơ thủ tục hành chính được số hóa"); that can still be another indicator the catalog lacks.
 *
 * @param name - the name as printed
 * @param text - the catalog name or alias it matched
 * @returns the distinguishing words of each side, or null when the name has none or there are fewer than two
 */
export const catalogDifference = (
  name: string,
  text: string,
): { name: string[]; catalog: string[] } | null => {
  const words = (s: string) =>
    foldOcr(s.replace(/\([^)]*\)/g, ' '))
      .split(' ')
      .filter((word) => word && !FILLER.has(word) && !/^\d+%?$/.test(word));
  const lacking = (own: string[], other: string[]) =>
    own.filter(
      (word) =>
        !other.some(
          (w) => w === word || (word.length >= 4 && w.length === word.length && editDistance(word, w) <= 1),
        ),
    );
  const [a, b] = [words(name), words(text)];
  const difference = { name: lacking(a, b), catalog: lacking(b, a) };
  return difference.name.length >= 1 && difference.name.length + difference.catalog.length >= 2
    ? difference
    : null;
};

/**
 * Matches an indicator name, as printed in a plan (or damaged by OCR), to the standard indicator
 * catalog. Matching is accent-insensitive and fuzzy: the best of a token overlap (Dice on folded words)
 * and a character-trigram overlap on the folded text without spaces (which survives OCR that glues or
 * splits words: "IylephusongSGiteen" still shares most trigrams with "tylephusong5gtren").
 */
import { STANDARD_CATALOG as catalog } from '@core/catalog/standard-catalog';
import { foldOcr } from './structure';

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

/**
 * The names of a scanned indicator table's rows, matched through OCR noise: the standard catalog's names
 * and aliases scored on their letter trigrams, and the generic commune/ward unit names (the leads) spelt
 * word by word with one slip allowed. Used by ocr-table.ts.
 */
import { STANDARD_CATALOG as catalog } from '@core/catalog/standard-catalog';
import { compact } from './ocr-table-line';
import { editDistance, foldOcr } from './structure';

/** Generic names of commune/ward units (two-level local government, 2025), as leads are printed. */
const UNIT_NAMES = [
  'Văn phòng HĐND&UBND',
  'Văn phòng HĐND và UBND',
  'Văn phòng UBND',
  'Văn phòng Đảng ủy',
  'Phòng Kinh tế',
  'Phòng Kinh tế, Hạ tầng và Đô thị',
  'Phòng Văn hóa - Xã hội',
  'Trung tâm Phục vụ hành chính công',
  'Trung tâm HCC',
  'Trung tâm Văn hóa, Thể thao và Truyền thông',
  'Trung tâm Dịch vụ tổng hợp',
  'Công an xã',
  'Công an phường',
  'Ban Chỉ huy Quân sự',
  'Trạm Y tế',
  'Ủy ban MTTQ',
];

/** The letter trigrams of a text, spaces and diacritics left out. */
export const trigramSet = (text: string): Set<string> => {
  const grams = new Set<string>();
  const flat = compact(text);
  for (let i = 0; i + 3 <= flat.length; i++) grams.add(flat.slice(i, i + 3));
  return grams;
};

const CATALOG_TEXTS = catalog.flatMap((entry) =>
  [entry.name, ...(entry.aliases ?? [])].map((text) => ({
    code: entry.code,
    text,
    grams: trigramSet(text),
  })),
);

/**
 * Scores catalog texts against the letters of a row: how much of the catalog text the row holds,
 * lowered by what the row has beyond it.
 */
export const catalogCandidates = (rowText: string): Array<{ code: string; text: string; score: number }> => {
  const grams = trigramSet(rowText);
  return CATALOG_TEXTS.map((item) => {
    let shared = 0;
    for (const gram of item.grams) if (grams.has(gram)) shared++;
    const recall = item.grams.size ? shared / item.grams.size : 0;
    const precision = grams.size ? shared / grams.size : 0;
    return { code: item.code, text: item.text, score: (3 * recall + precision) / 4 };
  }).sort((a, b) => b.score - a.score);
};

/** A catalog text the row's letters match at least this well is used as the row's name. */
export const NAME_MATCH = 0.45;
/** … and at or above this, without a review flag on the name. */
export const NAME_CONFIDENT = 0.7;

const UNIT_PREPARED = UNIT_NAMES.map((name) => {
  const words = foldOcr(name).split(' ');
  return {
    name,
    words,
  };
});

/**
 * Counts how many words of a unit name a text spells from its start, word by word, allowing one OCR
 * slip in a word of three letters or more ("trungtdmhcc" spells "trung tam hcc").
 */
const coverWords = (text: string, words: readonly string[]): { covered: number; distance: number } => {
  let position = 0;
  let covered = 0;
  let total = 0;
  for (const word of words) {
    let best: { size: number; distance: number } | null = null;
    for (let size = Math.max(1, word.length - 1); size <= word.length + 1; size++) {
      if (position + size > text.length) break;
      const distance = editDistance(text.slice(position, position + size), word);
      if (!best || distance < best.distance) best = { size, distance };
    }
    if (!best || best.distance > (word.length >= 3 ? 1 : 0)) break;
    position += best.size;
    total += best.distance;
    covered++;
  }
  return { covered, distance: total };
};

/**
 * Finds the first generic unit name that starts at a word of a text ("(Trung tdm HCC" → "Trung tâm
 * HCC"). The unit's first two words must match within OCR noise; among units sharing them, the one
 * whose other words appear in `context` wins.
 *
 * @returns the unit and the index of the word it starts at, or null
 */
export const findUnit = (
  text: string,
  context: string,
  skipFirst: boolean,
): { name: string; start: number } | null => {
  const words = text.split(/\s+/).filter(Boolean);
  const contextWords = new Set(foldOcr(context).split(' '));
  const contextFlat = compact(context);
  for (let start = skipFirst ? 1 : 0; start < words.length; start++) {
    if (!/^[([]?\p{Lu}/u.test(words[start] ?? '')) continue;
    const rest = compact(words.slice(start, start + 6).join(' '));
    if (rest.length < 5) continue;
    let best: { name: string; covered: number; distance: number; found: number } | null = null;
    for (const unit of UNIT_PREPARED) {
      const { covered, distance } = coverWords(rest, unit.words);
      if (covered < Math.min(2, unit.words.length)) continue;
      const others = unit.words.slice(covered).filter((word) => word.length > 1 && word !== 'va');
      const present = others.filter((word) => contextWords.has(word) || contextFlat.includes(word)).length;
      const found = present - 0.5 * (others.length - present);
      const better =
        !best ||
        covered > best.covered ||
        (covered === best.covered &&
          (distance < best.distance || (distance === best.distance && found > best.found)));
      if (better) best = { name: unit.name, covered, distance, found };
    }
    if (best) return { name: best.name, start };
  }
  return null;
};

/** The lead: the first unit on the row's middle line, else on the lines above it, else below. */

/**
 * Vietnamese text folding for search and matching.
 *
 * Users often type without diacritics ("ho so truc tuyen" for "Hồ sơ trực tuyến"), documents mix
 * NFC and NFD forms, and OCR adds stray spaces. Every comparison of names goes through these helpers
 * so that the server, the importer and the web app agree on what "the same text" means.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Normalises text to NFC and collapses runs of white space to one space.
 *
 * @param text - any text, possibly NFD or with non-breaking spaces
 * @returns the NFC text, trimmed, with single spaces
 */
export const normalizeText = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();

/**
 * Folds text for accent-insensitive comparison: removes diacritics (đ → d), lower-cases, and reduces
 * everything that is not a letter, digit or % to single spaces.
 *
 * @param text - any text
 * @returns the folded text, e.g. "Hồ sơ  trực-tuyến" → "ho so truc tuyen"
 */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();

/**
 * Splits folded text into its distinct search tokens.
 *
 * @param text - any text
 * @returns the folded tokens in order of first appearance, without duplicates
 */
export const foldTokens = (text: string): string[] => [...new Set(foldText(text).split(' ').filter(Boolean))];

/**
 * The stored search form of some texts: folded, with a space at each end so that a word-prefix match
 * is `LIKE '% token%'` (server) or `includes(' ' + token)` (client).
 *
 * @param parts - the texts a search should find the row by; null parts are skipped
 * @returns e.g. " ho so thu tuc hanh chinh "
 */
export const toSearchText = (...parts: Array<string | null | undefined>): string =>
  ` ${foldText(parts.filter(Boolean).join(' '))} `;

/**
 * Tells whether every token of the query starts a word of the haystack, ignoring accents and case:
 * "ho" finds "Hồ sơ" but not the "ho" inside "cho".
 *
 * @param haystack - the text searched
 * @param query - what the user typed
 * @returns true when all query tokens are found (an empty query matches everything)
 */
export const matchesFolded = (haystack: string, query: string): boolean => {
  const folded = toSearchText(haystack);
  return foldTokens(query).every((token) => folded.includes(` ${token}`));
};

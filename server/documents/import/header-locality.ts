/**
 * The plan's own locality and province, from the names printed after "xã", "phường", "tỉnh", "thành
 * phố" in the header, the body and the signature stamps. Used by the header extractor.
 */
import { foldText } from '@core/domain/text';
import type { TImportedPlanHeader } from '@core/schemas/import.schemas';
import { foldOcr } from './structure';

type Level = NonNullable<TImportedPlanHeader['locality']['level']>;

const LEVEL_WORD = /\b(xa|phuong|dac khu)\b/;

const levelOf = (folded: string): Level | null => {
  const match = LEVEL_WORD.exec(folded)?.[1];
  return match === 'xa' ? 'xã' : match === 'phuong' ? 'phường' : match === 'dac khu' ? 'đặc khu' : null;
};

export const titleCase = (text: string): string =>
  text
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1))
    .join(' ');

/** Capitalised words after a level word: "phường Thành Đông", "xã Dân Tiến", "PHƯỜNG THÀNH ĐÔNG". */
const LOCALITY_MENTION =
  /(?:^|[^\p{L}])(xã|phường|đặc khu|XÃ|PHƯỜNG|ĐẶC KHU|Xã|Phường|xa|phuong|XA|PHUONG)\s+((?:\p{Lu}[\p{L}]*)(?:\s+\p{Lu}[\p{L}]*){0,2})/gu;

/** Words that end a locality name when they follow it in a merged header line. */
const NAME_STOP = /^(doc|cong|so|ngay|dang|uy|ubnd|ve|thuc|xay|ban|tm|kt|co|chu|hdnd|viet|nam)$/;

type LocalityGuess = { name: string; folded: string; level: Level; accented: boolean };

const localityMentions = (texts: readonly string[]): LocalityGuess[] => {
  const out: LocalityGuess[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(LOCALITY_MENTION)) {
      const level = levelOf(foldText(match[1] ?? ''));
      if (!level || !match[2]) continue;
      const words: string[] = [];
      for (const word of match[2].split(/\s+/)) {
        if (NAME_STOP.test(foldOcr(word)) || words.length >= 3) break;
        words.push(word);
      }
      if (!words.length) continue;
      const name = words.join(' ');
      // "xã hội" (society) is not a commune.
      if (level === 'xã' && /^hoi\b/.test(foldOcr(name))) continue;
      out.push({
        name,
        folded: foldOcr(name),
        level,
        accented: foldText(name) !== name.toLowerCase().replace(/\s+/g, ' '),
      });
    }
  }
  return out;
};

/** Picks the document's own locality: the most mentioned name, spelled with its accents when any copy has them. */
export const pickLocality = (
  headerLines: readonly string[],
  bodyLines: readonly string[],
  stamps: readonly string[],
): { name: string | null; level: Level | null } => {
  const fromHeader = localityMentions(headerLines);
  const fromBody = localityMentions(bodyLines);
  const all = [...fromHeader, ...fromBody, ...localityMentions(stamps)];
  if (!all.length) return { name: null, level: null };
  const counts = new Map<string, number>();
  for (const guess of [...fromBody, ...fromHeader, ...fromHeader]) {
    counts.set(guess.folded, (counts.get(guess.folded) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? all[0]?.folded;
  const variants = all.filter((guess) => guess.folded === best);
  const accented = variants.find((guess) => guess.accented && guess.name !== guess.name.toUpperCase());
  const accentedUpper = variants.find((guess) => guess.accented);
  const chosen = accented ?? accentedUpper ?? variants[0];
  if (!chosen) return { name: null, level: null };
  const name = accented ? chosen.name : accentedUpper ? titleCase(chosen.name) : titleCase(chosen.folded);
  return { name, level: chosen.level };
};

const PROVINCE_MENTION =
  /(?:^|[^\p{L}])(?:tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|THÀNH PHỐ)\s+((?:\p{Lu}[\p{Ll}]*|\p{Lu}+)(?: (?:\p{Lu}[\p{Ll}]*|\p{Lu}+)){0,2})(?=$|[^\p{L}])/gu;

export const pickProvince = (texts: readonly string[]): string | null => {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(PROVINCE_MENTION)) {
      const printed = match[1]?.trim();
      if (!printed || /^(Ủy|Uỷ|UBND|Trung|ỦY|UỶ)/.test(printed)) continue;
      const name = printed === printed.toUpperCase() ? titleCase(printed) : printed;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
};

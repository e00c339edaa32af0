/**
 * Reading the national register's `formedFrom`: the former units merged into a locality on 1/7/2025, as
 * the government's merger map prints them (free text).
 *
 * The shapes met in the register (3,321 communes):
 * - a plain list: "Xã Bình Long, Xã Phương Giao, Xã Dân Tiến" (also joined by "và");
 * - a kind shared by a list: "các phường Cửa Nam, Điện Biên", "phần còn lại của phường Cửa Đông, Đồng
 *   Xuân" (an item without a kind takes the kind of the item before it, and says so: `kindInherited`);
 * - a qualifier telling two namesakes apart: "Xã Đồng Tiến (huyện Yên Thế)", "Phường 4 (Quận 8)";
 * - parts: "một phần diện tích TN, quy mô dân số của …", "phần còn lại của …", "Xã X (phần còn lại sau
 *   khi sáp nhập vào xã Y)", "Xã X (một phần)". A part phrase holds for every unit after it until a
 *   "Toàn bộ diện tích …" phrase (the map lists the parts last); "toàn bộ quy mô dân số" alone does not
 *   make a part whole (the area is still split);
 * - "giữ nguyên": the unit kept its territory (no former units); null: not known.
 *
 * Anything else (a unit with no kind and none before it, "khu vực bãi bồi ven biển (…)") is returned as
 * unread text, never dropped: the caller shows it as printed.
 */
import { normalizeText } from './text';

/** The kinds of former units, lower case (as stored in `locality.kind`). */
export const FORMER_UNIT_KINDS = [
  'thị trấn',
  'thị xã',
  'thành phố',
  'đặc khu',
  'phường',
  'xã',
  'huyện',
  'quận',
  'tỉnh',
] as const;
export type FormerUnitKind = (typeof FORMER_UNIT_KINDS)[number];

/** Whether the whole former unit went into this one, or only a part of it (the rest went elsewhere). */
export type FormerUnitShare = 'whole' | 'part';

export type FormerUnit = {
  kind: FormerUnitKind;
  /** The name after the kind, as printed ("Bình Long", "1"). */
  name: string;
  /** What told namesakes apart, as printed without parentheses ("huyện Yên Thế"); null when none. */
  qualifier: string | null;
  share: FormerUnitShare;
  /** True when the text printed no kind before this name and it was taken from the list ("các phường …"). */
  kindInherited: boolean;
};

export type FormedFromReading = {
  /** "giữ nguyên": the unit kept its territory. */
  kept: boolean;
  units: FormerUnit[];
  /** The pieces of text that name no unit the reader understands, as printed. */
  unread: string[];
};

const KIND_PATTERN = FORMER_UNIT_KINDS.join('|');
/** A kind at the start of a piece, any case ("Xã", "xã", "Thị trấn"). */
const LEADING_KIND = new RegExp(`^(${KIND_PATTERN})(?=\\s|$)\\s*`, 'iu');
/** Words that introduce units without naming one (each may repeat, in any order). */
const PHRASES: Array<{ pattern: RegExp; share?: FormerUnitShare }> = [
  { pattern: /^(?:và|sắp xếp)\s+/iu },
  { pattern: /^một phần diện tích (?:TN|tự nhiên)\s*(?:,\s*)?/iu, share: 'part' },
  { pattern: /^toàn bộ\s+diện tích (?:TN|tự nhiên)\s*(?:,\s*)?/iu, share: 'whole' },
  { pattern: /^(?:toàn bộ\s+|toàn bố\s+)?quy mô dân số\s*/iu },
  { pattern: /^phần còn (?:lại|lai) (?:của|củ)\s+/iu, share: 'part' },
  { pattern: /^(?:của|các)\s+/iu },
];
/** Trailing words after a list of parts ("… Đồng Xuân sau khi sắp xếp theo quy định tại khoản 99 …"). */
const TRAILING = /\s+sau khi sắp xếp\b.*$/iu;
/** A name: starts with a capital letter or a digit; letters, digits, spaces, apostrophes, hyphens. */
const NAME = /^[\p{Lu}\d][\p{L}\p{M}\d '’.-]*$/u;
/**
 * A name printed without its kind must be a proper name (every word capitalised: "Phổ Hòa", "Lê Lợi"),
 * not a description ("Trường bắn TB1", "khu vực bãi bồi ven biển").
 */
const PROPER_NAME = /^[\p{Lu}\d][\p{L}\p{M}\d'’.-]*(?: [\p{Lu}\d][\p{L}\p{M}\d'’.-]*)*$/u;
/** A parenthesised note that makes the unit a part. */
const PART_NOTE = /^(?:phần còn lại|một phần)(?=\s|$)/iu;
/** A parenthesised note that names where the unit was (told namesakes apart). */
const QUALIFIER_NOTE = /^(?:thuộc\s+)?(?:huyện|quận|thị xã|thành phố|tỉnh)(?=\s|$)/iu;
/** A parenthesised note that only describes the unit ("bao gồm cụm đảo Hòn Chuối"). */
const DESCRIPTION_NOTE = /^bao gồm(?=\s|$)/iu;

/**
 * Splits at commas and "và" outside parentheses.
 */
const splitTopLevel = (text: string): string[] => {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && char === ',') {
      pieces.push(text.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && char === ' ' && text.startsWith(' và ', i)) {
      pieces.push(text.slice(start, i));
      start = i + 1; // "và …" stays at the start of the next piece, read as a phrase
    }
  }
  pieces.push(text.slice(start));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece.length > 0);
};

/** The name and its parenthesised notes: "Minh Khai (quận Hai Bà Trưng) (phần còn lại …)". */
const splitNotes = (text: string): { name: string; notes: string[] } | null => {
  const open = text.indexOf('(');
  const name = (open < 0 ? text : text.slice(0, open)).trim();
  const notes: string[] = [];
  let rest = open < 0 ? '' : text.slice(open).trim();
  while (rest.length > 0) {
    if (!rest.startsWith('(')) return null;
    let depth = 0;
    let end = -1;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '(') depth += 1;
      else if (rest[i] === ')') {
        depth -= 1;
        if (depth === 0) {
          end = i;
          break;
        }
      }
    }
    if (end < 0) return null;
    notes.push(normalizeText(rest.slice(1, end)));
    rest = rest.slice(end + 1).trim();
  }
  return { name, notes };
};

const kindOf = (word: string): FormerUnitKind => word.toLocaleLowerCase('vi') as FormerUnitKind;

/**
 * Reads a register's `formedFrom` text into the former units it names.
 *
 * @param text - the register's text; null when not known
 * @returns the former units in the order printed (one entry per unit: a unit printed twice is kept once,
 *   a part if either says so), whether the unit was kept as it was, and what could not be read
 */
export const parseFormedFrom = (text: string | null | undefined): FormedFromReading => {
  const reading: FormedFromReading = { kept: false, units: [], unread: [] };
  if (text == null) return reading;
  const normal = normalizeText(text);
  if (normal.length === 0) return reading;
  if (/^giữ nguyên\.?$/iu.test(normal)) return { ...reading, kept: true };

  let share: FormerUnitShare = 'whole';
  let listKind: FormerUnitKind | null = null;
  const seen = new Map<string, FormerUnit>();
  for (const piece of splitTopLevel(normal)) {
    let rest = piece;
    // Phrases before the unit ("và một phần diện tích TN của các phường …").
    for (let matched = true; matched; ) {
      matched = false;
      for (const phrase of PHRASES) {
        const found = phrase.pattern.exec(rest);
        if (found && found[0].length > 0) {
          rest = rest.slice(found[0].length);
          if (phrase.share) share = phrase.share;
          matched = true;
        }
      }
    }
    rest = rest.replace(TRAILING, '').trim();
    if (rest.length === 0) continue; // a phrase alone ("một phần diện tích TN"): the units follow
    // A kind, possibly printed twice ("các phường Phường Giảng Võ", "của xã Xã Vầy Nưa").
    let kind: FormerUnitKind | null = null;
    for (let found = LEADING_KIND.exec(rest); found; found = LEADING_KIND.exec(rest)) {
      kind = kindOf(found[1]!);
      rest = rest.slice(found[0].length);
    }
    const kindInherited = kind === null;
    kind ??= listKind;
    const parts = splitNotes(rest);
    if (kind === null || parts === null || !(kindInherited ? PROPER_NAME : NAME).test(parts.name)) {
      reading.unread.push(piece);
      continue;
    }
    listKind = kind;
    let unitShare = share;
    const qualifiers: string[] = [];
    let understood = true;
    for (const note of parts.notes) {
      if (PART_NOTE.test(note)) unitShare = 'part';
      else if (QUALIFIER_NOTE.test(note)) qualifiers.push(note);
      else if (!DESCRIPTION_NOTE.test(note)) understood = false;
    }
    if (!understood) {
      reading.unread.push(piece);
      continue;
    }
    const unit: FormerUnit = {
      kind,
      name: parts.name,
      qualifier: qualifiers.length > 0 ? qualifiers.join('; ') : null,
      share: unitShare,
      kindInherited,
    };
    const key = formerUnitKey(unit);
    const earlier = seen.get(key);
    if (earlier) {
      if (unit.share === 'part') earlier.share = 'part';
      continue;
    }
    seen.set(key, unit);
    reading.units.push(unit);
  }
  return reading;
};

/**
 * What identifies a former unit inside one province: kind, name and qualifier, folded for case (the map
 * prints "Phường Trung Hòa" and "Phường Trung Hoà" alike only when they are written alike: no guessing).
 */
export const formerUnitKey = (unit: { kind: string; name: string; qualifier: string | null }): string =>
  [unit.kind, unit.name, unit.qualifier ?? '']
    .map((part) => part.normalize('NFC').toLocaleLowerCase('vi'))
    .join('|');

/** The kind with a capital letter, as printed before a name ("Thị trấn", "Xã"). */
export const capitalisedKind = (kind: string): string =>
  kind.length === 0 ? kind : kind[0]!.toLocaleUpperCase('vi') + kind.slice(1);

/**
 * A former unit as a reader sees it: "Xã Đồng Tiến (huyện Yên Thế)"; parts are marked by the caller.
 */
export const formerUnitLabel = (unit: { kind: string; name: string; qualifier: string | null }): string =>
  `${capitalisedKind(unit.kind)} ${unit.name}${unit.qualifier ? ` (${unit.qualifier})` : ''}`;

/**
 * Tables that exist only as lines of text → the document model's `DocTable`s.
 *
 * A plain text, an OCR text, or a DOCX/PDF made from such a text holds its appendix tables as
 * paragraphs. This module finds them — from a header with "STT"/"TT" and column labels (possibly
 * spread over lines above and below) to the signature, the next appendix or a body heading — and
 * rebuilds one cell per column, whatever the origin. Three layouts are read:
 * - separated: cells split by tabs, "|" or runs of two or more spaces, one row per line;
 * - aligned: the columns kept at the same character positions from line to line (OCR engines and
 *   `pdftotext -layout` keep x positions with spaces); wrapped cells continue on lines whose number
 *   column is empty, and a number centred in a tall cell is found on the row's middle line;
 * - flowed: one cell per line, or several cells on a line separated by single spaces. The row is
 *   rebuilt by choosing the cell boundaries that fit the header's columns best, from the kinds of the
 *   words (figures and targets, unit words, agency names, deadlines, name text) and from where the
 *   lines break.
 * A row starts at a row marker (a number in any style — 1, 2.1, "l0", "1O" —, a roman numeral or a
 * dash/letter group), not at an expected sequence. Section and group rows are kept as rows whose
 * text spans the columns after the number. Page numbers, repeated page headers and table-rule junk
 * are dropped. A table whose rows do not read (no consistent cells) is left as paragraphs.
 */
import type { DocBlock, DocCell, DocParagraph, DocTable, ReadDocument } from './document-model';
import { repairOcrLabel } from './structure';
import { startsWithUnit } from './units';

/** What a column holds, from its header label. */
export type TextColumnRole =
  | 'number'
  | 'name'
  | 'unit'
  | 'value'
  | 'lead'
  | 'coordinating'
  | 'executor'
  | 'leader'
  | 'deadline'
  | 'output'
  | 'evidence'
  | 'note'
  | 'other';

export type TextColumn = { role: TextColumnRole; label: string };

/** Folds text to lower-case letters without diacritics, one character for one (positions are kept). */
export const foldKeepingPositions = (text: string): string =>
  Array.from(text, (ch) => {
    if (ch === 'đ' || ch === 'Đ') return 'd';
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    return base.length === 1 ? base : ch;
  }).join('');

/** Header label patterns (on folded text), longest first at the same place. */
const LABEL_PATTERNS: Array<[TextColumnRole, RegExp]> = [
  ['number', /\b(?:so thu tu|so tt|stt|tt)\b/g],
  [
    'name',
    /\b(?:chi tieu(?: cu the)?(?:\s*\/\s*moc thoi gian)?|noi dung(?: nhiem vu| cong viec| chi tieu)?|nhiem vu(?:,? giai phap)?|ten (?:chi tieu|nhiem vu|cong viec|du an)|cong viec|hoat dong|giai phap|danh muc)\b/g,
  ],
  // "Đơn vị" alone right before the year columns is the unit of measure ("Đơn vị | Năm 2025 | …").
  ['unit', /\b(?:don vi tinh|dvt|don vi(?= (?:nam )?20[2-6]\d\b))\b/g],
  [
    'lead',
    /\b(?:(?:don vi|co quan|bo phan|cq|dv)\s+)?ch[uiy] tri(?: thuc hien| theo doi,? danh gia| tham muu)?\b/g,
  ],
  ['coordinating', /\b(?:(?:don vi|co quan|bo phan|cq|dv)\s+)?ph[oe]i h[oe]p(?: thuc hien)?\b/g],
  [
    'deadline',
    /\b(?:thoi gian(?: thuc hien| hoan thanh| trien khai)?|thoi han(?: hoan thanh)?|tien do(?: thuc hien| hoan thanh)?|moc hoan thanh)\b/g,
  ],
  [
    'executor',
    /\b(?:(?:ca nhan\s*\/\s*co quan|ca nhan|co quan|don vi|nguoi|can bo|cong chuc|bo phan)\s+)?th[uw][ce] hien\b/g,
  ],
  ['leader', /\b(?:lanh dao (?:phu trach|chi dao)|dong chi (?:phu trach|chi dao)|chi dao|phu trach)\b/g],
  ['output', /\b(?:san pham(?: dau ra)?|ket qua(?: dau ra| du kien| can dat)?)\b/g],
  ['value', /\b(?:muc tieu(?: theo nam)?|gia tri|chi so|lo trinh|phan dau)\b/g],
  ['evidence', /\bminh chung\b/g],
  ['note', /\bghi chu\b/g],
  ['other', /\b(?:kinh phi|nguon (?:kinh phi|von))\b/g],
  ['value', /\b20[2-6]\d(?:\s*[-–]\s*20[2-6]\d)?\b/g],
];

type LabelMatch = { role: TextColumnRole; start: number; end: number; year: boolean };

const findLabelMatches = (folded: string): LabelMatch[] => {
  const all: LabelMatch[] = [];
  for (const [role, pattern] of LABEL_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of folded.matchAll(pattern)) {
      const start = match.index ?? 0;
      all.push({ role, start, end: start + match[0].length, year: /^20/.test(match[0]) });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: LabelMatch[] = [];
  for (const match of all) {
    const last = chosen.at(-1);
    if (last && match.start < last.end) continue;
    chosen.push(match);
  }
  return chosen;
};

/**
 * Splits a header written as running text ("Stt Chỉ tiêu Mức năm 2025 (Cơ sở) 2026 2027 Đơn vị chủ
 * trì …") into one label per column, by the keywords each label is made of. Every year is a column of
 * its own, with the words around it ("Mức năm 2030 (Đích)"); a group label over the years ("Mục tiêu
 * theo năm") is folded into each year's label.
 *
 * @param text - the header's lines joined by spaces
 * @returns the columns in printed order
 */
export const splitHeaderLabels = (text: string): TextColumn[] => {
  const flat = repairOcrLabel(text.replace(/\s+/g, ' ').trim());
  const folded = foldKeepingPositions(flat);
  const matches = findLabelMatches(folded);
  const columns: TextColumn[] = [];
  // Words printed above "STT" that are no label of their own ("Mức năm" over the first year).
  const pre = matches[0]?.role === 'number' ? flat.slice(0, matches[0].start).trim() : '';
  let cursor = pre ? (matches[0]?.start ?? 0) : 0;
  let groupLabel = '';
  for (let k = 0; k < matches.length; k++) {
    const match = matches[k] as LabelMatch;
    let end = match.end;
    // A trailing parenthesis belongs to the label: "2025 (Cơ sở)", "2030 (Đích)".
    const paren = /^\s*\([^)]{0,30}\)/.exec(flat.slice(end));
    if (paren && (matches[k + 1]?.start ?? Number.POSITIVE_INFINITY) >= end + paren[0].length)
      end += paren[0].length;
    const label = flat
      .slice(cursor, end)
      .replace(/^[\s|/,;:.-]+/, '')
      .trim();
    cursor = end;
    const next = matches[k + 1];
    if (match.role === 'value' && !match.year && next?.year && !/\S{3,}/.test(flat.slice(end, next.start))) {
      groupLabel = label;
      continue;
    }
    if (!match.year) groupLabel = '';
    columns.push({ role: match.role, label: groupLabel && match.year ? `${groupLabel} ${label}` : label });
  }
  const firstYear = columns.find((column) => column.role === 'value' && /\b20\d\d\b/.test(column.label));
  if (pre && firstYear) firstYear.label = `${pre} ${firstYear.label}`;
  return dropGroupLabels(columns);
};

/** A label that names a group of columns, not a column: "Đơn vị thực hiện", "Tổ chức thực hiện". */
const GROUP_EXECUTOR = /^(?:don vi|to chuc|co quan|bo phan)?\s*thuc hien$/;

/**
 * Puts the columns of a merged header in their printed order when the header was read row by row
 * ("… Mục tiêu theo năm | Đơn vị thực hiện | Sản phẩm" over "2025 … 2030 | Chủ trì | Phối hợp"): a
 * target label without a year is replaced by the run of year columns that comes later (its words go
 * into each year's label), and a generic "… thực hiện" by the run of lead and coordinating columns that
 * comes later.
 */
const dropGroupLabels = (columns: TextColumn[]): TextColumn[] => {
  const yearLabel = (c: TextColumn) => c.role === 'value' && /\b20[2-6]\d\b/.test(c.label);
  const unitLabel = (c: TextColumn) => c.role === 'lead' || c.role === 'coordinating';
  /** The run of columns after `index` that starts at the first one passing `test`. */
  const runAfter = (list: readonly TextColumn[], index: number, test: (c: TextColumn) => boolean) => {
    const start = list.findIndex((c, k) => k > index && test(c));
    if (start < 0) return [];
    let end = start;
    while (end < list.length && test(list[end] as TextColumn)) end++;
    return list.slice(start, end);
  };
  let out = [...columns];
  for (let index = 0; index < out.length; index++) {
    const column = out[index] as TextColumn;
    const groupOfYears = column.role === 'value' && !yearLabel(column);
    const groupOfUnits =
      column.role === 'executor' && GROUP_EXECUTOR.test(foldKeepingPositions(column.label).trim());
    if (!groupOfYears && !groupOfUnits) continue;
    const run = runAfter(out, index, groupOfYears ? yearLabel : unitLabel);
    if (!run.length) continue;
    // Already in place (the sub-labels follow the group label at once): a unit group label is dropped,
    // a target label is left as read (it may be a column of its own).
    if (out.indexOf(run[0] as TextColumn) === index + 1) {
      if (groupOfUnits) out.splice(index--, 1);
      continue;
    }
    if (groupOfYears)
      for (const year of run)
        if (!foldKeepingPositions(year.label).includes(foldKeepingPositions(column.label)))
          year.label = `${column.label} ${year.label}`;
    const rest = out.filter((c) => c !== column && !run.includes(c));
    rest.splice(index, 0, ...run);
    out = rest;
    index += run.length - 1;
  }
  return out;
};

/** Classifies one header label (a cell of a separated or aligned header). */
export const roleOfHeaderLabel = (label: string): TextColumnRole => {
  const matches = findLabelMatches(foldKeepingPositions(repairOcrLabel(label.replace(/\s+/g, ' '))));
  if (!matches.length) return 'other';
  if (matches.some((match) => match.year)) return 'value';
  // A group label over its columns ("Tổ chức thực hiện" above "Cơ quan chủ trì"): the column's own
  // label, printed lower, says what it holds.
  const first = matches[0] as LabelMatch;
  const own = matches.find((match) => match.role === 'lead' || match.role === 'coordinating');
  if (first.role === 'executor' && own && own !== first) return own.role;
  return first.role;
};

// ---------------------------------------------------------------------------------------------------
// Lines

type Line = { text: string; block: number; page?: number };

/** A line that opens a table header: "STT", "TT", "Số TT", possibly after a rule or a "|". */
const isHeaderStart = (text: string): boolean =>
  /^[\s|[(]*(?:stt|tt|so tt|s[o0] tt)\b/.test(foldKeepingPositions(text));

/** Lines that are only table rules or scanner junk: "|____|", "-----", "===", ". , :". */
const isRuleJunk = (text: string): boolean => {
  const bare = text.replace(/\s+/g, '');
  if (!bare) return true;
  if (/^[-_=|+.,:;'"`~*•·—–\\/[\]()]+$/.test(bare)) return true;
  return false;
};

/** A page number or a running page header inside a table: "10", "- 3 -", "Trang 3". */
const isPageNumber = (text: string): boolean => /^\s*(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*-)?\s*$/i.test(text);

/** The end of a table: the next appendix, the signature, the list of recipients. */
const endsTable = (text: string): boolean => {
  const folded = foldKeepingPositions(text).trim();
  if (/^(phu luc|phy luc)\b/.test(folded) && /^\s*P\S*\s+L/u.test(text.trim())) return true;
  // "Phụ lục số 02" alone on a line set in from the margin (centred): the next appendix's heading. A cell
  // wrapped onto "Phụ lục số 01" ("Theo lộ trình tại" / "Phụ lục số 01") starts at the margin.
  if (/^\s{3,}/.test(text) && /^(phu luc|phy luc)(?: so)? [0-9ivx]{1,4}\.?$/.test(folded)) return true;
  if (/^(noi nhan|t\/m|tm\.|kt\.|k\/t|thua lenh|thua uy quyen)/.test(folded)) return true;
  // Digital-signature stamps the signing software appends.
  if (/da ky len van ban nay|^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}/.test(folded)) return true;
  if (/^(chu tich|bi thu|pho chu tich|pho bi thu)$/.test(folded.replace(/[^a-z ]/g, '').trim()))
    return /^\P{Ll}+$/u.test(text.trim());
  // A body heading: "IV. TỔ CHỨC THỰC HIỆN" — a roman numeral with a dot and a heading in capitals.
  const heading = /^\s*([IVX]{1,4})\.\s+(.{6,})$/.exec(text);
  if (heading?.[2]) {
    const letters = heading[2].replace(/[^\p{L}]/gu, '');
    const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
    if (letters.length > 6 && upper / letters.length > 0.9) {
      return /\b(muc tieu|nhiem vu|giai phap|to chuc thuc hien|kinh phi|muc dich|yeu cau|che do bao cao)\b/.test(
        foldKeepingPositions(heading[2]),
      );
    }
  }
  return false;
};

// ---------------------------------------------------------------------------------------------------
// Row markers

const DAMAGED_DIGITS: Record<string, string> = { l: '1', I: '1', '|': '1', i: '1', O: '0', o: '0' };

/**
 * Reads a printed row number, also as OCR damages it ("l0" → "10", "1O" → "10", "I1" → "11").
 *
 * @param text - the printed number (no spaces)
 * @returns the number as digits (with dots for "2.1"), or null when it is not a row number
 */
export const readRowNumber = (text: string): string | null => {
  // A row lettered a, b, c … printed bare in the number column ("l", "i", "o" read as digits).
  if (/^[a-hj-kmnp-zđ]$/u.test(text)) return text;
  const bare = text.replace(/[.)]+$/, '');
  if (/^\d{1,3}(?:\.\d{1,3}){0,2}$/.test(bare)) return bare;
  if (bare === 'l') return '1';
  if (/^[\dlI|iOo]{1,3}$/.test(bare) && /\d/.test(bare)) {
    const digits = Array.from(bare, (ch) => DAMAGED_DIGITS[ch] ?? ch).join('');
    return /^\d+$/.test(digits) ? String(Number(digits)) : null;
  }
  return null;
};

const ROMAN = /^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})$/;

/** Reads a roman numeral, also as OCR prints it ("Il", "I11", "1V"), or null. */
export const readRomanMarker = (text: string): string | null => {
  const bare = text.replace(/[.)'’`]+$/, '');
  if (!/^[IVXLl1|]{1,5}$/.test(bare) || !/[IVX]/.test(bare)) return null;
  const roman = bare.replace(/[l1|]/g, 'I');
  return ROMAN.test(roman) ? roman : null;
};

type Marker =
  | { kind: 'number'; number: string; rest: string }
  | { kind: 'section'; marker: string; rest: string }
  | { kind: 'group'; marker: string; rest: string };

/**
 * Reads the marker that opens a table line: a row number, a roman section, a dash or letter group.
 *
 * @param text - the line (trimmed)
 * @returns the marker and the text after it, or null
 */
export const readMarker = (text: string): Marker | null => {
  const trimmed = text.replace(/^[\s|[]+/, '');
  const first = /^(\S+?)(?:[\s|[\t]+|$)/.exec(trimmed);
  if (!first?.[1]) return null;
  const token = first[1];
  const rest = trimmed
    .slice(first[0].length)
    .replace(/^[\s|[]+/, '')
    .trim();
  const number = readRowNumber(token);
  // The row's first cell opens with a word, or with a figure that a word follows ("100% nhà văn hóa").
  if (number !== null && (!rest || /^[\p{L}"“(]|^\d{1,3}%?\s+\p{Ll}/u.test(rest)))
    return { kind: 'number', number, rest };
  const roman = readRomanMarker(token);
  if (roman && /^[\p{Lu}"“(]/u.test(rest)) return { kind: 'section', marker: roman, rest };
  if (/^[-–+•*]$/.test(token) && /^\p{Lu}/u.test(rest)) return { kind: 'group', marker: '-', rest };
  if (/^[A-ZĐ][.)]$|^[a-zđ]\)$/.test(token) && /^\p{Lu}/u.test(rest))
    return { kind: 'group', marker: token.replace(/[.)]$/, ''), rest };
  return null;
};

// ---------------------------------------------------------------------------------------------------
// Flowed rows: choosing cell boundaries by kinds

type Token = { text: string; lineStart: boolean; hard: boolean };

const FIGURE = /^[≥≤><=~]?\(?[+-]?\d[\d.,]*%?\)?[,;]?$/;
const COMPARATOR = /^(?:[≥≤><=~]|>=|<=)$/;
const isFigure = (text: string): boolean => FIGURE.test(text) && !/^\d{1,2}\/\d{4}$/.test(text);
const isValueWord = (folded: string): boolean =>
  /^(duy|tri|dat|tren|duoi|toi|thieu|da|100%|khong|co|-|—|–|x)$/.test(folded);
const isCapitalised = (text: string): boolean => /^["“(]?\p{Lu}/u.test(text);
const foldWord = (text: string): string => foldKeepingPositions(text).replace(/[^a-z0-9%-]/g, '');

const DEADLINE_START =
  /^(quy|nam|thang|truoc|trong|tu|den|hang|hang nam|thuong xuyen|giai doan|dinh ky|\d{1,2}\/\d{4}|20[2-6]\d)\b/;

/** Per-token facts the costs need, with prefix sums so that a span's cost is read in constant time. */
type Features = {
  figure: number[];
  letters: number[];
  ranges: number[];
  loose: number[];
  keeps: number[];
  unitAt: boolean[];
  deadlineAt: boolean[];
};

const prefix = (flags: readonly boolean[]): number[] => {
  const sums = [0];
  flags.forEach((flag, index) => {
    sums.push((sums[index] ?? 0) + (flag ? 1 : 0));
  });
  return sums;
};

const featuresOf = (tokens: readonly Token[]): Features => {
  const texts = tokens.map((token) => token.text);
  const folded = texts.map(foldWord);
  let depth = 0;
  const loose: boolean[] = [];
  for (const text of texts) {
    loose.push(depth === 0 && (isFigure(text) || text === '%') && !/^\(/.test(text));
    depth = Math.max(0, depth + (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length);
  }
  const rest = (index: number) => texts.slice(index, index + 4).join(' ');
  return {
    figure: prefix(texts.map((text) => isFigure(text))),
    letters: prefix(texts.map((text, index) => /\p{L}{2,}/u.test(text) && !isValueWord(folded[index] ?? ''))),
    ranges: prefix(folded.map((word) => /^[-–~&]$|^(den|toi)$/.test(word))),
    loose: prefix(loose),
    keeps: prefix(folded.map((word) => word === 'duy')),
    unitAt: texts.map((_, index) => startsWithUnit(rest(index))),
    deadlineAt: texts.map((_, index) => DEADLINE_START.test(foldKeepingPositions(rest(index)))),
  };
};

const count = (sums: readonly number[], from: number, to: number): number =>
  (sums[to] ?? 0) - (sums[from] ?? 0);

/** Cost of a span of tokens as the content of a column (lower is a better fit). */
const cellCost = (
  tokens: readonly Token[],
  features: Features,
  from: number,
  to: number,
  role: TextColumnRole,
): number => {
  const size = to - from;
  if (size === 0) {
    if (role === 'name') return 6;
    if (role === 'value') return 1.4;
    // A plan names a lead more often than partners, a leader or an executor.
    if (role === 'lead') return 1.1;
    return 0.9;
  }
  const first = (tokens[from] as Token).text;
  const figures = count(features.figure, from, to);
  const letters = count(features.letters, from, to);
  const unitStart = features.unitAt[from] === true;
  switch (role) {
    case 'name':
      // Figures in a name are rare outside parentheses ("(phấn đấu 3%)"): they are a value cell.
      return (figures === size ? 4 : 0) + (isFigure(first) ? 1.5 : 0) + count(features.loose, from, to) * 0.6;
    case 'unit': {
      if (size > 4) return 2 + size;
      if (figures) return 3;
      return unitStart ? 1 : 0.2;
    }
    case 'value': {
      // One target: a figure with its comparator, "Duy trì" and a note; several figures are several cells.
      const extraFigures = Math.max(0, figures - 1 - count(features.ranges, from + 1, to));
      const extraKeeps = Math.max(0, count(features.keeps, from, to) - 1);
      const textCost = figures ? Math.max(0, letters - 3) * 0.8 : Math.max(0, letters - 6) * 0.4 + 0.3;
      // A dash at either end of a longer cell is a "no target" cell of its own, not a range ("60 - 80").
      const last = (tokens[to - 1] as Token).text;
      const looseDash = size > 1 && (/^[-–—]$/.test(first) || /^[-–—]$/.test(last)) ? 1.5 : 0;
      // A unit sign alone ("%") is the unit column's, never a target.
      const bareSign = size === 1 && /^[%‰]$/.test(first) ? 3 : 0;
      return (
        extraFigures * 2.5 +
        extraKeeps * 2 +
        textCost +
        (unitStart && !figures ? 3 : 0) +
        looseDash +
        bareSign
      );
    }
    case 'lead':
    case 'coordinating':
    case 'executor':
    case 'leader': {
      const start = unitStart || /^(ong|ba|dong|d\/c|ubnd|cac)$/.test(foldWord(first));
      return (start ? -0.6 : 0.8) + (isFigure(first) ? 3 : 0) + (/^\p{Ll}/u.test(first) ? 1.5 : 0);
    }
    case 'deadline':
      return features.deadlineAt[from] ? -0.4 : unitStart ? 2.5 : 0.6;
    default:
      return 0.3;
  }
};

/** A unit name's first words alone on a line: the name goes on below ("Văn phòng" / "HĐND&UBND"). */
const UNIT_HEAD_ONLY =
  /^(van phong|phong|trung tam|cong an|ban|uy ban|cong chuc|vien chuc|can bo|doanh nghiep|to|cac|cac phong|ban chi huy|tram)$/;

/** How many parentheses are open before token `index`. */
const depthBefore = (tokens: readonly Token[], index: number): number => {
  let depth = 0;
  for (let k = 0; k < index; k++) {
    const text = (tokens[k] as Token).text;
    depth += (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
    if (depth < 0) depth = 0;
  }
  return depth;
};

/** Cost of starting a new cell at token `index` (a boundary between index-1 and index). */
const boundaryCost = (tokens: readonly Token[], index: number): number => {
  const token = tokens[index] as Token;
  const previous = tokens[index - 1] as Token;
  if (token.hard) return 0;
  const text = token.text;
  const before = previous.text;
  if (depthBefore(tokens, index) > 0) return 4; // inside a parenthesis
  let lineStart = index - 1;
  while (lineStart > 0 && !(tokens[lineStart] as Token).lineStart) lineStart--;
  const lineSoFar = foldKeepingPositions(
    tokens
      .slice(lineStart, index)
      .map((t) => t.text)
      .join(' '),
  ).trim();
  if (UNIT_HEAD_ONLY.test(lineSoFar)) return 3; // "Văn phòng" / "HĐND&UBND"
  if (/^(duy tri|dat|phan dau)$/.test(lineSoFar) && isFigure(text)) return 2; // "Duy trì" / "100%"
  const glued = /[,;&/]$/.test(before) || /^(va|cua|cac|voi|tren|cho|ve|-|–)$/.test(foldWord(before));
  if (token.lineStart) {
    let cost = 0.4;
    if (/^\p{Ll}/u.test(text)) cost += 2.2;
    if (glued) cost += 1.8;
    if (/^[-–]$/.test(text) && /^\p{Lu}/u.test(tokens[index + 1]?.text ?? '')) cost += 1.6;
    // A note in parentheses on its own line goes on the cell above ("Trung tâm" / "(chủ trì)"), unless the
    // line above ended a figure: then it is as likely the next cell, a target said in words ("(Đã đạt)").
    if (/^\(/.test(text) && !isFigure(text) && !(isFigure(before) || /%\)?$/.test(before))) cost += 1;
    return cost;
  }
  // Mid-line: only where the kind of word changes. A dash between targets is a cell saying "no
  // target" ("100 - - 100"), not a hyphen joining words.
  const dash = (word: string) => /^[-–—]$/.test(word);
  const valueLike = (word: string) => isFigure(word) || dash(word) || /%\)?$/.test(word);
  if ((dash(text) || dash(before)) && valueLike(text) && valueLike(before)) return 0.3;
  // "… 100 - Trung tâm HCC": the dash closes the targets, the unit name opens the next cell.
  if (dash(before) && isCapitalised(text) && valueLike(tokens[index - 2]?.text ?? ''))
    return startsWithUnit(
      tokens
        .slice(index, index + 4)
        .map((t) => t.text)
        .join(' '),
    )
      ? 0.2
      : 0.6;
  if (glued) return 4;
  const figureNow = isFigure(text) || COMPARATOR.test(text);
  const figureBefore = isFigure(before) || /%\)?$/.test(before);
  if (figureNow && figureBefore) return COMPARATOR.test(before) ? 4 : 0.3;
  if (figureNow) return /\p{L}{2,}\.?$/u.test(before) ? 0.9 : 2;
  if (/^duy$/.test(foldWord(text)) && figureBefore) return 0.5;
  if (text === '%' || /^%/.test(text)) return 0.9;
  if (isCapitalised(text)) {
    const rest = tokens
      .slice(index, index + 4)
      .map((t) => t.text)
      .join(' ');
    if (figureBefore || before === '%') return startsWithUnit(rest) ? 0.2 : 0.6;
    return startsWithUnit(rest) ? 0.9 : 3.2;
  }
  return 5;
};

/** Rows longer than this are not a table row read in order (an OCR page read across columns). */
const MAX_ROW_TOKENS = 220;
/** The longest cell, in words. */
const MAX_CELL_TOKENS = 90;

/** Cost of keeping a hard separator inside one cell. */
const HARD_INSIDE = 3;

/**
 * Splits the words of one row into the given columns, choosing the boundaries with the lowest total
 * cost (dynamic programming over token positions).
 *
 * @param tokens - the row's words in reading order (after the row number)
 * @param roles - the columns after the number column
 * @returns the cells' text and the total cost (lower is surer)
 */
export const assignCells = (
  tokens: readonly Token[],
  roles: readonly TextColumnRole[],
): { cells: string[]; cost: number } => {
  const m = tokens.length;
  const n = roles.length;
  if (m > MAX_ROW_TOKENS)
    return { cells: [joinTokens(tokens), ...roles.slice(1).map(() => '')], cost: Infinity };
  const features = featuresOf(tokens);
  const boundaries = tokens.map((_, index) => (index > 0 ? boundaryCost(tokens, index) : 0));
  const hardPrefix: number[] = [0];
  for (let i = 0; i < m; i++) hardPrefix.push((hardPrefix[i] ?? 0) + (i > 0 && tokens[i]?.hard ? 1 : 0));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-1));
  (best[0] as number[])[0] = 0;
  for (let c = 0; c < n; c++) {
    const role = roles[c] as TextColumnRole;
    const row = best[c] as number[];
    for (let i = 0; i <= m; i++) {
      const base = row[i] as number;
      if (!Number.isFinite(base)) continue;
      const start = i > 0 && i < m ? (boundaries[i] ?? 0) : 0;
      const last = Math.min(m, i + MAX_CELL_TOKENS);
      for (let j = i; j <= last; j++) {
        const inside = j > i ? ((hardPrefix[j] ?? 0) - (hardPrefix[i + 1] ?? 0)) * HARD_INSIDE : 0;
        const cost = base + cellCost(tokens, features, i, j, role) + (j > i ? start : 0) + inside;
        const next = best[c + 1] as number[];
        if (cost < (next[j] as number)) {
          next[j] = cost;
          (from[c + 1] as number[])[j] = i;
        }
      }
    }
  }
  if (!Number.isFinite((best[n] as number[])[m] as number))
    return { cells: [joinTokens(tokens), ...roles.slice(1).map(() => '')], cost: Infinity };
  const cells = new Array<string>(n).fill('');
  let j = m;
  for (let c = n; c > 0; c--) {
    const i = (from[c] as number[])[j] as number;
    cells[c - 1] = joinTokens(tokens.slice(i, j));
    j = i;
  }
  return { cells, cost: (best[n] as number[])[m] as number };
};

/** Joins tokens into a cell's text, gluing a symbol broken at a hyphen across lines ("57-" + "NQ/TW"). */
const joinTokens = (tokens: readonly Token[]): string => {
  let out = '';
  for (const token of tokens) {
    if (!out) out = token.text;
    else if (token.lineStart && /[\p{L}\d][-/]$/u.test(out) && /^[\p{Lu}\d]/u.test(token.text))
      out += token.text;
    else out += ` ${token.text}`;
  }
  return out.replace(/\s+([,;])/g, '$1').trim();
};

/** Splits a line into tokens; tabs, "|" and runs of two or more spaces are hard separators. */
const tokensOf = (text: string): Token[] => {
  const tokens: Token[] = [];
  const chunks = text.split(/\t|\s*\|\s*| {2,}/);
  chunks.forEach((chunk, chunkIndex) => {
    chunk
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .forEach((word, index) => {
        tokens.push({ text: word, lineStart: tokens.length === 0, hard: index === 0 && chunkIndex > 0 });
      });
  });
  return tokens;
};

// ---------------------------------------------------------------------------------------------------
// Aligned columns

type Segment = { start: number; end: number; text: string };

const segmentsOf = (text: string): Segment[] => {
  const out: Segment[] = [];
  const spaced = text.replace(/\t/g, '  ').replace(/\|/g, ' ');
  for (const match of spaced.matchAll(/\S+(?: \S+)*/g)) {
    const start = match.index ?? 0;
    out.push({ start, end: start + match[0].length, text: match[0] });
  }
  return out;
};

/**
 * Finds the character columns of an aligned table: the x ranges that the lines' text covers, split at
 * the gaps no line with several cells crosses.
 *
 * @param lines - the body lines
 * @returns the column ranges, left to right (empty when fewer than three are found)
 */
export const alignedColumns = (lines: readonly string[]): Array<{ start: number; end: number }> => {
  const multi = lines.map(segmentsOf).filter((segments) => segments.length >= 3);
  if (multi.length < 2) return [];
  const width = Math.max(...multi.map((segments) => segments.at(-1)?.end ?? 0));
  const cover = new Array<number>(width + 1).fill(0);
  for (const segments of multi)
    for (const segment of segments)
      for (let x = segment.start; x < segment.end; x++) cover[x] = (cover[x] ?? 0) + 1;
  const tolerance = Math.floor(multi.length * 0.04);
  const columns: Array<{ start: number; end: number }> = [];
  let open = -1;
  for (let x = 0; x <= width; x++) {
    const covered = (cover[x] ?? 0) > tolerance;
    if (covered && open < 0) open = x;
    if (!covered && open >= 0) {
      columns.push({ start: open, end: x });
      open = -1;
    }
  }
  return columns.length >= 3 ? columns : [];
};

/**
 * The columns a header names where no body line prints anything (a column left empty on every row):
 * header labels that overlap none of the body's columns, each run of overlapping labels one column.
 * Without them such labels would join the nearest column's label.
 *
 * @param header - the header lines, aligned like the body
 * @param ranges - the columns found from the body
 * @returns the extra columns, left to right
 */
export const emptyColumns = (
  header: readonly { text: string }[],
  ranges: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> => {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    Math.min(a.end, b.end) > Math.max(a.start, b.start);
  const loose = header
    .flatMap((line) => segmentsOf(line.text))
    .filter((segment) => !ranges.some((range) => overlaps(range, segment)))
    .sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const segment of loose) {
    const last = out.at(-1);
    if (last && segment.start < last.end) last.end = Math.max(last.end, segment.end);
    else out.push({ start: segment.start, end: segment.end });
  }
  // A run that grew over a body column is no empty column of its own.
  return out.filter((column) => !ranges.some((range) => overlaps(range, column)));
};

/** Puts a line's segments into columns by overlap; a segment spanning columns goes to the first. */
const placeSegments = (
  segments: readonly Segment[],
  columns: ReadonlyArray<{ start: number; end: number }>,
): Array<{ text: string; span: number }> => {
  const cells = columns.map(() => ({ text: '', span: 1 }));
  for (const segment of segments) {
    let bestIndex = 0;
    let bestOverlap = -Infinity;
    const overlaps = columns.map(
      (column) => Math.min(column.end, segment.end) - Math.max(column.start, segment.start),
    );
    overlaps.forEach((overlap, index) => {
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        bestIndex = index;
      }
    });
    const first = overlaps.findIndex((overlap) => overlap > 0);
    const spanned = overlaps.filter((overlap) => overlap > 0).length;
    const index = spanned > 1 ? Math.max(first, 0) : bestIndex;
    const target = cells[index] as { text: string; span: number };
    target.text = target.text ? `${target.text} ${segment.text}` : segment.text;
    if (spanned > 1) target.span = Math.max(target.span, spanned);
  }
  return cells;
};

// ---------------------------------------------------------------------------------------------------
// Table building

type BuiltRow =
  | { kind: 'row'; number: string; cells: string[]; reasons?: string[] }
  | { kind: 'span'; marker: string; text: string };

/** Why a flowed row needs review: its cells were split by guess and the split did not read cleanly. */
export const UNSURE_SPLIT = 'Không chắc cách tách các ô của dòng này (bảng chỉ còn là văn bản)';

type BuiltTable = { columns: TextColumn[]; rows: BuiltRow[]; quality: number };

/** Folded words header labels are made of, besides the label keywords themselves. */
const HEADER_WORDS = new Set(
  (
    'stt tt so thu tu chi tieu moc thoi gian muc nam co dich ca nhan quan don vi tinh chu tri phoi hop ' +
    'thuc hien lanh dao phu trach ket qua san pham dau ra du kien hoan thanh han tien do nhiem vu noi dung ' +
    'ten gia tri giai doan ghi chu minh chung theo doi danh gia tham muu bo phan can bo cong chuc nguoi ' +
    'kinh phi nguon von lo trinh phan dau cu the va hoac cap trien khai dvt cq dv'
  ).split(' '),
);

/** A line made only of header words (no short-junk allowance): a header line printed above "STT". */
const strongHeaderish = (text: string): boolean => {
  const words = foldKeepingPositions(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return (
    words.length > 0 &&
    words.every((word) => HEADER_WORDS.has(word) || /^20[2-6]\d$/.test(word)) &&
    !readMarker(text.trim())
  );
};

/** Tells whether a line can be part of a table header: label words, years, or short scanner junk. */
const headerish = (text: string): boolean => {
  // A stage label ("Đến năm 2030", "Đến hết năm 2045") counts as its year.
  const folded = foldKeepingPositions(text).replace(/\bden (?:het )?nam (?=20[2-6]\d\b)/g, '');
  // A title above the table names a document ("… Nghị quyết số 57-NQ/TW"): no column is labelled so.
  if (/ban hanh kem|phu luc|ke hoach so|kem theo|nghi quyet|\b\d+\s*[-/]\s*[a-z]{2}/.test(folded))
    return false;
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  if (!words.length) return true;
  const known = words.filter(
    (word) => HEADER_WORDS.has(word) || /^20[2-6]\d$/.test(word) || word.length <= 2,
  );
  if (known.length >= words.length * 0.7) return true;
  const raw = text.trim().split(/\s+/);
  return raw.length <= 3 && raw.every((word) => word.length <= 5) && !/^\p{Lu}\p{Ll}/u.test(text.trim());
};

/**
 * A table's title printed above its header ("DANH MỤC CHỈ TIÊU THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW",
 * "BẢNG PHÂN CÔNG NHIỆM VỤ"): a line in capitals that opens with a word naming a list or a table, or
 * cites a document. A label printed above "STT" in a tall header cell is a few words of that label.
 */
const isTableTitle = (text: string): boolean => {
  const trimmed = text.trim();
  const letters = trimmed.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8 || letters.replace(/[^\p{Lu}]/gu, '').length < letters.length * 0.9) return false;
  const folded = foldKeepingPositions(trimmed).replace(/\s+/g, ' ');
  return (
    /^(?:danh muc|bang|bieu|phu bieu|tong hop)\b/.test(folded) ||
    /\b(?:nghi quyet|ke hoach|quyet dinh)\b|\d+-?[a-z]*\/[a-z]/.test(folded)
  );
};

/** Tells whether a line looks like the numbering row under a header: "1 2 3 4 5", "(1) (2) (3)". */
const isColumnNumbering = (text: string): boolean => {
  const tokens = text.split(/[\s|]+/).filter(Boolean);
  if (tokens.length < 3 || !tokens.every((token) => /^\(?\d{1,2}\)?$/.test(token))) return false;
  const numbers = tokens.map((token) => Number(token.replace(/[()]/g, '')));
  return numbers.every((value, index) => index === 0 || value === (numbers[index - 1] ?? 0) + 1);
};

/** One number of a column numbering flowed a line each: "(3)". */
const isNumberingCell = (text: string): boolean => /^\s*\(\d{1,2}\)\s*$/.test(text);

const foldedLabel = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Reads a header and body of separated lines (tabs) whose cells line up by index. */
const buildSeparated = (header: readonly Line[], body: readonly Line[]): BuiltTable | null => {
  const headerCells = header.map((line) => line.text.split('\t').map((cell) => cell.trim()));
  const width = Math.max(...headerCells.map((cells) => cells.length));
  if (width < 3) return null;
  const labels = Array.from({ length: width }, (_, index) =>
    foldedLabel(headerCells.map((cells) => cells[index] ?? '').join(' ')),
  );
  const columns = labels.map((label) => ({ role: roleOfHeaderLabel(label), label }));
  if (columns[0]) columns[0].role = 'number';
  const rows: BuiltRow[] = [];
  let fitting = 0;
  for (const line of body) {
    const cells = line.text.split('\t').map((cell) => cell.trim());
    const head = cells[0] ?? '';
    const rest = cells.slice(1).filter(Boolean);
    const marker = readMarker(`${head} ${rest[0] ?? ''}`.trim());
    if (cells.length >= 2) fitting++;
    if (head && marker && marker.kind !== 'number' && rest.length <= 1) {
      rows.push({
        kind: 'span',
        marker: marker.kind === 'section' ? marker.marker : head,
        text: rest[0] ?? '',
      });
      continue;
    }
    const number = head ? readRowNumber(head) : null;
    if (number !== null) {
      rows.push({
        kind: 'row',
        number,
        cells: Array.from({ length: width - 1 }, (_, index) => cells[index + 1] ?? ''),
      });
      continue;
    }
    if (!head && rest.length === 1 && rows.at(-1)?.kind !== 'row') {
      rows.push({ kind: 'span', marker: '', text: rest[0] ?? '' });
      continue;
    }
    const last = rows.at(-1);
    if (last?.kind === 'row' && !head) {
      cells.slice(1).forEach((cell, index) => {
        if (cell) last.cells[index] = last.cells[index] ? `${last.cells[index]} ${cell}` : cell;
      });
    } else if (last?.kind === 'span' && !head && rest.length) last.text = `${last.text} ${rest.join(' ')}`;
  }
  return { columns, rows, quality: body.length ? fitting / body.length : 0 };
};

/** Reads an aligned table: columns from character positions, rows from the number column. */
const buildAligned = (header: readonly Line[], body: readonly Line[]): BuiltTable | null => {
  const bodyRanges = alignedColumns(body.map((line) => line.text));
  if (bodyRanges.length < 3) return null;
  const ranges = [...bodyRanges, ...emptyColumns(header, bodyRanges)].sort((a, b) => a.start - b.start);
  const labels = ranges.map(() => [] as string[]);
  for (const line of header) {
    const placed = placeSegments(segmentsOf(line.text), ranges);
    placed.forEach((cell, index) => {
      if (cell.text) labels[index]?.push(cell.text);
    });
  }
  const columns = labels.map((parts) => {
    const label = foldedLabel(parts.join(' '));
    return { role: roleOfHeaderLabel(label), label };
  });
  const numbered =
    columns[0]?.role === 'number' || body.some((line) => readMarker(line.text)?.kind === 'number');
  if (columns[0] && numbered) columns[0].role = 'number';
  type Pending = { marker: Marker | null; cells: Array<{ text: string; span: number }> };
  const placedLines: Pending[] = body.map((line) => {
    const cells = placeSegments(segmentsOf(line.text), ranges);
    const head = numbered ? (cells[0]?.text ?? '') : '';
    const marker = head ? readMarker(`${head} ${cells[1]?.text ?? ''}`.trim()) : null;
    return { marker, cells };
  });
  // A number printed on the first line of its row, or centred in a tall cell?
  const anchors = placedLines.filter((line) => line.marker?.kind === 'number');
  const topAnchored =
    anchors.filter((line) => /^[\p{Lu}\d"“(]/u.test(line.cells[1]?.text ?? '')).length >=
    anchors.length * 0.6;
  const rows: BuiltRow[] = [];
  let pending: Array<Pending> = [];
  const appendTo = (row: BuiltRow | undefined, lines: Pending[]): Pending[] => {
    if (row?.kind === 'span') {
      // A section's text wrapped onto the next lines: they open in lower case, as no row's name does.
      const text = (line: Pending) =>
        line.cells
          .slice(1)
          .map((cell) => cell.text)
          .filter(Boolean)
          .join(' ');
      while (lines.length && /^\p{Ll}/u.test(text(lines[0] as Pending))) {
        row.text = `${row.text} ${text(lines[0] as Pending)}`;
        lines = lines.slice(1);
      }
      return lines;
    }
    if (row?.kind !== 'row') return lines;
    for (const line of lines)
      line.cells.slice(1).forEach((cell, index) => {
        if (cell.text) row.cells[index] = row.cells[index] ? `${row.cells[index]} ${cell.text}` : cell.text;
      });
    return [];
  };
  let fitting = 0;
  let lastNumber: string | null = null;
  // A lone number left out that the next row's number follows: perhaps a row's, whose text went above.
  let skippedDoubt: string | null = null;
  const filledCells = (line: Pending) => line.cells.filter((cell) => cell.text).length;
  for (const [index, line] of placedLines.entries()) {
    const filled = filledCells(line);
    // A number alone on its line that does not follow the last row's is the page's number (a page
    // number is digits only: a letter alone on its line is a row's, its name centred beside it).
    if (line.marker?.kind === 'number' && filled === 1 && /^\d+$/.test(line.marker.number)) {
      const number = line.marker.number;
      const follows = lastNumber === null ? number === '1' : isNextNumber(lastNumber, number);
      if (!follows) {
        fitting++;
        const nextRow = placedLines
          .slice(index + 1)
          .find((other) => other.marker?.kind === 'number' && filledCells(other) > 1);
        if (nextRow?.marker?.kind === 'number' && isNextNumber(number, nextRow.marker.number)) {
          skippedDoubt = `Số "${number}" đứng riêng một dòng được coi là số trang và bỏ qua; nếu đó là số thứ tự của một dòng thì dòng ấy đã bị gộp vào dòng bên cạnh, cần kiểm tra lại`;
          const previous = rows.at(-1);
          if (previous?.kind === 'row') previous.reasons = [...(previous.reasons ?? []), skippedDoubt];
        }
        continue;
      }
    }
    if (line.marker?.kind === 'number') lastNumber = line.marker.number;
    if (line.marker && line.marker.kind !== 'number') {
      appendTo(rows.at(-1), pending);
      pending = [];
      const text = line.cells
        .slice(1)
        .map((cell) => cell.text)
        .filter(Boolean)
        .join(' ');
      rows.push({
        kind: 'span',
        marker: line.marker.kind === 'section' ? line.marker.marker : line.marker.marker,
        text,
      });
      fitting++;
      continue;
    }
    if (line.marker?.kind === 'number') {
      fitting++;
      const row: BuiltRow = {
        kind: 'row',
        number: line.marker.number,
        cells: columns.slice(1).map(() => ''),
        ...(skippedDoubt ? { reasons: [skippedDoubt] } : {}),
      };
      skippedDoubt = null;
      if (rows.at(-1)?.kind === 'span') pending = appendTo(rows.at(-1), pending);
      if (topAnchored) {
        appendTo(rows.at(-1), pending);
        appendTo(row, [line]);
      } else {
        // Lines above the number: the previous row's tail, then this row's top from the last line
        // whose name cell opens with a capital.
        const split = pending.findLastIndex((p) => /^[\p{Lu}"“(]/u.test(p.cells[1]?.text ?? ''));
        const cut = rows.at(-1)?.kind === 'row' ? Math.max(split, 0) : 0;
        appendTo(rows.at(-1), pending.slice(0, cut));
        appendTo(row, [...pending.slice(cut), line]);
      }
      pending = [];
      rows.push(row);
      continue;
    }
    // A wrapped line fits when each of its pieces lies inside one column.
    if (filled >= 2 || line.cells.every((cell) => cell.span === 1)) fitting++;
    pending.push(line);
  }
  appendTo(rows.at(-1), pending);
  return { columns, rows, quality: body.length ? fitting / body.length : 0 };
};

/**
 * A stage table: one result column, no year columns; its stages are headings between the rows.
 * (A task table's deadline cell may read "Đến năm 2030" alone on its line: not a stage table.)
 */
const isStageColumns = (columns: readonly TextColumn[]): boolean => {
  const roles = columns.map((column) => column.role);
  return (
    roles.includes('output') &&
    roles.includes('unit') &&
    !roles.includes('deadline') &&
    !columns.some((column) => /\b20[2-6]\d\b/.test(column.label))
  );
};

/** Whether header lines make a stage table's header. */
const isStageHeader = (header: readonly Line[]): boolean =>
  isStageColumns(splitHeaderLabels(header.map((line) => line.text.replace(/[|\t]/g, ' ')).join(' ')));

/** Reads a flowed (or "|"-separated) table: columns from the header's keywords, cells by kinds. */
const buildFlowed = (header: readonly Line[], body: readonly Line[]): BuiltTable | null => {
  const columns = splitHeaderLabels(header.map((line) => line.text.replace(/[|\t]/g, ' ')).join(' '));
  if (columns.length < 3 || columns[0]?.role !== 'number') return null;
  if (!columns.some((column) => column.role === 'name')) return null;
  const roles = columns.slice(1).map((column) => column.role);
  type Raw = { marker: Marker; lines: string[] };
  const stageTable = isStageColumns(columns);
  const raws: Raw[] = [];
  let previousNumber: string | null = null;
  let lastSection: string | null = null;
  for (let k = 0; k < body.length; k++) {
    const text = (body[k] as Line).text.trim();
    const section: string | null = readMarker(text) ? null : bareSectionAt(body, k, lastSection);
    if (section) {
      raws.push({
        marker: { kind: 'section', marker: section, rest: '' },
        lines: [body[++k]?.text.trim() ?? ''],
      });
      lastSection = section;
      previousNumber = null;
      continue;
    }
    const marker = readMarker(text);
    const current = raws.at(-1);
    const nextMarker = readMarker((body[k + 1]?.text ?? '').trim());
    if (marker?.kind === 'number') {
      const bare = !marker.rest;
      const inSequence = previousNumber === null || isNextNumber(previousNumber, marker.number);
      // A bare number out of sequence is a row only when close to the last ("7" after "5": a row lost);
      // a figure alone on its line ("80", "100") is a target cell of the row above.
      const near = previousNumber !== null && isNearNumber(previousNumber, marker.number);
      const currentFull =
        (current ? current.lines.join(' ').split(/\s+/).length >= roles.length : true) &&
        (previousNumber === null || near);
      if (!bare || inSequence || currentFull || current?.marker.kind !== 'number') {
        raws.push({ marker, lines: marker.rest ? [marker.rest] : [] });
        previousNumber = marker.number;
        continue;
      }
    }
    if (marker?.kind === 'section') {
      raws.push({ marker, lines: [marker.rest] });
      lastSection = marker.marker;
      previousNumber = null;
      continue;
    }
    // In a stage table, a stage heading on its own line ("Mục tiêu đến năm 2030") opens a stage, not a
    // wrapped cell.
    if (!marker && stageTable && isStageHeading(text)) {
      raws.push({ marker: { kind: 'group', marker: '', rest: text }, lines: [text] });
      previousNumber = null;
      continue;
    }
    if (marker?.kind === 'group' && (nextMarker || !current || current.marker.kind !== 'number')) {
      raws.push({ marker, lines: [marker.rest] });
      previousNumber = null;
      continue;
    }
    current?.lines.push(text);
  }
  const rows: BuiltRow[] = [];
  let fitting = 0;
  for (const [rawIndex, raw] of raws.entries()) {
    if (raw.marker.kind !== 'number') {
      rows.push({
        kind: 'span',
        marker: raw.marker.marker,
        text: raw.lines.join(' ').replace(/\s+/g, ' ').trim(),
      });
      fitting++;
      continue;
    }
    const tokens = raw.lines.flatMap((line) => tokensOf(line));
    if (!tokens.length) continue;
    // A numbered group ("1 Phát triển hạ tầng" over "1.1", "1.2"): a name alone, nothing to split.
    const next = raws[rawIndex + 1]?.marker;
    const number = raw.marker.number;
    if (
      next?.kind === 'number' &&
      next.number.startsWith(`${number}.`) &&
      !tokens.some((token) => isFigure(token.text))
    ) {
      fitting++;
      const text = joinTokens(tokens);
      rows.push({ kind: 'row', number, cells: roles.map((role) => (role === 'name' ? text : '')) });
      continue;
    }
    const { cells, cost } = assignCells(tokens, roles);
    const runs = figureRuns(tokens);
    // More figures outside parentheses than the header has value columns: a cell was lost or merged.
    const loose = featuresOf(tokens).loose.at(-1) ?? 0;
    const valueColumns = roles.filter((role) => role === 'value').length;
    const reads = cost / roles.length < 1 && runs <= 2 && Boolean(cells[roles.indexOf('name')]);
    if (reads) fitting++;
    rows.push(
      reads && (valueColumns === 0 || loose <= valueColumns)
        ? { kind: 'row', number: raw.marker.number, cells }
        : { kind: 'row', number: raw.marker.number, cells, reasons: [UNSURE_SPLIT] },
    );
  }
  return {
    columns,
    rows,
    quality: rows.length ? (fitting / rows.length) * (MIN_QUALITY / FLOWED_QUALITY) : 0,
  };
};

/** A line that is only a stage heading: "Mục tiêu đến năm 2030", "Đến hết năm 2025", "Giai đoạn 2026 - 2030". */
const isStageHeading = (text: string): boolean =>
  /^(?:muc tieu |chi tieu )?(?:den (?:het )?nam|nam|giai doan) 20[2-6]\d(?:\s*[-–]\s*20[2-6]\d)?:?$/.test(
    foldKeepingPositions(text).replace(/\s+/g, ' ').trim(),
  );

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
/** The value of a roman numeral as `readRomanMarker` gives it ("IV" → 4). */
const romanValue = (roman: string): number =>
  Array.from(roman).reduce((sum, ch, index) => {
    const value = ROMAN_VALUES[ch] ?? 0;
    return sum + (value < (ROMAN_VALUES[roman[index + 1] ?? ''] ?? 0) ? -value : value);
  }, 0);

/**
 * A section numeral alone on its line with the section's name on the next ("II" / "Phát triển nguồn
 * lực"), as a table flowed one cell per line prints it. Only the next section in order counts (the
 * first, or the one after `lastSection`): a lone "X" or "V" is more often a mark in a cell.
 *
 * @returns the roman numeral, or null when the line is not such a section
 */
const bareSectionAt = (lines: readonly Line[], index: number, lastSection: string | null): string | null => {
  const text = (lines[index]?.text ?? '').trim();
  if (/\s/.test(text)) return null;
  const roman = readRomanMarker(text);
  if (!roman) return null;
  const expected = lastSection ? romanValue(lastSection) + 1 : 1;
  if (romanValue(roman) !== expected) return null;
  const next = (lines[index + 1]?.text ?? '').trim();
  if (!/^\p{Lu}\p{Ll}/u.test(next) || readMarker(next) || endsTable(next)) return null;
  return roman;
};

/** A flowed table is kept only when this share of its rows read cleanly (its cells are a guess). */
const FLOWED_QUALITY = 0.75;

/**
 * Counts the runs of figures in a row's words once the words are in reading order: a row read cell by
 * cell has its figures together (one run, two with a note between); a scan whose OCR read every
 * printed line across all columns has a run on every line.
 */
const figureRuns = (tokens: readonly Token[]): number => {
  let runs = 0;
  let inRun = false;
  let gap = 0;
  for (const token of tokens) {
    const figure = isFigure(token.text) || /^(duy|tri|dat)$/.test(foldWord(token.text));
    if (figure) {
      if (!inRun) runs++;
      inRun = true;
      gap = 0;
    } else if (inRun && ++gap >= 3) inRun = false;
  }
  return runs;
};

/** Tells whether `next` is a row number a little after `previous` at the same depth (a row or two lost). */
const isNearNumber = (previous: string, next: string): boolean => {
  const a = previous.split('.').map(Number);
  const b = next.split('.').map(Number);
  if (a.length !== b.length || a.slice(0, -1).some((part, index) => part !== b[index])) return false;
  const step = (b.at(-1) ?? 0) - (a.at(-1) ?? 0);
  return step >= 1 && step <= 3;
};

/** Tells whether `next` can follow `previous` as a row number (2 after 1, 2.1 after 1.3, 1 after any). */
const isNextNumber = (previous: string, next: string): boolean => {
  const a = previous.split('.').map(Number);
  const b = next.split('.').map(Number);
  if (
    b.every((part, index) => index === b.length - 1 || part === a[index]) &&
    b.at(-1) === (a[b.length - 1] ?? 0) + 1
  )
    return true;
  if (b.at(-1) === 1) return true;
  return b.length === 1 && b[0] === (a[0] ?? 0) + 1;
};

/** The table as a `DocTable`: one folded header row, then one row per table row. */
const toDocTable = (table: BuiltTable, page?: number): DocTable => {
  const width = table.columns.length;
  const header: DocCell[] = table.columns.map((column, index) => ({
    text: index === 0 && column.role === 'number' && !/^(stt|tt)$/i.test(column.label) ? 'STT' : column.label,
    colSpan: 1,
    rowSpan: 1,
  }));
  const rows: DocCell[][] = [header];
  const rowReasons: Record<number, string[]> = {};
  for (const row of table.rows) {
    if (row.kind === 'row' && row.reasons?.length) rowReasons[rows.length] = row.reasons;
    if (row.kind === 'span') {
      rows.push([
        { text: row.marker, colSpan: 1, rowSpan: 1 },
        { text: row.text, colSpan: Math.max(1, width - 1), rowSpan: 1 },
      ]);
      continue;
    }
    rows.push([
      { text: row.number, colSpan: 1, rowSpan: 1 },
      ...row.cells.map((text) => ({ text: text.replace(/\s+/g, ' ').trim(), colSpan: 1, rowSpan: 1 })),
    ]);
  }
  const doc: DocTable = { kind: 'table', rows, fromText: true };
  if (Object.keys(rowReasons).length) doc.rowReasons = rowReasons;
  if (page !== undefined) doc.page = page;
  return doc;
};

/** Below this share of lines that read as rows, a candidate table is left as paragraphs. */
const MIN_QUALITY = 0.6;

type Found = { start: number; end: number; table: DocTable };

/**
 * Finds the tables in a run of lines.
 *
 * @param lines - the paragraphs' lines, in order
 * @returns the tables with the range of lines each replaces
 */
const findTables = (lines: readonly Line[]): Found[] => {
  const found: Found[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isHeaderStart((lines[i] as Line).text)) {
      i++;
      continue;
    }
    const result = readTableAt(lines, i);
    if (result) {
      found.push(result);
      i = result.end;
    } else i++;
  }
  return found;
};

const readTableAt = (lines: readonly Line[], headerIndex: number): Found | null => {
  // Header lines above "STT" (labels printed higher in a tall header cell).
  let start = headerIndex;
  while (start > 0 && headerIndex - start < 4) {
    const above = (lines[start - 1] as Line).text;
    if (isRuleJunk(above)) {
      start--;
      continue;
    }
    if (!headerish(above) || endsTable(above) || readMarker(above.trim()) || isTableTitle(above)) break;
    start--;
  }
  // Header lines below, up to the first body line. The column numbering flowed one number a line
  // ("(1)" / "(2)" …) is no label, nor a page number printed in the middle of it ("(6)" / "3" / "(7)").
  let bodyStart = headerIndex + 1;
  const numbering = new Set<number>();
  const numberingAt = (k: number) => isNumberingCell(lines[k]?.text ?? '');
  while (bodyStart < lines.length && bodyStart < headerIndex + 40) {
    const text = (lines[bodyStart] as Line).text;
    if (isRuleJunk(text) || isColumnNumbering(text)) {
      bodyStart++;
      continue;
    }
    // A page number between header labels ("Đơn vị chủ trì" / "7" / "Thời gian thực hiện"): the header
    // went on over a page break.
    const labelNext = () => {
      let k = bodyStart + 1;
      while (k < lines.length && !(lines[k] as Line).text.trim()) k++;
      return k < lines.length && strongHeaderish((lines[k] as Line).text);
    };
    if (
      numberingAt(bodyStart) ||
      (isPageNumber(text) && ((numberingAt(bodyStart - 1) && numberingAt(bodyStart + 1)) || labelNext()))
    ) {
      numbering.add(bodyStart++);
      continue;
    }
    if (readMarker(text.trim()) || endsTable(text) || !headerish(text)) break;
    // The first section's numeral alone on its line ("I" / "Hạ tầng số") opens the body.
    if (bareSectionAt(lines, bodyStart, null)) break;
    bodyStart++;
  }
  let header = lines
    .slice(start, bodyStart)
    .filter(
      (line, index) =>
        !isRuleJunk(line.text) && !isColumnNumbering(line.text) && !numbering.has(start + index),
    );
  // A stage table's first stage heading sits right under its header ("Mục tiêu đến năm 2025"): it opens
  // the first stage, it labels no column.
  while (
    header.length > 1 &&
    isStageHeading((header.at(-1) as Line).text) &&
    isStageHeader(header.slice(0, -1))
  ) {
    bodyStart = lines.indexOf(header.pop() as Line);
  }
  const headerKey = foldKeepingPositions(lines[headerIndex]?.text ?? '').replace(/[^a-z0-9]/g, '');
  // The body, up to the end of the table; repeated page headers, page numbers and rules dropped.
  const body: Line[] = [];
  let end = bodyStart;
  for (let k = bodyStart; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (endsTable(line.text) || (isAppendixTitle(line.text) && nextIsHeader(lines, k))) break;
    end = k + 1;
    if (isRuleJunk(line.text) || isColumnNumbering(line.text)) continue;
    if (isHeaderStart(line.text)) {
      const key = foldKeepingPositions(line.text).replace(/[^a-z0-9]/g, '');
      if (key !== headerKey && similarity(key, headerKey) < 0.6) {
        end = k;
        break;
      }
      // A header repeated on a new page: skip it and its other lines.
      while (
        k + 1 < lines.length &&
        headerish((lines[k + 1] as Line).text) &&
        !readMarker((lines[k + 1] as Line).text.trim())
      )
        k++;
      end = k + 1;
      // Header lines printed above the repeated "STT" line went into the body: take them out.
      while (body.length && strongHeaderish((body.at(-1) as Line).text)) body.pop();
      continue;
    }
    if (isPageNumber(line.text) && (nextIsHeader(lines, k) || /-|trang/i.test(line.text))) continue;
    body.push(line);
  }
  if (!body.length) return null;
  // Cells between "|" rules: the same as tabs ("| 1 | Tỷ lệ | % |" → "1\tTỷ lệ\t%").
  const piped = (line: Line): boolean => (line.text.match(/\|/g) ?? []).length >= 2;
  if (body.filter(piped).length >= body.length * 0.5 && header.some(piped)) {
    const toTabs = (line: Line): Line => ({
      ...line,
      text: line.text
        .trim()
        .replace(/^\|\s*|\s*\|$/g, '')
        .split(/\s*\|\s*/)
        .join('\t'),
    });
    header = header.map(toTabs);
    body.splice(0, body.length, ...body.map(toTabs));
  }
  const tabbed = body.filter((line) => line.text.includes('\t')).length >= body.length * 0.5;
  // Columns kept by spaces: gaps between cells, or a wrapped cell's line indented to its column.
  const spaced =
    body.filter((line) => /\S(?: {2,}|\s*\|\s*)\S|^ {2,}\S/.test(line.text)).length >= body.length * 0.5;
  let built: BuiltTable | null = null;
  if (tabbed && header.some((line) => line.text.split('\t').length >= 3))
    built = buildSeparated(header, body);
  if (!built && spaced && !tabbed) {
    const aligned = buildAligned(header, body);
    if (aligned && aligned.quality >= MIN_QUALITY && aligned.columns.some((c) => c.role === 'name'))
      built = aligned;
  }
  if (!built) built = buildFlowed(header, body);
  if (!built || built.quality < MIN_QUALITY || !built.rows.some((row) => row.kind === 'row')) return null;
  return { start, end, table: toDocTable(built, lines[headerIndex]?.page) };
};

/**
 * A line that is only an appendix's name, in any case ("Phụ lục số 02", "PHỤ LỤC II", "Phụ lục 1:"):
 * the next table's title when a header follows (a cell may also wrap to a line "Phụ lục số 01").
 */
const isAppendixTitle = (text: string): boolean =>
  /^ph[uy] luc(?: so)?\s*[0-9ivxl]{1,4}[.:]?$/.test(foldKeepingPositions(text).replace(/\s+/g, ' ').trim());

const nextIsHeader = (lines: readonly Line[], index: number): boolean =>
  lines.slice(index + 1, index + 6).some((line) => isHeaderStart(line.text));

/** Share of common characters of two folded strings, by bigrams. */
const similarity = (a: string, b: string): number => {
  const grams = (text: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 2 <= text.length; i++)
      out.set(text.slice(i, i + 2), (out.get(text.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  for (const [gram, count] of x) shared += Math.min(count, y.get(gram) ?? 0);
  return (2 * shared) / Math.max(1, a.length - 1 + b.length - 1);
};

/**
 * Finds the tables that a document holds only as paragraphs of text and replaces each by a
 * `DocTable` with one cell per column (see the module comment for the layouts read). Tables the
 * reader already found, and paragraphs that are not a table, are kept as they are.
 *
 * @param doc - the document as read (any origin)
 * @returns the document with those runs of paragraphs replaced by tables
 */
export const detectTextTables = (doc: ReadDocument): ReadDocument => {
  const blocks: DocBlock[] = [];
  let run: DocParagraph[] = [];
  const flush = () => {
    if (!run.length) return;
    const lines: Line[] = [];
    run.forEach((paragraph, index) => {
      for (const text of paragraph.text.split('\n')) {
        const clean = text
          .normalize('NFC')
          .replace(/[\u00a0\u2007\u202f]/g, ' ')
          .replace(/\s+$/, '');
        if (!clean.trim()) continue;
        lines.push(
          paragraph.page === undefined
            ? { text: clean, block: index }
            : { text: clean, block: index, page: paragraph.page },
        );
      }
    });
    const tables = findTables(lines);
    if (!tables.length) {
      blocks.push(...run);
      run = [];
      return;
    }
    // Lines outside the tables go back as they were: whole paragraphs when untouched, else line by line.
    const inTable = new Set<number>();
    for (const table of tables) for (let k = table.start; k < table.end; k++) inTable.add(k);
    const touched = new Set([...inTable].map((k) => (lines[k] as Line).block));
    const tableAt = new Map(tables.map((table) => [table.start, table.table]));
    let line = 0;
    run.forEach((paragraph, index) => {
      if (!touched.has(index)) {
        blocks.push(paragraph);
        return;
      }
      for (; line < lines.length && (lines[line] as Line).block <= index; line++) {
        const table = tableAt.get(line);
        if (table) blocks.push(table);
        if (inTable.has(line) || (lines[line] as Line).block !== index) continue;
        const text = (lines[line] as Line).text;
        blocks.push(
          paragraph.page === undefined
            ? { kind: 'paragraph', text }
            : { kind: 'paragraph', text, page: paragraph.page },
        );
      }
    });
    run = [];
  };
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') run.push(block);
    else {
      flush();
      blocks.push(block);
    }
  }
  flush();
  return { ...doc, blocks };
};

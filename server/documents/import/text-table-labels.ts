/**
 * Column labels of a table known only from text: what each header label says the column holds
 * (`splitHeaderLabels`, `roleOfHeaderLabel`), on text folded without diacritics.
 */
import { repairOcrLabel } from './structure';

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

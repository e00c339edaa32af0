/**
 * Rebuilds an indicator table (Phụ lục chỉ tiêu) from the text of a scan whose OCR read the table line
 * by line across all columns: each printed line mixes a slice of the name, of every year cell and of
 * the unit columns ("3 [IylephusongSGiteen | o co | 7006 | 80% | 90% | 95% 1000 |PhongVanhoa| …").
 *
 * The reader relies on the shape of such tables, not on any particular plan:
 * - the header names the year columns; roman lines are groups; a row number opens the middle line of
 *   a row, lines above it that start with a capitalised word belong to the next row;
 * - on each line, the run of figures / "Duy trì" words between the name and the unit names is that
 *   line's slice of the year cells; a "Duy trì" cell takes the figure printed below it;
 * - OCR figures are read with care ("7005" → 70%, "1000" → 100%, "8o%" → 80%); what cannot be read is
 *   left out rather than guessed;
 * - the name is restored from the standard indicator catalog when the row's letters match an entry
 *   well, and the lead unit from a vocabulary of generic unit names, matched on the row's lines.
 * Every row it builds is flagged for review.
 */
import type { TImportedIndicator, TImportedTarget } from '@core/schemas/import.schemas';
import { toTarget } from './indicator-extractor';
import { repairText } from './ocr-repair';
import { type Cell, type ParsedLine, parseLine } from './ocr-table-line';
import { catalogCandidates, findUnit, NAME_CONFIDENT, NAME_MATCH, trigramSet } from './ocr-table-names';
import { foldOcr, readRoman, romanValue } from './structure';
import { startsWithUnit } from './units';

export { parseLine, readGluedPercent } from './ocr-table-line';

/** Tells whether a line of the table starts a row's name: a capitalised word that is no unit name. */
const startsName = (text: string): boolean => {
  const stripped = text.replace(/^[^\p{L}]+/u, '');
  return /^\p{Lu}\p{Ll}+/u.test(stripped) && !startsWithUnit(foldOcr(stripped));
};

type Row = { roman: string; group: string; number: string; anchor: number; lines: number[] };

/** A roman group line: "I [Phat trién ha ting", "Il [Phat trién ngudn luc", "V' [Phat …". */
const SECTION = /^([IVXl1|]{1,5})['’`]?\s*[[(|\t ]\s*(\p{L}.{3,})$/u;
/** A row number opening a line: "3 [Ty…", "7\t50…", "1% DT" (a number OCR glued to a mark). */
const ROW_NUMBER = /^(\d{1,2})[%'’.,:;)\]]?(?=[\s[(|]|$)/;

const isHeaderLine = (line: string): boolean => {
  const folded = foldOcr(line);
  return /^(stt|tt)\b/.test(folded) && /\b(chi tieu|noi dung)\b/.test(folded);
};

const dice = (a: Set<string>, b: Set<string>): number => {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
};

type Layout = { years: number[]; baselineYear: number | null; rows: Row[]; junk: Set<number> };

/**
 * Finds the indicator table's header, groups and rows.
 *
 * @param lines - cleaned lines
 * @param from - where the appendices start
 * @returns the layout, or null when no indicator table header with years is found
 */
export const readLayout = (lines: readonly string[], from: number): Layout | null => {
  const headerIndex = lines.findIndex((line, index) => index >= from && isHeaderLine(line));
  if (headerIndex < 0) return null;
  // The header runs from the "Stt" line to the first group or row line.
  let bodyStart = headerIndex + 1;
  while (
    bodyStart < lines.length &&
    bodyStart < headerIndex + 8 &&
    !SECTION.test(lines[bodyStart] ?? '') &&
    !ROW_NUMBER.test(lines[bodyStart] ?? '')
  )
    bodyStart++;
  const headerLines = lines.slice(headerIndex, bodyStart);
  const years = [
    ...new Set(
      headerLines
        .join(' ')
        .match(/\b20[2-5]\d\b/g)
        ?.map(Number) ?? [],
    ),
  ].sort();
  if (years.length < 2) return null;
  const baselineYear = /\bco s[o6]\b/.test(foldOcr(headerLines.join(' '))) ? (years[0] ?? null) : null;
  const headerGrams = [...lines.slice(Math.max(from, headerIndex - 2), bodyStart)].map(trigramSet);

  const junk = new Set<number>();
  const rows: Row[] = [];
  let roman = '';
  let romanNumber = 0;
  let group = '';
  let expected = 1;
  let pending: number[] = [];
  let end = lines.length;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const folded = foldOcr(line);
    if (/^(phu luc|noi nhan)\b/.test(folded)) {
      end = i;
      break;
    }
    if (/^\d{1,3}$/.test(line) || isHeaderLine(line)) {
      junk.add(i);
      continue;
    }
    const grams = trigramSet(line);
    const nearHeader = lines.slice(Math.max(0, i - 4), i + 5).some(isHeaderLine);
    if (nearHeader && headerGrams.some((header) => dice(header, grams) >= 0.5)) {
      junk.add(i);
      continue;
    }
    const section = SECTION.exec(line);
    const sectionRoman = section?.[1] ? readRoman(section[1]) : null;
    if (section?.[2] && sectionRoman && romanValue(sectionRoman) === romanNumber + 1) {
      const last = rows.at(-1);
      if (pending.length && last && last.roman === roman) last.lines.push(...pending);
      else if (pending.length && romanNumber > 0) rows.push(orphanRow(roman, group, pending, lines));
      pending = [];
      roman = sectionRoman;
      romanNumber++;
      group = repairText(section[2].replace(/^[[(|]+/, '').trim()).text;
      expected = 1;
      continue;
    }
    const number = ROW_NUMBER.exec(line);
    const printed = Number(number?.[1]);
    if (number?.[1] && roman && (printed === expected || printed === expected + 1)) {
      const previous = rows.at(-1)?.roman === roman ? rows.at(-1) : undefined;
      if (printed === expected + 1) {
        // The OCR misread a row number ("o" for "2"): the missed row is centred on the line dense
        // with figures between the previous row's middle line and this one.
        const dense = pending.filter(
          (k) => (!previous || k > previous.anchor + 1) && figureCount(lines[k] ?? '') >= 3,
        );
        const missedAnchor = dense[0] ?? (previous ? undefined : densest(pending, lines));
        if (missedAnchor !== undefined) {
          const before = pending.filter((k) => k < missedAnchor);
          const cut = previous ? splitAt(before, lines) : 0;
          previous?.lines.push(...before.slice(0, cut));
          rows.push({
            roman,
            group,
            number: String(expected),
            anchor: missedAnchor,
            lines: [...before.slice(cut), missedAnchor],
          });
          pending = pending.filter((k) => k > missedAnchor);
          expected++;
        } else if (!previous) expected++;
        else continue;
      }
      // Lines since the previous row's middle line: its tail, then the top of this row from the
      // first line that opens a name.
      const last = rows.at(-1)?.roman === roman ? rows.at(-1) : undefined;
      const cut = last ? splitAt(pending, lines) : 0;
      last?.lines.push(...pending.slice(0, cut));
      rows.push({ roman, group, number: number[1], anchor: i, lines: [...pending.slice(cut), i] });
      pending = [];
      expected++;
      continue;
    }
    pending.push(i);
  }
  if (pending.length) {
    const last = rows.at(-1);
    if (last && last.roman === roman) last.lines.push(...pending.filter((k) => k < end));
    else if (roman) rows.push(orphanRow(roman, group, pending, lines));
  }
  return { years, baselineYear, rows, junk };
};

/** Where the top of the next row starts among the lines between two rows' middle lines. */
const splitAt = (between: readonly number[], lines: readonly string[]): number => {
  const split = between.findLastIndex((k) => startsName(lines[k] ?? ''));
  return split < 0 ? between.length : split;
};

/** The line with the most legible value cells. */
const densest = (indexes: readonly number[], text: readonly string[]): number | undefined =>
  [...indexes].sort((a, b) => cellCount(text[b] ?? '') - cellCount(text[a] ?? '') || a - b)[0];

const cellCount = (line: string): number =>
  parseLine(line, 0, null).cells.filter((cell) => cell.kind !== 'bad').length;

const figureCount = (line: string): number =>
  parseLine(line, 0, null).cells.filter((cell) => cell.kind === 'number').length;

/** A group with lines but no legible row number: one row, centred on its densest line. */
const orphanRow = (roman: string, group: string, lines: number[], text: readonly string[]): Row => {
  const anchor = densest(lines, text) ?? lines[0] ?? 0;
  return { roman, group, number: '1', anchor, lines };
};

/** Catalog names and aliases with their letter trigrams, for OCR-tolerant matching. */
const findLead = (row: Row, parsed: Map<number, ParsedLine>, anchors: Set<number>): string | null => {
  const above = row.lines.filter((index) => index < row.anchor).reverse();
  const below = row.lines.filter((index) => index > row.anchor);
  // The lead's first line may sit just above the middle line even when it was counted in the row above.
  const near = [row.anchor - 1, row.anchor + 1].filter((index) => !anchors.has(index) && parsed.has(index));
  const window = [
    ...new Set([row.anchor, ...above.slice(0, 2), near[0], ...below.slice(0, 1), near[1]]),
  ].filter((index): index is number => index !== undefined);
  const lines = window.map((index) => parsed.get(index)).filter((line): line is ParsedLine => Boolean(line));
  const context = lines.map((line) => (line.cells.length ? line.units : line.text)).join(' ');
  for (const line of lines) {
    const unit =
      (line.cells.length ? findUnit(line.units, context, false) : null) ??
      (line.index === row.anchor ? null : findUnit(line.text, context, true));
    if (unit) return unit.name;
  }
  return null;
};

/** The name column's slice of a line: for a line without figures, the words before its first unit. */
const nameSlice = (line: ParsedLine): string => {
  if (line.cells.length) return line.name;
  const unit = findUnit(line.name, line.name, true);
  return unit ? line.name.split(/\s+/).slice(0, unit.start).join(' ') : line.name;
};

/**
 * Puts the value cells of a row's lines together: "Duy trì" cells take the figures of the line that
 * holds as many figures below them, and the cells are aligned on the last year column (the first
 * column is the one most often empty: "Chưa có chỉ tiêu").
 */
const rowCells = (row: Row, parsed: Map<number, ParsedLine>, columns: number): Cell[] => {
  const groups = row.lines
    .map((index) => parsed.get(index))
    .filter((line): line is ParsedLine => Boolean(line?.cells.some((cell) => cell.kind !== 'bad')))
    .map((line) => ({ index: line.index, cells: [...line.cells] }));
  const used = new Set<number>();
  for (const group of groups) {
    const keeps = group.cells.filter((cell) => cell.kind === 'keep').length;
    if (!keeps) continue;
    const donor = groups
      .filter(
        (other) =>
          other !== group &&
          !used.has(other.index) &&
          Math.abs(other.index - group.index) <= 2 &&
          other.cells.every((cell) => cell.kind === 'number' || cell.kind === 'bad') &&
          other.cells.filter((cell) => cell.kind === 'number').length === keeps,
      )
      .sort((a, b) => Math.abs(a.index - group.index) - Math.abs(b.index - group.index))[0];
    if (!donor) continue;
    used.add(donor.index);
    const figures = donor.cells.filter((cell) => cell.kind === 'number');
    let k = 0;
    group.cells = group.cells.map((cell) => {
      if (cell.kind !== 'keep') return cell;
      const figure = figures[k++];
      return figure?.kind === 'number' ? { ...figure, text: `Duy trì ${figure.text}` } : cell;
    });
  }
  const anchorGroup = groups.find((group) => group.index === row.anchor && !used.has(group.index));
  const meaningful = (cells: Cell[]) => cells.filter((cell) => cell.kind !== 'bad').length;
  if (anchorGroup && meaningful(anchorGroup.cells) >= columns - 1) return anchorGroup.cells.slice(-columns);
  const all = groups.filter((group) => !used.has(group.index)).flatMap((group) => group.cells);
  const trimmed = [...all];
  while (trimmed.length > columns && trimmed[0]?.kind === 'bad') trimmed.shift();
  return trimmed.slice(-columns);
};

const targetOf = (
  year: number,
  cell: Cell,
  previous: TImportedTarget | undefined,
): TImportedTarget | null => {
  if (cell.kind === 'number') {
    const op = cell.op === '>' || cell.op === '=' ? '≥' : cell.op;
    const figure = `${cell.value}${cell.percent ? '%' : ''}`;
    const raw = cell.text.startsWith('Duy trì') ? `Duy trì ${figure}` : `${op ? `${op} ` : ''}${figure}`;
    return toTarget(year, raw, false);
  }
  if (cell.kind === 'keep') {
    // "Duy trì" without a legible figure keeps the previous year's level.
    if (previous && typeof previous.value === 'number')
      return {
        year,
        raw: `Duy trì ${previous.raw?.replace(/^(Duy trì|≥)\s*/, '')}`,
        op: '>=',
        value: previous.value,
      };
    return null;
  }
  if (cell.kind === 'words') return toTarget(year, cell.text, false);
  return null;
};

/**
 * Reads an OCR'd indicator table into indicators.
 *
 * @param lines - cleaned lines of the document
 * @param from - index of the first appendix
 * @returns the indicators, every one flagged for review; empty when no such table is found
 */
export const extractIndicatorsFromOcrTable = (
  lines: readonly string[],
  from: number,
): TImportedIndicator[] => {
  const layout = readLayout(lines, from);
  if (!layout?.rows.length) return [];
  const { years, baselineYear } = layout;
  const parsed = new Map<number, ParsedLine>();
  for (const row of layout.rows) {
    for (const index of row.lines) {
      if (layout.junk.has(index)) continue;
      const number =
        index === row.anchor ? (ROW_NUMBER.exec((lines[index] ?? '').trim())?.[1] ?? null) : null;
      parsed.set(index, parseLine(lines[index] ?? '', index, number));
    }
  }
  const anchors = new Set(layout.rows.map((row) => row.anchor));
  // Names: match every row against the catalog, then give each catalog entry to its best row.
  const rowTexts = layout.rows.map((row) =>
    row.lines
      .map((index) => {
        const line = parsed.get(index);
        return line ? nameSlice(line) : '';
      })
      .join(' ')
      .trim(),
  );
  const candidates = rowTexts.map((text) => catalogCandidates(text));
  const pairs = candidates
    .flatMap((list, rowIndex) => list.slice(0, 8).map((candidate) => ({ rowIndex, ...candidate })))
    .filter((pair) => pair.score >= NAME_MATCH)
    .sort((a, b) => b.score - a.score);
  const names = new Map<number, { code: string; text: string; score: number }>();
  const usedCodes = new Set<string>();
  for (const pair of pairs) {
    if (names.has(pair.rowIndex) || usedCodes.has(pair.code)) continue;
    // Of the entry's texts that match about as well, the fullest wording ("… trên địa bàn").
    const fullest = (candidates[pair.rowIndex] ?? [])
      .filter((other) => other.code === pair.code && other.score >= pair.score - 0.05)
      .sort((a, b) => b.text.length - a.text.length)[0];
    names.set(pair.rowIndex, { ...pair, text: fullest?.text ?? pair.text });
    usedCodes.add(pair.code);
  }

  return layout.rows.map((row, rowIndex) => {
    const reasons = ['Bảng chỉ tiêu được dựng lại từ bản OCR bị xáo trộn cột, cần đối chiếu bản gốc'];
    const match = names.get(rowIndex);
    let name: string;
    if (match) {
      name = match.text;
      if (match.score < NAME_CONFIDENT) reasons.push('Tên chỉ tiêu khôi phục từ danh mục, độ khớp thấp');
    } else {
      const words = (rowTexts[rowIndex] ?? '')
        .split(/\s+/)
        .filter((word) => /^\p{L}[\p{L},.;()-]*$/u.test(word));
      name = repairText(words.join(' ')).text;
      reasons.push('Tên chỉ tiêu bị lỗi nhận dạng (OCR), không khớp danh mục');
    }
    const cells = rowCells(row, parsed, years.length);
    const hasFigure = cells.some((cell) => cell.kind === 'number');
    const allCells = row.lines.flatMap((index) => parsed.get(index)?.cells ?? []);
    const targets: TImportedTarget[] = [];
    if (!hasFigure || allCells.filter((cell) => cell.kind === 'number').length < 2) {
      // No figure anywhere in the row: its milestones are words.
      for (const year of years) targets.push({ year, raw: null, op: 'qualitative', value: null });
      reasons.push('Các mốc là định tính, không đọc được nội dung');
    } else {
      const offset = years.length - cells.length;
      cells.forEach((cell, k) => {
        const year = years[offset + k];
        if (year === undefined) return;
        const target = targetOf(year, cell, targets.at(-1));
        if (target) targets.push(target);
      });
      if (targets.length < years.length) reasons.push('Một số mốc không đọc được, đã bỏ trống');
    }
    const percent = allCells.some((cell) => cell.kind === 'number' && cell.percent);
    return {
      code: `${row.roman}.${row.number}`,
      group: row.group || null,
      name,
      unit: percent ? '%' : null,
      targets,
      baselineYear,
      lead: findLead(row, parsed, anchors),
      executor: null,
      coordinating: [],
      leader: null,
      evidence: null,
      catalogCode: match && match.score >= NAME_CONFIDENT ? match.code : null,
      review: { confident: false, reasons },
    };
  });
};

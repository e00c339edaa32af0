/**
 * Reads the tables of a plan appendix from plain text.
 *
 * Text readers lay tables out in two ways:
 * - delimited: one row per line, cells separated by tabs (DOCX, "|" or wide-space PDF text); a wrapped
 *   cell continues on a line that starts with empty cells;
 * - flowed: each cell on its own line(s) or several cells on one line separated by single spaces
 *   (PDF text without layout). Here the row is rebuilt from its content: the row number opens it, the
 *   name comes first, then one cell per year/stage column, then the unit columns, which start with a
 *   unit word ("Phòng …", "Trung tâm …", "Công chức …").
 * The header tells which column holds what (name, unit, years, lead, executor, …), in any order.
 */
import { foldText } from '@core/domain/text';
import { foldOcr, readRoman } from './structure';
import { joinWrapped } from './text-reader';
import { readDamagedYears } from './text-row-markers';
import { startsWithUnit } from './units';

/** What a column holds. */
export type ColumnRole =
  | 'number'
  | 'name'
  | 'unit'
  | 'year'
  | 'result'
  | 'lead'
  | 'executor'
  | 'coordinating'
  | 'leader'
  | 'evidence'
  | 'output'
  | 'deadline'
  | 'note';

export type Column = { role: ColumnRole; year?: number; baseline?: boolean; label: string };

/** One logical row of a table. */
export type TableRow =
  | {
      kind: 'section';
      roman: string;
      text: string;
      /** Why its numeral is in doubt (misread by OCR, taken from the sequence): passed on to its rows. */
      doubt?: string;
    }
  | {
      kind: 'group';
      text: string;
      /** What its number cell holds, when anything ("1", or a roman numeral OCR misread: "m", "u"). */
      numeral?: string;
    }
  | {
      kind: 'row';
      number: string;
      /** Cell text by column index (same order as `TableHeader.columns`). */
      cells: string[];
      /** True when the row was rebuilt from flowed text and its cell count did not fit the header. */
      guessed: boolean;
      /** Why the row needs a person's eye (damaged or missing number, …), from the table reader. */
      reasons?: string[];
    };

/** How the table was read: from text lines (tab-delimited or flowed) or from a grid of cells. */
export type TableHeader = { columns: Column[]; layout: 'delimited' | 'flowed' | 'grid' };

export type Table = {
  header: TableHeader;
  rows: TableRow[];
  start: number;
  end: number;
  /** What the table holds, when decided from header and rows together (grid tables); else from the header. */
  kind?: 'indicators' | 'tasks' | 'other';
  /** False when header and rows did not agree on the kind: every row is flagged for review. */
  kindClear?: boolean;
};

const YEAR = /\b(20[2-5]\d)\b/g;

/** Classifies one header label. */
const roleOfLabel = (label: string): ColumnRole | null => {
  const folded = foldOcr(label).replace(/\bmoc thoi gian\b/, '');
  if (/^(stt|tt|so tt)$/.test(folded.trim())) return 'number';
  if (/\bdon vi tinh\b|\bdvt\b/.test(folded)) return 'unit';
  if (/\bchu tri\b/.test(folded)) return 'lead';
  if (/\bphoi hop\b/.test(folded)) return 'coordinating';
  if (/\bchi dao\b|\blanh dao\b|\bdong chi\b|\bphu trach\b/.test(folded)) return 'leader';
  if (/\bthuc hien\b/.test(folded) && !/\bthoi gian\b/.test(folded)) return 'executor';
  if (/\bthoi gian\b|\bthoi han\b|\btien do\b/.test(folded)) return 'deadline';
  if (/\bsan pham\b|\bket qua dau ra\b/.test(folded)) return 'output';
  if (/\bminh chung\b/.test(folded)) return 'evidence';
  if (/\bket qua\b|\bmuc tieu\b|\bgia tri\b/.test(folded)) return 'result';
  if (/\bchi tieu\b|\bnoi dung\b|\bnhiem vu\b|\bten\b/.test(folded)) return 'name';
  if (/\bghi chu\b/.test(folded)) return 'note';
  return null;
};

/**
 * Maps header labels to columns. Year columns are found by their year; "(Cơ sở)" marks the baseline.
 *
 * @param labels - header cells (delimited) or, for flowed text, the header as one string
 * @returns the columns in printed order
 */
export const readHeaderColumns = (labels: readonly string[]): Column[] => {
  const columns: Column[] = [];
  for (const label of labels) {
    const years = [...label.matchAll(YEAR)];
    if (years.length) {
      years.forEach((match, index) => {
        const after = label.slice((match.index ?? 0) + 4, years[index + 1]?.index ?? label.length);
        columns.push({
          role: 'year',
          year: Number(match[1]),
          baseline: /cơ sở|co so|co s6|cơ sỏ/i.test(after),
          label: match[0],
        });
      });
      continue;
    }
    const role = roleOfLabel(label);
    if (role) columns.push({ role, label });
  }
  return columns;
};

/** Splits a flowed header into labels by the keywords it is made of, in printed order. */
const flowedHeaderLabels = (text: string): string[] => {
  const folded = foldOcr(text);
  const markers: Array<[RegExp, string]> = [
    [/\b(stt|tt)\b/, 'TT'],
    [/\bchi tieu\b|\bnoi dung\b|\bnhiem vu\b/, 'Chỉ tiêu'],
    [/\bdon vi tinh\b|\bdvt\b/, 'Đơn vị tính'],
    [/\bket qua\b/, 'Kết quả'],
    [/\bchu tri\b/, 'chủ trì'],
    [/\b(ca nhan|co quan) thuc hien\b|\bthuc hien\b/, 'thực hiện'],
    [/\bphoi hop\b/, 'phối hợp'],
    [/\bchi dao\b/, 'chỉ đạo'],
    [/\bsan pham\b/, 'sản phẩm'],
    [/\bthoi gian hoan thanh\b|\bthoi han\b/, 'thời gian'],
    [/\bminh chung\b/, 'minh chứng'],
  ];
  const found: Array<[number, string]> = [];
  for (const [pattern, label] of markers) {
    const match = pattern.exec(folded);
    if (match) found.push([match.index, label]);
  }
  const yearText = text.replace(/\s+/g, ' ');
  const yearMatches = [...yearText.matchAll(YEAR)];
  if (yearMatches.length) {
    const firstYear = foldOcr(yearText.slice(0, yearMatches[0]?.index ?? 0)).length;
    found.push([firstYear, yearText.slice((yearMatches[0]?.index ?? 0) - 0)]);
  }
  found.sort((a, b) => a[0] - b[0]);
  return found.map(([, label]) => label);
};

/** Tells whether a line opens a table header ("STT", "TT", "Stt Chỉ tiêu / Mốc thời gian"). */
const isHeaderStart = (line: string): boolean => /^(stt|tt|so tt)\b/.test(foldOcr(line).trim());

/** A bare row number, possibly followed by text: "1", "12", "3 Tỷ lệ…". */
const ROW_NUMBER = /^(\d{1,2})(?:[.)])?(?:\s+|\t|$)/;

/** A roman section line: "I Phát triển hạ tầng", "II\tĐến hết năm 2030". */
const SECTION_LINE = /^([IVXl1|]{1,5})[.\s\t]+(\S.*)$/;

/** A dash group line inside a table: "-\tPhát triển nguồn lực". */
const GROUP_LINE = /^[-–+•]\s*\t?\s*(\p{Lu}.*)$/u;

/** Tokens that can be read as a target value, used to see where a row's values begin. */
const TARGET_START = /^(≥|≤|>|<|=|\(?\d+([.,]\d+)?%?\)?[,;]?$|duy$|đạt$|dat$|tối$|trên$|dưới$)/i;

type Word = { text: string; lineStart: boolean };

const toWords = (lines: readonly string[]): Word[] =>
  lines.flatMap((line) =>
    line
      .replace(/\t/g, ' ')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((text, index) => ({ text, lineStart: index === 0 })),
  );

/** Joins words back into text, gluing a symbol broken at a hyphen across lines ("TT-" + "BGDĐT"). */
const joinWords = (words: readonly Word[]): string => {
  let out = '';
  for (const word of words) {
    if (!out) out = word.text;
    else if (word.lineStart && /[\p{L}\d][-/]$/u.test(out) && /^[\p{Lu}\d]/u.test(word.text))
      out += word.text;
    else out += ` ${word.text}`;
  }
  return out.replace(/\s+([,;])/g, '$1').trim();
};

const isCapitalised = (word: string): boolean => /^\p{Lu}\p{Ll}/u.test(word) || /^\p{Lu}$/u.test(word);
const hasNumber = (words: readonly string[]): boolean => words.some((word) => /\d/.test(word));

/**
 * Splits the value region of a flowed row into cells: a new cell starts at a capitalised word
 * ("Duy trì", "Tăng cường"), at a comparator, or at a second figure, but not inside parentheses,
 * after "&" or a range dash, or at an abbreviation after a figure ("97% CB").
 *
 * @param words - the words of the value region
 * @returns the cells' text
 */
export const splitValueCells = (words: readonly Word[]): string[] => {
  const cells: string[][] = [];
  let depth = 0;
  for (const { text } of words) {
    const current = cells.at(-1);
    const previous = current?.at(-1) ?? '';
    let start = !current;
    if (current && depth === 0) {
      const joined = /^[&\-–~]$|^(đến|tới|den)$/i.test(previous);
      if (!joined) {
        if (isCapitalised(text)) start = true;
        else if (/^[≥≤><=]/.test(text)) start = true;
        else if (/^\(/.test(text) && hasNumber(current)) start = true;
        else if (/^\d/.test(text) && hasNumber(current) && !/^[≥≤><=]$/.test(previous)) start = true;
      }
    }
    if (start) cells.push([text]);
    else current?.push(text);
    depth += (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
    if (depth < 0) depth = 0;
  }
  return cells.map((cell) => cell.join(' ').replace(/\s+([,;])/g, '$1'));
};

const isCellStart = (word: string): boolean =>
  isCapitalised(word) || /^[≥≤><=(]/.test(word) || /^\d/.test(word);

/** Splits the unit region of a flowed row into columns at capitalised unit words. */
const splitUnitColumns = (words: readonly Word[]): string[] => {
  const columns: Word[][] = [];
  words.forEach((word, index) => {
    const current = columns.at(-1);
    const previous = current?.at(-1)?.text ?? '';
    const rest = words
      .slice(index, index + 4)
      .map((w) => w.text)
      .join(' ');
    const incompleteHead = current
      ? /^(van phong|phong|trung tam|cong an|ban|uy ban|cong chuc)$/.test(
          foldText(current.map((w) => w.text).join(' ')),
        )
      : false;
    const startsNew =
      !current ||
      (/^\p{Lu}/u.test(word.text) &&
        startsWithUnit(rest) &&
        !/[;,&]$/.test(previous) &&
        !/^[-–]$/.test(previous) &&
        !incompleteHead);
    if (startsNew) columns.push([word]);
    else current?.push(word);
  });
  return columns.map((column) => joinWords(column));
};

/** Where the unit columns start: the first capitalised unit word that is not the row's first word. */
const unitRegionStarts = (words: readonly Word[]): number[] => {
  const out: number[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as Word;
    const previous = words[i - 1]?.text ?? '';
    if (!isCapitalised(word.text) || /[;,&]$/.test(previous)) continue;
    const rest = words
      .slice(i, i + 4)
      .map((w) => w.text)
      .join(' ');
    if (startsWithUnit(rest) && (word.lineStart || TARGET_START.test(previous) || /\)$/.test(previous)))
      out.push(i);
  }
  return out;
};

/**
 * Rebuilds one flowed row from its words.
 *
 * @param words - the words after the row number
 * @param columns - the header columns
 * @returns the cells by column index, and whether the split was a guess
 */
export const splitFlowedRow = (
  words: readonly Word[],
  columns: readonly Column[],
): { cells: string[]; guessed: boolean } => {
  const cells = columns.map(() => '');
  const nameIndex = columns.findIndex((column) => column.role === 'name');
  const valueIndexes = columns.flatMap((column, index) =>
    column.role === 'year' || column.role === 'result' ? [index] : [],
  );
  const unitIndex = columns.findIndex((column) => column.role === 'unit');
  const lastValue = valueIndexes.at(-1) ?? nameIndex;
  const tailIndexes = columns.flatMap((column, index) =>
    index > lastValue && column.role !== 'note' && column.role !== 'number' ? [index] : [],
  );
  const valueCount = valueIndexes.length;

  const tailStarts = tailIndexes.length ? unitRegionStarts(words) : [];
  const candidates = [...tailStarts, words.length];
  let best: { nameEnd: number; tailStart: number; values: string[] } | null = null;
  for (const tailStart of candidates) {
    for (let nameEnd = 1; nameEnd < tailStart; nameEnd++) {
      const first = words[nameEnd] as Word;
      const boundary = first.lineStart || TARGET_START.test(first.text);
      if (!boundary || !isCellStart(first.text)) continue;
      let valueStart = nameEnd;
      if (unitIndex >= 0 && unitIndex < (valueIndexes[0] ?? 0)) valueStart++;
      const values = splitValueCells(words.slice(valueStart, tailStart));
      if (values.length === valueCount) {
        best = { nameEnd, tailStart, values };
        break;
      }
    }
    if (best) break;
  }
  let guessed = false;
  if (!best) {
    guessed = true;
    const tailStart = tailStarts[0] ?? words.length;
    let nameEnd = words.findIndex(
      (word, index) => index > 0 && index < tailStart && TARGET_START.test(word.text),
    );
    if (nameEnd < 0) nameEnd = tailStart;
    const values = splitValueCells(words.slice(nameEnd, tailStart));
    best = { nameEnd, tailStart, values };
  }
  if (nameIndex >= 0) cells[nameIndex] = joinWords(words.slice(0, best.nameEnd));
  let valueWords = best.values;
  if (unitIndex >= 0 && unitIndex < (valueIndexes[0] ?? 0) && !guessed) {
    cells[unitIndex] = words[best.nameEnd]?.text ?? '';
  }
  if (valueWords.length > valueCount && valueCount > 0) {
    valueWords = [...valueWords.slice(0, valueCount - 1), valueWords.slice(valueCount - 1).join(' ')];
  }
  valueWords.forEach((value, index) => {
    const column = valueIndexes[index];
    if (column !== undefined) cells[column] = value;
  });
  const tail = splitUnitColumns(words.slice(best.tailStart));
  if (tail.length > tailIndexes.length && tailIndexes.length) {
    tail.splice(tailIndexes.length - 1, tail.length, tail.slice(tailIndexes.length - 1).join('; '));
    guessed = true;
  } else if (tail.length < tailIndexes.length && tail.length) guessed = true;
  tail.forEach((text, index) => {
    const column = tailIndexes[index];
    if (column !== undefined) cells[column] = text;
  });
  return { cells, guessed };
};

/** Tells whether a roman line of a table is a stage ("Đến hết năm 2030") rather than a group heading. */
export const stageYearOf = (printed: string): number | null => {
  const text = readDamagedYears(printed);
  const folded = foldOcr(text);
  const years = [...text.matchAll(YEAR)].map((match) => Number(match[1]));
  if (!years.length || !/\b(den|nam|giai doan|muc tieu|tam nhin)\b/.test(folded)) return null;
  return years.at(-1) ?? null;
};

const splitSection = (line: string): { roman: string; text: string } | null => {
  const match = SECTION_LINE.exec(line.trim());
  if (!match?.[1] || !match[2]) return null;
  const roman = readRoman(match[1]);
  const text = match[2].replace(/\t+/g, ' ').trim();
  if (!roman || !/^[\p{Lu}[(]/u.test(text.replace(/^[[(]/, '')) || /^\d/.test(text)) return null;
  return { roman, text: text.replace(/^\[/, '') };
};

/**
 * Finds the tables of a document and reads their rows.
 *
 * @param lines - cleaned lines
 * @param from - index where to start looking (usually the first appendix)
 * @returns the tables found, in order
 */
export const readTables = (lines: readonly string[], from = 0): Table[] => {
  const tables: Table[] = [];
  let i = from;
  while (i < lines.length) {
    if (!isHeaderStart(lines[i] ?? '')) {
      i++;
      continue;
    }
    const table = readTableAt(lines, i);
    if (table) {
      tables.push(table);
      i = table.end;
    } else i++;
  }
  return tables;
};

const readTableAt = (lines: readonly string[], start: number): Table | null => {
  const first = lines[start] ?? '';
  const delimited = first.split('\t').filter((cell) => cell.trim()).length >= 3;
  // The header runs up to the first section, group or row line.
  let bodyStart = start + 1;
  if (!delimited) {
    while (bodyStart < lines.length && bodyStart < start + 25) {
      const line = lines[bodyStart] ?? '';
      if (splitSection(line) || GROUP_LINE.test(line) || /^1(?:\s|$)/.test(line.trim())) break;
      bodyStart++;
    }
  }
  const headerLines = lines.slice(start, bodyStart);
  const labels = delimited
    ? first.split('\t').map((cell) => cell.trim())
    : flowedHeaderLabels(headerLines.join(' '));
  const columns = readHeaderColumns(labels);
  if (!columns.some((column) => column.role === 'name')) return null;
  const header: TableHeader = { columns, layout: delimited ? 'delimited' : 'flowed' };
  const headerSet = new Set(headerLines.map((line) => line.trim()));
  const rows: TableRow[] = [];
  let end = bodyStart;
  let pending: { number: string; lines: string[] } | null = null;
  let expected = 1;
  const flush = () => {
    if (!pending) return;
    if (delimited) return;
    const { cells, guessed } = splitFlowedRow(toWords(pending.lines), columns);
    rows.push({ kind: 'row', number: pending.number, cells, guessed });
    pending = null;
  };
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trim();
    if (/^(phu luc|noi nhan)\b/.test(foldOcr(trimmed))) break;
    end = i + 1;
    if (!delimited && trimmed === headerLines[0]?.trim()) {
      // A header repeated at the top of a page: skip it.
      while (i + 1 < lines.length && headerSet.has((lines[i + 1] ?? '').trim())) i++;
      continue;
    }
    if (delimited) {
      const cells = line.split('\t');
      const head = (cells[0] ?? '').trim();
      const section = splitSection(`${head} ${cells.slice(1).join(' ')}`.trim());
      if (/^\d{1,3}[.)]?$/.test(head)) {
        const rowCells = columns.map((_, index) => (cells[index] ?? '').trim());
        rows.push({ kind: 'row', number: head.replace(/[.)]$/, ''), cells: rowCells, guessed: false });
      } else if (readRoman(head) && section) {
        rows.push({ kind: 'section', roman: section.roman, text: section.text });
      } else if (
        /^[-–+•]$/.test(head) ||
        (!head && cells.filter((cell) => cell.trim()).length === 1 && rows.at(-1)?.kind !== 'row')
      ) {
        const text = cells.slice(1).join(' ').trim();
        if (text) rows.push({ kind: 'group', text });
      } else if (!head) {
        const last = rows.at(-1);
        if (last?.kind === 'row') {
          cells.forEach((cell, index) => {
            if (index > 0 && cell.trim() && index < last.cells.length) {
              last.cells[index] = joinWrapped([last.cells[index] ?? '', cell]);
            }
          });
        }
      }
      continue;
    }
    const section = splitSection(trimmed);
    if (section && !ROW_NUMBER.test(trimmed)) {
      flush();
      rows.push({ kind: 'section', roman: section.roman, text: section.text });
      expected = 1;
      continue;
    }
    const group = GROUP_LINE.exec(trimmed);
    if (group?.[1] && !pending) {
      rows.push({ kind: 'group', text: group[1] });
      continue;
    }
    const number = ROW_NUMBER.exec(trimmed);
    if (number?.[1] && Number(number[1]) === expected) {
      flush();
      pending = { number: number[1], lines: [trimmed.slice(number[0].length)].filter(Boolean) };
      expected++;
      continue;
    }
    if (number?.[1] && /^\d{1,3}$/.test(trimmed)) continue; // a page number inside the table
    pending?.lines.push(trimmed);
  }
  flush();
  return { header, rows, start, end };
};

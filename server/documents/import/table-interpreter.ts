/**
 * Format-blind reading of a table on its grid (`DocTable`, from any reader) into the rows the indicator
 * and task extractors take (`Table` of `table-reader.ts`):
 *
 * - header rows: from the row holding the column labels ("STT", "Chỉ tiêu", …), with the labels printed
 *   on rows above it and on merged rows below it; a column-numbering row "(1) (2) (3)" is skipped; a
 *   title row spanning the whole table (an appendix title with its date) is not a header. One label per
 *   column: the distinct texts above it. Years are read from these header cells only.
 * - columns: scored against every field from label and contents (`assignColumns`).
 * - rows, independent of the numbering style: 1/2/3, 1.1/2.10, running numbers, roman and letter
 *   groups, unnumbered group headings (a row with a name and no values), damaged numbers, number cells
 *   merged down a tall row (the rows below continue it), headers repeated on a new page (skipped), a
 *   table continued in a second table with the same columns.
 */
import { type DocTable, type GridSlot, tableGrid } from './document-model';
import { assignColumns, type FieldRole, scoreLabel } from './header-roles';
import { editDistance, foldOcr, readRoman, romanValue, toRoman } from './structure';
import { type Column, stageYearOf, type Table, type TableRow } from './table-reader';
import { joinWrapped } from './text-reader';
import { startsWithUnit } from './units';

const YEAR = /\b(20[2-9]\d)\b/g;

/** The most rows read from the tables of one document; past it the rest is cut with a note. */
export const MAX_TABLE_ROWS = 5_000;

const fold = (text: string): string => foldOcr(text).replace(/\s+/g, ' ').trim();

/** A row that only numbers the columns: "(1) (2) (3)" or "1 2 3 4", or "A B 1 2 3". */
const isColumnNumbering = (texts: readonly string[]): boolean => {
  const filled = texts.map((text) => text.replace(/[()[\]\s.]/g, '')).filter(Boolean);
  if (filled.length < 3) return false;
  const numbers = filled.map((text) => (/^\d{1,2}$/.test(text) ? Number(text) : null));
  const numeric = numbers.filter((n): n is number => n !== null);
  if (numeric.length < filled.length - 2 || numeric.length < 3) return false;
  return numeric.every((n, i) => i === 0 || n === (numeric[i - 1] ?? 0) + 1);
};

/** The texts a row prints, one per cell that starts in this row (merged slots left out). */
const ownTexts = (row: readonly GridSlot[], r: number): string[] =>
  row
    .map((slot) => (slot.origin && slot.row === r ? slot.text.trim() : ''))
    .map((t) => t.replace(/\s+/g, ' '));

/** Tells whether a label is a number-column label ("STT", "TT"). */
const isNumberLabel = (text: string): boolean => scoreLabel(text).number >= 12;

/** How strongly a row reads as a row of column labels. */
const labelRowScore = (texts: readonly string[]): number => {
  let score = 0;
  for (const text of texts) {
    if (!text || text.length > 80) continue;
    const scores = scoreLabel(text);
    const best = Math.max(...Object.values(scores));
    if (best >= 5) score += best >= 10 ? 2 : 1;
  }
  return score;
};

/** A text made only of label words and years ("Năm 2025", "Giai đoạn 2026-2030", "Cơ sở"). */
const isLabelLike = (text: string): boolean => {
  if (!text) return true;
  if (text.length > 80) return false;
  const scores = scoreLabel(text);
  if (Math.max(...Object.values(scores)) >= 5) return true;
  const folded = fold(text);
  return /\b20[2-9]\d\b/.test(folded)
    ? !/%|[≥≤<>]/.test(text) &&
        folded
          .replace(
            /\b(nam|giai doan|den|muc tieu|chi tieu|ke hoach|co so|va|tam nhin|dinh huong|\d+|[-–/()])\b/g,
            '',
          )
          .trim().length <= 20
    : folded.split(' ').length <= 4 && !/\d/.test(folded);
};

/** A printed row number read from its cell, also when OCR damaged it ("1O", "l.2", "2,1"). */
export type RowNumber =
  | { kind: 'number'; number: string; damaged: boolean }
  | { kind: 'roman'; roman: string }
  | { kind: 'letter'; letter: string }
  | { kind: 'dash' }
  | { kind: 'none' };

/**
 * Reads a number cell.
 *
 * @param text - the cell text
 * @returns what the cell numbers
 */
export const readRowNumber = (text: string): RowNumber => {
  const t = text.trim().replace(/\s+/g, '');
  if (!t) return { kind: 'none' };
  if (/^[-–—+•*]$/.test(t)) return { kind: 'dash' };
  const plain = /^(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$/.exec(t);
  if (plain?.[1]) return { kind: 'number', number: plain[1], damaged: false };
  const roman = /^([IVXLC]{1,6})[.)]?$/.exec(t);
  if (roman?.[1] && readRoman(roman[1])) return { kind: 'roman', roman: roman[1] };
  const letter = /^([A-ZĐ])[.)]?$/u.exec(t);
  if (letter?.[1]) return { kind: 'letter', letter: letter[1] };
  const lower = /^([a-zđ])[.)]?$/u.exec(t);
  if (lower?.[1]) return { kind: 'number', number: lower[1], damaged: false };
  // OCR confusions: O/o for 0, l/I/| for 1, "," for ".".
  const repaired = t.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1').replace(/,/g, '.');
  const damaged = /^(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$/.exec(repaired);
  if (damaged?.[1] && t.length <= 8) return { kind: 'number', number: damaged[1], damaged: true };
  const ocrRoman = readRoman(t.replace(/[.)]$/, ''));
  if (ocrRoman && t.length <= 6) return { kind: 'roman', roman: ocrRoman };
  return { kind: 'none' };
};

/** The header of an interpreted table, kept to read a continuation table with the same columns. */
type GridHeader = {
  width: number;
  columns: Column[];
  /** Grid column of each `columns` entry. */
  at: number[];
  numberColumn: number;
  nameColumn: number;
  headerKeys: Set<string>;
  kind: Table['kind'];
  kindClear: boolean;
};

/** Reads the year of a header label, or null when it is not a year column. */
const yearOfLabel = (texts: readonly string[]): { year: number; baseline: boolean } | null => {
  // The lowest header text holding a year decides ("Mục tiêu theo năm" / "2025").
  for (const text of [...texts].reverse()) {
    const years = [...text.matchAll(YEAR)].map((m) => Number(m[1]));
    if (!years.length) continue;
    const scores = scoreLabel(text);
    // "Thực hiện năm 2024", "Ước thực hiện 2025": a value for that year, not who carries it out.
    const other = Math.max(
      scores.lead,
      scores.coordinating,
      scores.leader,
      scores.deadline,
      scores.evidence,
      scores.note,
      scores.unit,
      scores.output >= 10 ? scores.output : 0,
    );
    if (other >= 6) return null;
    return {
      year: years.at(-1) ?? 0,
      baseline: /\b(co so|hien trang|nam goc|uoc thuc hien|uoc dat)\b/.test(fold(texts.join(' '))),
    };
  }
  return null;
};

/** Finds the header of a grid: its first and last row, or null when no row reads as labels. */
const findHeaderRows = (grid: GridSlot[][]): { first: number; last: number; labelRow: number } | null => {
  const limit = Math.min(grid.length, 10);
  let labelRow = -1;
  for (let r = 0; r < limit; r++) {
    const texts = ownTexts(grid[r] ?? [], r);
    if (texts.some(isNumberLabel) || labelRowScore(texts) >= 3) {
      labelRow = r;
      break;
    }
  }
  if (labelRow < 0) return null;
  const width = grid[0]?.length ?? 0;
  // Rows above the label row that print labels (not a title spanning the whole table).
  let first = labelRow;
  while (first > 0) {
    const row = grid[first - 1] ?? [];
    const texts = ownTexts(row, first - 1).filter(Boolean);
    const spansAll = row.every((slot) => slot.row === row[0]?.row && slot.col === row[0]?.col);
    if (!texts.length || spansAll || width < 2 || !texts.every(isLabelLike)) break;
    first--;
  }
  let last = labelRow;
  for (let r = labelRow + 1; r < Math.min(grid.length, labelRow + 5); r++) {
    const row = grid[r] ?? [];
    const texts = ownTexts(row, r);
    if (isColumnNumbering(texts)) {
      last = r;
      break;
    }
    const filled = texts.filter(Boolean);
    const mergedFromHeader = row.filter((slot) => slot.row < r && slot.row >= first).length;
    if (!filled.length) {
      if (mergedFromHeader) last = r;
      continue;
    }
    if (filled.every(isLabelLike) && (mergedFromHeader > 0 || filled.length >= 2)) {
      const number = readRowNumber(texts[0] ?? '');
      if (number.kind !== 'none' && number.kind !== 'roman') break;
      if (number.kind === 'roman' && filled.length <= 2) break;
      last = r;
    } else break;
  }
  return { first, last, labelRow };
};

/** Reads the header of a grid into columns and the table kind. */
const readGridHeader = (grid: GridSlot[][], rows: { first: number; last: number }): GridHeader => {
  const width = grid[0]?.length ?? 0;
  const headerRows = grid.slice(rows.first, rows.last + 1);
  const labelTexts = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of headerRows) {
      const text = (row[c]?.text ?? '').replace(/\s+/g, ' ').trim();
      if (text && !isColumnNumbering([text, '2', '3']) && !parts.includes(text)) parts.push(text);
    }
    return parts;
  });
  const labels = labelTexts.map((parts) => parts.join(' '));
  const body = grid.slice(rows.last + 1);
  const bodyColumns = Array.from({ length: width }, (_, c) =>
    body.map((row, i) => {
      const slot = row[c];
      return slot && slot.row === rows.last + 1 + i && slot.col === c ? slot.text : '';
    }),
  );
  const years = new Map<number, { year: number; baseline: boolean }>();
  labelTexts.forEach((parts, c) => {
    // A column under a merged label shares the label: only a year printed over it alone counts.
    const year = yearOfLabel(parts);
    if (year) years.set(c, year);
  });
  const stageRows = body.filter((row, i) => {
    const texts = ownTexts(row, rows.last + 1 + i).filter(Boolean);
    return texts.length <= 2 && texts.some((text) => stageYearOf(text) !== null);
  }).length;
  const assignment = assignColumns(labels, bodyColumns, new Set(years.keys()), stageRows);
  let numberColumn = assignment.roles.indexOf('number');
  if (numberColumn < 0) {
    // No "STT" label: the first column whose cells are mostly row numbers.
    numberColumn = bodyColumns.findIndex((cells) => {
      const filled = cells.filter((cell) => cell.trim());
      return (
        filled.length > 0 &&
        filled.filter((cell) => readRowNumber(cell).kind !== 'none').length / filled.length >= 0.6
      );
    });
    if (numberColumn >= 0 && !assignment.roles[numberColumn]) assignment.roles[numberColumn] = 'number';
    else numberColumn = -1;
  }
  const columns: Column[] = [];
  const at: number[] = [];
  for (let c = 0; c < width; c++) {
    const year = years.get(c);
    if (year) {
      columns.push({ role: 'year', year: year.year, baseline: year.baseline, label: labels[c] ?? '' });
      at.push(c);
      continue;
    }
    const role = assignment.roles[c];
    if (role && role !== 'ignore') {
      columns.push({ role: role as Exclude<FieldRole, 'ignore'>, label: labels[c] ?? '' });
      at.push(c);
    }
  }
  const nameIndex = columns.findIndex((column) => column.role === 'name');
  const headerKeys = new Set(
    headerRows.map((row, i) => fold(ownTexts(row, rows.first + i).join(' '))).filter(Boolean),
  );
  return {
    width,
    columns,
    at,
    numberColumn,
    nameColumn: nameIndex >= 0 ? (at[nameIndex] ?? -1) : -1,
    headerKeys,
    kind: assignment.kind,
    kindClear: assignment.kindClear,
  };
};

type BodyRow = Extract<TableRow, { kind: 'row' }>;

/**
 * One cell's text on one line. A list of units printed one per line (or as a nested table) in a
 * coordinating cell keeps its units apart with ";"; any other cell's lines are one wrapped text.
 */
const cellText = (text: string, role: Column['role'] | undefined): string => {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean);
  if (role === 'coordinating' && lines.length > 1 && lines.every((line) => startsWithUnit(line)))
    return lines.map((line) => line.replace(/[;,.]+$/, '')).join('; ');
  const joined = joinWrapped(lines);
  // A name written as a Word list item carries the list's bullet: not part of the name.
  return role === 'name' ? joined.replace(/^[-–+•]\s+/, '') : joined;
};

/** Reads the body rows of a grid under a header. */
const readBody = (
  grid: GridSlot[][],
  from: number,
  header: GridHeader,
  rows: TableRow[],
  rowReasons: Readonly<Record<number, string[]>> = {},
): void => {
  const valueColumns = header.at.filter(
    (c, i) => c !== header.numberColumn && c !== header.nameColumn && header.columns[i]?.role !== 'note',
  );
  const cellsOf = (row: readonly GridSlot[]): string[] =>
    header.at.map((c, index) => cellText(row[c]?.text ?? '', header.columns[index]?.role));
  let last: BodyRow | null = null;
  for (let r = from; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const own = ownTexts(row, r);
    const filled = own.filter(Boolean);
    if (!filled.length) continue;
    if (isColumnNumbering(own)) continue;
    const key = fold(own.join(' '));
    if (
      header.headerKeys.has(key) ||
      (header.numberColumn >= 0 && isNumberLabel(own[header.numberColumn] ?? ''))
    )
      continue; // a header repeated at the top of a page
    const numberSlot = header.numberColumn >= 0 ? row[header.numberColumn] : undefined;
    const numberText = numberSlot && numberSlot.row === r ? numberSlot.text : '';
    const numberMerged = numberSlot !== undefined && numberSlot.row < r && numberSlot.row >= from;
    const nameSlot = header.nameColumn >= 0 ? row[header.nameColumn] : undefined;
    const nameOwn = nameSlot && nameSlot.row === r ? nameSlot.text.trim() : '';
    const values = valueColumns.filter((c) => {
      const slot = row[c];
      return slot && slot.row === r && slot.col === c && slot.text.trim();
    });
    const distinct = [...new Set(filled)];
    // A single text spread over several columns (a group or stage heading), whatever column it starts in.
    const spanning = row.some(
      (slot, c) =>
        slot.row === r && slot.text.trim() && c > 0 && row[c - 1]?.row === r && row[c - 1]?.col === slot.col,
    );
    const headingOnly = distinct.filter((text) => text !== numberText.trim()).length === 1 && spanning;
    // A row whose number cell is merged from the row above continues that row (a tall row).
    const noted = rowReasons[r] ?? [];
    if (numberMerged && last) {
      continueRow(last, cellsOf(row), row, r, header);
      for (const reason of noted) if (!last.reasons?.includes(reason)) last.reasons?.push(reason);
      continue;
    }
    const number = readRowNumber(numberText);
    const headingText = (nameOwn || distinct.find((text) => text !== numberText.trim()) || '').replace(
      /\s+/g,
      ' ',
    );
    if (number.kind === 'roman' || number.kind === 'letter') {
      if (!values.length || headingOnly) {
        const roman = number.kind === 'roman' ? (readRoman(number.roman) ?? number.roman) : number.letter;
        if (headingText) rows.push({ kind: 'section', roman, text: headingText });
        last = null;
        continue;
      }
    }
    if (number.kind === 'none' || number.kind === 'dash') {
      const single = headingOnly || !values.length;
      if (single && headingText && !/^\p{Ll}/u.test(headingText)) {
        // An unnumbered heading: a stage of a stage table, else a group.
        if (stageYearOf(headingText) !== null && header.columns.some((c) => c.role === 'result'))
          rows.push({ kind: 'section', roman: '', text: headingText });
        else
          rows.push({
            kind: 'group',
            text: headingText,
            ...(numberText.trim() && { numeral: numberText.trim() }),
          });
        last = null;
        continue;
      }
      if (last && (!nameOwn || /^\p{Ll}/u.test(nameOwn))) {
        // The rest of the row above (a row broken over a page, a wrapped cell written as its own row).
        continueRow(last, cellsOf(row), row, r, header);
        continue;
      }
    }
    const body: BodyRow = {
      kind: 'row',
      number: number.kind === 'number' ? number.number : '',
      cells: cellsOf(row),
      guessed: false,
      reasons: [...noted],
    };
    if (number.kind === 'number' && number.damaged) body.reasons?.push('Số thứ tự in không rõ, đã đọc lại');
    if (number.kind !== 'number' && header.numberColumn >= 0) body.reasons?.push('Dòng không có số thứ tự');
    // A numbered row with nothing but a name, followed by rows numbered under it ("1" then "1.1"), is a group.
    if (number.kind === 'number' && (headingOnly || (!values.length && nameOwn))) {
      const next = nextNumber(grid, r + 1, header);
      if (headingOnly || next?.startsWith(`${number.number}.`)) {
        rows.push({ kind: 'group', text: headingText, numeral: numberText.trim() });
        last = null;
        continue;
      }
    }
    rows.push(body);
    last = body;
  }
};

/** A numeral OCR makes of "I": "1", "l", "|". */
const ONE = /^[1lI|][.)]?$/;

/**
 * Reads the roman numerals of headings OCR misread, in a table whose headings run in roman numerals:
 * a heading across the table numbered "H", "u", "m", "Em" where section II, III… is due becomes that
 * section, and its rows say so; a "1" before section II is section I. The run must fit: when a heading
 * read this way is followed by a printed numeral that does not come next, nothing is changed. A section
 * numbered with a mark that is no numeral of any run ("H" with no "G" before it) stays as printed, and
 * its rows say the number is in doubt.
 *
 * @param rows - a table's rows, in order; changed in place
 */
export const repairRomanRun = (rows: TableRow[]): void => {
  const romans = rows.some((row) => row.kind === 'section' && readRoman(row.roman));
  const changes = new Map<number, Extract<TableRow, { kind: 'section' }>>();
  // Sections numbered with a mark that fits no run: kept as printed, their rows say so.
  const unread = new Map<number, string>();
  let pending: number[] = [];
  let expected = 1;
  rows.forEach((row, index) => {
    const printed = row.kind === 'group' ? row.numeral : row.kind === 'section' ? row.roman : undefined;
    if (!printed) return;
    const clean = row.kind === 'section' ? readRoman(row.roman) : null;
    if (clean) {
      const value = romanValue(clean);
      // A run that does not fit: the headings read as misprinted numerals stay as printed.
      if (value !== expected) for (const at of pending) changes.delete(at);
      pending = [];
      expected = value + 1;
      return;
    }
    // Letters that run ("A", "B" or "a", "b") number groups of their own.
    const letter = /^([A-ZĐa-zđ])[.)]?$/u.exec(printed)?.[1];
    const before = rows
      .slice(0, index)
      .findLast((other) => other.kind === 'section' || other.kind === 'group');
    const mark =
      before?.kind === 'section' ? before.roman : before?.kind === 'group' ? before.numeral : undefined;
    const inLetters =
      letter !== undefined &&
      (/^[Aa]$/.test(letter) || (mark !== undefined && mark.charCodeAt(0) + 1 === letter.charCodeAt(0)));
    const misprinted =
      printed.length <= 3 && !inLetters && (!/^\d+$/.test(printed) || (expected === 1 && ONE.test(printed)));
    if (!misprinted) return;
    if (row.kind === 'section') unread.set(index, printed);
    if (!romans) return;
    const roman = toRoman(expected);
    const sure = expected === 1 && ONE.test(printed);
    changes.set(index, {
      kind: 'section',
      roman,
      text: row.kind === 'group' || row.kind === 'section' ? row.text : '',
      ...(!sure && {
        doubt: `Số mục La Mã in không rõ ("${printed}"), đã đọc là ${roman} theo thứ tự các mục`,
      }),
    });
    pending.push(index);
    expected++;
  });
  let doubt: string | undefined;
  rows.forEach((row, index) => {
    const changed = changes.get(index);
    const printed = unread.get(index);
    if (changed) rows[index] = changed;
    else if (printed && row.kind === 'section')
      rows[index] = { ...row, doubt: `Số mục "${printed}" in không rõ, cần kiểm tra lại số thứ tự` };
    const current = rows[index];
    if (current?.kind === 'section') doubt = current.doubt;
    else if (current?.kind === 'row' && doubt) current.reasons = [...(current.reasons ?? []), doubt];
  });
};

/** The number printed on the next numbered row, to tell a numbered group ("1") from a row. */
const nextNumber = (grid: GridSlot[][], from: number, header: GridHeader): string | null => {
  for (let r = from; r < Math.min(grid.length, from + 5); r++) {
    const slot = grid[r]?.[header.numberColumn];
    if (!slot || slot.row !== r || !slot.text.trim()) continue;
    const number = readRowNumber(slot.text);
    return number.kind === 'number' ? number.number : null;
  }
  return null;
};

/** Adds the cells of a continuing row to the row it continues. */
const continueRow = (
  last: BodyRow,
  cells: readonly string[],
  row: readonly GridSlot[],
  r: number,
  header: GridHeader,
): void => {
  header.at.forEach((c, index) => {
    const slot = row[c];
    const text = cells[index] ?? '';
    if (!slot || slot.row !== r || !text || c === header.numberColumn) return;
    last.cells[index] = last.cells[index] ? joinWrapped([last.cells[index] ?? '', text]) : text;
  });
};

/** Tells whether two headers print the same columns (a table continued under its repeated header). */
const sameColumns = (a: GridHeader, b: GridHeader): boolean =>
  a.width === b.width &&
  a.columns.length === b.columns.length &&
  a.columns.every(
    (column, i) =>
      column.role === b.columns[i]?.role &&
      column.year === b.columns[i]?.year &&
      similarLabels(column.label, b.columns[i]?.label ?? ''),
  );

/** Two printings of one header label: the same letters, give or take what OCR gets wrong on a page. */
const similarLabels = (a: string, b: string): boolean => {
  const [x, y] = [a, b].map((label) => foldOcr(label).replace(/[^a-z0-9]/g, ''));
  return (
    x === y ||
    editDistance(x ?? '', y ?? '') <= Math.min(2, Math.floor(Math.max(x?.length ?? 0, y?.length ?? 0) / 5))
  );
};

/**
 * Interprets the tables of a document into indicator and task tables (and others, kept with kind
 * "other" so that nothing is silently dropped from the review).
 *
 * @param tables - the document's tables, in order
 * @returns the interpreted tables, notes on what was cut, and the document tables read as indicator or
 *   task tables
 */
export const interpretTables = (
  tables: readonly DocTable[],
): { tables: Table[]; notes: string[]; used: Set<DocTable> } => {
  const out: Table[] = [];
  const used = new Set<DocTable>();
  const notes: string[] = [];
  let previous: { header: GridHeader; table: Table } | null = null;
  let rowBudget = MAX_TABLE_ROWS;
  for (const docTable of tables) {
    if (rowBudget <= 0) {
      notes.push(
        `Các bảng có hơn ${MAX_TABLE_ROWS.toLocaleString('vi-VN')} dòng: phần sau đã bị bỏ qua, cần nhập tay nếu cần.`,
      );
      break;
    }
    const cut =
      docTable.rows.length > rowBudget ? { ...docTable, rows: docTable.rows.slice(0, rowBudget) } : docTable;
    if (cut !== docTable)
      notes.push(
        `Bảng quá dài (trên ${MAX_TABLE_ROWS.toLocaleString('vi-VN')} dòng): chỉ đọc ${rowBudget.toLocaleString('vi-VN')} dòng đầu, phần sau cần nhập tay.`,
      );
    rowBudget -= cut.rows.length;
    const grid = tableGrid(cut);
    const headerRows = findHeaderRows(grid);
    if (!headerRows) {
      // No header: the same table continued on the next page (same columns), or a layout table.
      if (previous && (grid[0]?.length ?? 0) === previous.header.width) {
        readBody(grid, 0, previous.header, previous.table.rows, docTable.rowReasons);
        if (previous.table.kind !== 'other') used.add(docTable);
      }
      continue;
    }
    const header = readGridHeader(grid, headerRows);
    if (!header.columns.some((column) => column.role === 'name')) {
      previous = null;
      continue;
    }
    if (previous && sameColumns(previous.header, header)) {
      // The same table continued on a new page, its header printed again.
      readBody(grid, headerRows.last + 1, previous.header, previous.table.rows, docTable.rowReasons);
      if (previous.table.kind !== 'other') used.add(docTable);
      continue;
    }
    const rows: TableRow[] = [];
    readBody(grid, headerRows.last + 1, header, rows, docTable.rowReasons);
    const table: Table = {
      header: { columns: header.columns, layout: 'grid' },
      rows,
      start: 0,
      end: 0,
      kind: header.kind,
      kindClear: header.kindClear,
    };
    out.push(table);
    if (table.kind !== 'other') used.add(docTable);
    previous = { header, table };
  }
  for (const table of out) repairRomanRun(table.rows);
  return { tables: out, notes, used };
};

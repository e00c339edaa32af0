/**
 * The header of a table on its grid: which rows print the column labels (`findHeaderRows`), what each
 * column holds and the table's kind (`readGridHeader`), and whether a second table repeats the same
 * columns (`sameColumns`). Used by the table interpreter.
 */
import type { GridSlot } from './document-model';
import { assignColumns, type FieldRole, scoreLabel } from './header-roles';
import { editDistance, foldOcr } from './structure';
import { type Column, stageYearOf, type Table } from './table-reader';
import { numberColumnByContent, readRowNumber } from './table-row-numbers';

const YEAR = /\b(20[2-9]\d)\b/g;

export const fold = (text: string): string => foldOcr(text).replace(/\s+/g, ' ').trim();

/** A cell of a column-numbering row OCR damaged: a short token closed by a bracket ("©)", "(52)", "G)"). */
const BRACKETED = /^\(?[^\s()]{1,3}\)$/u;

/** A row that only numbers the columns: "(1) (2) (3)" or "1 2 3 4", or "A B 1 2 3". */
export const isColumnNumbering = (texts: readonly string[]): boolean => {
  // Damaged by OCR ("G) ma G) (4) ©) (6) (52)"): most cells short bracketed tokens, some of them numbers.
  const printed = texts.map((text) => text.trim()).filter(Boolean);
  const bracketed = printed.filter((text) => BRACKETED.test(text));
  if (
    printed.length >= 4 &&
    bracketed.length >= 0.7 * printed.length &&
    bracketed.filter((text) => /^\(\d{1,2}\)$/.test(text)).length >= 2
  )
    return true;
  const filled = texts.map((text) => text.replace(/[()[\]\s.]/g, '')).filter(Boolean);
  if (filled.length < 3) return false;
  const numbers = filled.map((text) => (/^\d{1,2}$/.test(text) ? Number(text) : null));
  const numeric = numbers.filter((n): n is number => n !== null);
  if (numeric.length < filled.length - 2 || numeric.length < 3) return false;
  return numeric.every((n, i) => i === 0 || n === (numeric[i - 1] ?? 0) + 1);
};

/** The texts a row prints, one per cell that starts in this row (merged slots left out). */
export const ownTexts = (row: readonly GridSlot[], r: number): string[] =>
  row
    .map((slot) => (slot.origin && slot.row === r ? slot.text.trim() : ''))
    .map((t) => t.replace(/\s+/g, ' '));

/** Tells whether a label is a number-column label ("STT", "TT"). */
export const isNumberLabel = (text: string): boolean => scoreLabel(text).number >= 12;

/** A cell that prints a year and nothing else but "Năm": a year column's label ("Năm 2025", "2030"). */
const isYearLabel = (text: string): boolean => /^(nam\s*)?20[2-9]\d$/.test(fold(text));

/**
 * How strongly a row reads as a row of column labels. A run of year labels ("Năm 2025" … "Năm 2030")
 * counts as one label: so a header whose "STT" OCR damaged ("EEiN") is still found by its name, its
 * years and its lead, and a body row with a deadline year is not.
 */
const labelRowScore = (texts: readonly string[]): number => {
  let score = 0;
  for (const text of texts) {
    if (!text || text.length > 80) continue;
    const scores = scoreLabel(text);
    const best = Math.max(...Object.values(scores));
    if (best >= 5) score += best >= 10 ? 2 : 1;
  }
  return score + (texts.filter(isYearLabel).length >= 2 ? 1 : 0);
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

/** The header of an interpreted table, kept to read a continuation table with the same columns. */
export type GridHeader = {
  width: number;
  columns: Column[];
  /** Grid column of each `columns` entry. */
  at: number[];
  numberColumn: number;
  nameColumn: number;
  headerKeys: Set<string>;
  /** Per grid column, the header texts of the cells that start in it (a span's text in its first column). */
  printed: string[];
  kind: Table['kind'];
  kindClear: boolean;
  /** Why every row read under this header needs a person's eye (a year column read by its order). */
  doubt?: string;
};

/**
 * Repairs one year of a run of year columns that OCR misread by one digit ("2025 2026 2027 2026 2029
 * 2030": the fourth is 2028): every other column fits one even run, the printed year cannot stand (it is
 * printed twice or out of order), and the year the run needs there differs from it in one digit and is
 * printed nowhere else. Changes the map in place.
 *
 * @param years - the year of each year column, by grid column
 * @returns what was repaired, to be said on the rows; null when the run is whole or unclear
 */
export const repairYearRun = (
  years: Map<number, { year: number; baseline: boolean }>,
): { column: number; printed: number; year: number } | null => {
  const columns = [...years.keys()].sort((a, b) => a - b);
  if (columns.length < 4) return null;
  const printed = columns.map((c) => years.get(c)?.year ?? 0);
  for (const step of [1, 5, 10]) {
    // The run most columns fit: first year + position × step.
    const starts = new Map<number, number>();
    printed.forEach((year, i) => {
      starts.set(year - i * step, (starts.get(year - i * step) ?? 0) + 1);
    });
    const [start, fits] = [...starts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    if (fits !== columns.length - 1) continue;
    const at = printed.findIndex((year, i) => year !== start + i * step);
    const year = start + at * step;
    const was = printed[at] ?? 0;
    const digitsApart = [...String(year)].filter((digit, i) => String(was)[i] !== digit).length;
    const column = columns[at];
    const entry = column === undefined ? undefined : years.get(column);
    // Only a year that cannot stand as printed: one printed twice, or out of order with its neighbours
    // (a baseline year before an even run, "2024 | 2025 2030 2035", is printed so on purpose).
    const before = printed[at - 1];
    const after = printed[at + 1];
    const misplaced =
      printed.indexOf(was) !== printed.lastIndexOf(was) ||
      (before !== undefined && before >= was) ||
      (after !== undefined && after <= was);
    if (column === undefined || !entry || digitsApart !== 1 || printed.includes(year) || !misplaced)
      return null;
    years.set(column, { ...entry, year });
    return { column, printed: was, year };
  }
  return null;
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
export const findHeaderRows = (
  grid: GridSlot[][],
): { first: number; last: number; labelRow: number } | null => {
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
export const readGridHeader = (grid: GridSlot[][], rows: { first: number; last: number }): GridHeader => {
  const width = grid[0]?.length ?? 0;
  const headerRows = grid.slice(rows.first, rows.last + 1);
  // A column-numbering row under the labels ("(1) (2) (3)", or OCR's "G) ©) (4)") adds nothing to them.
  const numbering = new Set(
    headerRows.flatMap((row, i) => (isColumnNumbering(ownTexts(row, rows.first + i)) ? [i] : [])),
  );
  const labelTexts = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const [i, row] of headerRows.entries()) {
      if (numbering.has(i)) continue;
      const text = (row[c]?.text ?? '').replace(/\s+/g, ' ').trim();
      if (text && !isColumnNumbering([text, '2', '3']) && !parts.includes(text)) parts.push(text);
    }
    return parts;
  });
  const labels = labelTexts.map((parts) => parts.join(' '));
  const printed = Array.from({ length: width }, (_, c) =>
    headerRows
      .flatMap((row, i) => {
        const slot = row[c];
        return slot?.origin && slot.row === rows.first + i ? [slot.text.replace(/\s+/g, ' ').trim()] : [];
      })
      .filter(Boolean)
      .join(' '),
  );
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
  const repaired = repairYearRun(years);
  const stageRows = body.filter((row, i) => {
    const texts = ownTexts(row, rows.last + 1 + i).filter(Boolean);
    return texts.length <= 2 && texts.some((text) => stageYearOf(text) !== null);
  }).length;
  const assignment = assignColumns(labels, bodyColumns, new Set(years.keys()), stageRows);
  let numberColumn = assignment.roles.indexOf('number');
  if (numberColumn < 0) {
    // A label OCR damaged ("ST 4k") may read as another role: the column left of the name that counts
    // rows is the number column all the same.
    const counted = numberColumnByContent(bodyColumns, assignment.roles.indexOf('name'));
    if (counted >= 0 && assignment.roles[counted] !== 'name' && !years.has(counted)) {
      assignment.roles[counted] = 'number';
      numberColumn = counted;
    }
  }
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
    printed,
    kind: assignment.kind,
    kindClear: assignment.kindClear,
    ...(repaired && {
      doubt: `Cột năm thứ ${[...years.keys()].sort((a, b) => a - b).indexOf(repaired.column) + 1} in "${labels[repaired.column] ?? ''}" (năm ${repaired.printed}) được hiểu là năm ${repaired.year} theo thứ tự các cột năm, cần đối chiếu bản gốc`,
    }),
  };
};

/**
 * Tells whether two headers print the same columns (a table continued under its repeated header): the
 * same labels on the same grid columns (a page whose grid has one more rule places its cells apart, and
 * the previous header's positions would read the wrong cell).
 */
export const sameColumns = (a: GridHeader, b: GridHeader): boolean =>
  a.width === b.width &&
  a.columns.length === b.columns.length &&
  a.at.every((c, i) => c === b.at[i]) &&
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

/** The grid columns of a header that print a label, left to right. */
const labelledColumns = (header: GridHeader): number[] =>
  header.printed.flatMap((text, c) => (text ? [c] : []));

/**
 * The previous header's fields placed on this grid: its labelled columns paired, in order, with this
 * header's; null when they are not as many, or a column with a field prints no label to pair.
 */
const placeOn = (
  previous: GridHeader,
  header: GridHeader,
  pairs: (before: string, now: string) => boolean,
  enough: (paired: number, total: number) => boolean,
): GridHeader | null => {
  const before = labelledColumns(previous);
  const now = labelledColumns(header);
  if (before.length !== now.length) return null;
  const paired = before.filter((c, i) =>
    pairs(previous.printed[c] ?? '', header.printed[now[i] ?? -1] ?? ''),
  ).length;
  if (!enough(paired, before.length)) return null;
  const place = (column: number): number => (column < 0 ? -1 : (now[before.indexOf(column)] ?? -1));
  const at = previous.at.map(place);
  if (at.includes(-1)) return null;
  return {
    ...previous,
    width: header.width,
    at,
    numberColumn: place(previous.numberColumn),
    nameColumn: place(previous.nameColumn),
    headerKeys: new Set([...previous.headerKeys, ...header.headerKeys]),
    printed: header.printed,
  };
};

/**
 * The header of a table that goes on from the previous one, reprinted on a new page where the grid or OCR
 * reads it otherwise (a column rule more, a label damaged so that it points to no field): the same
 * labels in the same order, each printing the same letters give or take OCR's damage. The previous
 * header's fields are then placed on this grid's columns.
 *
 * @param previous - the header of the table on the page before
 * @param header - this table's header as read on its own
 * @returns the previous header placed on this grid, or null when the labels are not the same
 */
export const placeReprintedHeader = (previous: GridHeader, header: GridHeader): GridHeader | null =>
  placeOn(previous, header, similarLabels, (paired, total) => paired === total);

/**
 * The previous header placed on a reprinted header too damaged to match it, which reads as no plan table
 * on its own (its rows would be lost): as many labels, at least half of them the same letters, paired
 * column for column in order. A guess, to be flagged on every row read with it.
 *
 * @param previous - the header of the table on the page before
 * @param header - this table's header as read on its own
 * @returns the previous header placed on this grid, or null when the labels do not line up
 */
export const placeDamagedHeader = (previous: GridHeader, header: GridHeader): GridHeader | null =>
  placeOn(previous, header, similarLabels, (paired, total) => paired * 2 >= total);

/**
 * Format-blind reading of a table on its grid (`DocTable`, from any reader) into the rows the indicator
 * and task extractors take (`Table` of `table-reader.ts`):
 *
 * - header rows: from the row holding the column labels ("STT", "Chỉ tiêu", …), with the labels printed
 *   on rows above it and on merged rows below it; a column-numbering row "(1) (2) (3)" is skipped; a
 *   title row spanning the whole table (an appendix title with its date) is not a header. One label per
 *   column: the distinct texts above it. Years are read from these header cells only
 *   (`table-grid-header.ts`).
 * - columns: scored against every field from label and contents (`assignColumns`).
 * - rows (here; their printed numbers in `table-row-numbers.ts`), independent of the numbering style: 1/2/3, 1.1/2.10, running numbers, roman and letter
 *   groups, unnumbered group headings (a row with a name and no values), damaged numbers, number cells
 *   merged down a tall row (the rows below continue it), headers repeated on a new page (skipped), a
 *   table continued in a second table with the same columns.
 */
import { type DocTable, type GridSlot, tableGrid } from './document-model';
import { stageHeadingYear } from './stage-headings';
import { readRoman } from './structure';
import {
  findHeaderRows,
  fold,
  type GridHeader,
  isColumnNumbering,
  isNumberLabel,
  ownTexts,
  placeDamagedHeader,
  placeReprintedHeader,
  readGridHeader,
  sameColumns,
} from './table-grid-header';
import { type Column, stageYearOf, type Table, type TableRow } from './table-reader';
import { readRowNumber, repairRomanRun } from './table-row-numbers';
import { joinWrapped } from './text-reader';
import { startsWithUnit } from './units';

/** The most rows read from the tables of one document; past it the rest is cut with a note. */
export const MAX_TABLE_ROWS = 5_000;

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

/** Why rows read under a header placed from the page before need a person's eye. */
type PageDoubts = {
  /** Said on the previous page's last row when a row at the top of this page is joined to it. */
  joined?: string;
  /** Said on every row of this page (its header was placed by guess). */
  everyRow?: string;
};

const CUT_ROW_DOUBT = 'Dòng này có thể còn tiếp ở đầu trang sau (bảng in lại tiêu đề khác), cần kiểm tra lại';
const PLACED_HEADER_DOUBT =
  'Tiêu đề bảng in lại ở trang này đọc không rõ: các cột được hiểu theo tiêu đề trang trước, cần kiểm tra lại';

/** Reads the body rows of a grid under a header. */
const readBody = (
  grid: GridSlot[][],
  from: number,
  header: GridHeader,
  rows: TableRow[],
  rowReasons: Readonly<Record<number, string[]>> = {},
  continues: BodyRow | null = null,
  doubts: PageDoubts = {},
): void => {
  const stageTable = header.columns.some((c) => c.role === 'result');
  const valueColumns = header.at.filter(
    (c, i) => c !== header.numberColumn && c !== header.nameColumn && header.columns[i]?.role !== 'note',
  );
  const cellsOf = (row: readonly GridSlot[]): string[] =>
    header.at.map((c, index) => cellText(row[c]?.text ?? '', header.columns[index]?.role));
  // A table continued from the page before: its first rows may finish that page's last row.
  let last: BodyRow | null = continues;
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
    const noted = [...(rowReasons[r] ?? []), ...(doubts.everyRow ? [doubts.everyRow] : [])];
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
      // A stage heading opens its stage whatever its case or OCR's word order ("đến năm 2030 i Mục tiêu"):
      // a lower-case line is otherwise the rest of the row above.
      const stageHeading = stageTable && stageHeadingYear(headingText) !== null;
      if (single && headingText && (!/^\p{Ll}/u.test(headingText) || stageHeading)) {
        // An unnumbered heading: a stage of a stage table, else a group.
        if (stageTable && stageYearOf(headingText) !== null)
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
        const doubt = last === continues ? doubts.joined : undefined;
        if (doubt && !last.reasons?.includes(doubt)) last.reasons?.push(doubt);
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
/** The last row of a table when it is a body row (a row broken over a page goes on in it). */
/**
 * A table of the same kind that opens, under a header OCR read otherwise, with an unnumbered row in lower
 * case: that row is the end of the previous page's last row. With the same columns in the same order it
 * is joined to it, else only said; that last row is never certain either way.
 */
const finishAcrossPages = (
  previous: { header: GridHeader; table: Table },
  header: GridHeader,
  rows: TableRow[],
): void => {
  const first = rows[0];
  const last = lastRow(previous.table);
  const nameAt = header.columns.findIndex((column) => column.role === 'name');
  const name = first?.kind === 'row' ? (first.cells[nameAt] ?? '').trim() : '';
  if (!last || first?.kind !== 'row' || first.number || !/^\p{Ll}/u.test(name)) return;
  const roles = (h: GridHeader) => h.columns.map((column) => column.role).join(' ');
  last.reasons = [...(last.reasons ?? []), CUT_ROW_DOUBT];
  if (roles(header) !== roles(previous.header)) return;
  first.cells.forEach((text, index) => {
    if (text.trim())
      last.cells[index] = last.cells[index] ? joinWrapped([last.cells[index] ?? '', text]) : text;
  });
  rows.shift();
};

const lastRow = (table: Table): BodyRow | null => {
  const row = table.rows.at(-1);
  return row?.kind === 'row' ? row : null;
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
        readBody(grid, 0, previous.header, previous.table.rows, docTable.rowReasons, lastRow(previous.table));
        if (previous.table.kind !== 'other') used.add(docTable);
      }
      continue;
    }
    const header = readGridHeader(grid, headerRows);
    const named = header.columns.some((column) => column.role === 'name');
    // The same table on a new page whose header the grid or OCR read otherwise: placed from the page
    // before by its labels' letters; failing that, when it reads as no plan table on its own (its rows
    // would be lost), placed column for column with every row flagged.
    const reprinted =
      previous && previous.table.kind !== 'other' && !sameColumns(previous.header, header)
        ? placeReprintedHeader(previous.header, header)
        : null;
    const damaged =
      previous && previous.table.kind !== 'other' && !reprinted && !named
        ? placeDamagedHeader(previous.header, header)
        : null;
    const placed = reprinted ?? damaged;
    if (previous && placed) {
      readBody(
        grid,
        headerRows.last + 1,
        placed,
        previous.table.rows,
        docTable.rowReasons,
        lastRow(previous.table),
        {
          joined: CUT_ROW_DOUBT,
          ...(damaged && { everyRow: PLACED_HEADER_DOUBT }),
        },
      );
      used.add(docTable);
      continue;
    }
    if (!named) {
      previous = null;
      continue;
    }
    if (previous && sameColumns(previous.header, header)) {
      // The same table continued on a new page, its header printed again.
      readBody(
        grid,
        headerRows.last + 1,
        previous.header,
        previous.table.rows,
        docTable.rowReasons,
        lastRow(previous.table),
      );
      if (previous.table.kind !== 'other') used.add(docTable);
      continue;
    }
    const rows: TableRow[] = [];
    readBody(grid, headerRows.last + 1, header, rows, docTable.rowReasons, null, {
      ...(header.doubt && { everyRow: header.doubt }),
    });
    if (previous && previous.table.kind === header.kind) finishAcrossPages(previous, header, rows);
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

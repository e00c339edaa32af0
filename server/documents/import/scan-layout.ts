/**
 * Places the words Tesseract read on a page (each with its box) into the document model: words inside a
 * ruled table go to the cell that contains them (`CellGrid` from `scan-image.ts`), the other words form
 * the page's lines, one paragraph per line, in reading order (top to bottom, tables where they stand).
 *
 * A table's header rows (the first row and those its merged cells reach) are folded into one row of
 * labels, each column's label joining the texts above it ("Mục tiêu theo năm 2025"); body rows keep their
 * merged cells.
 */
import { type DocBlock, type DocCell, type DocTable, tableGrid } from './document-model';
import type { CellGrid, GridCell } from './scan-tables';
import { joinWrapped } from './text-reader';

/** A recognised word and its box on the page (pixels); `line` numbers the OCR line it was read in. */
export type PlacedWord = { text: string; x0: number; y0: number; x1: number; y1: number; line: number };

/** Characters that only a rule or a speck of dirt produces, when they stand alone. */
const JUNK = /^[|_~¦[\]{}()\\/'"`.,:;—–-]+$/u;

/**
 * Joins words read in one cell or line: grouped into visual lines (by their centres), then left to right,
 * the lines joined as wrapped lines (`joinWrapped`).
 */
const joinWords = (words: readonly PlacedWord[]): string => {
  if (!words.length) return '';
  const sorted = [...words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const lines: PlacedWord[][] = [];
  for (const word of sorted) {
    const line = lines.at(-1);
    const centre = (word.y0 + word.y1) / 2;
    const first = line?.[0];
    if (
      line &&
      first &&
      Math.abs(centre - (first.y0 + first.y1) / 2) < Math.max(4, (first.y1 - first.y0) * 0.6)
    )
      line.push(word);
    else lines.push([word]);
  }
  // Lines joined as wrapped lines are: a word a narrow cell broke over its lines ("HĐND&UBN" over "D")
  // is glued back.
  return joinWrapped(
    lines.map((line) =>
      [...line]
        .sort((a, b) => a.x0 - b.x0)
        .map((word) => word.text)
        .join(' ')
        .normalize('NFC'),
    ),
  ).normalize('NFC');
};

/**
 * Folds a table's header into one row of labels. The header is the first row and the rows its merged
 * cells reach down to (a "STT" cell merged over two rows makes a two-row header); each column's label
 * joins the distinct texts above it, so a merged "Mục tiêu theo năm" over "2025 | 2030" gives
 * "Mục tiêu theo năm 2025" and "Mục tiêu theo năm 2030". Until the format-blind table reader reads
 * multi-row headers, the text steps need the header on one line.
 *
 * @param table - the table as read from its grid
 * @returns the table with one header row (unchanged when its header is one row)
 */
export const foldHeader = (table: DocTable): DocTable => {
  const headerRows = Math.max(1, ...(table.rows[0] ?? []).map((docCell) => docCell.rowSpan));
  if (headerRows <= 1 || headerRows >= table.rows.length) return table;
  // A cell that runs from the header down into the body cannot be folded.
  const crosses = table.rows
    .slice(0, headerRows)
    .some((cells, r) => cells.some((docCell) => r + docCell.rowSpan > headerRows));
  if (crosses) return table;
  const grid = tableGrid(table);
  const width = grid[0]?.length ?? 0;
  const labels = Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of grid.slice(0, headerRows)) {
      const text = row[c]?.text.trim() ?? '';
      if (text && !parts.includes(text)) parts.push(text);
    }
    return { text: parts.join(' '), colSpan: 1, rowSpan: 1 };
  });
  return { ...table, rows: [labels, ...table.rows.slice(headerRows)] };
};

/**
 * Joins the words of one line outside tables, left to right. A gap wider than 2.5 times the words'
 * height separates columns (an unruled table's cells, the two halves of a letterhead): it becomes a tab,
 * as the PDF reader writes wide gaps, so the text steps can tell cells apart.
 */
const lineText = (words: readonly PlacedWord[]): string => {
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  const heights = sorted.map((word) => word.y1 - word.y0).sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)] ?? 0;
  return sorted
    .map((word, index) => {
      const previous = sorted[index - 1];
      if (!previous) return word.text;
      return `${word.x0 - previous.x1 > 2.5 * height ? '\t' : ' '}${word.text}`;
    })
    .join('')
    .replace(/ +/g, ' ')
    .trim()
    .normalize('NFC');
};

/** The index of the interval [edges[i], edges[i + 1]) holding a position, or -1. */
const slotOf = (edges: readonly number[], position: number): number => {
  for (let i = 0; i + 1 < edges.length; i++)
    if (position >= (edges[i] ?? 0) && position < (edges[i + 1] ?? 0)) return i;
  return -1;
};

/** Where a word's centre falls in a grid: the cell's index, or -1 outside. */
const cellOf = (grid: CellGrid, word: PlacedWord): number => {
  const r = slotOf(grid.ys, (word.y0 + word.y1) / 2);
  const c = slotOf(grid.xs, (word.x0 + word.x1) / 2);
  if (r < 0 || c < 0) return -1;
  return grid.cells.findIndex(
    (cell) => r >= cell.row && r < cell.row + cell.rowSpan && c >= cell.col && c < cell.col + cell.colSpan,
  );
};

/** A grid cell and the cells of the grid whose words it holds. */
type JoinedCell = GridCell & { sources: number[] };

/**
 * Joins the first row's cells across a column edge that no row below keeps: a short vertical stroke in
 * the header (a letter's stem, a pen mark) read as a rule splits a label ("Nhi" | "ệm vụ") while every
 * row below runs across it. A table with fewer than two rows below its first keeps its edges.
 */
const joinStrayHeaderEdges = (grid: CellGrid): JoinedCell[] => {
  const cells: JoinedCell[] = grid.cells.map((cell, index) => ({ ...cell, sources: [index] }));
  const rows = grid.ys.length - 1;
  if (rows < 3) return cells;
  const crosses = (cell: GridCell, r: number, edge: number) =>
    cell.row <= r && cell.row + cell.rowSpan > r && cell.col < edge && cell.col + cell.colSpan > edge;
  for (let edge = grid.xs.length - 2; edge >= 1; edge--) {
    let kept = false;
    for (let r = 1; r < rows && !kept; r++) kept = !grid.cells.some((cell) => crosses(cell, r, edge));
    if (kept) continue;
    const right = cells.findIndex((cell) => cell.row === 0 && cell.col === edge);
    const left = cells.find((cell) => cell.row === 0 && cell.col + cell.colSpan === edge);
    const joined = cells[right];
    if (!left || !joined || left.rowSpan !== 1 || joined.rowSpan !== 1) continue;
    left.colSpan += joined.colSpan;
    left.sources.push(...joined.sources);
    cells.splice(right, 1);
  }
  return cells;
};

/** A grid with its words as a table: cells in reading order, each cell's words joined. */
const tableOf = (grid: CellGrid, words: ReadonlyArray<readonly PlacedWord[]>, page?: number): DocTable => {
  const rows: DocCell[][] = Array.from({ length: grid.ys.length - 1 }, () => []);
  for (const cell of joinStrayHeaderEdges(grid)) {
    const text = joinWords(
      cell.sources
        .flatMap((index) => words[index] ?? [])
        .filter((word) => !JUNK.test(word.text) || /^[-–—]$/.test(word.text)),
    );
    rows[cell.row]?.push({ text, colSpan: cell.colSpan, rowSpan: cell.rowSpan });
  }
  return foldHeader({ kind: 'table', rows: rows.filter((row) => row.length > 0), ...(page ? { page } : {}) });
};

/**
 * Lays out one page: words in ruled tables become those tables' cells, the rest become lines (one
 * paragraph each); blocks come top to bottom. Lines made only of rule debris are dropped.
 *
 * @param words - the page's words with their boxes and OCR line numbers
 * @param grids - the page's ruled tables
 * @param page - the page number, recorded on the blocks
 * @returns the page's blocks
 */
export const layoutPage = (
  words: readonly PlacedWord[],
  grids: readonly CellGrid[],
  page?: number,
): DocBlock[] => {
  const inCells = grids.map((grid) => grid.cells.map((): PlacedWord[] => []));
  const loose = new Map<number, PlacedWord[]>();
  for (const word of words) {
    if (!word.text.trim()) continue;
    let placed = false;
    grids.forEach((grid, g) => {
      if (placed) return;
      const index = cellOf(grid, word);
      if (index >= 0) {
        inCells[g]?.[index]?.push(word);
        placed = true;
      }
    });
    if (!placed) loose.set(word.line, [...(loose.get(word.line) ?? []), word]);
  }
  const items: Array<{ y: number; block: DocBlock }> = [];
  for (const lineWords of loose.values()) {
    const text = lineText(lineWords);
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    items.push({
      y: Math.min(...lineWords.map((word) => word.y0)),
      block: { kind: 'paragraph', text, ...(page ? { page } : {}) },
    });
  }
  grids.forEach((grid, g) => {
    items.push({ y: grid.ys[0] ?? 0, block: tableOf(grid, inCells[g] ?? [], page) });
  });
  // Lines keep the order OCR read them in; a table goes before the first line below its top.
  return items.sort((a, b) => a.y - b.y).map((item) => item.block);
};

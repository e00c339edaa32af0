/**
 * The tables of a digital PDF page. Ruled tables are found from their rules: the horizontal and vertical
 * rules that touch one another make a grid, a cell is a slot of that grid, and two slots are one merged
 * cell where the rule between them is not drawn (colSpan, rowSpan); each word goes to the cell that holds
 * its centre and a cell's lines join in reading order. Tables printed without rules are found from an
 * "STT"/"TT" header line, their columns where (almost) no line crosses.
 *
 * Coordinates are PDF page space: points, y growing upwards.
 */
import { foldText } from '@core/domain/text';
import type { DocCell, DocTable } from './document-model';
import { type Line, linesOfWords, type PdfRule, type Word } from './pdf-lines';
import { continuesWord } from './text-reader';

/** Two positions closer than this (pt) are the same rule. */
const SNAP = 2.5;

// ---------------------------------------------------------------------------------------------
// Ruled tables

type HRule = { y: number; x1: number; x2: number };
type VRule = { x: number; y1: number; y2: number };

/** Joins collinear rules that touch or overlap (a border drawn cell by cell becomes one line). */
const mergeCollinear = <T extends { at: number; from: number; to: number }>(rules: T[]): T[] => {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const merged: T[] = [];
  for (const rule of sorted) {
    const same = merged.find(
      (other) =>
        Math.abs(other.at - rule.at) <= 1 && rule.from <= other.to + SNAP && rule.to >= other.from - SNAP,
    );
    if (same) {
      same.from = Math.min(same.from, rule.from);
      same.to = Math.max(same.to, rule.to);
    } else merged.push({ ...rule });
  }
  return merged;
};

/** Sorted distinct positions, positions closer than SNAP taken as one (their mean). */
const cluster = (values: readonly number[]): number[] => {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const value of sorted) {
    const group = groups.at(-1);
    if (group && value - (group.at(-1) as number) <= SNAP) group.push(value);
    else groups.push([value]);
  }
  return groups.map((group) => group.reduce((a, b) => a + b, 0) / group.length);
};

/** A table's grid: column edges left to right, row edges top to bottom, and its merged cells. */
export type RuledGrid = {
  xs: number[];
  ys: number[];
  /** For each slot [row][column], the id of the cell covering it. */
  cellOf: number[][];
};

const find = (parent: number[], i: number): number => {
  let root = i;
  while (parent[root] !== root) root = parent[root] as number;
  parent[i] = root;
  return root;
};

/**
 * Finds the ruled tables of a page: groups of horizontal and vertical rules that touch, each making a
 * grid of at least two rows and two columns; two slots are one cell where the rule between them is missing.
 *
 * @param rules - the page's rules
 * @returns the grids, top to bottom
 */
export const findRuledGrids = (rules: readonly PdfRule[]): RuledGrid[] => {
  const hs = mergeCollinear(
    rules
      .filter(([x1, y1, x2, y2]) => Math.abs(y1 - y2) < 1 && Math.abs(x2 - x1) >= 2)
      .map(([x1, y1, x2]) => ({ at: y1, from: Math.min(x1, x2), to: Math.max(x1, x2) })),
  ).map((rule): HRule => ({ y: rule.at, x1: rule.from, x2: rule.to }));
  const vs = mergeCollinear(
    rules
      .filter(([x1, y1, x2, y2]) => Math.abs(x1 - x2) < 1 && Math.abs(y2 - y1) >= 2)
      .map(([x1, y1, , y2]) => ({ at: x1, from: Math.min(y1, y2), to: Math.max(y1, y2) })),
  ).map((rule): VRule => ({ x: rule.at, y1: rule.from, y2: rule.to }));
  // Connected groups: a horizontal and a vertical rule are connected where they cross or touch.
  const parent = [...hs, ...vs].map((_, i) => i);
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (v.x >= h.x1 - SNAP && v.x <= h.x2 + SNAP && h.y >= v.y1 - SNAP && h.y <= v.y2 + SNAP)
        parent[find(parent, i)] = find(parent, hs.length + j);
    });
  });
  const groups = new Map<number, { hs: HRule[]; vs: VRule[] }>();
  hs.forEach((h, i) => {
    const root = find(parent, i);
    groups.set(root, { hs: [...(groups.get(root)?.hs ?? []), h], vs: groups.get(root)?.vs ?? [] });
  });
  vs.forEach((v, j) => {
    const root = find(parent, hs.length + j);
    groups.set(root, { hs: groups.get(root)?.hs ?? [], vs: [...(groups.get(root)?.vs ?? []), v] });
  });
  const grids: RuledGrid[] = [];
  for (const group of groups.values()) {
    const xs = cluster(group.vs.map((v) => v.x));
    const ys = cluster(group.hs.map((h) => h.y)).reverse();
    if (xs.length < 3 || ys.length < 3) continue;
    const rows = ys.length - 1;
    const columns = xs.length - 1;
    const hasV = (c: number, r: number) => {
      const mid = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
      return group.vs.some((v) => Math.abs(v.x - (xs[c] as number)) <= SNAP && v.y1 <= mid && v.y2 >= mid);
    };
    const hasH = (r: number, c: number) => {
      const mid = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
      return group.hs.some((h) => Math.abs(h.y - (ys[r] as number)) <= SNAP && h.x1 <= mid && h.x2 >= mid);
    };
    const slots = Array.from({ length: rows * columns }, (_, i) => i);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) {
        if (c + 1 < columns && !hasV(c + 1, r))
          slots[find(slots, r * columns + c)] = find(slots, r * columns + c + 1);
        if (r + 1 < rows && !hasH(r + 1, c))
          slots[find(slots, r * columns + c)] = find(slots, (r + 1) * columns + c);
      }
    const cellOf = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => find(slots, r * columns + c)),
    );
    grids.push({ xs, ys, cellOf });
  }
  return grids.sort((a, b) => (b.ys[0] as number) - (a.ys[0] as number));
};

/** A list item, a numbered or lettered point: it starts a new paragraph, never continues one. */
const LIST_START = /^([-+•–*]|\d{1,3}[.)]|[a-zđ][.)]|[IVXLC]{1,6}\.)(\s|$)/u;

/**
 * Joins the lines of a cell: a wrapped line continues with a space. A line starting with a dash or a
 * number starts a new line when the cell is a list (its first line is an item) or the line above ends
 * a clause; otherwise it is a wrap ("Phòng Văn hóa" / "- Xã hội" in a narrow column).
 */
const joinCellLines = (lines: readonly string[]): string => {
  const list = LIST_START.test(lines[0] ?? '');
  return lines.reduce((text, line) => {
    if (!text) return line;
    const item = LIST_START.test(line) && (list || /[.;:]$/.test(text));
    if (item) return `${text}\n${line}`;
    // A narrow cell breaks "100%" as "100" / "%": punctuation never starts a word; nor "57-NQ/TW".
    return /^[%,.;:)\]]/.test(line) || continuesWord(text, line) ? `${text}${line}` : `${text} ${line}`;
  }, '');
};

/** Places words into a grid's cells and writes the table, spans included. */
export const ruledTable = (grid: RuledGrid, words: readonly Word[], page: number): DocTable => {
  const { xs, ys, cellOf } = grid;
  const cellWords = new Map<number, Word[]>();
  for (const word of words) {
    const cx = (word.x + word.end) / 2;
    const cy = word.y + word.size * 0.3;
    let c = xs.findIndex((x, i) => i > 0 && cx < x) - 1;
    let r = ys.findIndex((y, i) => i > 0 && cy > y) - 1;
    if (c < 0) c = cx < (xs[0] as number) ? 0 : xs.length - 2;
    if (r < 0) r = cy > (ys[0] as number) ? 0 : ys.length - 2;
    const id = cellOf[r]?.[c] as number;
    const list = cellWords.get(id);
    if (list) list.push(word);
    else cellWords.set(id, [word]);
  }
  const textOf = (id: number): string => {
    const lines = linesOfWords(cellWords.get(id) ?? []).map((line) =>
      line.segments.map((segment) => segment.text).join(' '),
    );
    return joinCellLines(lines);
  };
  const seen = new Set<number>();
  const rows: DocCell[][] = cellOf.map((slots, r) => {
    const cells: DocCell[] = [];
    slots.forEach((id, c) => {
      if (seen.has(id)) return;
      seen.add(id);
      let colSpan = 1;
      while (slots[c + colSpan] === id) colSpan++;
      let rowSpan = 1;
      while (cellOf[r + rowSpan]?.[c] === id) rowSpan++;
      cells.push({ text: textOf(id), colSpan, rowSpan });
    });
    return cells;
  });
  return { kind: 'table', rows, page };
};

// ---------------------------------------------------------------------------------------------
// Tables without rules

export const isTableHeader = (line: Line): boolean =>
  line.segments.length >= 3 && /^(stt|tt|so tt)\b/.test(foldText(line.segments[0]?.text ?? '').trim());

/** Folded starts of the lines that end a table: the next appendix, the recipients, the signature. */
export const ENDS_TABLE = /^(phu luc|noi nhan|tm|t m|kt|chu tich|pho chu tich|bi thu)\b/;

/** Tells whether every segment of a line keeps within one column of a header line (crosses none of its gaps). */
export const withinColumns = (line: Line, header: Line): boolean =>
  line.segments.every((segment) =>
    header.segments.every((left, index) => {
      const right = header.segments[index + 1];
      return !right || segment.end <= right.x + 1 || segment.x >= left.end - 1;
    }),
  );

/** A cell that opens a body row: a row number, a roman section number or a dash. */
const isBodyHead = (text: string): boolean =>
  /^(\d{1,3}(\.\d{1,3})*[.)]?|[IVXLC]{1,6}\.?|[-–+•])$/.test(text.trim());

/** A row that only numbers the columns: "(1) (2) (3)" or "1 2 3 4". */
const isColumnNumbering = (row: readonly DocCell[]): boolean => {
  const texts = row.map((docCell) => docCell.text.trim()).filter(Boolean);
  return texts.length >= 3 && texts.every((text, index) => text.replace(/[()]/g, '') === String(index + 1));
};

/** A group heading written across the table: "I. Phát triển hạ tầng", "A) Nhiệm vụ chung". */
const GROUP_HEADING = /^([IVXLC]{1,6}|\d{1,3}|[A-ZĐ])[.)]\s+\S/u;

/**
 * Where a table's body starts: the first row numbered in its first cell (a number, a roman group, a
 * dash), a group heading written in one cell across the table, or any one cell across the whole
 * table below the column labels (a stage, an unnumbered group). The rows above are its header;
 * a row numbering the columns does not start the body.
 *
 * @param table - a table as read
 * @returns the index of the first body row, -1 when none is found
 */
export const tableBodyStart = (table: DocTable): number => {
  const width = Math.max(
    0,
    ...table.rows.map((row) => row.reduce((sum, docCell) => sum + docCell.colSpan, 0)),
  );
  let labelled = false;
  return table.rows.findIndex((row) => {
    if (isColumnNumbering(row)) return false;
    const first = row[0];
    if (!first) return false;
    if (isBodyHead(first.text)) return true;
    const filled = row.filter((docCell) => docCell.text.trim());
    if (filled.length === 1 && first.colSpan >= width / 2 && GROUP_HEADING.test(first.text.trim()))
      return true;
    // Below the column labels, one cell across the whole table heads the body ("Mục tiêu đến năm 2025",
    // an unnumbered group): no header label spans every column, title rows come above the labels.
    if (labelled && row.length === 1 && first.colSpan >= width && first.text.trim()) return true;
    if (filled.length >= 2) labelled = true;
    return false;
  });
};

/**
 * Finds the columns of a table printed without rules: the x ranges its text covers, split where
 * (almost) no line crosses.
 *
 * @param lines - the table's lines
 * @returns column ranges, left to right
 */
export const findColumns = (lines: readonly Line[]): Array<{ x: number; end: number }> => {
  const segments = lines.flatMap((line) => line.segments);
  if (!segments.length) return [];
  const left = Math.floor(Math.min(...segments.map((s) => s.x)));
  const right = Math.ceil(Math.max(...segments.map((s) => s.end)));
  const coverage = new Array<number>(right - left + 1).fill(0);
  for (const line of lines) {
    // A heading row that spans the table (section, group) is left out: it crosses every column.
    if (line.segments.length <= 2 && line.segments.some((s) => s.end - s.x > (right - left) * 0.45)) continue;
    for (const segment of line.segments) {
      for (let x = Math.floor(segment.x); x < Math.ceil(segment.end); x++)
        coverage[x - left] = (coverage[x - left] ?? 0) + 1;
    }
  }
  const columns: Array<{ x: number; end: number }> = [];
  let start = -1;
  for (let i = 0; i <= coverage.length; i++) {
    const covered = (coverage[i] ?? 0) > 0;
    if (covered && start < 0) start = i;
    if (!covered && start >= 0) {
      const previous = columns.at(-1);
      // Gaps narrower than 3pt are letter spacing, not column boundaries.
      if (previous && left + start - previous.end < 3) previous.end = left + i;
      else columns.push({ x: left + start, end: left + i });
      start = -1;
    }
  }
  return columns;
};

/** Places a line's segments on the columns, returning one text per column. */
const placeOnColumns = (line: Line, columns: ReadonlyArray<{ x: number; end: number }>): string[] => {
  const cells = columns.map(() => '');
  for (const segment of line.segments) {
    let index = columns.findIndex((column) => segment.x < column.end - 0.5);
    if (index < 0) index = columns.length - 1;
    cells[index] = cells[index] ? `${cells[index]} ${segment.text}` : segment.text;
  }
  return cells;
};

/**
 * Reads a table printed without rules, from its header line: the header lines fold into one row of
 * labels; a body row starts at a line with a number (or a single heading text) in its first column,
 * and a line that leaves the first column empty continues the row above (a wrapped cell).
 */
export const unruledTable = (lines: readonly Line[], headerIndex: number, page: number): DocTable => {
  const columns = findColumns(lines);
  const placed = lines.map((line) => placeOnColumns(line, columns));
  let bodyStart = placed.findIndex((cells, index) => index > headerIndex && isBodyHead(cells[0] ?? ''));
  if (bodyStart < 0) bodyStart = headerIndex + 1;
  const labels = columns.map((_, c) =>
    placed
      .slice(0, bodyStart)
      .map((cells) => cells[c] ?? '')
      .filter(Boolean)
      .join(' '),
  );
  const rows: DocCell[][] = [labels.map((label) => ({ text: label, colSpan: 1, rowSpan: 1 }))];
  let current: string[] | null = null;
  const flush = () => {
    if (!current) return;
    const filled = current.filter(Boolean).length;
    // A heading (section, group) written across the table is one cell.
    if (filled === 1 && current[0] && !isBodyHead(current[0]))
      rows.push([{ text: current[0], colSpan: columns.length, rowSpan: 1 }]);
    else rows.push(current.map((text) => ({ text, colSpan: 1, rowSpan: 1 })));
    current = null;
  };
  for (const cells of placed.slice(bodyStart)) {
    if (!cells.some(Boolean)) continue;
    if (cells[0] || !current) {
      flush();
      current = [...cells];
    } else {
      const row: string[] = current;
      cells.forEach((text, c) => {
        if (text) row[c] = row[c] ? `${row[c]} ${text}` : text;
      });
    }
  }
  flush();
  return { kind: 'table', rows, page };
};

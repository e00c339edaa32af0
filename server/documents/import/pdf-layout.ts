/**
 * The geometry of a digital PDF's pages → the document model (paragraphs and tables in reading order).
 *
 * A PDF has no paragraphs or tables, only glyph runs at positions and drawn lines. Tables are found
 * from their rules: the horizontal and vertical rules that touch one another make a grid, a cell is
 * a slot of that grid, and two slots are one merged cell where the rule between them is not drawn
 * (colSpan, rowSpan). Each word goes to the cell that holds its centre; a cell's lines join in
 * reading order. Tables printed without rules are found from an "STT"/"TT" header line, their columns
 * where (almost) no line crosses. A table that runs over a page break continues: the header repeated
 * at the top of the next page is dropped, and a row cut by the break is joined back. Outside tables,
 * lines are joined into paragraphs where a line wraps; page numbers and running headers are dropped.
 *
 * Coordinates are PDF page space: points, y growing upwards.
 */
import { foldText } from '@core/domain/text';
import type { DocBlock, DocCell, DocTable } from './document-model';

/** A text run as pdfjs reports it: left and right edge, baseline, font size. */
export type PdfRun = { x: number; y: number; end: number; size: number; text: string };

/** A straight rule: x1, y1, x2, y2 (horizontal or vertical). */
export type PdfRule = readonly [number, number, number, number];

/** One page's geometry, as the geometry worker reads it. */
export type PdfPageGeometry = {
  pageNumber: number;
  /** The page box: x0, y0, x1, y1. */
  box: readonly [number, number, number, number];
  runs: PdfRun[];
  rules: PdfRule[];
  /** How many images the page paints (a page with images and no text is a scan). */
  images: number;
};

type Segment = { x: number; end: number; text: string };
type Line = { y: number; size: number; segments: Segment[] };
type Word = { x: number; end: number; y: number; size: number; text: string; line: number };

/** Two positions closer than this (pt) are the same rule. */
const SNAP = 2.5;

// ---------------------------------------------------------------------------------------------
// Lines from runs

/**
 * Puts glyphs drawn from a fallback font back into the run they belong to. When the main font lacks a
 * letter ("ệ", "ạ"), the writer draws it later from another font, and the main run holds a blank in its
 * place: "Thực hi n" + "ệ". The glyph replaces the blank nearest to where it is drawn.
 */
const mergeFallbackGlyphs = (ordered: readonly PdfRun[]): PdfRun[] => {
  const placed: PdfRun[] = [];
  for (const run of ordered) {
    const host = placed.find((candidate) => run.x > candidate.x + 0.5 && run.x < candidate.end - 0.5);
    const blanks = host ? [...host.text.matchAll(/ /g)].map((match) => match.index ?? 0) : [];
    if (!host || !blanks.length || run.text.length > 3) {
      placed.push({ ...run });
      continue;
    }
    const perChar = (host.end - host.x) / Math.max(1, host.text.length);
    const at = (run.x - host.x) / perChar;
    const blank = blanks.reduce((best, index) => (Math.abs(index - at) < Math.abs(best - at) ? index : best));
    host.text = `${host.text.slice(0, blank)}${run.text}${host.text.slice(blank + 1)}`;
  }
  return placed;
};

/**
 * Groups runs into lines by baseline (top to bottom), and each line into segments split at wide gaps.
 *
 * @param runs - a page's runs (or the runs of one region)
 * @returns the lines
 */
export const buildLines = (runs: readonly PdfRun[]): Line[] => {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; runs: PdfRun[] }> = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - run.y) < Math.min(line.size, run.size) * 0.45) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  return lines.map((line) => {
    const ordered = mergeFallbackGlyphs([...line.runs].sort((a, b) => a.x - b.x));
    const segments: Segment[] = [];
    for (const run of ordered) {
      const current = segments.at(-1);
      const gap = current ? run.x - current.end : Number.POSITIVE_INFINITY;
      // Word spaces are about a quarter of the font size; table cells are padded wider than 0.6 em.
      if (current && gap < run.size * 0.6) {
        current.text += gap > run.size * 0.12 ? ` ${run.text}` : run.text;
        current.end = Math.max(current.end, run.end);
        continue;
      }
      // A run that itself holds a wide space gap glues two cells: split it.
      const parts = run.text.split(/ {3,}/);
      const perChar = (run.end - run.x) / Math.max(1, run.text.length);
      let offset = 0;
      for (const part of parts) {
        const at = run.text.indexOf(part, offset);
        segments.push(
          parts.length === 1
            ? { x: run.x, end: run.end, text: run.text }
            : { x: run.x + at * perChar, end: run.x + (at + part.length) * perChar, text: part },
        );
        offset = at + part.length;
      }
    }
    return { y: line.y, size: line.size, segments };
  });
};

/** Splits lines into words with estimated positions (a run's width shared evenly by its characters). */
const wordsOf = (lines: readonly Line[]): Word[] =>
  lines.flatMap((line, index) =>
    line.segments.flatMap((segment) => {
      const perChar = (segment.end - segment.x) / Math.max(1, segment.text.length);
      const words: Word[] = [];
      for (const match of segment.text.matchAll(/\S+/g)) {
        const at = match.index ?? 0;
        words.push({
          x: segment.x + at * perChar,
          end: segment.x + (at + match[0].length) * perChar,
          y: line.y,
          size: line.size,
          text: match[0],
          line: index,
        });
      }
      return words;
    }),
  );

/** Rebuilds lines from words (of the same source lines), segments split where the gap is wide. */
const linesOfWords = (words: readonly Word[]): Line[] => {
  const byLine = new Map<number, Word[]>();
  for (const word of words) {
    const list = byLine.get(word.line);
    if (list) list.push(word);
    else byLine.set(word.line, [word]);
  }
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, lineWords]) => {
      const ordered = [...lineWords].sort((a, b) => a.x - b.x);
      const first = ordered[0] as Word;
      const segments: Segment[] = [];
      for (const word of ordered) {
        const current = segments.at(-1);
        if (current && word.x - current.end < word.size * 0.6) {
          current.text += ` ${word.text}`;
          current.end = word.end;
        } else segments.push({ x: word.x, end: word.end, text: word.text });
      }
      return { y: first.y, size: first.size, segments };
    });
};

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
    // A narrow cell breaks "100%" as "100" / "%": punctuation never starts a word.
    return /^[%,.;:)\]]/.test(line) ? `${text}${line}` : `${text} ${line}`;
  }, '');
};

/** Places words into a grid's cells and writes the table, spans included. */
const ruledTable = (grid: RuledGrid, words: readonly Word[], page: number): DocTable => {
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

const isTableHeader = (line: Line): boolean =>
  line.segments.length >= 3 && /^(stt|tt|so tt)\b/.test(foldText(line.segments[0]?.text ?? '').trim());

/** Folded starts of the lines that end a table: the next appendix, the recipients, the signature. */
const ENDS_TABLE = /^(phu luc|noi nhan|tm|t m|kt|chu tich|pho chu tich|bi thu)\b/;

/** Tells whether every segment of a line keeps within one column of a header line (crosses none of its gaps). */
const withinColumns = (line: Line, header: Line): boolean =>
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
 * dash), or a group heading written in one cell across the table. The rows above are its header;
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
  return table.rows.findIndex((row) => {
    if (isColumnNumbering(row)) return false;
    const first = row[0];
    if (!first) return false;
    if (isBodyHead(first.text)) return true;
    const filled = row.filter((docCell) => docCell.text.trim());
    return filled.length === 1 && first.colSpan >= width / 2 && GROUP_HEADING.test(first.text.trim());
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
const unruledTable = (lines: readonly Line[], headerIndex: number, page: number): DocTable => {
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

// ---------------------------------------------------------------------------------------------
// Paragraphs

/** A line outside tables: segments closer than 1.5 em are one text (justified spacing), wider gaps a tab. */
const plainLine = (line: Line): string =>
  line.segments
    .map((segment, index) => {
      const previous = line.segments[index - 1];
      if (!previous) return segment.text;
      return `${segment.x - previous.end < line.size * 1.5 ? ' ' : '\t'}${segment.text}`;
    })
    .join('');

/** A line that starts a new paragraph whatever comes before: a list item, a heading, a date line. */
const STARTS_PARAGRAPH =
  /^([-+•–*]|\d{1,3}(\.\d{1,3})*[.)]?|[a-zđ][.)]|[IVXLC]{1,6}\.|điều|chương|phần|mục|phụ lục)(\s|$)/iu;

/** Tells whether the first word of a line would have fitted at the end of the line above: then the break was meant. */
const firstWordFits = (line: Line, from: number, right: number): boolean => {
  const segment = line.segments[0];
  if (!segment) return true;
  const word = segment.text.split(' ')[0] ?? '';
  const perChar = (segment.end - segment.x) / Math.max(1, segment.text.length);
  return from + word.length * perChar < right;
};

/**
 * Joins a page's lines into paragraphs where a line wraps: the line reaches the right margin, the next
 * one follows at a line's distance in the same size, and neither is split into columns.
 */
const paragraphsOf = (lines: readonly Line[], right: number): string[] => {
  const out: string[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    const text = plainLine(line);
    const last = previous?.segments.at(-1);
    const wraps =
      previous !== null &&
      last !== undefined &&
      previous.segments.length === 1 &&
      line.segments.length === 1 &&
      Math.abs(previous.size - line.size) <= previous.size * 0.15 &&
      previous.y - line.y > 0 &&
      previous.y - line.y <= previous.size * 2 &&
      last.end >= right - previous.size * 3 &&
      !firstWordFits(line, last.end + previous.size * 0.3, right) &&
      !/[.:;!?]$/.test(last.text) &&
      !STARTS_PARAGRAPH.test(text);
    if (wraps) out[out.length - 1] = `${out.at(-1)} ${text}`;
    else out.push(text);
    previous = line;
  }
  return out;
};

/** A page number alone on a line: "5", "- 5 -", "Trang 5", "5/12". */
const PAGE_NUMBER = /^(trang\s+)?[-–]?\s*\d{1,4}\s*(\/\s*\d{1,4})?\s*[-–]?$/i;

// ---------------------------------------------------------------------------------------------
// Pages

/** A page laid out: its blocks, and the column edges of its first and last tables (to join them across pages). */
export type PageLayout = {
  blocks: DocBlock[];
  /** Column edges (x) of the table that ends the page, when a table ends it. */
  lastTableColumns?: number[];
  /** Column edges (x) of the table that opens the page, when a table opens it. */
  firstTableColumns?: number[];
};

type Placed = { top: number; block: DocBlock; columns?: number[] };

/**
 * Lays out one page: ruled tables from its rules, tables without rules from their header line, the
 * rest as paragraphs; page numbers and the given running lines left out.
 *
 * @param page - the page's geometry
 * @param context - found across pages: folded texts of running headers/footers to drop, the heights
 *   (y) where page numbers are printed, the right edge of the text on pages of this width
 * @returns the page's blocks, top to bottom
 */
export const layoutPage = (
  page: PdfPageGeometry,
  context: { running?: ReadonlySet<string>; pageNumberBands?: readonly number[]; textRight?: number } = {},
): PageLayout => {
  const { running = new Set<string>(), pageNumberBands = [], textRight = 0 } = context;
  const lines = buildLines(page.runs);
  const words = wordsOf(lines);
  const grids = findRuledGrids(page.rules);
  const placed: Placed[] = [];
  const inside = new Set<Word>();
  for (const grid of grids) {
    const [left, right] = [grid.xs[0] as number, grid.xs.at(-1) as number];
    const [top, bottom] = [grid.ys[0] as number, grid.ys.at(-1) as number];
    const mine = words.filter((word) => {
      const cx = (word.x + word.end) / 2;
      const cy = word.y + word.size * 0.3;
      return !inside.has(word) && cx >= left - 1 && cx <= right + 1 && cy <= top + 1 && cy >= bottom - 1;
    });
    for (const word of mine) inside.add(word);
    placed.push({ top, block: ruledTable(grid, mine, page.pageNumber), columns: grid.xs });
  }
  // Lines outside the ruled tables, top to bottom; page numbers and running lines at the edges dropped.
  let outside = linesOfWords(words.filter((word) => !inside.has(word)));
  const isEdgeJunk = (line: Line) => {
    const text = plainLine(line).trim();
    if (running.has(runningKey(text))) return true;
    return PAGE_NUMBER.test(text) && pageNumberBands.some((y) => Math.abs(y - line.y) <= 4);
  };
  while (outside.length && isEdgeJunk(outside[0] as Line)) outside = outside.slice(1);
  while (outside.length && isEdgeJunk(outside.at(-1) as Line)) outside = outside.slice(0, -1);
  // The text's right edge: at least 60% across the page (a page of short lines has no wrapped line).
  const right = Math.max(
    page.box[0] + (page.box[2] - page.box[0]) * 0.6,
    textRight,
    ...outside.flatMap((line) => line.segments.map((segment) => segment.end)),
    ...grids.map((grid) => grid.xs.at(-1) as number),
  );
  let i = 0;
  let paragraphLines: Line[] = [];
  const flushParagraphs = () => {
    if (!paragraphLines.length) return;
    const top = (paragraphLines[0] as Line).y;
    paragraphsOf(paragraphLines, right).forEach((text, index) => {
      placed.push({ top: top - index * 0.001, block: { kind: 'paragraph', text, page: page.pageNumber } });
    });
    paragraphLines = [];
  };
  while (i < outside.length) {
    const line = outside[i] as Line;
    // A ruled table between two lines breaks the paragraph.
    const previous = paragraphLines.at(-1);
    if (
      previous &&
      grids.some((grid) => (grid.ys[0] as number) < previous.y && (grid.ys[0] as number) > line.y)
    )
      flushParagraphs();
    if (!isTableHeader(line)) {
      paragraphLines.push(line);
      i++;
      continue;
    }
    // The header may begin a line or two above "STT" (a label wrapped above a vertically centred cell):
    // such a line sits close above and keeps within the header's columns (a title above crosses them).
    let start = i;
    while (
      start > 0 &&
      i - start < 3 &&
      paragraphLines.length > 0 &&
      (outside[start - 1] as Line).y - (outside[start] as Line).y < (outside[start] as Line).size * 1.6 &&
      withinColumns(outside[start - 1] as Line, line)
    ) {
      start--;
      paragraphLines.pop();
    }
    flushParagraphs();
    let end = i + 1;
    while (
      end < outside.length &&
      !ENDS_TABLE.test(foldText((outside[end] as Line).segments[0]?.text ?? '')) &&
      !grids.some(
        (grid) =>
          (grid.ys[0] as number) < (outside[end - 1] as Line).y &&
          (grid.ys[0] as number) > (outside[end] as Line).y,
      )
    )
      end++;
    const tableLines = outside.slice(start, end);
    const table = unruledTable(tableLines, i - start, page.pageNumber);
    const columns = findColumns(tableLines);
    placed.push({
      top: (tableLines[0] as Line).y,
      block: table,
      columns: [...columns.map((column) => column.x), columns.at(-1)?.end ?? 0],
    });
    i = end;
  }
  flushParagraphs();
  placed.sort((a, b) => b.top - a.top);
  const first = placed[0];
  const last = placed.at(-1);
  return {
    blocks: placed.map((entry) => entry.block),
    ...(first?.block.kind === 'table' && first.columns ? { firstTableColumns: first.columns } : {}),
    ...(last?.block.kind === 'table' && last.columns ? { lastTableColumns: last.columns } : {}),
  };
};

/** A line's text with its digits blanked, so "Trang 3" and "Trang 4" are the same running line. */
const runningKey = (text: string): string => foldText(text).replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * Running headers and footers: a line printed at the top or bottom of most pages (digits aside).
 *
 * @param pages - the text pages
 * @returns the folded texts to drop
 */
export const findRunningLines = (pages: readonly PdfPageGeometry[]): Set<string> => {
  if (pages.length < 3) return new Set();
  const counts = new Map<string, number>();
  for (const page of pages) {
    const lines = buildLines(page.runs);
    const edges = new Set(
      [lines[0], lines.at(-1)].filter(Boolean).map((line) => runningKey(plainLine(line as Line))),
    );
    // A line of digits only is a page number (or a row number): `findPageNumberBands` decides by its place.
    for (const key of edges) if (/[a-z]/.test(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set(
    [...counts.entries()].filter(([, count]) => count >= Math.max(3, pages.length * 0.6)).map(([key]) => key),
  );
};

/**
 * Where the document prints its page numbers: a number alone on the first or last line of a page, at
 * the same height on several pages. A number alone at a page's edge elsewhere is kept: it is a row
 * number of a table cut by the page break.
 *
 * @param pages - the text pages
 * @returns the heights (y) of page-number lines
 */
export const findPageNumberBands = (pages: readonly PdfPageGeometry[]): number[] => {
  const candidates: number[] = [];
  for (const page of pages) {
    const lines = buildLines(page.runs);
    for (const line of [lines[0], lines.at(-1)])
      if (line && PAGE_NUMBER.test(plainLine(line).trim())) candidates.push(line.y);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  return candidates.filter((y) => candidates.filter((other) => Math.abs(other - y) <= 4).length >= needed);
};

const rowKey = (row: readonly DocCell[]): string => row.map((docCell) => foldText(docCell.text)).join('\t');

/** Rows before the first body row: the header. */
const headerRowCount = (table: DocTable): number => Math.max(tableBodyStart(table), 0);

const sameColumns = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => Math.abs(x - (b[i] as number)) <= 4);

/**
 * Joins a table cut by a page break: the part on the next page drops the header rows it repeats,
 * and a first row with an empty first cell continues the last row of the part before.
 *
 * @param before - the table ending the page
 * @param after - the table opening the next page, with the same columns
 * @returns the joined table
 */
export const joinTableParts = (before: DocTable, after: DocTable): DocTable => {
  const header = before.rows.slice(0, headerRowCount(before)).map(rowKey);
  let rows = after.rows;
  let skip = 0;
  while (skip < rows.length && skip < header.length && rowKey(rows[skip] as DocCell[]) === header[skip])
    skip++;
  if (skip < header.length) skip = 0;
  rows = rows.slice(skip);
  const first = rows[0];
  const last = before.rows.at(-1);
  const joined = [...before.rows];
  if (
    first &&
    last &&
    !first[0]?.text.trim() &&
    last[0]?.text.trim() &&
    first.length === last.length &&
    first.every((docCell, i) => docCell.colSpan === last[i]?.colSpan)
  ) {
    joined[joined.length - 1] = last.map((docCell, i) => {
      const more = first[i]?.text ?? '';
      return { ...docCell, text: docCell.text && more ? `${docCell.text} ${more}` : docCell.text || more };
    });
    rows = rows.slice(1);
  }
  return { ...before, rows: [...joined, ...rows] };
};

/**
 * Lays out the text pages of a document in order, joining tables across page breaks.
 *
 * @param pages - consecutive text pages
 * @returns the blocks, in reading order
 */
export const layoutPages = (pages: readonly PdfPageGeometry[]): DocBlock[] => {
  const running = findRunningLines(pages);
  const pageNumberBands = findPageNumberBands(pages);
  // The right edge of the text, over the pages of each width (a short last page has no long line).
  const rightByWidth = new Map<number, number>();
  for (const page of pages) {
    const width = Math.round(page.box[2] - page.box[0]);
    const ends = page.runs.map((run) => run.end);
    rightByWidth.set(width, Math.max(rightByWidth.get(width) ?? 0, ...ends));
  }
  const blocks: DocBlock[] = [];
  let openColumns: number[] | undefined;
  for (const page of pages) {
    const layout = layoutPage(page, {
      running,
      pageNumberBands,
      textRight: rightByWidth.get(Math.round(page.box[2] - page.box[0])) ?? 0,
    });
    const [first, ...rest] = layout.blocks;
    const previous = blocks.at(-1);
    if (
      first?.kind === 'table' &&
      previous?.kind === 'table' &&
      openColumns &&
      layout.firstTableColumns &&
      sameColumns(openColumns, layout.firstTableColumns)
    ) {
      blocks[blocks.length - 1] = joinTableParts(previous, first);
      blocks.push(...rest);
    } else blocks.push(...layout.blocks);
    openColumns = layout.lastTableColumns;
  }
  return blocks;
};

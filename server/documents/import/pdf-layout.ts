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
 * Coordinates are PDF page space: points, y growing upwards. The lines are built in pdf-lines.ts, the
 * tables in pdf-tables.ts; this file lays out the pages and joins them.
 */
import { foldText } from '@core/domain/text';
import type { DocBlock, DocCell, DocTable } from './document-model';
import { buildLines, type Line, linesOfWords, type PdfPageGeometry, type Word, wordsOf } from './pdf-lines';
import {
  ENDS_TABLE,
  findColumns,
  findRuledGrids,
  isTableHeader,
  ruledTable,
  tableBodyStart,
  unruledTable,
  withinColumns,
} from './pdf-tables';

export type { PdfPageGeometry, PdfRule, PdfRun } from './pdf-lines';
export { tableBodyStart } from './pdf-tables';

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

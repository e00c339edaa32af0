/**
 * The table rules printed on a page image (long horizontal and vertical dark runs) turned into cell grids,
 * so the words Tesseract reads can be placed in their cells; the rules wiped before recognition (they would
 * come out as junk characters); and the cells cut out onto a mosaic, or blanked, for recognition.
 *
 * Sizes are in pixels of the page image; thresholds scale with the page (a photo has no known dpi).
 */
import { type GreyImage, inkMask, inkThreshold } from './scan-image';

/** A printed rule: a dark run at least as long as a table cell's edge. */
export type Rule = { x0: number; x1: number; y0: number; y1: number };

/**
 * A ruled table found in the image: the positions of its row and column lines, and its cells. A cell
 * covers grid slots; a missing inner rule merges slots (`colSpan`, `rowSpan`), as printed.
 */
export type CellGrid = {
  /** y of each row line, top to bottom (rows are between consecutive lines). */
  ys: number[];
  /** x of each column line, left to right. */
  xs: number[];
  cells: GridCell[];
};

export type GridCell = { row: number; col: number; rowSpan: number; colSpan: number };

/** Dark runs along one direction, bridging gaps of a few pixels (noise, a faint stretch of the rule). */
const runsAlong = (
  mask: Uint8Array,
  length: number,
  lines: number,
  at: (line: number, position: number) => number,
  minLength: number,
  maxGap: number,
): Array<{ line: number; start: number; end: number }> => {
  const runs: Array<{ line: number; start: number; end: number }> = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let last = -1;
    for (let p = 0; p <= length; p++) {
      const ink = p < length && mask[at(line, p)] === 1;
      if (ink) {
        if (start < 0) start = p;
        else if (p - last - 1 > maxGap) {
          if (last - start + 1 >= minLength) runs.push({ line, start, end: last });
          start = p;
        }
        last = p;
      } else if (start >= 0 && (p === length || p - last > maxGap)) {
        if (last - start + 1 >= minLength) runs.push({ line, start, end: last });
        start = -1;
      }
    }
  }
  return runs;
};

/** Joins runs on neighbouring lines that overlap into one rule (a rule is 1–5 px thick). */
const joinRuns = (runs: ReadonlyArray<{ line: number; start: number; end: number }>) => {
  const rules: Array<{ first: number; last: number; start: number; end: number }> = [];
  const open: typeof rules = [];
  for (const run of runs) {
    const host = open.find(
      (rule) =>
        run.line - rule.last <= 2 &&
        Math.min(rule.end, run.end) - Math.max(rule.start, run.start) >
          0.5 * Math.min(rule.end - rule.start, run.end - run.start),
    );
    if (host) {
      host.last = run.line;
      host.start = Math.min(host.start, run.start);
      host.end = Math.max(host.end, run.end);
    } else {
      const rule = { first: run.line, last: run.line, start: run.start, end: run.end };
      rules.push(rule);
      open.push(rule);
    }
    // Rules more than 2 lines behind can take no more runs.
    for (let i = open.length - 1; i >= 0; i--) if (run.line - (open[i]?.last ?? 0) > 2) open.splice(i, 1);
  }
  return rules;
};

/** The thickest a printed rule is taken to be (thicker dark areas are pictures, stamps, bars). */
const maxRuleThickness = (image: GreyImage) =>
  Math.max(6, Math.round(Math.min(image.width, image.height) / 250));

/**
 * Finds the long horizontal and vertical dark runs of a page: the rules of tables (and underlines,
 * borders). Horizontal rules are at least 5% of the page width, vertical ones 1.5% of its height (a
 * one-line table row; a letter's stroke is shorter).
 *
 * @param image - the grey page, straightened
 * @returns the horizontal and vertical rules
 */
export const findRules = (image: GreyImage): { horizontal: Rule[]; vertical: Rule[] } => {
  const { width, height } = image;
  // Rules are often drawn thin and grey (0.5 pt): a lighter cut-off than for text.
  const mask = inkMask(image, Math.max(inkThreshold(image), 200));
  const thick = maxRuleThickness(image);
  const minH = Math.max(40, Math.round(width * 0.05));
  const minV = Math.max(24, Math.round(height * 0.015));
  const horizontal = joinRuns(runsAlong(mask, width, height, (y, x) => y * width + x, minH, 3))
    .filter((rule) => rule.last - rule.first + 1 <= thick && rule.end - rule.start + 1 >= minH)
    .map((rule) => ({ x0: rule.start, x1: rule.end, y0: rule.first, y1: rule.last }));
  const vertical = joinRuns(runsAlong(mask, height, width, (x, y) => y * width + x, minV, 3))
    .filter((rule) => rule.last - rule.first + 1 <= thick && rule.end - rule.start + 1 >= minV)
    .map((rule) => ({ x0: rule.first, x1: rule.last, y0: rule.start, y1: rule.end }));
  return { horizontal, vertical };
};

/** Groups close positions (rules of one grid line) and returns each group's mean. */
const clusterPositions = (positions: number[], tolerance: number): number[] => {
  const sorted = [...positions].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const position of sorted) {
    const group = groups.at(-1);
    if (group && position - (group.at(-1) ?? 0) <= tolerance) group.push(position);
    else groups.push([position]);
  }
  return groups.map((group) => group.reduce((a, b) => a + b, 0) / group.length);
};

/** The share of [from, to] covered by the given intervals. */
const coverage = (intervals: ReadonlyArray<[number, number]>, from: number, to: number): number => {
  if (to <= from) return 1;
  const sorted = intervals
    .map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)])
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = from;
  for (const [a, b] of sorted) {
    if (b <= reach) continue;
    covered += b - Math.max(a, reach);
    reach = b;
  }
  return covered / (to - from);
};

/** How close a rule is to a grid line and how far a slot's edge may be left open at its corners. */
const REACH = 6;

/**
 * Tells whether rules lying on a grid line cover most (70%) of the stretch between two crossing lines.
 *
 * @param rules - horizontal rules (`axis` "y") or vertical ones ("x")
 * @param axis - the coordinate that places a rule on its line
 * @param at - the line's position
 * @param from - where the stretch starts (a crossing line)
 * @param to - where it ends
 */
const spanned = (rules: readonly Rule[], axis: 'x' | 'y', at: number, from: number, to: number): boolean => {
  const onLine = rules.filter((rule) =>
    axis === 'y'
      ? Math.abs((rule.y0 + rule.y1) / 2 - at) <= REACH
      : Math.abs((rule.x0 + rule.x1) / 2 - at) <= REACH,
  );
  const intervals = onLine.map((rule): [number, number] =>
    axis === 'y' ? [rule.x0, rule.x1] : [rule.y0, rule.y1],
  );
  return coverage(intervals, from + REACH, to - REACH) >= 0.7;
};

/**
 * Builds the cell grids of the ruled tables on a page: rules that cross or touch are one table (at
 * least two horizontal and two vertical rules); its row and column lines are the rules' positions, and
 * slots are merged into one cell where the rule between them is missing.
 *
 * @param rules - the page's rules (`findRules`)
 * @returns one grid per table, top to bottom
 */
export const buildGrids = (rules: { horizontal: Rule[]; vertical: Rule[] }): CellGrid[] => {
  const { horizontal, vertical } = rules;
  const all = [...horizontal, ...vertical];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] ?? i] ?? i;
      i = parent[i] ?? i;
    }
    return i;
  };
  const reach = REACH;
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      const touches =
        v.x1 >= h.x0 - reach && v.x0 <= h.x1 + reach && h.y1 >= v.y0 - reach && h.y0 <= v.y1 + reach;
      if (touches) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, number[]>();
  all.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  const grids: CellGrid[] = [];
  for (const members of groups.values()) {
    const hs = members.filter((i) => i < horizontal.length).map((i) => horizontal[i] as Rule);
    const vs = members
      .filter((i) => i >= horizontal.length)
      .map((i) => vertical[i - horizontal.length] as Rule);
    if (hs.length < 2 || vs.length < 2) continue;
    const rowLines = clusterPositions(
      hs.map((h) => (h.y0 + h.y1) / 2),
      reach,
    );
    const colLines = clusterPositions(
      vs.map((v) => (v.x0 + v.x1) / 2),
      reach,
    );
    // A grid line is kept when it borders at least one whole slot: a letter's stroke that touches a rule
    // is a short run, not a column line.
    const xs = colLines.filter(
      (x, i) =>
        i === 0 ||
        i === colLines.length - 1 ||
        rowLines.some(
          (_, r) => r + 1 < rowLines.length && spanned(vs, 'x', x, rowLines[r] ?? 0, rowLines[r + 1] ?? 0),
        ),
    );
    const ys = rowLines.filter(
      (y, i) =>
        i === 0 ||
        i === rowLines.length - 1 ||
        xs.some((_, c) => c + 1 < xs.length && spanned(hs, 'y', y, xs[c] ?? 0, xs[c + 1] ?? 0)),
    );
    if (ys.length < 2 || xs.length < 2) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    // A rule is there when rules on that line cover most of the slot's edge.
    const edgeH = (line: number, c: number) => spanned(hs, 'y', ys[line] ?? 0, xs[c] ?? 0, xs[c + 1] ?? 0);
    const edgeV = (line: number, r: number) => spanned(vs, 'x', xs[line] ?? 0, ys[r] ?? 0, ys[r + 1] ?? 0);
    const taken = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
    const cells: GridCell[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (taken[r]?.[c]) continue;
        let colSpan = 1;
        while (c + colSpan < cols && !edgeV(c + colSpan, r) && !taken[r]?.[c + colSpan]) colSpan++;
        let rowSpan = 1;
        const open = (below: number) => {
          for (let k = c; k < c + colSpan; k++) if (edgeH(below, k) || taken[below]?.[k]) return false;
          return true;
        };
        while (r + rowSpan < rows && open(r + rowSpan)) rowSpan++;
        for (let dr = 0; dr < rowSpan; dr++)
          for (let dc = 0; dc < colSpan; dc++) {
            const row = taken[r + dr];
            if (row) row[c + dc] = true;
          }
        cells.push({ row: r, col: c, rowSpan, colSpan });
      }
    grids.push({ ys, xs, cells });
  }
  return grids.sort((a, b) => (a.ys[0] ?? 0) - (b.ys[0] ?? 0));
};

/**
 * Wipes rules from a page (paints them white, a pixel beyond their edges), so that OCR does not read
 * them as characters ("|", "_", "—").
 *
 * @param image - the grey page
 * @param rules - the rules to wipe
 * @returns a copy of the page without them
 */
export const eraseRules = (image: GreyImage, rules: readonly Rule[]): GreyImage => {
  const { width, height } = image;
  const data = new Uint8Array(image.data);
  for (const rule of rules) {
    for (let y = Math.max(0, rule.y0 - 2); y <= Math.min(height - 1, rule.y1 + 2); y++)
      data.fill(255, y * width + Math.max(0, rule.x0 - 2), y * width + Math.min(width, rule.x1 + 3));
  }
  return { width, height, data };
};

/** A cell's ink, cut out of the page and placed on a mosaic: where it came from and where it went. */
export type MosaicPiece = {
  /** Top-left of the cut on the page. */
  pageX: number;
  pageY: number;
  /** Top-left of the piece on the mosaic, and its size. */
  x: number;
  y: number;
  width: number;
  height: number;
};

/**
 * Stacks the ink of a table's cells one under another on a white image, with blank space between them,
 * so that one recognition reads every cell as its own block of lines: read across the page, a cell's
 * words share text lines with the other cells of the row and OCR loses the spaces between them. Empty
 * cells are left out; each piece is trimmed to its ink.
 *
 * @param image - the page with its rules wiped
 * @param grid - the table's grid
 * @returns the mosaic and its pieces (words read on the mosaic go back through `pageX - x`, `pageY - y`)
 */
export const cellMosaic = (image: GreyImage, grid: CellGrid): { image: GreyImage; pieces: MosaicPiece[] } => {
  const threshold = inkThreshold(image);
  const { width: pageWidth } = image;
  const inset = 3;
  const cuts: Array<{ x0: number; y0: number; x1: number; y1: number }> = [];
  for (const cell of grid.cells) {
    const left = Math.ceil((grid.xs[cell.col] ?? 0) + inset);
    const right = Math.floor((grid.xs[cell.col + cell.colSpan] ?? 0) - inset);
    const top = Math.ceil((grid.ys[cell.row] ?? 0) + inset);
    const bottom = Math.floor((grid.ys[cell.row + cell.rowSpan] ?? 0) - inset);
    let x0 = right;
    let x1 = left - 1;
    let y0 = bottom;
    let y1 = top - 1;
    let ink = 0;
    for (let y = top; y <= bottom; y++)
      for (let x = left; x <= right; x++) {
        if ((image.data[y * pageWidth + x] ?? 255) > threshold) continue;
        ink++;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    if (ink >= 6) cuts.push({ x0, y0, x1, y1 });
  }
  const pad = 12;
  const gap = 40;
  const width = Math.max(1, ...cuts.map((cut) => cut.x1 - cut.x0 + 1 + 2 * pad));
  const height = Math.max(
    1,
    cuts.reduce((sum, cut) => sum + (cut.y1 - cut.y0 + 1) + gap, gap),
  );
  const data = new Uint8Array(width * height).fill(255);
  const pieces: MosaicPiece[] = [];
  let y = gap;
  for (const cut of cuts) {
    const w = cut.x1 - cut.x0 + 1;
    const h = cut.y1 - cut.y0 + 1;
    for (let dy = 0; dy < h; dy++) {
      const from = (cut.y0 + dy) * pageWidth + cut.x0;
      data.set(image.data.subarray(from, from + w), (y + dy) * width + pad);
    }
    pieces.push({ pageX: cut.x0, pageY: cut.y0, x: pad, y, width: w, height: h });
    y += h + gap;
  }
  return { image: { width, height, data }, pieces };
};

/**
 * Paints the inside of tables white (their words are read from a mosaic of cells instead).
 *
 * @param image - the page
 * @param grids - the tables
 * @returns a copy without the tables
 */
export const blankTables = (image: GreyImage, grids: readonly CellGrid[]): GreyImage => {
  const { width, height } = image;
  const data = new Uint8Array(image.data);
  for (const grid of grids) {
    const x0 = Math.max(0, Math.floor(grid.xs[0] ?? 0));
    const x1 = Math.min(width, Math.ceil(grid.xs.at(-1) ?? 0) + 1);
    for (
      let y = Math.max(0, Math.floor(grid.ys[0] ?? 0));
      y <= Math.min(height - 1, grid.ys.at(-1) ?? 0);
      y++
    )
      data.fill(255, y * width + x0, y * width + x1);
  }
  return { width, height, data };
};

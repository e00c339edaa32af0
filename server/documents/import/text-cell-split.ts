/**
 * Flowed rows: a row printed one cell per line, or with cells separated by single spaces, is split into
 * the header's columns by choosing the cell boundaries that cost least, from the kinds of the words
 * (figures, unit words, agency names, deadlines, name text) and from where the lines break.
 */
import { foldKeepingPositions, type TextColumnRole } from './text-table-labels';
import { startsWithUnit } from './units';

type Token = { text: string; lineStart: boolean; hard: boolean };

const FIGURE = /^[≥≤><=~]?\(?[+-]?\d[\d.,]*%?\)?[,;]?$/;
const COMPARATOR = /^(?:[≥≤><=~]|>=|<=)$/;
export const isFigure = (text: string): boolean => FIGURE.test(text) && !/^\d{1,2}\/\d{4}$/.test(text);
const isValueWord = (folded: string): boolean =>
  /^(duy|tri|dat|tren|duoi|toi|thieu|da|100%|khong|co|-|—|–|x)$/.test(folded);
const isCapitalised = (text: string): boolean => /^["“(]?\p{Lu}/u.test(text);
const foldWord = (text: string): string => foldKeepingPositions(text).replace(/[^a-z0-9%-]/g, '');

const DEADLINE_START =
  /^(quy|nam|thang|truoc|trong|tu|den|hang|hang nam|thuong xuyen|giai doan|dinh ky|\d{1,2}\/\d{4}|20[2-6]\d)\b/;

/** Per-token facts the costs need, with prefix sums so that a span's cost is read in constant time. */
type Features = {
  figure: number[];
  letters: number[];
  ranges: number[];
  loose: number[];
  keeps: number[];
  unitAt: boolean[];
  deadlineAt: boolean[];
  /** Lines that open with a deadline ("Trong Quý III/2028" at a line start), as prefix sums. */
  deadlineLines: number[];
};

const prefix = (flags: readonly boolean[]): number[] => {
  const sums = [0];
  flags.forEach((flag, index) => {
    sums.push((sums[index] ?? 0) + (flag ? 1 : 0));
  });
  return sums;
};

export const featuresOf = (tokens: readonly Token[]): Features => {
  const texts = tokens.map((token) => token.text);
  const folded = texts.map(foldWord);
  let depth = 0;
  const loose: boolean[] = [];
  for (const text of texts) {
    loose.push(depth === 0 && (isFigure(text) || text === '%') && !/^\(/.test(text));
    depth = Math.max(0, depth + (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length);
  }
  const rest = (index: number) => texts.slice(index, index + 4).join(' ');
  const deadlineAt = texts.map((_, index) => DEADLINE_START.test(foldKeepingPositions(rest(index))));
  return {
    figure: prefix(texts.map((text) => isFigure(text))),
    letters: prefix(texts.map((text, index) => /\p{L}{2,}/u.test(text) && !isValueWord(folded[index] ?? ''))),
    ranges: prefix(folded.map((word) => /^[-–~&]$|^(den|toi)$/.test(word))),
    loose: prefix(loose),
    keeps: prefix(folded.map((word) => word === 'duy')),
    unitAt: texts.map((_, index) => startsWithUnit(rest(index))),
    deadlineAt,
    deadlineLines: prefix(tokens.map((token, index) => token.lineStart && deadlineAt[index] === true)),
  };
};

const count = (sums: readonly number[], from: number, to: number): number =>
  (sums[to] ?? 0) - (sums[from] ?? 0);

/** Cost of a span of tokens as the content of a column (lower is a better fit). */
const cellCost = (
  tokens: readonly Token[],
  features: Features,
  from: number,
  to: number,
  role: TextColumnRole,
): number => {
  const size = to - from;
  if (size === 0) {
    if (role === 'name') return 6;
    if (role === 'value') return 1.4;
    // A plan names a lead more often than partners, a leader or an executor.
    if (role === 'lead') return 1.1;
    return 0.9;
  }
  const first = (tokens[from] as Token).text;
  const figures = count(features.figure, from, to);
  const letters = count(features.letters, from, to);
  // Dashes alone are no target or no partner, never the bullet of a unit name after them.
  const onlyDashes = tokens.slice(from, to).every((token) => /^[-–—]$/.test(token.text));
  const unitStart = features.unitAt[from] === true && !onlyDashes;
  switch (role) {
    case 'name':
      // Figures in a name are rare outside parentheses ("(phấn đấu 3%)"): they are a value cell.
      return (figures === size ? 4 : 0) + (isFigure(first) ? 1.5 : 0) + count(features.loose, from, to) * 0.6;
    case 'unit': {
      if (size > 4) return 2 + size;
      if (figures) return 3;
      return unitStart ? 1 : 0.2;
    }
    case 'value': {
      // One target: a figure with its comparator, "Duy trì" and a note; several figures are several cells.
      const extraFigures = Math.max(0, figures - 1 - count(features.ranges, from + 1, to));
      const extraKeeps = Math.max(0, count(features.keeps, from, to) - 1);
      const textCost = figures ? Math.max(0, letters - 3) * 0.8 : Math.max(0, letters - 6) * 0.4 + 0.3;
      // A dash at either end of a longer cell is a "no target" cell of its own, not a range ("60 - 80").
      const last = (tokens[to - 1] as Token).text;
      const looseDash = size > 1 && (/^[-–—]$/.test(first) || /^[-–—]$/.test(last)) ? 1.5 : 0;
      // A unit sign alone ("%") is the unit column's, never a target.
      const bareSign = size === 1 && /^[%‰]$/.test(first) ? 3 : 0;
      return (
        extraFigures * 2.5 +
        extraKeeps * 2 +
        textCost +
        (unitStart && !figures ? 3 : 0) +
        looseDash +
        bareSign
      );
    }
    case 'lead':
    case 'coordinating':
    case 'executor':
    case 'leader': {
      const start = unitStart || /^(ong|ba|dong|d\/c|ubnd|cac)$/.test(foldWord(first));
      // A cell that opens with a deadline ("Trong Quý III/2028") is the deadline's, not an agency.
      const deadline = !start && features.deadlineAt[from] === true ? 1.5 : 0;
      return (start ? -0.6 : 0.8) + (isFigure(first) ? 3 : 0) + (/^\p{Ll}/u.test(first) ? 1.5 : 0) + deadline;
    }
    case 'deadline':
      if (features.deadlineAt[from]) return -0.4;
      // Words before a line that opens with a deadline ("… (toàn trình)" / "Trong Quý III/2028"): the
      // deadline cell starts on that line, the words above end the cell before it.
      return (unitStart ? 2.5 : 0.6) + (count(features.deadlineLines, from + 1, to) > 0 ? 1.5 : 0);
    default:
      return 0.3;
  }
};

/** A unit name's first words alone on a line: the name goes on below ("Văn phòng" / "HĐND&UBND"). */
const UNIT_HEAD_ONLY =
  /^(van phong|phong|trung tam|cong an|ban|uy ban|cong chuc|vien chuc|can bo|doanh nghiep|to|cac|cac phong|ban chi huy|tram)$/;

/** How many parentheses are open before token `index`. */
const depthBefore = (tokens: readonly Token[], index: number): number => {
  let depth = 0;
  for (let k = 0; k < index; k++) {
    const text = (tokens[k] as Token).text;
    depth += (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
    if (depth < 0) depth = 0;
  }
  return depth;
};

/** Cost of starting a new cell at token `index` (a boundary between index-1 and index). */
const boundaryCost = (tokens: readonly Token[], index: number): number => {
  const token = tokens[index] as Token;
  const previous = tokens[index - 1] as Token;
  if (token.hard) return 0;
  const text = token.text;
  const before = previous.text;
  if (depthBefore(tokens, index) > 0) return 4; // inside a parenthesis
  let lineStart = index - 1;
  while (lineStart > 0 && !(tokens[lineStart] as Token).lineStart) lineStart--;
  const lineSoFar = foldKeepingPositions(
    tokens
      .slice(lineStart, index)
      .map((t) => t.text)
      .join(' '),
  ).trim();
  if (UNIT_HEAD_ONLY.test(lineSoFar)) return 3; // "Văn phòng" / "HĐND&UBND"
  if (/^(duy tri|dat|phan dau)$/.test(lineSoFar) && isFigure(text)) return 2; // "Duy trì" / "100%"
  const glued = /[,;&/]$/.test(before) || /^(va|cua|cac|voi|tren|cho|ve|-|–)$/.test(foldWord(before));
  if (token.lineStart) {
    let cost = 0.4;
    if (/^\p{Ll}/u.test(text)) cost += 2.2;
    if (glued) cost += 1.8;
    // A line that ends in a colon announces what follows ("… thuộc phạm vi của phường:" / "MTTQ và …"):
    // the next line goes on the same cell.
    if (/:$/.test(before)) cost += 2;
    if (/^[-–]$/.test(text) && /^\p{Lu}/u.test(tokens[index + 1]?.text ?? '')) cost += 1.6;
    // A note in parentheses on its own line goes on the cell above ("Trung tâm" / "(chủ trì)"), unless the
    // line above ended a figure: then it is as likely the next cell, a target said in words ("(Đã đạt)").
    if (/^\(/.test(text) && !isFigure(text) && !(isFigure(before) || /%\)?$/.test(before))) cost += 1;
    return cost;
  }
  // Mid-line: only where the kind of word changes. A dash between targets is a cell saying "no
  // target" ("100 - - 100"), not a hyphen joining words.
  const dash = (word: string) => /^[-–—]$/.test(word);
  const valueLike = (word: string) => isFigure(word) || dash(word) || /%\)?$/.test(word);
  if ((dash(text) || dash(before)) && valueLike(text) && valueLike(before)) return 0.3;
  // "Báo cáo - - 100": a dash after words and before more targets (or at the row's end) is a cell of its
  // own; a hyphen joining words ("Văn hóa - Xã hội") has a word after it.
  const after = tokens[index + 1]?.text;
  if (dash(text) && (after === undefined || valueLike(after))) return 0.5;
  // "… 100 - Trung tâm HCC": the dash closes the targets, the unit name opens the next cell.
  if (dash(before) && isCapitalised(text) && valueLike(tokens[index - 2]?.text ?? ''))
    return startsWithUnit(
      tokens
        .slice(index, index + 4)
        .map((t) => t.text)
        .join(' '),
    )
      ? 0.2
      : 0.6;
  if (glued) return 4;
  const figureNow = isFigure(text) || COMPARATOR.test(text);
  const figureBefore = isFigure(before) || /%\)?$/.test(before);
  if (figureNow && figureBefore) return COMPARATOR.test(before) ? 4 : 0.3;
  if (figureNow) return /\p{L}{2,}\.?$/u.test(before) ? 0.9 : 2;
  if (/^duy$/.test(foldWord(text)) && figureBefore) return 0.5;
  if (text === '%' || /^%/.test(text)) return 0.9;
  if (isCapitalised(text)) {
    const rest = tokens
      .slice(index, index + 4)
      .map((t) => t.text)
      .join(' ');
    if (figureBefore || before === '%') return startsWithUnit(rest) ? 0.2 : 0.6;
    return startsWithUnit(rest) ? 0.9 : 3.2;
  }
  return 5;
};

/** Rows longer than this are not a table row read in order (an OCR page read across columns). */
const MAX_ROW_TOKENS = 220;
/** The longest cell, in words. */
const MAX_CELL_TOKENS = 90;

/** Cost of keeping a hard separator inside one cell. */
const HARD_INSIDE = 3;

/**
 * Splits the words of one row into the given columns, choosing the boundaries with the lowest total
 * cost (dynamic programming over token positions).
 *
 * @param tokens - the row's words in reading order (after the row number)
 * @param roles - the columns after the number column
 * @param options - `wholeCells`: a cell ends only at a hard separator (the printed cells are kept whole
 *   and only placed in columns: a separated row with fewer cells than the header has columns)
 * @returns the cells' text and the total cost (lower is surer)
 */
export const assignCells = (
  tokens: readonly Token[],
  roles: readonly TextColumnRole[],
  options: { wholeCells?: boolean } = {},
): { cells: string[]; cost: number } => {
  const m = tokens.length;
  const n = roles.length;
  if (m > MAX_ROW_TOKENS)
    return { cells: [joinTokens(tokens), ...roles.slice(1).map(() => '')], cost: Infinity };
  const features = featuresOf(tokens);
  const boundaries = tokens.map((_, index) => (index > 0 ? boundaryCost(tokens, index) : 0));
  const hardPrefix: number[] = [0];
  for (let i = 0; i < m; i++) hardPrefix.push((hardPrefix[i] ?? 0) + (i > 0 && tokens[i]?.hard ? 1 : 0));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-1));
  (best[0] as number[])[0] = 0;
  for (let c = 0; c < n; c++) {
    const role = roles[c] as TextColumnRole;
    const row = best[c] as number[];
    for (let i = 0; i <= m; i++) {
      const base = row[i] as number;
      if (!Number.isFinite(base)) continue;
      const start = i > 0 && i < m ? (boundaries[i] ?? 0) : 0;
      const last = Math.min(m, i + MAX_CELL_TOKENS);
      for (let j = i; j <= last; j++) {
        if (options.wholeCells && j > i && j < m && !tokens[j]?.hard) continue;
        const inside = j > i ? ((hardPrefix[j] ?? 0) - (hardPrefix[i + 1] ?? 0)) * HARD_INSIDE : 0;
        const cost = base + cellCost(tokens, features, i, j, role) + (j > i ? start : 0) + inside;
        const next = best[c + 1] as number[];
        if (cost < (next[j] as number)) {
          next[j] = cost;
          (from[c + 1] as number[])[j] = i;
        }
      }
    }
  }
  if (!Number.isFinite((best[n] as number[])[m] as number))
    return { cells: [joinTokens(tokens), ...roles.slice(1).map(() => '')], cost: Infinity };
  const cells = new Array<string>(n).fill('');
  let j = m;
  for (let c = n; c > 0; c--) {
    const i = (from[c] as number[])[j] as number;
    cells[c - 1] = joinTokens(tokens.slice(i, j));
    j = i;
  }
  return { cells, cost: (best[n] as number[])[m] as number };
};

/** Joins tokens into a cell's text, gluing a symbol broken at a hyphen across lines ("57-" + "NQ/TW"). */
export const joinTokens = (tokens: readonly Token[]): string => {
  let out = '';
  for (const token of tokens) {
    if (!out) out = token.text;
    else if (token.lineStart && /[\p{L}\d][-/]$/u.test(out) && /^[\p{Lu}\d]/u.test(token.text))
      out += token.text;
    else out += ` ${token.text}`;
  }
  return out.replace(/\s+([,;])/g, '$1').trim();
};

/** Splits a line into tokens; tabs, "|" and runs of two or more spaces are hard separators. */
export const tokensOf = (text: string): Token[] => {
  const tokens: Token[] = [];
  const chunks = text.split(/\t|\s*\|\s*| {2,}/);
  chunks.forEach((chunk, chunkIndex) => {
    chunk
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .forEach((word, index) => {
        tokens.push({ text: word, lineStart: tokens.length === 0, hard: index === 0 && chunkIndex > 0 });
      });
  });
  return tokens;
};

/**
 * Counts the runs of figures in a row's words once the words are in reading order: a row read cell by
 * cell has its figures together (one run, two with a note between); a scan whose OCR read every
 * printed line across all columns has a run on every line.
 */
export const figureRuns = (tokens: readonly Token[]): number => {
  let runs = 0;
  let inRun = false;
  let gap = 0;
  for (const token of tokens) {
    const figure = isFigure(token.text) || /^(duy|tri|dat)$/.test(foldWord(token.text));
    if (figure) {
      if (!inRun) runs++;
      inRun = true;
      gap = 0;
    } else if (inRun && ++gap >= 3) inRun = false;
  }
  return runs;
};

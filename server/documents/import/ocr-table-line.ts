/**
 * One printed line of a scanned indicator table, as OCR read it across all columns: the words before the
 * value run (the name column's slice), the run of figures and "Duy trì" words (the line's slice of the year
 * cells, OCR figures read with care: "7005" → 70%, "8o%" → 80%), and the words after it (the unit columns).
 * Used by ocr-table.ts.
 */
import { repairText } from './ocr-repair';
import { foldOcr } from './structure';

export type Cell =
  | { kind: 'number'; text: string; op: string; value: number; percent: boolean }
  | { kind: 'keep'; text: string }
  | { kind: 'words'; text: string }
  | { kind: 'bad'; text: string };

export type ParsedLine = {
  index: number;
  text: string;
  /** Words before the value run (the name column's slice, with junk). */
  name: string;
  /** The value cells of the line, in order. */
  cells: Cell[];
  /** Words after the value run (the unit columns' slice). */
  units: string;
};

/** A text folded for OCR matching, its spaces removed. */
export const compact = (text: string): string => foldOcr(text).replace(/ /g, '');

/** "Duy trì" as OCR prints it: "Duytri", "Duyti", "Duvtri", "DUyt". */
const isKeepWord = (token: string): boolean => /^du[yv](t|tr|tri|ti)?$/.test(foldOcr(token));

/** Reads a token as a figure: "≥80%", "(3%)", "8o%", "10°%", "1>90%". */
const readFigure = (token: string): { op: string; digits: string; percent: boolean } | null => {
  const cleaned = token
    .replace(/°/g, '0')
    .replace(/(?<=\d)[oO]|[oO](?=\d)/g, '0')
    .replace(/[,;:.]+$/, '');
  const match = /^(?:\d(?=[≥≤><=]))?([≥≤><=])?\(?(\d{1,4})(?:[.,](\d+))?(%)?\)?$/.exec(cleaned);
  if (!match?.[2]) return null;
  const op = match[1] ?? '';
  return { op, digits: match[3] ? `${match[2]}.${match[3]}` : match[2], percent: Boolean(match[4]) };
};

/** Tails OCR prints for a "%" glued to its figure ("7005", "1000", "8506", "950,"). */
const PERCENT_TAIL = /^(0|00|05|06|09|5|6|7|9|95|96)$/;

/**
 * Reads a figure whose "%" OCR turned into digits: "7005" → 70, "1000" → 100, "1997" → null.
 *
 * @param digits - the printed digits
 * @returns the percentage, or null when no reading is safe
 */
export const readGluedPercent = (digits: string): number | null => {
  if (digits.includes('.')) return Number(digits) <= 100 ? Number(digits) : null;
  const value = Number(digits);
  if (value <= 100) return value;
  if (digits.startsWith('100') && PERCENT_TAIL.test(digits.slice(3))) return 100;
  const two = Number(digits.slice(0, 2));
  if (two >= 10 && PERCENT_TAIL.test(digits.slice(2))) return two;
  return null;
};

const toCells = (tokens: readonly string[]): Cell[] => {
  const cells: Cell[] = [];
  let comparator = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (/^[≥≤><=]$/.test(token)) {
      comparator = token;
      continue;
    }
    if (token === '&' || token === '&amp;') {
      const previous = cells.pop();
      const next = tokens[i + 1] ?? '';
      i++;
      cells.push({ kind: 'words', text: `${previous?.text ?? ''} & ${next}`.trim() });
      continue;
    }
    if (isKeepWord(token)) {
      const joined = /^tri$/i.test(foldOcr(tokens[i + 1] ?? '')) ? 2 : 1;
      cells.push({ kind: 'keep', text: 'Duy trì' });
      i += joined - 1;
      continue;
    }
    const figure = readFigure(token);
    if (figure) {
      const op = comparator || figure.op;
      comparator = '';
      const raw = Number(figure.digits);
      const value = figure.percent ? raw : readGluedPercent(figure.digits);
      if (value == null || value === 0 || (!figure.percent && !op && raw < 10)) {
        cells.push({ kind: 'bad', text: token });
      } else {
        const percent = figure.percent || raw > 100;
        cells.push({ kind: 'number', text: token, op, value, percent });
      }
      continue;
    }
    if (/^\(/.test(token)) {
      const words = [token];
      while (!/\)/.test(words.at(-1) ?? '') && words.length < 4 && i + 1 < tokens.length) {
        i++;
        words.push(tokens[i] ?? '');
      }
      cells.push({ kind: 'words', text: repairText(words.join(' ')).text });
      continue;
    }
    comparator = '';
    cells.push({ kind: 'bad', text: token });
  }
  return cells;
};

/** A token that can be part of a line's value run. */
const isRunToken = (token: string): boolean =>
  /^[≥≤><=&]$/.test(token) || isKeepWord(token) || /^tri$/i.test(foldOcr(token)) || readFigure(token) != null;

/** A token that is junk inside a value run ("fo0", "D(gg/ot)"): it has digits or symbols, no word. */
const isJunkToken = (token: string): boolean =>
  !/^\p{L}{2,}[,.;:]?$/u.test(token) && /[\d%()[\]/‘’“”]/.test(token);

/**
 * Splits one OCR line into name words, value cells and unit words.
 *
 * @param text - the line (tabs are column rules the OCR saw)
 * @param index - its index in the document
 * @param rowNumber - the row number that opens the line, to drop
 * @returns the parsed line
 */
export const parseLine = (text: string, index: number, rowNumber: string | null): ParsedLine => {
  let tokens = text.replace(/\t/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (rowNumber && tokens[0]?.startsWith(rowNumber)) tokens = tokens.slice(1);
  // The run with the most figures / "Duy trì" words, allowing junk tokens between them.
  let best: { start: number; end: number; score: number } | null = null;
  for (let start = 0; start < tokens.length; start++) {
    if (!isRunToken(tokens[start] ?? '')) continue;
    let end = start;
    let score = 0;
    let junk = 0;
    for (let i = start; i < tokens.length; i++) {
      const token = tokens[i] ?? '';
      if (isRunToken(token)) {
        end = i + 1;
        score++;
        junk = 0;
      } else if (isJunkToken(token) && junk < 4) junk++;
      else break;
    }
    if (!best || score > best.score) best = { start, end, score };
    start = end - 1;
  }
  // A lone figure without "%" is as likely a stray mark ("Dia . < 1. x") as a cell.
  const weak = best?.score === 1 && !/%/.test(tokens[best.start] ?? '');
  if (!best || best.score < 1 || weak) return { index, text, name: tokens.join(' '), cells: [], units: '' };
  return {
    index,
    text,
    name: tokens.slice(0, best.start).join(' '),
    cells: toCells(tokens.slice(best.start, best.end)),
    units: tokens.slice(best.end).join(' '),
  };
};

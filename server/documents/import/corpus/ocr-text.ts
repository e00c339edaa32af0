/**
 * Writes a corpus document as the plain text an OCR engine gives for its scan: lines wrapped at the page
 * width (sentences broken mid-way), blank lines between some lines, page headers and numbers, tables
 * flattened (cells side by side with spaces, rules read as "|", or one cell per line), and recognition
 * errors: words that lose or change their diacritics, l/1, O/0 and rn/m confusions.
 */
import type { TextTables } from './layouts';
import { type CorpusDocument, type TableBlock, tableGrid, tableWidth } from './model';
import type { Rng } from './rng';

/** Wraps text at a width, breaking between words (a word longer than the width stays whole). */
export const wrap = (text: string, width: number): string[] => {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
};

const stripMarks = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');

/** Drops only the tone mark of a word (keeps the vowel's hat or horn): "trọng" → "trong". */
const stripTone = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC');

/** A wrong tone mark: "quan" stays, "hiện" → "hiến". */
const swapTone = (word: string, rng: Rng): string => {
  const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const decomposed = word.normalize('NFD');
  if (!/[\u0300\u0301\u0303\u0309\u0323]/.test(decomposed)) return word;
  return decomposed.replace(/[\u0300\u0301\u0303\u0309\u0323]/, rng.pick(tones)).normalize('NFC');
};

const CONFUSIONS: ReadonlyArray<[RegExp, string]> = [
  [/l/, '1'],
  [/I/, 'l'],
  [/1/, 'l'],
  [/O/, '0'],
  [/0/, 'O'],
  [/rn/, 'm'],
  [/m/, 'rn'],
  [/ư/, 'u'],
  [/ơ/, 'o'],
  [/c/, 'e'],
];

/** Noise rates for one document. */
type Noise = { marks: number; tone: number; swap: number; confusion: number };

/** Damages one word as an OCR engine may. */
const damageWord = (word: string, noise: Noise, rng: Rng): string => {
  if (!/\p{L}|\d/u.test(word)) return word;
  let out = word;
  const roll = rng.next();
  if (roll < noise.marks) out = stripMarks(out);
  else if (roll < noise.marks + noise.tone) out = stripTone(out);
  else if (roll < noise.marks + noise.tone + noise.swap) out = swapTone(out, rng);
  if (rng.chance(noise.confusion)) {
    const candidates = CONFUSIONS.filter(([pattern]) => pattern.test(out));
    if (candidates.length) {
      const [pattern, replacement] = rng.pick(candidates);
      out = out.replace(pattern, replacement);
    }
  }
  return out;
};

const damageLine = (line: string, noise: Noise, rng: Rng): string =>
  line.replace(/\S+/g, (word) => damageWord(word, noise, rng));

/** Lays a table out as lines of text in the given style. */
const tableLines = (table: TableBlock, style: TextTables, rng: Rng, pageWidth: number): string[] => {
  const grid = tableGrid(table);
  const columns = tableWidth(table);
  const lines: string[] = [];
  if (style === 'grid' || table.borderless) {
    // Column widths in characters share the page by the table's relative widths.
    const weights = table.widths ?? Array.from({ length: columns }, () => 1);
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const widths = Array.from({ length: columns }, (_, c) =>
      Math.max(4, Math.floor(((weights[c] ?? 1) / total) * (pageWidth - 2 * columns))),
    );
    for (const row of grid) {
      const cells = row.map((cell) => {
        const width = widths.slice(cell.column, cell.column + cell.span).reduce((a, b) => a + b + 2, -2);
        return { ...cell, width, lines: cell.text ? wrap(cell.text, width) : [] };
      });
      const height = Math.max(1, ...cells.map((cell) => cell.lines.length));
      for (let y = 0; y < height; y++) {
        let line = '';
        for (const cell of cells) {
          const start = widths.slice(0, cell.column).reduce((a, b) => a + b + 2, 0);
          // Cells are vertically centred, as in the printed table.
          const offset = Math.floor((height - cell.lines.length) / 2);
          const text = cell.lines[y - offset] ?? '';
          if (!text) continue;
          line = line.padEnd(start, ' ');
          if (line.length > start) line += '  ';
          line += text;
        }
        lines.push(line.trimEnd());
      }
    }
    return lines;
  }
  for (const row of grid) {
    const texts = row.map((cell) => cell.text.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
    if (texts.length === 0) continue;
    if (style === 'cells-per-line') for (const text of texts) lines.push(...wrap(text, pageWidth));
    else if (style === 'pipes') lines.push(texts.join(rng.chance(0.5) ? ' | ' : ' |'));
    else
      lines.push(texts.map((text, i) => (i === 0 ? text : `${' '.repeat(rng.int(1, 3))}${text}`)).join(''));
  }
  return lines;
};

/**
 * Writes the OCR-like text of a document.
 *
 * @param doc - the composed document
 * @param style - how tables are flattened
 * @param rng - the generator for this document (noise, wrapping, page breaks)
 */
export const writeOcrText = (doc: CorpusDocument, style: TextTables, rng: Rng): string => {
  const noise: Noise = {
    marks: 0.02 + rng.next() * 0.03,
    tone: 0.01 + rng.next() * 0.02,
    swap: 0.005 + rng.next() * 0.01,
    confusion: 0.004 + rng.next() * 0.006,
  };
  const blankBetween = rng.next() * 0.3;
  const out: string[] = [];
  let pageLines = 0;
  let page = 1;
  const pageLength = rng.int(42, 55);
  const pageMark = rng.pick(['#', '- # -', 'Trang #']);
  const push = (line: string) => {
    out.push(damageLine(line, noise, rng));
    if (rng.chance(blankBetween)) out.push('');
    if (++pageLines >= pageLength) {
      page++;
      pageLines = 0;
      out.push('', pageMark.replace('#', String(page)), '');
    }
  };
  for (const section of doc.sections) {
    const width = section.landscape ? rng.int(120, 140) : rng.int(72, 92);
    for (const block of section.blocks) {
      if (block.kind === 'p') {
        const lines = block.text.trim() ? wrap(block.text, width) : [''];
        for (const line of lines)
          push(block.align === 'center' ? `${' '.repeat(rng.int(0, 12))}${line}` : line);
      } else {
        for (const line of tableLines(block, style, rng, width)) push(line);
      }
    }
  }
  return `${out.join('\n')}\n`;
};

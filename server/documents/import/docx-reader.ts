/**
 * DOCX → plan text. mammoth turns the document into simple HTML (paragraphs, lists, tables with
 * colspan/rowspan); this module lays that HTML out as the lines the text reader expects: one line per
 * paragraph, one line per table row with cells separated by tabs.
 *
 * Tables are laid out on their grid: a merged header ("Mục tiêu theo năm" over the year columns) is
 * folded into one header line whose labels combine every header row; a cell merged down several rows
 * (the same lead unit for three indicators) is repeated in each row; a row whose number cell is merged
 * from the row above continues that row, the way a wrapped cell continues in text.
 */
import mammoth from 'mammoth';
import { assertSafeDocx } from './detect';
import { type ReadDocument, textDocument } from './document-model';
import { UnreadableDocumentError } from './errors';

type Cell = { text: string; colspan: number; rowspan: number };
type Block = { kind: 'line'; text: string } | { kind: 'table'; rows: Cell[][] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

const spanOf = (attributes: string, name: string): number => {
  const match = new RegExp(`${name}="(\\d+)"`).exec(attributes);
  return Math.max(1, Math.min(64, Number(match?.[1] ?? 1)));
};

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'br']);

/**
 * Parses mammoth's HTML into paragraphs and tables. mammoth writes well-formed HTML from a small tag
 * set, so a tokenizer is enough; text inside a nested table joins its outer cell.
 */
const parseHtml = (html: string): Block[] => {
  const blocks: Block[] = [];
  const tables: Array<{ rows: Cell[][]; cell: Cell | null }> = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let line = '';
  const flushLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    line = '';
    if (!text) return;
    const table = tables.at(-1);
    if (table?.cell) table.cell.text = table.cell.text ? `${table.cell.text} ${text}` : text;
    else if (!table) blocks.push({ kind: 'line', text });
  };
  for (const match of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    const [, closing, rawTag, attributes = '', text] = match;
    if (text !== undefined) {
      line += decodeEntities(text);
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    if (BLOCK_TAGS.has(tag)) {
      flushLine();
      if (tag === 'li' && !closing) {
        const list = lists.at(-1);
        if (list) line = list.ordered ? `${list.next++}. ` : '- ';
      }
      continue;
    }
    if (tag === 'ul' || tag === 'ol') {
      flushLine();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', next: 1 });
      continue;
    }
    if (tag === 'table') {
      flushLine();
      if (!closing) {
        // A table nested in a cell writes its text into that cell.
        if (tables.length) tables.push({ rows: [], cell: tables.at(-1)?.cell ?? null });
        else tables.push({ rows: [], cell: null });
        continue;
      }
      const done = tables.pop();
      if (done && !tables.length) blocks.push({ kind: 'table', rows: done.rows });
      continue;
    }
    const table = tables.at(-1);
    if (!table) continue;
    const nested = tables.length > 1;
    if (tag === 'tr' && !closing && !nested) table.rows.push([]);
    else if ((tag === 'td' || tag === 'th') && !nested) {
      flushLine();
      if (closing) table.cell = null;
      else {
        const cell = {
          text: '',
          colspan: spanOf(attributes, 'colspan'),
          rowspan: spanOf(attributes, 'rowspan'),
        };
        table.rows.at(-1)?.push(cell);
        table.cell = cell;
      }
    } else if (tag === 'td' || tag === 'th' || tag === 'tr') flushLine();
  }
  flushLine();
  return blocks;
};

/** A placed cell: the text and whether it was carried from a merge above or to the left. */
type Slot = { text: string; fromAbove: boolean; fromLeft: boolean; origin: Cell };

/** Expands a table's rows onto its grid, resolving colspan and rowspan. */
const toGrid = (rows: readonly Cell[][]): Slot[][] => {
  const grid: Slot[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          grid[r + dr] ??= [];
          (grid[r + dr] as Slot[])[c + dc] = {
            text: cell.text,
            fromAbove: dr > 0,
            fromLeft: dc > 0,
            origin: cell,
          };
        }
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const empty: Cell = { text: '', colspan: 1, rowspan: 1 };
  return grid.map((row) =>
    Array.from(
      { length: width },
      (_, c) => row[c] ?? { text: '', fromAbove: false, fromLeft: false, origin: empty },
    ),
  );
};

/** A cell that opens a body row: a row number, a roman section number or a dash. */
const isBodyHead = (text: string): boolean => /^(\d{1,3}[.)]?|[IVXLC]{1,6}\.?|[-–+•])$/.test(text.trim());

/** A row that only numbers the columns: "(1) (2) (3)" or "1 2 3 4". */
const isColumnNumbering = (row: readonly Slot[]): boolean => {
  const texts = row.filter((slot) => !slot.fromLeft).map((slot) => slot.text.trim());
  if (texts.length < 3) return false;
  return texts.every((text, index) => text.replace(/[()]/g, '') === String(index + 1));
};

const cellText = (text: string): string => text.replace(/[\t|]/g, ' / ').replace(/\s+/g, ' ').trim();

/**
 * Lays a table out as tab-separated lines: one folded header line, then one line per row.
 *
 * @param rows - the rows with their merged cells
 * @returns lines for the text reader
 */
export const renderTable = (rows: readonly Cell[][]): string[] => {
  const grid = toGrid(rows);
  if (!grid.length) return [];
  const width = grid[0]?.length ?? 0;
  let bodyStart = grid.findIndex((row) => isBodyHead(row[0]?.text ?? '') && !isColumnNumbering(row));
  if (bodyStart < 0) bodyStart = Math.min(1, grid.length);
  const lines: string[] = [];
  // Header rows fold into one line: each column's label joins the distinct texts above it.
  const header = grid.slice(0, bodyStart).filter((row) => !isColumnNumbering(row));
  if (header.length) {
    const labels = Array.from({ length: width }, (_, c) => {
      const parts: string[] = [];
      for (const row of header) {
        const text = cellText(row[c]?.text ?? '');
        if (text && !parts.includes(text)) parts.push(text);
      }
      return parts.join(' ');
    });
    lines.push(labels.join('\t'));
  }
  for (const row of grid.slice(bodyStart)) {
    if (isColumnNumbering(row)) continue;
    const continues = row[0]?.fromAbove === true;
    const filled = row.filter((slot) => !slot.fromLeft && slot.text.trim()).length;
    // A heading row (section, group) spans the table: its text is written once.
    const heading = filled <= 2 && row.some((slot) => slot.origin.colspan >= Math.max(2, width / 2));
    const cells = row.map((slot) => {
      if (slot.fromAbove && continues) return '';
      if (slot.fromLeft && heading) return '';
      return cellText(slot.text);
    });
    if (cells.every((cell) => !cell)) continue;
    lines.push(cells.join('\t'));
  }
  return lines;
};

/**
 * Reads a DOCX into text lines (paragraphs and tables) for `importPlanFromText`.
 *
 * @param bytes - the .docx file
 * @returns the document's text, one line per paragraph or table row
 * @throws UnreadableDocumentError for a damaged, encrypted, oversized or empty document
 */
export const readDocxText = async (bytes: Uint8Array): Promise<string> => {
  assertSafeDocx(bytes);
  let html: string;
  try {
    html = (
      await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    ).value;
  } catch (cause) {
    throw new UnreadableDocumentError(
      'Tệp Word (.docx) bị hỏng, không mở được. Hãy mở tệp bằng Word, lưu lại rồi gửi lại, hoặc gửi bản PDF.',
      { cause },
    );
  }
  const lines = parseHtml(html).flatMap((block) =>
    block.kind === 'line' ? [block.text] : renderTable(block.rows),
  );
  if (!lines.length)
    throw new UnreadableDocumentError('Tệp Word không có chữ: không tìm thấy nội dung kế hoạch.');
  return lines.join('\n');
};

/**
 * Reads a DOCX into the document model.
 *
 * @param bytes - the .docx file
 * @returns the document
 * @throws UnreadableDocumentError for a damaged, encrypted, oversized or empty document
 */
export const readDocxDocument = async (bytes: Uint8Array): Promise<ReadDocument> =>
  textDocument(await readDocxText(bytes), 'docx');

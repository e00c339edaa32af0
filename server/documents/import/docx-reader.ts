/**
 * DOCX → the document model, read from the WordprocessingML itself (`word/document.xml`, with
 * `numbering.xml` and `styles.xml` for automatic numbering), not through an HTML conversion:
 *
 * - paragraphs in reading order, with their automatic numbering written out where Word would print it
 *   ("1.", "I.", "a)", "-" for a bullet), soft line breaks as "\n", text boxes as paragraphs of their own;
 * - tables on their grid: `w:gridSpan` → colSpan, `w:vMerge` restart/continue → rowSpan, `w:gridBefore` /
 *   `w:gridAfter` → empty cells; a table nested in a cell is kept as lines of that cell's text (its cells
 *   separated by " | "), never lost.
 *
 * Deleted revisions, hidden text, field codes and the fallback copy of a text box are skipped. The
 * unpacked size is bounded by `assertSafeDocx`; tables, rows and cells are bounded here
 * (`DOCX_LIMITS`): a document past a limit is refused with a Vietnamese message, before the importer
 * spends time and memory on it.
 */
import { inflateRawSync } from 'node:zlib';
import { assertSafeDocx, readZipDirectory, type ZipEntry } from './detect';
import {
  type DocBlock,
  type DocCell,
  type DocTable,
  documentText,
  type ReadDocument,
} from './document-model';
import { UnreadableDocumentError } from './errors';
import { toRoman } from './structure';

/** The most a plan document may hold; a real plan has a few tables of a few hundred rows. */
export const DOCX_LIMITS = { tables: 500, rows: 5_000, cells: 100_000, paragraphs: 20_000 } as const;

const corrupt = (cause?: unknown) =>
  new UnreadableDocumentError(
    'Tệp Word (.docx) bị hỏng, không mở được. Hãy mở tệp bằng Word, lưu lại rồi gửi lại, hoặc gửi bản PDF.',
    cause === undefined ? undefined : { cause },
  );

/** Unpacks one zip entry as UTF-8 text (the zip was checked by `assertSafeDocx` first). */
const readEntry = (bytes: Uint8Array, entries: readonly ZipEntry[], name: string): string | null => {
  const entry = entries.find((candidate) => candidate.name === name);
  if (!entry) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw corrupt();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    const raw =
      entry.method === 0
        ? data
        : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    return new TextDecoder('utf-8').decode(raw);
  } catch (cause) {
    throw corrupt(cause);
  }
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    try {
      if (name[0] === '#')
        return String.fromCodePoint(
          name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1)),
        );
    } catch {
      return whole;
    }
    return ENTITIES[name] ?? whole;
  });

/** The value of attribute `w:val` (or another) in a tag's attribute text. */
const attr = (attributes: string, name = 'w:val'): string | null => {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return match ? decodeXml(match[1] ?? '') : null;
};

const TOKEN = /<(\/?)([\w:.-]+)((?:[^>"]|"[^"]*")*?)(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;

type Level = { format: string; text: string; start: number };

/** Automatic numbering definitions: numId → its levels, and how to print a counter. */
type Numbering = {
  levels: Map<string, Map<number, Level>>;
  /** numId → abstractNumId (instances of one abstract list share no counter in Word; we key by numId). */
  styles: Map<string, { numId: string; ilvl: number }>;
};

/** Reads numbering.xml and the numbering of paragraph styles in styles.xml. */
const readNumbering = (numberingXml: string | null, stylesXml: string | null): Numbering => {
  const abstract = new Map<string, Map<number, Level>>();
  const levels = new Map<string, Map<number, Level>>();
  const styles = new Map<string, { numId: string; ilvl: number }>();
  if (numberingXml) {
    for (const match of numberingXml.matchAll(
      /<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
    )) {
      const map = new Map<number, Level>();
      for (const lvl of (match[2] ?? '').matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
        const body = lvl[2] ?? '';
        map.set(Number(lvl[1]), {
          format: attr(/<w:numFmt\b([^>]*)>/.exec(body)?.[1] ?? '') ?? 'decimal',
          text: attr(/<w:lvlText\b([^>]*)>/.exec(body)?.[1] ?? '') ?? '',
          start: Number(attr(/<w:start\b([^>]*)>/.exec(body)?.[1] ?? '') ?? 1),
        });
      }
      abstract.set(match[1] ?? '', map);
    }
    for (const match of numberingXml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
      const body = match[2] ?? '';
      const base = abstract.get(attr(/<w:abstractNumId\b([^>]*)>/.exec(body)?.[1] ?? '') ?? '');
      if (!base) continue;
      const map = new Map(base);
      for (const override of body.matchAll(
        /<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g,
      )) {
        const start = attr(/<w:startOverride\b([^>]*)>/.exec(override[2] ?? '')?.[1] ?? '');
        const level = map.get(Number(override[1]));
        if (level && start) map.set(Number(override[1]), { ...level, start: Number(start) });
      }
      levels.set(match[1] ?? '', map);
    }
  }
  if (stylesXml) {
    for (const match of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
      const id = attr(match[1] ?? '', 'w:styleId');
      const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(match[2] ?? '')?.[1];
      const numId = numPr ? attr(/<w:numId\b([^>]*)>/.exec(numPr)?.[1] ?? '') : null;
      if (id && numId)
        styles.set(id, { numId, ilvl: Number(attr(/<w:ilvl\b([^>]*)>/.exec(numPr ?? '')?.[1] ?? '') ?? 0) });
    }
  }
  return { levels, styles };
};

const toLetter = (value: number): string => {
  // Vietnamese letter lists skip no letter Word knows of; Word repeats after z ("aa").
  const n = Math.max(1, value) - 1;
  return String.fromCharCode(97 + (n % 26)).repeat(Math.floor(n / 26) + 1);
};

/** Prints one counter in a level's number format. */
const formatCounter = (value: number, format: string): string => {
  switch (format) {
    case 'upperRoman':
      return toRoman(value);
    case 'lowerRoman':
      return toRoman(value).toLowerCase();
    case 'upperLetter':
      return toLetter(value).toUpperCase();
    case 'lowerLetter':
      return toLetter(value);
    case 'none':
      return '';
    default:
      return String(value);
  }
};

/** Keeps the counters of every list and prints a paragraph's number. */
class ListCounters {
  private readonly counters = new Map<string, number[]>();
  constructor(private readonly numbering: Numbering) {}

  /** The printed prefix of a numbered paragraph ("1.", "II.", "a)", "-"), or "" when it has none. */
  next(numId: string | null, ilvl: number, style: string | null): string {
    let id = numId;
    let level = ilvl;
    if (!id && style) {
      const fromStyle = this.numbering.styles.get(style);
      if (fromStyle) {
        id = fromStyle.numId;
        level = fromStyle.ilvl;
      }
    }
    if (!id || id === '0') return '';
    const levels = this.numbering.levels.get(id);
    const definition = levels?.get(level);
    if (!levels || !definition) return '';
    if (definition.format === 'bullet') return '-';
    const counters = this.counters.get(id) ?? [];
    for (let l = 0; l < level; l++) counters[l] ??= (levels.get(l)?.start ?? 1) - 1;
    counters[level] = (counters[level] ?? definition.start - 1) + 1;
    counters.length = level + 1; // a higher level restarts the levels below it
    this.counters.set(id, counters);
    const printed = definition.text.replace(/%(\d)/g, (_, n: string) => {
      const index = Number(n) - 1;
      const format = levels.get(index)?.format ?? 'decimal';
      return formatCounter(Math.max(1, counters[index] ?? levels.get(index)?.start ?? 1), format);
    });
    return printed.trim();
  }
}

type CellBuilder = { paragraphs: string[]; colSpan: number; vMerge: 'restart' | 'continue' | null };
type RowBuilder = { cells: CellBuilder[]; before: number; after: number };
type TableBuilder = { rows: RowBuilder[] };
type ParagraphBuilder = {
  text: string;
  numId: string | null;
  ilvl: number;
  style: string | null;
  /** Depth of open tables when the paragraph opened (a cell's paragraph belongs to that table). */
  tableDepth: number;
};

const tooLarge = (what: string, limit: number) =>
  new UnreadableDocumentError(
    `Tệp Word có quá nhiều ${what} (trên ${limit.toLocaleString('vi-VN')}), không giống một kế hoạch. Hãy kiểm tra lại tệp hoặc tách thành các tệp nhỏ hơn.`,
  );

/** Lays a finished table out on its grid: gridSpan, vMerge and gridBefore/After become spans. */
const buildTable = (table: TableBuilder): DocTable => {
  const rows: DocCell[][] = [];
  // For each grid column, the cell above that a "continue" cell extends.
  const openMerge = new Map<number, DocCell>();
  for (const row of table.rows) {
    const cells: DocCell[] = [];
    let column = 0;
    if (row.before > 0) {
      cells.push({ text: '', colSpan: row.before, rowSpan: 1 });
      for (let c = 0; c < row.before; c++) openMerge.delete(c);
      column += row.before;
    }
    for (const built of row.cells) {
      const text = built.paragraphs.join('\n').trim();
      const span = Math.max(1, Math.min(64, built.colSpan));
      const above = openMerge.get(column);
      if (built.vMerge === 'continue' && above && above.colSpan === span) {
        above.rowSpan++;
        column += span;
        continue;
      }
      const docCell: DocCell = { text, colSpan: span, rowSpan: 1 };
      cells.push(docCell);
      for (let c = column; c < column + span; c++) openMerge.delete(c);
      if (built.vMerge === 'restart' || built.vMerge === 'continue') openMerge.set(column, docCell);
      column += span;
    }
    if (row.after > 0) cells.push({ text: '', colSpan: row.after, rowSpan: 1 });
    rows.push(cells);
  }
  return { kind: 'table', rows };
};

/** Text of a nested table, kept inside its outer cell: one line per row, cells separated by " | ". */
const nestedTableLines = (table: TableBuilder): string[] =>
  table.rows
    .map((row) =>
      row.cells
        .map((cell) => cell.paragraphs.join(' ').trim())
        .filter(Boolean)
        .join(' | '),
    )
    .filter(Boolean);

/**
 * Parses `word/document.xml` into blocks.
 *
 * @param xml - the main document part
 * @param numbering - list definitions
 * @returns the paragraphs and tables in reading order
 * @throws UnreadableDocumentError past `DOCX_LIMITS`
 */
export const parseDocumentXml = (
  xml: string,
  numbering: Numbering = readNumbering(null, null),
): DocBlock[] => {
  const blocks: DocBlock[] = [];
  const tables: TableBuilder[] = [];
  const paragraphs: ParagraphBuilder[] = [];
  const counters = new ListCounters(numbering);
  let run: { text: string; hidden: boolean } | null = null;
  let skip = 0; // depth inside a part whose text is not printed (deleted, fallback, field code)
  let inText = false;
  let tableCount = 0;
  let rowCount = 0;
  let cellCount = 0;
  let paragraphCount = 0;
  const skipped = new Set(['w:del', 'mc:Fallback', 'w:instrText', 'w:delText', 'w:delInstrText']);

  const currentCell = (): CellBuilder | undefined => tables.at(-1)?.rows.at(-1)?.cells.at(-1);
  const emit = (text: string, tableDepth: number) => {
    if (tableDepth > 0 && tables.length >= tableDepth) {
      const target = tables[tableDepth - 1]?.rows.at(-1)?.cells.at(-1);
      if (target) {
        target.paragraphs.push(text);
        return;
      }
    }
    if (text.trim()) blocks.push({ kind: 'paragraph', text });
  };

  for (const match of xml.matchAll(TOKEN)) {
    const [, closing, tag, attributes = '', selfClosing, text] = match;
    if (text !== undefined) {
      if (inText && !skip && run) run.text += decodeXml(text);
      continue;
    }
    if (!tag) continue;
    if (skipped.has(tag)) {
      if (!selfClosing) skip += closing ? -1 : 1;
      continue;
    }
    if (skip) continue;
    const paragraph = paragraphs.at(-1);
    switch (tag) {
      case 'w:p':
        if (closing) {
          const done = paragraphs.pop();
          if (!done) break;
          const prefix = counters.next(done.numId, done.ilvl, done.style);
          const body = done.text.replace(/[ \u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n');
          emit(prefix && body.trim() ? `${prefix} ${body.trim()}` : prefix || body.trim(), done.tableDepth);
        } else {
          if (++paragraphCount > DOCX_LIMITS.paragraphs) throw tooLarge('đoạn văn', DOCX_LIMITS.paragraphs);
          // A paragraph inside a run is a text box's: it is a paragraph of its own.
          run = null;
          if (!selfClosing)
            paragraphs.push({ text: '', numId: null, ilvl: 0, style: null, tableDepth: tables.length });
        }
        break;
      case 'w:pStyle':
        if (paragraph && !run) paragraph.style = attr(attributes);
        break;
      case 'w:numId':
        if (paragraph && !run) paragraph.numId = attr(attributes);
        break;
      case 'w:ilvl':
        if (paragraph && !run) paragraph.ilvl = Number(attr(attributes) ?? 0);
        break;
      case 'w:r':
        if (closing) {
          if (run && !run.hidden && paragraph) paragraph.text += run.text;
          run = null;
        } else if (!selfClosing) run = { text: '', hidden: false };
        break;
      case 'w:vanish':
        if (run && !/^(0|false|off)$/.test(attr(attributes) ?? 'true')) run.hidden = true;
        break;
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (run && !closing) run.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (run && !closing) run.text += '\n';
        break;
      case 'w:noBreakHyphen':
        if (run && !closing) run.text += '-';
        break;
      case 'w:tbl':
        if (closing) {
          const done = tables.pop();
          if (!done) break;
          if (tables.length) currentCell()?.paragraphs.push(...nestedTableLines(done));
          else blocks.push(buildTable(done));
        } else if (!selfClosing) {
          if (++tableCount > DOCX_LIMITS.tables) throw tooLarge('bảng', DOCX_LIMITS.tables);
          tables.push({ rows: [] });
        }
        break;
      case 'w:tr':
        if (!closing && !selfClosing) {
          if (++rowCount > DOCX_LIMITS.rows) throw tooLarge('dòng trong bảng', DOCX_LIMITS.rows);
          tables.at(-1)?.rows.push({ cells: [], before: 0, after: 0 });
        }
        break;
      case 'w:gridBefore':
      case 'w:gridAfter': {
        const row = tables.at(-1)?.rows.at(-1);
        const value = Math.max(0, Math.min(64, Number(attr(attributes) ?? 0) || 0));
        if (row && !row.cells.length) {
          if (tag === 'w:gridBefore') row.before = value;
          else row.after = value;
        }
        break;
      }
      case 'w:tc':
        if (!closing && !selfClosing) {
          if (++cellCount > DOCX_LIMITS.cells) throw tooLarge('ô trong bảng', DOCX_LIMITS.cells);
          tables.at(-1)?.rows.at(-1)?.cells.push({ paragraphs: [], colSpan: 1, vMerge: null });
        }
        break;
      case 'w:gridSpan': {
        const target = currentCell();
        if (target && !target.paragraphs.length) target.colSpan = Number(attr(attributes) ?? 1) || 1;
        break;
      }
      case 'w:vMerge': {
        const target = currentCell();
        if (target && !target.paragraphs.length)
          target.vMerge = attr(attributes) === 'restart' ? 'restart' : 'continue';
        break;
      }
      default:
        break;
    }
  }
  while (tables.length) {
    const done = tables.pop();
    if (done && !tables.length) blocks.push(buildTable(done));
  }
  return blocks;
};

/**
 * Reads a DOCX into the document model: paragraphs (with their automatic numbering) and real tables.
 *
 * @param bytes - the .docx file
 * @returns the document
 * @throws UnreadableDocumentError for a damaged, encrypted, oversized, empty or too large document
 */
export const readDocxDocument = async (bytes: Uint8Array): Promise<ReadDocument> => {
  assertSafeDocx(bytes);
  const entries = readZipDirectory(bytes);
  const xml = readEntry(bytes, entries, 'word/document.xml');
  if (xml == null || !/<w:document\b/.test(xml)) throw corrupt();
  const numbering = readNumbering(
    readEntry(bytes, entries, 'word/numbering.xml'),
    readEntry(bytes, entries, 'word/styles.xml'),
  );
  const blocks = parseDocumentXml(xml, numbering);
  const doc: ReadDocument = { origin: 'docx', blocks, stamps: [] };
  if (!documentText(doc).trim())
    throw new UnreadableDocumentError('Tệp Word không có chữ: không tìm thấy nội dung kế hoạch.');
  return doc;
};

/**
 * Reads a DOCX into text lines (paragraphs, and tables one row per line with tab-separated cells).
 *
 * @param bytes - the .docx file
 * @returns the document's text
 * @throws UnreadableDocumentError for a damaged, encrypted, oversized or empty document
 */
export const readDocxText = async (bytes: Uint8Array): Promise<string> =>
  documentText(await readDocxDocument(bytes));

/**
 * Tables that exist only as lines of text → the document model's `DocTable`s.
 *
 * A plain text, an OCR text, or a DOCX/PDF made from such a text holds its appendix tables as
 * paragraphs. This module finds them — from a header with "STT"/"TT" and column labels (possibly
 * spread over lines above and below) to the signature, the next appendix or a body heading — and
 * rebuilds one cell per column, whatever the origin. Three layouts are read:
 * - separated: cells split by tabs, "|" or runs of two or more spaces, one row per line;
 * - aligned: the columns kept at the same character positions from line to line (OCR engines and
 *   `pdftotext -layout` keep x positions with spaces); wrapped cells continue on lines whose number
 *   column is empty, and a number centred in a tall cell is found on the row's middle line;
 * - flowed: one cell per line, or several cells on a line separated by single spaces. The row is
 *   rebuilt by choosing the cell boundaries that fit the header's columns best, from the kinds of the
 *   words (figures and targets, unit words, agency names, deadlines, name text) and from where the
 *   lines break.
 * A row starts at a row marker (a number in any style — 1, 2.1, "l0", "1O" —, a roman numeral or a
 * dash/letter group), not at an expected sequence. Section and group rows are kept as rows whose
 * text spans the columns after the number. Page numbers, repeated page headers and table-rule junk
 * are dropped. A table whose rows do not read (no consistent cells) is left as paragraphs.
 */
import type { DocBlock, DocParagraph, DocTable, ReadDocument } from './document-model';
import { readMarker } from './text-row-markers';
import { foldKeepingPositions } from './text-table-labels';
import {
  endsTable,
  headerish,
  isColumnNumbering,
  isHeaderStart,
  isNumberingCell,
  isPageNumber,
  isRuleJunk,
  isTableTitle,
  type Line,
  strongHeaderish,
} from './text-table-lines';
import {
  type BuiltTable,
  bareSectionAt,
  buildAligned,
  buildFlowed,
  buildSeparated,
  isStageHeader,
  isStageHeading,
  MIN_QUALITY,
  toDocTable,
} from './text-table-rows';

type Found = { start: number; end: number; table: DocTable };

/**
 * Finds the tables in a run of lines.
 *
 * @param lines - the paragraphs' lines, in order
 * @returns the tables with the range of lines each replaces
 */
const findTables = (lines: readonly Line[]): Found[] => {
  const found: Found[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isHeaderStart((lines[i] as Line).text)) {
      i++;
      continue;
    }
    const result = readTableAt(lines, i);
    if (result) {
      found.push(result);
      i = result.end;
    } else i++;
  }
  return found;
};

const readTableAt = (lines: readonly Line[], headerIndex: number): Found | null => {
  // Header lines above "STT" (labels printed higher in a tall header cell).
  let start = headerIndex;
  while (start > 0 && headerIndex - start < 4) {
    const above = (lines[start - 1] as Line).text;
    if (isRuleJunk(above)) {
      start--;
      continue;
    }
    if (!headerish(above) || endsTable(above) || readMarker(above.trim()) || isTableTitle(above)) break;
    start--;
  }
  // Header lines below, up to the first body line. The column numbering flowed one number a line
  // ("(1)" / "(2)" …) is no label, nor a page number printed in the middle of it ("(6)" / "3" / "(7)").
  let bodyStart = headerIndex + 1;
  const numbering = new Set<number>();
  const numberingAt = (k: number) => isNumberingCell(lines[k]?.text ?? '');
  while (bodyStart < lines.length && bodyStart < headerIndex + 40) {
    const text = (lines[bodyStart] as Line).text;
    if (isRuleJunk(text) || isColumnNumbering(text)) {
      bodyStart++;
      continue;
    }
    // A page number between header labels ("Đơn vị chủ trì" / "7" / "Thời gian thực hiện"): the header
    // went on over a page break.
    const labelNext = () => {
      let k = bodyStart + 1;
      while (k < lines.length && !(lines[k] as Line).text.trim()) k++;
      return k < lines.length && strongHeaderish((lines[k] as Line).text);
    };
    if (
      numberingAt(bodyStart) ||
      (isPageNumber(text) && ((numberingAt(bodyStart - 1) && numberingAt(bodyStart + 1)) || labelNext()))
    ) {
      numbering.add(bodyStart++);
      continue;
    }
    if (readMarker(text.trim()) || endsTable(text) || !headerish(text)) break;
    // The first section's numeral alone on its line ("I" / "Hạ tầng số") opens the body.
    if (bareSectionAt(lines, bodyStart, null)) break;
    bodyStart++;
  }
  let header = lines
    .slice(start, bodyStart)
    .filter(
      (line, index) =>
        !isRuleJunk(line.text) && !isColumnNumbering(line.text) && !numbering.has(start + index),
    );
  // A stage table's first stage heading sits right under its header ("Mục tiêu đến năm 2025"): it opens
  // the first stage, it labels no column.
  while (
    header.length > 1 &&
    isStageHeading((header.at(-1) as Line).text) &&
    isStageHeader(header.slice(0, -1))
  ) {
    bodyStart = lines.indexOf(header.pop() as Line);
  }
  const headerKey = foldKeepingPositions(lines[headerIndex]?.text ?? '').replace(/[^a-z0-9]/g, '');
  // The body, up to the end of the table; repeated page headers, page numbers and rules dropped.
  const body: Line[] = [];
  let end = bodyStart;
  for (let k = bodyStart; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (endsTable(line.text) || (isAppendixTitle(line.text) && nextIsHeader(lines, k))) break;
    end = k + 1;
    if (isRuleJunk(line.text) || isColumnNumbering(line.text)) continue;
    if (isHeaderStart(line.text)) {
      const key = foldKeepingPositions(line.text).replace(/[^a-z0-9]/g, '');
      if (key !== headerKey && similarity(key, headerKey) < 0.6) {
        end = k;
        break;
      }
      // A header repeated on a new page: skip it and its other lines.
      while (
        k + 1 < lines.length &&
        headerish((lines[k + 1] as Line).text) &&
        !readMarker((lines[k + 1] as Line).text.trim())
      )
        k++;
      end = k + 1;
      // Header lines printed above the repeated "STT" line went into the body: take them out.
      while (body.length && strongHeaderish((body.at(-1) as Line).text)) body.pop();
      continue;
    }
    if (isPageNumber(line.text) && (nextIsHeader(lines, k) || /-|trang/i.test(line.text))) continue;
    body.push(line);
  }
  if (!body.length) return null;
  // Cells between "|" rules: the same as tabs ("| 1 | Tỷ lệ | % |" → "1\tTỷ lệ\t%").
  const piped = (line: Line): boolean => (line.text.match(/\|/g) ?? []).length >= 2;
  if (body.filter(piped).length >= body.length * 0.5 && header.some(piped)) {
    const toTabs = (line: Line): Line => ({
      ...line,
      text: line.text
        .trim()
        .replace(/^\|\s*|\s*\|$/g, '')
        .split(/\s*\|\s*/)
        .join('\t'),
    });
    header = header.map(toTabs);
    body.splice(0, body.length, ...body.map(toTabs));
  }
  const tabbed = body.filter((line) => line.text.includes('\t')).length >= body.length * 0.5;
  // Columns kept by spaces: gaps between cells, or a wrapped cell's line indented to its column.
  const spaced =
    body.filter((line) => /\S(?: {2,}|\s*\|\s*)\S|^ {2,}\S/.test(line.text)).length >= body.length * 0.5;
  let built: BuiltTable | null = null;
  if (tabbed && header.some((line) => line.text.split('\t').length >= 3))
    built = buildSeparated(header, body);
  if (!built && spaced && !tabbed) {
    const aligned = buildAligned(header, body);
    if (aligned && aligned.quality >= MIN_QUALITY && aligned.columns.some((c) => c.role === 'name'))
      built = aligned;
  }
  if (!built) built = buildFlowed(header, body);
  if (!built || built.quality < MIN_QUALITY || !built.rows.some((row) => row.kind === 'row')) return null;
  return { start, end, table: toDocTable(built, lines[headerIndex]?.page) };
};

/**
 * A line that is only an appendix's name, in any case ("Phụ lục số 02", "PHỤ LỤC II", "Phụ lục 1:"):
 * the next table's title when a header follows (a cell may also wrap to a line "Phụ lục số 01").
 */
const isAppendixTitle = (text: string): boolean =>
  /^ph[uy] luc(?: so)?\s*[0-9ivxl]{1,4}[.:]?$/.test(foldKeepingPositions(text).replace(/\s+/g, ' ').trim());

const nextIsHeader = (lines: readonly Line[], index: number): boolean =>
  lines.slice(index + 1, index + 6).some((line) => isHeaderStart(line.text));

/** Share of common characters of two folded strings, by bigrams. */
const similarity = (a: string, b: string): number => {
  const grams = (text: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 2 <= text.length; i++)
      out.set(text.slice(i, i + 2), (out.get(text.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  for (const [gram, count] of x) shared += Math.min(count, y.get(gram) ?? 0);
  return (2 * shared) / Math.max(1, a.length - 1 + b.length - 1);
};

/**
 * Finds the tables that a document holds only as paragraphs of text and replaces each by a
 * `DocTable` with one cell per column (see the module comment for the layouts read). Tables the
 * reader already found, and paragraphs that are not a table, are kept as they are.
 *
 * @param doc - the document as read (any origin)
 * @returns the document with those runs of paragraphs replaced by tables
 */
export const detectTextTables = (doc: ReadDocument): ReadDocument => {
  const blocks: DocBlock[] = [];
  let run: DocParagraph[] = [];
  const flush = () => {
    if (!run.length) return;
    const lines: Line[] = [];
    run.forEach((paragraph, index) => {
      for (const text of paragraph.text.split('\n')) {
        const clean = text
          .normalize('NFC')
          .replace(/[\u00a0\u2007\u202f]/g, ' ')
          .replace(/\s+$/, '');
        if (!clean.trim()) continue;
        lines.push(
          paragraph.page === undefined
            ? { text: clean, block: index }
            : { text: clean, block: index, page: paragraph.page },
        );
      }
    });
    const tables = findTables(lines);
    if (!tables.length) {
      blocks.push(...run);
      run = [];
      return;
    }
    // Lines outside the tables go back as they were: whole paragraphs when untouched, else line by line.
    const inTable = new Set<number>();
    for (const table of tables) for (let k = table.start; k < table.end; k++) inTable.add(k);
    const touched = new Set([...inTable].map((k) => (lines[k] as Line).block));
    const tableAt = new Map(tables.map((table) => [table.start, table.table]));
    let line = 0;
    run.forEach((paragraph, index) => {
      if (!touched.has(index)) {
        blocks.push(paragraph);
        return;
      }
      for (; line < lines.length && (lines[line] as Line).block <= index; line++) {
        const table = tableAt.get(line);
        if (table) blocks.push(table);
        if (inTable.has(line) || (lines[line] as Line).block !== index) continue;
        const text = (lines[line] as Line).text;
        blocks.push(
          paragraph.page === undefined
            ? { kind: 'paragraph', text }
            : { kind: 'paragraph', text, page: paragraph.page },
        );
      }
    });
    run = [];
  };
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') run.push(block);
    else {
      flush();
      blocks.push(block);
    }
  }
  flush();
  return { ...doc, blocks };
};

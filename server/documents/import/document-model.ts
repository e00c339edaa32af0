/**
 * The one document model every reader produces (DOCX, digital PDF, scan/photo through OCR, plain text):
 * the document's paragraphs and tables in reading order. Everything after the readers (outline, header,
 * tables → indicators and tasks, confidence) reads this model and never asks which format it came from;
 * `origin` says only how far the words can be trusted (OCR text may have lost diacritics).
 *
 * Tables follow the HTML convention: each row lists its cells left to right; a cell spanning several
 * rows (`rowSpan`) is written once, in its top row, and the rows below leave its slots out. `tableGrid`
 * expands that into a rectangular grid.
 */

/** One cell as printed. Several paragraphs inside a cell are joined with "\n". */
export type DocCell = { text: string; colSpan: number; rowSpan: number };

export type DocTable = {
  kind: 'table';
  rows: DocCell[][];
  page?: number;
  /** True for a table rebuilt from lines of text (`detectTextTables`), not read from a real grid. */
  fromText?: boolean;
  /** Why rows need a person's eye, by row index (a row whose cells were split by guess). */
  rowReasons?: Record<number, string[]>;
};

export type DocParagraph = { kind: 'paragraph'; text: string; page?: number };

export type DocBlock = DocParagraph | DocTable;

/** Where the words came from. `ocr`: recognised from an image (a scan, a photo) or a text known to be OCR. */
export type DocOrigin = 'docx' | 'pdf' | 'ocr' | 'text';

export type ReadDocument = {
  origin: DocOrigin;
  blocks: DocBlock[];
  /** Digital-signature stamps found beside the text ("Người ký: …"), kept out of the body. */
  stamps: string[];
};

/** One slot of an expanded grid: the text of the cell that covers it, and where that cell starts. */
export type GridSlot = {
  text: string;
  /** Row and column of the covering cell's top-left slot. */
  row: number;
  col: number;
  /** True in the covering cell's own top-left slot; false where a span repeats it. */
  origin: boolean;
};

export const cell = (text: string, colSpan = 1, rowSpan = 1): DocCell => ({ text, colSpan, rowSpan });

/**
 * Expands a table's spans into a rectangular grid (rows × the widest row). Slots no cell covers (a
 * short row) are empty origin slots.
 *
 * @param table - the table as read
 * @returns the grid, one array of slots per row
 */
export const tableGrid = (table: DocTable): GridSlot[][] => {
  const grid: Array<Array<GridSlot | undefined>> = table.rows.map(() => []);
  table.rows.forEach((cells, r) => {
    let c = 0;
    for (const docCell of cells) {
      while (grid[r]?.[c]) c++;
      const rowSpan = Math.max(1, Math.min(docCell.rowSpan, table.rows.length - r));
      const colSpan = Math.max(1, docCell.colSpan);
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) {
          const target = grid[r + dr];
          if (target) target[c + dc] = { text: docCell.text, row: r, col: c, origin: dr === 0 && dc === 0 };
        }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row, r) =>
    Array.from({ length: width }, (_, c) => row[c] ?? { text: '', row: r, col: c, origin: true }),
  );
};

/**
 * The document as plain text, for the review screen (shown beside the draft) and for the text-based
 * steps: one line per paragraph, one line per table row with its cells separated by tabs (a merged
 * cell's text in its first slot only), a blank line around each table.
 *
 * @param doc - the document as read
 * @returns the text
 */
export const documentText = (doc: ReadDocument): string => {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      lines.push(block.text);
      continue;
    }
    lines.push('');
    for (const row of tableGrid(block))
      lines.push(row.map((slot) => (slot.origin ? slot.text.replace(/\s*\n\s*/g, ' ') : '')).join('\t'));
    lines.push('');
  }
  return lines.join('\n');
};

/**
 * A text as a document of paragraphs, one per line (tab-separated lines stay as they are; the text
 * steps read them as table rows).
 *
 * @param text - the text
 * @param origin - where it came from
 * @returns the document
 */
export const textDocument = (text: string, origin: DocOrigin): ReadDocument => ({
  origin,
  blocks: text.split('\n').map((line) => ({ kind: 'paragraph', text: line })),
  stamps: [],
});

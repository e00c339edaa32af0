/**
 * The abstract document the corpus composes before it is written as DOCX or as OCR-like text: sections
 * (portrait or landscape) of paragraphs and tables. Table rows follow Word's convention: a cell spanning
 * rows (rowSpan) sits in its first row and is left out of the rows it covers.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Para = {
  kind: 'p';
  text: string;
  align?: Align;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (13 when absent). */
  size?: number;
};

export type Cell = {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  italic?: boolean;
  align?: Align;
};

export type TableBlock = {
  kind: 'table';
  rows: Cell[][];
  /** How many rows at the top are header rows (repeated on each page). */
  headerRows: number;
  /** A layout table without rules (letterhead, signature block). */
  borderless?: boolean;
  /** Relative column widths; equal when absent. */
  widths?: number[];
  /** Font size in points. */
  size?: number;
};

export type Block = Para | TableBlock;

export type Section = { landscape: boolean; blocks: Block[] };

export type CorpusDocument = { sections: Section[] };

/** One cell placed on the table's grid. */
export type GridCell = { text: string; column: number; span: number; rowSpan: number; cell: Cell };

/**
 * Places the cells of a table on its grid, following row spans.
 *
 * @returns per row, the cells that start in it with their first column
 */
export const tableGrid = (table: TableBlock): GridCell[][] => {
  const covered = new Map<number, number>(); // column → rows still covered below
  const out: GridCell[][] = [];
  for (const row of table.rows) {
    const placed: GridCell[] = [];
    let column = 0;
    const take = () => {
      while ((covered.get(column) ?? 0) > 0) column++;
    };
    for (const cell of row) {
      take();
      const span = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      placed.push({ text: cell.text, column, span, rowSpan, cell });
      if (rowSpan > 1) for (let c = column; c < column + span; c++) covered.set(c, rowSpan);
      column += span;
    }
    for (const [c, left] of covered) covered.set(c, left - 1);
    // A cell that started in this row counts this row as one of its rows.
    for (const cellPlaced of placed)
      if (cellPlaced.rowSpan > 1)
        for (let c = cellPlaced.column; c < cellPlaced.column + cellPlaced.span; c++)
          covered.set(c, cellPlaced.rowSpan - 1);
    out.push(placed);
  }
  return out;
};

/** The number of grid columns of a table (the widest row). */
export const tableWidth = (table: TableBlock): number =>
  Math.max(0, ...tableGrid(table).map((row) => row.reduce((n, c) => Math.max(n, c.column + c.span), 0)));

/** All the text of a document, paragraphs and cells, one per line (for round-trip checks). */
export const documentPlainText = (doc: CorpusDocument): string =>
  doc.sections
    .flatMap((section) =>
      section.blocks.flatMap((block) =>
        block.kind === 'p' ? [block.text] : block.rows.map((row) => row.map((cell) => cell.text).join('\t')),
      ),
    )
    .join('\n');

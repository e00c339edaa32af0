/**
 * Test support: real digital PDFs made the way offices make them — a Word document with tables,
 * printed to PDF by LibreOffice — so the PDF reader is tested on what Writer draws (rules cell by
 * cell, merged cells, repeated header rows, tables over a page break), not on a hand-drawn page.
 * All documents are converted in ONE soffice call (a conversion starts LibreOffice, seconds each).
 * Used by tests only.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** A cell of a test table: text, and how far it spans (in grid columns / rows). */
export type TestCell = { text: string; colSpan?: number; rowSpan?: number };

/** A test table: its rows as written (a cell spanning rows is written in its top row only). */
export type TestTable = {
  rows: TestCell[][];
  /** Column widths in twentieths of a point (the sum is the table's width). */
  widths: number[];
  /** Rows repeated at the top of every page the table runs onto. */
  headerRows?: number;
  /** No rules at all (a table laid out with tabs and spaces, as many plans are). */
  borderless?: boolean;
};

/** A test document: paragraphs before the table, the table, paragraphs after it. */
export type TestDocument = { before: string[]; table: TestTable; after: string[] };

/** Builds a DOCX with the `docx` package: real Word tables with gridSpan and vMerge. */
export const buildTableDocx = async (document: TestDocument): Promise<Uint8Array> => {
  const {
    Document,
    Packer,
    Paragraph,
    Table,
    TableBorders,
    TableCell,
    TableRow,
    VerticalMergeType,
    WidthType,
  } = await import('docx');
  const { rows, widths } = document.table;
  // Word writes a cell merged down as a "continue" cell in every row below: place them on a grid.
  const occupied: Array<Array<{ continueOf: TestCell } | undefined>> = rows.map(() => []);
  const tableRows = rows.map((cells, r) => {
    const children: InstanceType<typeof TableCell>[] = [];
    let c = 0;
    let next = 0;
    while (next < cells.length || occupied[r]?.[c]) {
      const above = occupied[r]?.[c];
      if (above) {
        const span = above.continueOf.colSpan ?? 1;
        children.push(
          new TableCell({
            children: [new Paragraph('')],
            verticalMerge: VerticalMergeType.CONTINUE,
            ...(span > 1 ? { columnSpan: span } : {}),
          }),
        );
        c += span;
        continue;
      }
      const cell = cells[next++] as TestCell;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      for (let dr = 1; dr < rowSpan; dr++) {
        const below = occupied[r + dr];
        if (below) below[c] = { continueOf: cell };
      }
      const width = widths.slice(c, c + colSpan).reduce((a, b) => a + b, 0);
      children.push(
        new TableCell({
          children: cell.text.split('\n').map((line) => new Paragraph(line)),
          width: { size: width, type: WidthType.DXA },
          ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
          ...(rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
        }),
      );
      c += colSpan;
    }
    return new TableRow({ children, ...(r < (document.table.headerRows ?? 0) ? { tableHeader: true } : {}) });
  });
  const doc = new Document({
    sections: [
      {
        children: [
          ...document.before.map((line) => new Paragraph(line)),
          new Table({
            rows: tableRows,
            columnWidths: widths,
            width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
            ...(document.table.borderless ? { borders: TableBorders.NONE } : {}),
          }),
          ...document.after.map((line) => new Paragraph(line)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
};

/**
 * Prints DOCX files to PDF with LibreOffice, all in one soffice call, with a profile of its own
 * (soffice processes sharing a profile refuse each other).
 *
 * @param documents - DOCX bytes by name (letters, digits and dashes)
 * @returns the PDF bytes by the same names
 */
export const convertToPdf = async (
  documents: Record<string, Uint8Array>,
): Promise<Record<string, Uint8Array>> => {
  const workDir = await mkdtemp(join(tmpdir(), 'lotrinh-pdf-test-'));
  try {
    const names = Object.keys(documents);
    for (const name of names) await writeFile(join(workDir, `${name}.docx`), documents[name] as Uint8Array);
    await promisify(execFile)(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(workDir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        workDir,
        ...names.map((name) => join(workDir, `${name}.docx`)),
      ],
      { timeout: 180_000 },
    );
    const pdfs: Record<string, Uint8Array> = {};
    for (const name of names) pdfs[name] = new Uint8Array(await readFile(join(workDir, `${name}.pdf`)));
    return pdfs;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
};

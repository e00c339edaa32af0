/**
 * Writes a corpus document as a Word file with real tables (merged cells through columnSpan and rowSpan,
 * which Word stores as gridSpan and vMerge), A4 pages, landscape appendices where the layout asks.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Align, Block, Cell, CorpusDocument, Para, TableBlock } from './model';

const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1418, right: 850 };

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const FONT = 'Times New Roman';

const paragraphs = (
  text: string,
  style: { bold?: boolean; italic?: boolean; align?: Align; size?: number },
): Paragraph[] =>
  text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: ALIGN[style.align ?? 'left'],
        spacing: { after: 60 },
        children: [
          new TextRun({
            text: line,
            bold: style.bold,
            italics: style.italic,
            font: FONT,
            size: (style.size ?? 13) * 2,
          }),
        ],
      }),
  );

const paragraph = (block: Para): Paragraph[] => paragraphs(block.text, block);

const table = (block: TableBlock, pageWidth: number): Table => {
  const available = pageWidth - MARGIN.left - MARGIN.right;
  const widths = block.widths ?? [];
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  const columnWidths = widths.map((w) => Math.floor((w / total) * available));
  const cell = (c: Cell): TableCell =>
    new TableCell({
      children: paragraphs(c.text, { ...c, size: block.size ?? 13 }),
      columnSpan: c.colSpan,
      rowSpan: c.rowSpan,
      verticalAlign: VerticalAlign.CENTER,
      ...(block.borderless ? { borders: TableBorders.NONE } : {}),
    });
  return new Table({
    width: { size: available, type: WidthType.DXA },
    columnWidths: columnWidths.length ? columnWidths : undefined,
    ...(block.borderless ? { borders: TableBorders.NONE } : {}),
    rows: block.rows.map(
      (row, r) => new TableRow({ tableHeader: r < block.headerRows, children: row.map(cell) }),
    ),
  });
};

/**
 * Writes the document as DOCX bytes.
 *
 * @param doc - the composed document
 */
export const writeDocx = async (doc: CorpusDocument): Promise<Uint8Array> => {
  const sections = doc.sections.map((section) => {
    const width = section.landscape ? A4.height : A4.width;
    const children = section.blocks.flatMap((block: Block) =>
      block.kind === 'p' ? paragraph(block) : [table(block, width), new Paragraph('')],
    );
    return {
      properties: {
        page: {
          size: {
            width: A4.width,
            height: A4.height,
            orientation: section.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: MARGIN,
        },
      },
      children,
    };
  });
  const document = new Document({
    creator: 'lo-trinh corpus',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(document));
};

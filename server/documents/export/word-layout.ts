/**
 * The page and block layout of Word documents in the state format (NĐ 30/2020/NĐ-CP; HD 36-HD/VPTW for the
 * party): A4 geometry and margins, fonts, the header, title and closing blocks, page numbering, the appendix
 * tables and sections, and packing sections into .docx bytes. The renderers in word-exporter.ts build on these.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type ISectionOptions,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { type DocumentIssuer, placeAndDate, signatureLines } from './state-document';

/** A4 in twips (1 mm = 56.7 twips). */
export const A4 = { width: 11906, height: 16838 } as const;
/** NĐ 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (here 20, 20, 30, 15). */
export const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 850 } as const;
export const FONT = 'Times New Roman';
/** Sizes in half-points. */
const SIZE = { body: 28, header: 24, table: 24, recipientsTitle: 24, recipients: 22 } as const;
/** HD 36-HD/VPTW, Phụ lục 3: the party header is larger (title 15 pt, issuer and number 14 pt). */
const PARTY_SIZE = { title: 30, issuer: 28, recipientsTitle: 28, recipients: 24 } as const;

const PORTRAIT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
/** Landscape pages turn the margins with the page: the binding side stays 30 mm. */
export const LANDSCAPE_WIDTH = A4.height - MARGINS.left - MARGINS.right;

type Run = { text: string; bold?: boolean; italics?: boolean; underline?: boolean; size?: number };

const runs = (items: Run[]) =>
  items.map(
    (item) =>
      new TextRun({
        text: item.text,
        bold: item.bold,
        italics: item.italics,
        underline: item.underline ? {} : undefined,
        size: item.size ?? SIZE.body,
      }),
  );

/** One paragraph of a single run: justified unless `align` says otherwise, spacing in twips. */
export const line = (
  text: string,
  options: {
    bold?: boolean;
    italics?: boolean;
    underline?: boolean;
    size?: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    before?: number;
    after?: number;
    indentFirst?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: options.before ?? 0, after: options.after ?? 0 },
    indent: options.indentFirst ? { firstLine: 567 } : undefined,
    children: runs([
      {
        text,
        bold: options.bold,
        italics: options.italics,
        underline: options.underline,
        size: options.size,
      },
    ]),
  });

/** Body text: justified, first line indented 1 cm, 6 pt before. */
export const body = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  line(text, { ...options, indentFirst: true, before: 120 });

/** The short horizontal rule under the header lines, as wide as `width` twips, centred in a cell of `cellWidth`. */
const rule = (cellWidth: number, width: number) => {
  const side = Math.max(0, Math.round((cellWidth - width) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
};

const NO_BORDERS = TableBorders.NONE;

/** The two-column block every state document opens with: issuer left, national (or party) header right. */
export const headerBlock = (issuer: DocumentIssuer, number: string, date: string) => {
  const left = Math.round(PORTRAIT_WIDTH * 0.4);
  const right = PORTRAIT_WIDTH - left;
  const centred = (text: string, bold: boolean, size: number = SIZE.header, italics = false) =>
    line(text, { bold, italics, size, align: AlignmentType.CENTER });
  const leftChildren =
    issuer.kind === 'party'
      ? [
          ...(issuer.parentName ? [centred(issuer.parentName, false, PARTY_SIZE.issuer)] : []),
          centred(issuer.name, true, PARTY_SIZE.issuer),
          centred('*', false, PARTY_SIZE.issuer),
          centred(number, false, PARTY_SIZE.issuer),
        ]
      : [
          ...(issuer.parentName ? [centred(issuer.parentName, false)] : []),
          centred(issuer.name, true),
          rule(left, 1200),
          line(number, { size: SIZE.header, align: AlignmentType.CENTER, before: 120 }),
        ];
  const rightChildren =
    issuer.kind === 'party'
      ? [
          centred('ĐẢNG CỘNG SẢN VIỆT NAM', true, PARTY_SIZE.title),
          rule(right, 3600),
          line(placeAndDate(issuer.placeName, date), {
            italics: true,
            align: AlignmentType.CENTER,
            before: 240,
          }),
        ]
      : [
          centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true),
          centred('Độc lập - Tự do - Hạnh phúc', true, SIZE.body),
          rule(right, 3300),
          line(placeAndDate(issuer.placeName, date), {
            italics: true,
            align: AlignmentType.CENTER,
            before: 120,
          }),
        ];
  return new Table({
    width: { size: PORTRAIT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: leftChildren,
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: rightChildren,
          }),
        ],
      }),
    ],
  });
};

/** The document kind and title, centred bold, with a short rule under them. */
export const titleBlock = (kind: string, title: string[]) => [
  line(kind, { bold: true, align: AlignmentType.CENTER, before: 360 }),
  ...title.map((text) => line(text, { bold: true, align: AlignmentType.CENTER })),
  rule(PORTRAIT_WIDTH, 1800),
  line('', { after: 120 }),
];

/** "Nơi nhận:" bottom left, the signature block right. */
export const closingBlock = (issuer: DocumentIssuer, recipients: string[]) => {
  const left = Math.round(PORTRAIT_WIDTH * 0.5);
  const right = PORTRAIT_WIDTH - left;
  // NĐ 30/2020: "Nơi nhận:" bold italic 12 pt, items 11 pt. HD 36: "Nơi nhận:" upright, underlined, 14 pt;
  // items 12 pt.
  const isParty = issuer.kind === 'party';
  const recipientLines = [
    isParty
      ? line('Nơi nhận:', { underline: true, size: PARTY_SIZE.recipientsTitle, align: AlignmentType.LEFT })
      : line('Nơi nhận:', {
          bold: true,
          italics: true,
          size: SIZE.recipientsTitle,
          align: AlignmentType.LEFT,
        }),
    ...recipients.map((text) =>
      line(text, { size: isParty ? PARTY_SIZE.recipients : SIZE.recipients, align: AlignmentType.LEFT }),
    ),
  ];
  const signature = [
    ...signatureLines(issuer).map((text) => line(text, { bold: true, align: AlignmentType.CENTER })),
    // Space for the signature and the seal.
    ...[1, 2, 3, 4].map(() => line('', { align: AlignmentType.CENTER })),
    line(issuer.signer.name ?? '', { bold: true, align: AlignmentType.CENTER }),
  ];
  return new Table({
    width: { size: PORTRAIT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: recipientLines,
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: signature,
          }),
        ],
      }),
    ],
  });
};

/** Page numbers centred at the top; none on page 1 (the first-page header is empty). */
const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.body })],
      }),
    ],
  });

const pageProperties = (orientation: 'portrait' | 'landscape') => ({
  page: {
    size: {
      width: A4.width,
      height: A4.height,
      orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
    },
    margin: { ...MARGINS, header: 567, footer: 567 },
  },
});

/** A table of the appendices: bordered, 12 pt, bold centred header row repeated on every page. */
type Column = { title: string; width: number; align?: 'left' | 'center' };
type TableLine = { group: string } | { cells: string[] };

export const dataTable = (columns: Column[], lines: TableLine[], totalWidth: number) => {
  const sum = columns.reduce((total, column) => total + column.width, 0);
  const widths = columns.map((column) => Math.floor((column.width / sum) * totalWidth));
  const cell = (
    text: string,
    width: number,
    options: { bold?: boolean; align?: 'left' | 'center'; span?: number },
  ) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan: options.span,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: text.split('\n').map((part) =>
        line(part, {
          bold: options.bold,
          size: SIZE.table,
          align: options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        }),
      ),
    });
  return new Table({
    width: { size: totalWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((column, index) =>
          cell(column.title, widths[index]!, { bold: true, align: 'center' }),
        ),
      }),
      ...lines.map((item) =>
        'group' in item
          ? new TableRow({
              children: [cell(item.group, totalWidth, { bold: true, span: columns.length })],
            })
          : new TableRow({
              cantSplit: true,
              children: item.cells.map((text, index) =>
                cell(text, widths[index]!, { align: columns[index]!.align }),
              ),
            }),
      ),
    ],
  });
};

/** Inserts a group line each time the group changes. */
export const grouped = <T>(
  rows: T[],
  groupOf: (row: T) => string | null,
  cells: (row: T) => string[],
): TableLine[] => {
  const lines: TableLine[] = [];
  let current: string | null | undefined;
  for (const row of rows) {
    const group = groupOf(row);
    if (group && group !== current) lines.push({ group });
    current = group;
    lines.push({ cells: cells(row) });
  }
  return lines;
};

/** An appendix's label, title and subtitle, centred, above its table. */
export const appendixTitle = (label: string, title: string, subtitle: string) => [
  line(label, { bold: true, align: AlignmentType.CENTER }),
  line(title, { bold: true, align: AlignmentType.CENTER }),
  line(subtitle, { italics: true, align: AlignmentType.CENTER, after: 200 }),
];

/** Packs the sections into a .docx (Times New Roman, 14 pt by default) and returns its bytes. */
export const toBuffer = (sections: ISectionOptions[], title: string) =>
  Packer.toBuffer(
    new Document({
      title,
      creator: 'Lộ trình',
      styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
      sections,
    }),
  );

/** The first section: portrait, page number from page 2. */
export const firstSection = (children: ISectionOptions['children']): ISectionOptions => ({
  properties: { ...pageProperties('portrait'), titlePage: true },
  headers: {
    default: pageNumberHeader(),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  },
  children,
});

/** An appendix's section: landscape, numbered like the rest. */
export const appendixSection = (children: ISectionOptions['children']): ISectionOptions => ({
  properties: pageProperties('landscape'),
  headers: { default: pageNumberHeader() },
  children,
});

/** A figure as Vietnamese prints it (at most two decimals); empty when there is none. */
export const formatNumber = (value: number | null): string =>
  value == null ? '' : value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

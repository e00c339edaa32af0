/**
 * Test support: builds real DOCX files (with the `docx` package, as Word writes them) holding plan
 * tables with merged headers, vertically merged cells, nested tables and automatically numbered
 * paragraphs, so the DOCX reader and the table interpreter are tested on real files. Used by tests only.
 */

/** One cell of a test table: text (or paragraphs, or a nested table), spans and vertical merge. */
export type TestCell =
  | string
  | {
      text?: string;
      paragraphs?: string[];
      span?: number;
      merge?: 'restart' | 'continue';
      nested?: string[][];
    };

/** A block of a test document: a paragraph, a numbered paragraph (Word list), or a table. */
export type TestBlock =
  | string
  | { list: 'roman' | 'decimal' | 'letter' | 'bullet'; text: string }
  | { table: TestCell[][] };

/**
 * Builds a DOCX from blocks.
 *
 * @param blocks - paragraphs, numbered paragraphs and tables in order
 * @returns the .docx bytes
 */
export const buildDocx = async (blocks: readonly TestBlock[]): Promise<Uint8Array> => {
  const {
    AlignmentType,
    Document,
    LevelFormat,
    Packer,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    VerticalMergeType,
  } = await import('docx');
  const formats = {
    roman: [LevelFormat.UPPER_ROMAN, '%1.'],
    decimal: [LevelFormat.DECIMAL, '%1.'],
    letter: [LevelFormat.LOWER_LETTER, '%1)'],
    bullet: [LevelFormat.BULLET, '•'],
  } as const;
  const table = (rows: TestCell[][]) =>
    new Table({
      rows: rows.map(
        (row) =>
          new TableRow({
            children: row.map((raw) => {
              const spec = typeof raw === 'string' ? { text: raw } : raw;
              const children: Array<InstanceType<typeof Paragraph> | InstanceType<typeof Table>> = (
                spec.paragraphs ?? [spec.text ?? '']
              ).map((text) => new Paragraph(text));
              if (spec.nested) {
                children.push(table(spec.nested));
                children.push(new Paragraph(''));
              }
              return new TableCell({
                children,
                ...(spec.span ? { columnSpan: spec.span } : {}),
                ...(spec.merge
                  ? {
                      verticalMerge:
                        spec.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
                    }
                  : {}),
              });
            }),
          }),
      ),
    });
  const children = blocks.map((block) => {
    if (typeof block === 'string') return new Paragraph(block);
    if ('list' in block)
      return new Paragraph({ text: block.text, numbering: { reference: block.list, level: 0 } });
    return table(block.table);
  });
  const doc = new Document({
    numbering: {
      config: Object.entries(formats).map(([reference, [format, text]]) => ({
        reference,
        levels: [{ level: 0, format, text, alignment: AlignmentType.LEFT }],
      })),
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
};

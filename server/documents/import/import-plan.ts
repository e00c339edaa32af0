/**
 * The plan importer's public entry points: `importPlanFromDocument` for a document read by any reader
 * (paragraphs and tables), `importPlanFromText` for plain text. Every format shares one extractor.
 */
import type { TImportedPlanDraft } from '@core/schemas/import.schemas';
import { type DocTable, documentText, type ReadDocument } from './document-model';
import { UnreadableDocumentError } from './errors';
import { extractPlan, type GridInput } from './plan-extractor';
import { findStructure } from './structure';
import { interpretTables } from './table-interpreter';
import { readPlanText } from './text-reader';

export { UnreadableDocumentError } from './errors';

/**
 * Reads the text of a plan document (Kế hoạch / Chương trình hành động) into a draft in the shape of
 * the gold-label schema: plan header, indicators with targets per year, tasks with deadlines, and
 * notes on what could not be read. Rows the importer is unsure of carry `review.confident = false`.
 *
 * @param text - the document's text (UTF-8 string or bytes), from any reader
 * @param source - optional file name recorded in the draft
 * @returns the draft, to be reviewed by a person before it becomes a plan
 * @throws UnreadableDocumentError when the input is empty, binary, or does not read as a plan
 */
export const importPlanFromText = (text: string | Uint8Array, source?: string): TImportedPlanDraft =>
  importPlan(text, source);

/** The shared path: text for the outline and header, grid tables (when given) for the rows. */
const importPlan = (text: string | Uint8Array, source?: string, grid?: GridInput): TImportedPlanDraft => {
  const { lines, stamps } = readPlanText(text);
  const structure = findStructure(lines);
  if (structure.titleIndex < 0 && structure.sections.length < 2) {
    throw new UnreadableDocumentError(
      'Không nhận ra văn bản kế hoạch: không thấy tiêu đề "KẾ HOẠCH" hay các mục La Mã (I., II., …).',
    );
  }
  const draft = extractPlan(lines, stamps, grid);
  return source ? { source, ...draft } : draft;
};

/**
 * Extracts the draft from a document read by any reader (see `document-model.ts`). Its tables are
 * interpreted on their grid (`interpretTables`: header rows, column roles from labels and contents,
 * table kind, rows whatever their numbering), the same way whichever reader produced them; the text
 * (`documentText`) gives the outline and the header, and the tables when the reader found none.
 *
 * @param doc - the document as read
 * @param source - optional file name recorded in the draft
 * @returns the draft, to be reviewed by a person before it becomes a plan
 * @throws UnreadableDocumentError when the document does not read as a plan
 */
export const importPlanFromDocument = (doc: ReadDocument, source?: string): TImportedPlanDraft => {
  const grid = interpretTables(doc.blocks.filter((block): block is DocTable => block.kind === 'table'));
  // The plan tables are read from their grid: their text is left out of the lines the outline, the
  // header and the bullet lists are read from (a table inside "Nhiệm vụ" must not become bullets).
  const text = documentText({
    ...doc,
    blocks: doc.blocks.map((block) =>
      block.kind === 'table' && grid.used.has(block) ? { kind: 'paragraph', text: '' } : block,
    ),
  });
  const fromText =
    doc.origin === 'text' ||
    doc.origin === 'ocr' ||
    doc.blocks.some((block) => block.kind === 'table' && block.fromText === true && grid.used.has(block));
  return importPlan(text, source, { ...grid, fromText, recognised: doc.origin === 'ocr' });
};

/**
 * The plan importer's public entry point for text. DOCX, PDF and OCR readers produce text and feed it
 * here, so every format shares one extractor.
 */
import type { TImportedPlanDraft } from '@core/schemas/import.schemas';
import { documentText, type ReadDocument } from './document-model';
import { UnreadableDocumentError } from './errors';
import { extractPlan } from './plan-extractor';
import { findStructure } from './structure';
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
export const importPlanFromText = (text: string | Uint8Array, source?: string): TImportedPlanDraft => {
  const { lines, stamps } = readPlanText(text);
  const structure = findStructure(lines);
  if (structure.titleIndex < 0 && structure.sections.length < 2) {
    throw new UnreadableDocumentError(
      'Không nhận ra văn bản kế hoạch: không thấy tiêu đề "KẾ HOẠCH" hay các mục La Mã (I., II., …).',
    );
  }
  const draft = extractPlan(lines, stamps);
  return source ? { source, ...draft } : draft;
};

/**
 * Extracts the draft from a document read by any reader (see `document-model.ts`).
 *
 * @param doc - the document as read
 * @param source - optional file name recorded in the draft
 * @returns the draft, to be reviewed by a person before it becomes a plan
 * @throws UnreadableDocumentError when the document does not read as a plan
 */
export const importPlanFromDocument = (doc: ReadDocument, source?: string): TImportedPlanDraft =>
  importPlanFromText(documentText(doc), source);

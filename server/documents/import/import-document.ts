/**
 * The plan importer's entry point for files: finds the format from the bytes, reads the text with the
 * matching reader (DOCX, digital PDF, scanned PDF or photo through OCR, plain text) and extracts the
 * draft with `importPlanFromText`. Nothing is saved: the draft goes to a person for review.
 */
import type { TImportedPlanDraft } from '@core/schemas/import.schemas';
import { detectDocumentKind } from './detect';
import { documentText, type ReadDocument, textDocument } from './document-model';
import { readDocxDocument } from './docx-reader';
import { UnreadableDocumentError } from './errors';
import { importPlanFromDocument } from './import-plan';
import { type ImportProgress, recognizeImages, recognizePdfPages } from './ocr-reader';
import { readPdfDocument } from './pdf-reader';
import { decodeText } from './text-reader';
import { detectTextTables } from './text-tables';

export type { ImportProgress } from './ocr-reader';

export type ImportDocumentOptions = {
  /** The original file name, recorded in the draft (never used to choose the reader). */
  fileName?: string;
  /** Called as OCR reads each page of a scan (page n of N). */
  onProgress?: (progress: ImportProgress) => void;
  /** Cancels the import (OCR stops its worker); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
};

/** A document read into a draft, with the text the reader extracted (shown beside the draft for review). */
export type ReadPlanDocumentResult = { draft: TImportedPlanDraft; text: string };

/**
 * Reads an uploaded plan document into a draft, keeping the text the reader extracted from it.
 *
 * @param bytes - the file as uploaded: .docx, .pdf (digital or scanned), .png/.jpg photo, or UTF-8 text
 * @param options - file name, progress callback, cancellation
 * @returns the draft (gold-label shape, with review flags) and the extracted text
 * @throws UnreadableDocumentError with a Vietnamese message for anything that cannot be read as a plan;
 *   the signal's reason when cancelled
 */
export const readPlanDocument = async (
  bytes: Uint8Array,
  options: ImportDocumentOptions = {},
): Promise<ReadPlanDocumentResult> => {
  const { fileName, onProgress, signal } = options;
  signal?.throwIfAborted();
  const kind = detectDocumentKind(bytes);
  let doc: ReadDocument;
  switch (kind) {
    case 'docx':
      doc = await readDocxDocument(bytes);
      break;
    case 'pdf':
      doc = await readPdfDocument(bytes, (pdf, pages) =>
        recognizePdfPages(pdf, pages, { onProgress, signal }),
      );
      break;
    case 'png':
    case 'jpeg':
      doc = {
        origin: 'ocr',
        blocks: (await recognizeImages([bytes], { onProgress, signal })).flat(),
        stamps: [],
      };
      break;
    case 'text':
      doc = textDocument(decodeText(bytes), 'text');
      break;
  }
  signal?.throwIfAborted();
  // Tables that exist only as lines of text (a .txt, OCR text, a DOCX/PDF made from it) become tables.
  doc = detectTextTables(doc);
  const text = documentText(doc);
  try {
    return { draft: importPlanFromDocument(doc, fileName), text };
  } catch (error) {
    // A readable file that is not a plan (a letter, a photo of a notice): say so in the user's terms.
    if (error instanceof UnreadableDocumentError && kind !== 'text') {
      throw new UnreadableDocumentError(`Không tìm thấy nội dung kế hoạch trong tệp. ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
};

/**
 * Reads an uploaded plan document into a draft.
 *
 * @param bytes - the file as uploaded: .docx, .pdf (digital or scanned), .png/.jpg photo, or UTF-8 text
 * @param options - file name, progress callback, cancellation
 * @returns the draft, in the shape of the gold-label schema, with review flags
 * @throws UnreadableDocumentError with a Vietnamese message for anything that cannot be read as a plan
 */
export const importPlanDocument = async (
  bytes: Uint8Array,
  options: ImportDocumentOptions = {},
): Promise<TImportedPlanDraft> => (await readPlanDocument(bytes, options)).draft;

/**
 * Plan document import: turns an uploaded file into a draft for review. Nothing is saved; the officer
 * reviews the draft and saves it through the plan, indicator and task endpoints.
 *
 * OCR of a scan takes seconds per page and runs in a tesseract worker thread, so other requests keep
 * being answered meanwhile; at most `MAX_CONCURRENT_IMPORTS` imports run at once, the rest are refused
 * with a "try again" message rather than queued behind minutes of OCR.
 */
import type { TImportedPlanDraft } from '@core/schemas/import.schemas';
import { type ImportDocumentOptions, importPlanDocument } from '../../documents/import/import-document';
import { UnreadableDocumentError } from '../../documents/import/import-plan';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/route';
import { canImportPlans } from './import.policy';

/** The largest plan document accepted, in bytes (a scanned 60-page plan at 200 dpi fits). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Imports running at the same time (each OCR worker uses one CPU core). */
export const MAX_CONCURRENT_IMPORTS = 2;

/** The uploaded file (the raw request body) and its original name. */
export type ImportUpload = { bytes: Uint8Array; fileName: string };

type ImportServiceDeps = {
  /** The document reader; tests may slow it down to prove the server stays responsive. */
  readDocument?: (bytes: Uint8Array, options: ImportDocumentOptions) => Promise<TImportedPlanDraft>;
};

export const createImportService = (deps: ImportServiceDeps = {}) => {
  const readDocument = deps.readDocument ?? importPlanDocument;
  let running = 0;

  /**
   * Reads an uploaded plan document (DOCX, PDF, scan, photo or text) into a draft.
   *
   * @param context - who asks
   * @param upload - the file and its original name
   * @returns the draft to review
   * @throws AppError FORBIDDEN (not a plan editor), FILE_TOO_LARGE (over 20 MB), SERVER_BUSY (two imports
   *   already running), UNREADABLE_DOCUMENT (the file cannot be read as a plan; the message says why in Vietnamese)
   */
  const importDocument = async (
    context: RequestContext,
    upload: ImportUpload,
  ): Promise<TImportedPlanDraft> => {
    if (!canImportPlans(context.actor)) throw new AppError('FORBIDDEN');
    if (upload.bytes.length > MAX_IMPORT_BYTES) {
      throw new AppError('FILE_TOO_LARGE', {
        message: `Tệp quá lớn: văn bản kế hoạch nhập vào tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Hãy quét ở độ phân giải thấp hơn (200 dpi, đen trắng) hoặc gửi bản Word/PDF gốc.`,
      });
    }
    if (running >= MAX_CONCURRENT_IMPORTS) {
      throw new AppError('SERVER_BUSY', {
        message: 'Máy chủ đang đọc các văn bản khác. Vui lòng thử lại sau ít phút.',
      });
    }
    running++;
    try {
      return await readDocument(upload.bytes, { fileName: upload.fileName });
    } catch (error) {
      if (error instanceof UnreadableDocumentError) {
        throw new AppError('UNREADABLE_DOCUMENT', {
          message: error.message,
          details: [{ field: 'file', message: error.message }],
          cause: error,
        });
      }
      throw error;
    } finally {
      running--;
    }
  };

  return { importDocument };
};

export type ImportService = ReturnType<typeof createImportService>;

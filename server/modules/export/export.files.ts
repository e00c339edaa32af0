/**
 * What every download of the export module is: the file with its content type and name, the content types,
 * the upload limit of a filled template, and the ASCII part of a file name.
 */
import { foldText } from '@core/domain/text';

/** A file to download. */
export type ExportedFile = { bytes: Buffer; contentType: string; fileName: string };

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';
/** A filled template is a few hundred kilobytes at most. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

/** An ASCII file name part: "54/KH-UBND" → "54-kh-ubnd". */
export const slug = (text: string | null | undefined, fallback: string) =>
  foldText(text ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || fallback;

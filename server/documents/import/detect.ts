/**
 * Decides how to read an uploaded file from its bytes, never from its name: a name can lie, and a
 * civil servant's "ke-hoach.pdf" is sometimes a Word file or a phone photo. Zip containers are
 * inspected from their central directory before anything is inflated, so a zip bomb is refused
 * without being unpacked.
 */
import { inflateRawSync } from 'node:zlib';
import { UnreadableDocumentError } from './errors';

/** The readers a file can go to. */
export type DocumentKind = 'pdf' | 'docx' | 'png' | 'jpeg' | 'text';

/** A DOCX whose parts together unpack to more than this is refused (a real plan is a few MB). */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

/** The formats a person can send, for refusal messages. */
export const SUPPORTED_FORMATS = 'Word (.docx), PDF, ảnh chụp/ảnh quét (.png, .jpg) hoặc văn bản (.txt)';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  signature.every((byte, index) => bytes[offset + index] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .xls, password-protected .docx

/** One entry of a zip's central directory. */
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
};

const corruptDocx = (cause?: unknown) =>
  new UnreadableDocumentError(
    'Tệp Word (.docx) bị hỏng, không mở được. Hãy mở tệp bằng Word, lưu lại rồi gửi lại, hoặc gửi bản PDF.',
    cause === undefined ? undefined : { cause },
  );

/**
 * Reads a zip's central directory without inflating anything.
 *
 * @param bytes - the whole zip
 * @returns the entries with their declared sizes
 * @throws UnreadableDocumentError when the directory is missing or damaged
 */
export const readZipDirectory = (bytes: Uint8Array): ZipEntry[] => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 bytes (after an optional comment).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corruptDocx();
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (directoryOffset + directorySize > eocd) throw corruptDocx();
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw corruptDocx();
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      encrypted: (flags & 1) === 1,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
};

/** The compressed bytes of one entry, located through its local header. */
const entryData = (bytes: Uint8Array, entry: ZipEntry): Uint8Array => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw corruptDocx();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw corruptDocx();
  return bytes.subarray(start, start + entry.compressedSize);
};

/**
 * Checks that a zip is a Word document that is safe to unpack: it has `word/document.xml`, its declared
 * sizes stay under the limit (ZIP64 sizes count as over it), and every entry really unpacks to no more
 * than it declares (inflating stops at the declared size, so a lying entry costs nothing).
 *
 * @param bytes - the zip
 * @param limit - the most bytes all parts may unpack to
 * @throws UnreadableDocumentError for a zip that is not a DOCX, is encrypted, damaged or too large unpacked
 */
export const assertSafeDocx = (bytes: Uint8Array, limit = MAX_DOCX_UNCOMPRESSED_BYTES): void => {
  const entries = readZipDirectory(bytes);
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new UnreadableDocumentError(
      `Tệp nén (.zip) không phải văn bản Word. Hãy gửi trực tiếp tệp ${SUPPORTED_FORMATS}, không nén.`,
    );
  }
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const zip64 = entries.some((entry) => entry.uncompressedSize === 0xffffffff);
  if (zip64 || total > limit) {
    throw new UnreadableDocumentError(
      `Tệp Word khi giải nén quá lớn (trên ${Math.round(limit / 1024 / 1024)} MB), không xử lý được. Hãy gửi bản PDF hoặc tách bớt hình ảnh.`,
    );
  }
  for (const entry of entries) {
    if (entry.encrypted) {
      throw new UnreadableDocumentError('Tệp Word có đặt mật khẩu. Hãy gỡ mật khẩu rồi gửi lại.');
    }
    if (entry.name.endsWith('/')) continue;
    const data = entryData(bytes, entry);
    if (entry.method === 0) {
      if (data.length !== entry.uncompressedSize) throw corruptDocx();
    } else if (entry.method === 8) {
      let inflated: Buffer;
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
      } catch (cause) {
        throw corruptDocx(cause);
      }
      if (inflated.length !== entry.uncompressedSize) throw corruptDocx();
    } else throw corruptDocx();
  }
};

/** Tells whether bytes read as text: valid UTF-8 (or empty) without NUL bytes. */
const looksLikeText = (bytes: Uint8Array): boolean => {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    return true;
  } catch {
    // A multi-byte character cut at the 64 KB boundary: retry on the whole file.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  }
};

/**
 * Decides which reader a file goes to, from its first bytes (and, for a zip, its directory).
 *
 * @param bytes - the uploaded file
 * @returns the kind of document
 * @throws UnreadableDocumentError for a format the importer does not read, with a hint at what to send
 */
export const detectDocumentKind = (bytes: Uint8Array): DocumentKind => {
  if (bytes.length === 0) throw new UnreadableDocumentError('Tệp trống: không có nội dung để nhập.');
  // A PDF may start with a few bytes of junk before its header.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (startsWith(bytes, PDF) || head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    assertSafeDocx(bytes);
    return 'docx';
  }
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, OLE)) {
    throw new UnreadableDocumentError(
      'Tệp Word cũ (.doc) hoặc tệp Office có mật khẩu chưa đọc được. Hãy mở bằng Word, gỡ mật khẩu nếu có, lưu dưới dạng .docx hoặc PDF rồi gửi lại.',
    );
  }
  if (looksLikeText(bytes)) return 'text';
  throw new UnreadableDocumentError(`Định dạng tệp không được hỗ trợ. Hãy gửi tệp ${SUPPORTED_FORMATS}.`);
};

/**
 * Checks an uploaded .xlsx before anything parses it: a small file can unpack to hundreds of megabytes
 * (a "zip bomb") or hold millions of cells, and the spreadsheet library would then hold the server for
 * minutes at gigabytes of memory. The zip's directory is read first (sizes, count, compression ratio);
 * then every entry is unpacked with a cap at its declared size, and the sheets' cells and rows and the
 * shared strings are counted. Each refusal says, in Vietnamese, which limit the file exceeds.
 */
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from '../../errors';
import { readZipDirectory, type ZipEntry, ZipEntryCountError, ZipFormatError } from './zip-directory';

/** What an entry template may hold once unpacked. A filled template is far below every limit. */
export type SpreadsheetLimits = {
  /** Parts in the zip (a template has about 15). */
  maxEntries: number;
  /** Unpacked bytes of one part. */
  maxEntryBytes: number;
  /** Unpacked bytes of all parts together. */
  maxTotalBytes: number;
  /** Unpacked ÷ packed size of one part, checked for parts above 1 MB unpacked. */
  maxRatio: number;
  /** Cells (`<c>` elements) of all sheets together. */
  maxCells: number;
  /** Rows of one sheet, counted and by the highest row number (including `<dimension ref>`). */
  maxRows: number;
  /** Entries of the shared string table. */
  maxSharedStrings: number;
};

export const SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxEntries: 200,
  maxEntryBytes: 10 * 1024 * 1024,
  maxTotalBytes: 20 * 1024 * 1024,
  maxRatio: 200,
  maxCells: 200_000,
  maxRows: 50_000,
  maxSharedStrings: 200_000,
};

const RATIO_FLOOR_BYTES = 1024 * 1024;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';
const ADVICE = 'Hãy tải biểu mẫu từ hệ thống, chỉ nhập số liệu vào các ô cần nhập rồi gửi lại.';

const numberText = (value: number) =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value);
const megabytes = (bytes: number) => `${numberText(bytes / (1024 * 1024))} MB`;

/** The refusal of a file that is not a readable .xlsx (422). */
export const unreadableSpreadsheet = (cause?: unknown) =>
  new AppError('UNREADABLE_DOCUMENT', {
    message: `Tệp này không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng. ${ADVICE}`,
    cause,
  });

/** The refusal of a file above one of the limits (413). */
const tooLarge = (what: string) =>
  new AppError('FILE_TOO_LARGE', { message: `Tệp Excel quá lớn để đọc: ${what}. ${ADVICE}` });

const inflate = promisify(inflateRaw);

/** The unpacked bytes of an entry, refused as damaged when they are more or fewer than declared. */
const unpack = async (bytes: Buffer, entry: ZipEntry): Promise<Buffer> => {
  const packed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return packed;
  let unpacked: Buffer;
  try {
    // The cap stops a part whose directory understates its size as soon as it passes the declared size.
    unpacked = await inflate(packed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    throw unreadableSpreadsheet(error);
  }
  if (unpacked.length !== entry.uncompressedSize)
    throw unreadableSpreadsheet(new ZipFormatError(`${entry.name} is not the size its directory declares`));
  return unpacked;
};

/** How many times `<tag` starts an element named exactly `tag` (followed by a space, `>` or `/>`). */
const countElements = (xml: Buffer, tag: string, stopAbove: number): number => {
  const opening = Buffer.from(`<${tag}`, 'latin1');
  let count = 0;
  for (let at = xml.indexOf(opening); at !== -1; at = xml.indexOf(opening, at + opening.length)) {
    const next = xml[at + opening.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) {
      count++;
      if (count > stopAbove) break;
    }
  }
  return count;
};

/** The highest row a sheet names, in its rows' `r` attributes or its `<dimension ref>`. */
const highestRow = (xml: Buffer): number => {
  let highest = 0;
  const dimension = /<dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(xml.toString('latin1', 0, 4096));
  if (dimension) highest = Number(dimension[1]);
  const opening = Buffer.from('<row', 'latin1');
  for (let at = xml.indexOf(opening); at !== -1; at = xml.indexOf(opening, at + opening.length)) {
    const tag = xml.toString('latin1', at, Math.min(xml.length, at + 256));
    const number = /^<row\s[^>]*?\br="(\d+)"/.exec(tag);
    if (number) highest = Math.max(highest, Number(number[1]));
  }
  return highest;
};

/**
 * Refuses an .xlsx whose unpacked content exceeds the limits of an entry template, before it is parsed.
 *
 * @param bytes - the uploaded file
 * @param limits - the limits (SPREADSHEET_LIMITS for the entry template)
 * @throws AppError UNREADABLE_DOCUMENT (422) when the file is not a readable zip or a part is not the size
 *   it declares; FILE_TOO_LARGE (413), naming the limit, when it has too many parts, a part or the whole
 *   unpacks to too many bytes or is compressed beyond the ratio, or the sheets hold too many cells, rows or
 *   shared strings
 */
export const guardSpreadsheet = async (bytes: Buffer, limits: SpreadsheetLimits): Promise<void> => {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, limits.maxEntries);
  } catch (error) {
    if (error instanceof ZipEntryCountError)
      throw tooLarge(`có ${numberText(error.count)} thành phần, tối đa ${numberText(limits.maxEntries)}`);
    throw unreadableSpreadsheet(error);
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxEntryBytes)
      throw tooLarge(
        `phần "${entry.name}" giải nén ra ${megabytes(entry.uncompressedSize)}, mỗi phần tối đa ${megabytes(limits.maxEntryBytes)}`,
      );
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio)
      throw tooLarge(
        `phần "${entry.name}" bị nén ${numberText(Math.round(ratio))} lần, tối đa ${numberText(limits.maxRatio)} lần`,
      );
  }
  if (total > limits.maxTotalBytes)
    throw tooLarge(`giải nén ra ${megabytes(total)}, tối đa ${megabytes(limits.maxTotalBytes)}`);

  let cells = 0;
  for (const entry of entries) {
    const xml = await unpack(bytes, entry);
    if (SHEET_PART.test(entry.name)) {
      cells += countElements(xml, 'c', limits.maxCells - cells);
      if (cells > limits.maxCells)
        throw tooLarge(`có hơn ${numberText(limits.maxCells)} ô (tối đa ${numberText(limits.maxCells)} ô)`);
      const rows = Math.max(countElements(xml, 'row', limits.maxRows), highestRow(xml));
      if (rows > limits.maxRows)
        throw tooLarge(`một sheet có ${numberText(rows)} dòng, tối đa ${numberText(limits.maxRows)} dòng`);
    } else if (entry.name === SHARED_STRINGS_PART) {
      const strings = countElements(xml, 'si', limits.maxSharedStrings);
      if (strings > limits.maxSharedStrings)
        throw tooLarge(
          `có hơn ${numberText(limits.maxSharedStrings)} đoạn chữ (tối đa ${numberText(limits.maxSharedStrings)})`,
        );
    }
  }
};

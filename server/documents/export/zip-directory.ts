/**
 * Reads the central directory of a zip file (an .xlsx is one) without unpacking anything: the name, sizes
 * and compression of every entry, and where its data lies. Only what an Office file uses is accepted:
 * one disk, no ZIP64, no encryption, entries stored or deflated.
 */

export type ZipEntry = {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: 0 | 8;
  compressedSize: number;
  /** As the directory declares it; the unpacked data must be checked against it. */
  uncompressedSize: number;
  /** Offset of the compressed data in the file. */
  dataOffset: number;
};

/** The file is not a zip this reader accepts; the message says why, for the log. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

/** The directory announces more entries than the caller accepts. */
export class ZipEntryCountError extends Error {
  override readonly name = 'ZipEntryCountError';
  constructor(readonly count: number) {
    super(`${count} entries`);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_MIN_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

const findEndOfDirectory = (bytes: Buffer): number => {
  const lowest = Math.max(0, bytes.length - END_MIN_BYTES - MAX_COMMENT_BYTES);
  for (let at = bytes.length - END_MIN_BYTES; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError('no end of central directory record');
};

/**
 * Lists the entries of a zip file from its central directory.
 *
 * @param bytes - the whole file
 * @param maxEntries - refuse to list more than this many (the count is read before any entry)
 * @returns the entries, in directory order
 * @throws ZipFormatError when the file is not a zip, is damaged, or uses what an Office file does not
 * @throws ZipEntryCountError when the directory announces more than `maxEntries` entries
 */
export const readZipDirectory = (bytes: Buffer, maxEntries: number): ZipEntry[] => {
  if (bytes.length < END_MIN_BYTES) throw new ZipFormatError('too short for a zip file');
  const end = findEndOfDirectory(bytes);
  const entryCount = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 8) !== entryCount)
    throw new ZipFormatError('a zip split over several disks');
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    throw new ZipFormatError('ZIP64 is not accepted');
  if (entryCount > maxEntries) throw new ZipEntryCountError(entryCount);
  if (directoryOffset + directorySize > end) throw new ZipFormatError('central directory out of bounds');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== DIRECTORY_HEADER)
      throw new ZipFormatError(`damaged central directory at entry ${index}`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (at > end) throw new ZipFormatError(`damaged central directory at entry ${index}`);
    if (flags & 0x1) throw new ZipFormatError(`encrypted entry ${name}`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`compression method ${method} in ${name}`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff)
      throw new ZipFormatError('ZIP64 is not accepted');
    if (localOffset + 30 > directoryOffset || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER)
      throw new ZipFormatError(`no local header for ${name}`);
    const dataOffset =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > directoryOffset)
      throw new ZipFormatError(`data of ${name} out of bounds`);
    if (method === 0 && compressedSize !== uncompressedSize)
      throw new ZipFormatError(`stored entry ${name} with two sizes`);
    entries.push({ name, method, compressedSize, uncompressedSize, dataOffset });
  }
  return entries;
};

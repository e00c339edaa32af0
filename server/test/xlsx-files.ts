/**
 * Builds hostile .xlsx files for the upload guard's tests: a real workbook whose parts are replaced (a
 * sheet of 80 MB of repeated cells, one with too many cells) and zips whose directory lies about sizes.
 * The zip is written here, with node:zlib, so a test controls every byte the guard reads.
 */
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (data: Buffer) => {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

export type ZipPart = {
  name: string;
  data: Buffer;
  /** What the directory and local header claim the unpacked size is (the truth by default). */
  declaredSize?: number;
};

/** A zip of deflated parts, written byte by byte. */
export const zipOf = (parts: ZipPart[]): Buffer => {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const packed = deflateRawSync(part.data, { level: 6 });
    const size = part.declaredSize ?? part.data.length;
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    directory.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
};

/** The parts of an .xlsx (or any zip), unpacked. */
export const partsOf = async (xlsx: Buffer): Promise<ZipPart[]> => {
  const zip = await JSZip.loadAsync(xlsx);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  return Promise.all(names.map(async (name) => ({ name, data: await zip.file(name)!.async('nodebuffer') })));
};

/** The same .xlsx with some parts replaced. */
export const withParts = async (xlsx: Buffer, replaced: ZipPart[]): Promise<Buffer> => {
  const byName = new Map(replaced.map((part) => [part.name, part]));
  return zipOf((await partsOf(xlsx)).map((part) => byName.get(part.name) ?? part));
};

/**
 * A worksheet part of `rows` rows of `columns` numeric cells each: the repeated cells of a zip bomb, or a
 * sheet with too many cells. Without addresses (`r` is optional in SpreadsheetML) every row is the same
 * text, which deflate packs about a thousand to one.
 */
export const sheetOfCells = (rows: number, columns: number, { addresses = true } = {}): Buffer => {
  const letters = Array.from({ length: columns }, (_, index) =>
    index < 26 ? String.fromCharCode(65 + index) : `A${String.fromCharCode(65 + (index - 26))}`,
  );
  const chunks: Buffer[] = [
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  ];
  const plain = Buffer.from(`<row>${'<c><v>1</v></c>'.repeat(columns)}</row>`);
  for (let row = 1; row <= rows; row++) {
    if (!addresses) {
      chunks.push(plain);
      continue;
    }
    const cells = letters.map((letter) => `<c r="${letter}${row}"><v>1</v></c>`).join('');
    chunks.push(Buffer.from(`<row r="${row}">${cells}</row>`));
  }
  chunks.push(Buffer.from('</sheetData></worksheet>'));
  return Buffer.concat(chunks);
};

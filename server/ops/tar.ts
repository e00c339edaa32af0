/**
 * A gzip-compressed tar archive (ustar), written and read entry by entry: the format of a PGlite
 * backup, so an operator can also look into one with `tar -tzf`. Only regular files, names ≤ 100 bytes.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;

const header = (name: string, size: number): Buffer => {
  const block = Buffer.alloc(BLOCK);
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 100) throw new Error(`tar: name too long: ${name}`);
  nameBytes.copy(block, 0);
  block.write('0000644\0', 100, 'ascii');
  block.write('0000000\0', 108, 'ascii');
  block.write('0000000\0', 116, 'ascii');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  block.write(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'ascii',
  );
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
};

export type TarWriter = {
  add: (name: string, bytes: Uint8Array) => Promise<void>;
  /** Writes the end of the archive and waits until it is on disk. */
  finish: () => Promise<void>;
  abort: () => void;
};

/**
 * Starts a .tar.gz file.
 *
 * @param path - the file to create (fails when it exists)
 */
export const createTarGzWriter = (path: string): TarWriter => {
  const gzip = createGzip();
  const file = createWriteStream(path, { flags: 'wx' });
  gzip.pipe(file);
  const closed = once(file, 'close');
  const write = async (chunk: Uint8Array) => {
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  };
  return {
    add: async (name, bytes) => {
      await write(header(name, bytes.length));
      await write(bytes);
      const padding = (BLOCK - (bytes.length % BLOCK)) % BLOCK;
      if (padding) await write(Buffer.alloc(padding));
    },
    finish: async () => {
      gzip.end(Buffer.alloc(BLOCK * 2));
      await closed;
    },
    abort: () => {
      gzip.destroy();
      file.destroy();
    },
  };
};

/**
 * Reads the entries of a .tar.gz file one at a time.
 *
 * @throws Error when the file is not a gzip'd tar or is cut short
 */
export async function* readTarGz(path: string): AsyncGenerator<{ name: string; bytes: Buffer }> {
  const stream = createReadStream(path).pipe(createGunzip());
  const chunks = stream[Symbol.asyncIterator]();
  let pending: Buffer[] = [];
  let length = 0;
  const take = async (size: number): Promise<Buffer | null> => {
    while (length < size) {
      const next = await chunks.next();
      if (next.done) return null;
      pending.push(next.value as Buffer);
      length += (next.value as Buffer).length;
    }
    const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [all.subarray(size)];
    length = all.length - size;
    return all.subarray(0, size);
  };
  try {
    for (;;) {
      const block = await take(BLOCK);
      if (!block) throw new Error('tar: archive cut short');
      if (block.every((byte) => byte === 0)) return;
      const name = block.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
      const size = Number.parseInt(
        block.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(),
        8,
      );
      if (!name || !Number.isFinite(size)) throw new Error('tar: invalid header');
      const bytes = await take(size);
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (!bytes || (padding && !(await take(padding)))) throw new Error('tar: archive cut short');
      yield { name, bytes: Buffer.from(bytes) };
    }
  } finally {
    stream.destroy();
  }
}

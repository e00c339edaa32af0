/**
 * The simplified boundaries shipped with the app (topojson/, see its README for the source, licence
 * and simplification): the 34 provinces in one file, and one file per province with its communes,
 * wards and special zones. Each file is read once, on its first request, and kept in memory ready to
 * send — the JSON answer (`{ "data": <topology> }`), its gzip copy and an ETag made of its content.
 * Nothing here depends on the database: boundaries are public geography.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { AppError } from '../../errors';
import type { CacheableFile } from '../../http/request-context';

/** Where the boundary files live. */
export const BOUNDARY_DIR = fileURLToPath(new URL('./topojson/', import.meta.url));

/**
 * How long a browser keeps a file without asking again (a week), then revalidates it with its ETag.
 * The files only change with a release that ships new boundaries (after an administrative reform).
 */
export const BOUNDARY_MAX_AGE_SECONDS = 7 * 24 * 3600;

/** The province codes that have a communes file (`communes/<code>.topo.json`). */
const provinceCodesIn = (dir: string): string[] =>
  readdirSync(`${dir}/communes`)
    .map((name) => /^(\d{2})\.topo\.json$/.exec(name)?.[1])
    .filter((code): code is string => code !== undefined)
    .sort();

/** A file wrapped as the API answers (`{ "data": … }`), compressed once, with an ETag of its content. */
const prepare = async (path: string): Promise<CacheableFile> => {
  const topology = await readFile(path, 'utf8');
  const bytes = Buffer.from(`{"data":${topology.trim()}}`, 'utf8');
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return {
    bytes,
    gzip: gzipSync(bytes, { level: 9 }),
    contentType: 'application/json; charset=utf-8',
    etag,
    maxAgeSeconds: BOUNDARY_MAX_AGE_SECONDS,
  };
};

/**
 * @param dir - the folder holding provinces.topo.json and communes/ (tests may point elsewhere)
 */
export const createBoundaryService = (dir: string = BOUNDARY_DIR) => {
  const codes = new Set(provinceCodesIn(dir));
  const files = new Map<string, Promise<CacheableFile>>();
  const load = (path: string) => {
    let file = files.get(path);
    if (!file) {
      file = prepare(path);
      // A failed read is not kept: the next request tries again.
      file.catch(() => files.delete(path));
      files.set(path, file);
    }
    return file;
  };
  return {
    /** The province codes with a communes file, sorted. */
    provinceCodes: (): string[] => [...codes],

    /** The 34 provinces (object `provinces`). */
    provinces: (): Promise<CacheableFile> => load(`${dir}/provinces.topo.json`),

    /**
     * One province's communes, wards and special zones (object `communes`).
     * @throws AppError NOT_FOUND when no file has that province code
     */
    communes: (provinceCode: string): Promise<CacheableFile> => {
      if (!codes.has(provinceCode))
        throw new AppError('NOT_FOUND', {
          message: `Chưa có ranh giới xã, phường của tỉnh, thành phố mã ${provinceCode}: mã này không có trong danh mục 34 tỉnh, thành phố.`,
        });
      return load(`${dir}/communes/${provinceCode}.topo.json`);
    },
  };
};

export type BoundaryService = ReturnType<typeof createBoundaryService>;

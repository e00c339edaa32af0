/**
 * The submission package as bytes: a ZIP of the report's files, figures.json and a manifest.json holding
 * the SHA-256 of each file and a checksum of them all; and the reverse, which refuses with a Vietnamese
 * message naming the problem (not a ZIP, a file missing or altered, a wrong schema). The checksums show
 * that nothing changed on the way; signature.json, the instance's signature over manifest.json
 * (package-signature.ts), shows who made it.
 */
import { createHash } from 'node:crypto';
import { unsafeTextProblem } from '@core/schemas/common.schemas';
import {
  SUBMISSION_MANIFEST_SCHEMA,
  SUBMISSION_SCHEMA_VERSION,
  type TSubmissionFigures,
  type TSubmissionManifest,
  type TSubmissionSignature,
  ZSubmissionFigures,
  ZSubmissionManifest,
  ZSubmissionSignature,
} from '@core/schemas/exchange.schemas';
import { unzipSync, type Zippable, zipSync } from 'fflate';
import type { z } from 'zod';
import { AppError } from '../../errors';

export const FIGURES_FILE = 'figures.json';
export const MANIFEST_FILE = 'manifest.json';
/** The signature over manifest.json's bytes; not listed in the manifest (it signs it). */
export const SIGNATURE_FILE = 'signature.json';
/** A package is a few hundred kilobytes; the upload is refused above this. */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;
/** What its files may add up to once unpacked (as their ZIP entries declare). */
const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
const MAX_ENTRIES = 20;

export type PackageFile = { path: string; bytes: Buffer; contentType: string };

export const sha256 = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The checksum of the whole: SHA-256 of "<sha256>  <path>\n" for each file, in the manifest's order. */
export const checksumOf = (files: ReadonlyArray<{ path: string; sha256: string }>): string =>
  sha256(files.map((file) => `${file.sha256}  ${file.path}\n`).join(''));

/** ZIP entries carry a date: the day of approval, so the same report packs to the same entries. */
const zipDate = (approvedAt: string) => {
  const date = new Date(approvedAt);
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1980
    ? new Date('1980-01-01T00:00:00Z')
    : date;
};

/**
 * Packs the files with figures.json and the manifest.
 *
 * @param input - the report's files (DOCX, PDF, XLSX), the figures, what could not be included and when
 * @returns the ZIP bytes and the manifest written into it
 */
export const buildSubmissionPackage = (input: {
  files: PackageFile[];
  figures: TSubmissionFigures;
  missing: TSubmissionManifest['missing'];
  generatedAt: string;
  generator: string;
  /** Signs the manifest's bytes (the instance's key); the package then holds signature.json. */
  sign?: (manifestBytes: Uint8Array) => TSubmissionSignature;
}): { bytes: Buffer; manifest: TSubmissionManifest } => {
  const figures: PackageFile = {
    path: FIGURES_FILE,
    bytes: Buffer.from(`${JSON.stringify(input.figures, null, 2)}\n`, 'utf8'),
    contentType: 'application/json',
  };
  const files = [...input.files, figures];
  const entries = files.map((file) => ({
    path: file.path,
    sha256: sha256(file.bytes),
    bytes: file.bytes.length,
    contentType: file.contentType,
  }));
  const manifest: TSubmissionManifest = {
    schema: SUBMISSION_MANIFEST_SCHEMA,
    schemaVersion: SUBMISSION_SCHEMA_VERSION,
    generatedAt: input.generatedAt,
    generator: input.generator,
    catalogVersion: input.figures.catalogVersion,
    localityCode: input.figures.locality.code,
    periodKey: input.figures.period.key,
    reportVersion: input.figures.approval.version,
    files: entries,
    missing: input.missing,
    checksum: checksumOf(entries),
  };
  const mtime = zipDate(input.figures.approval.approvedAt);
  const zippable: Zippable = {};
  for (const file of files) zippable[file.path] = [new Uint8Array(file.bytes), { mtime }];
  const manifestBytes = new Uint8Array(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  zippable[MANIFEST_FILE] = [manifestBytes, { mtime }];
  if (input.sign)
    zippable[SIGNATURE_FILE] = [
      new Uint8Array(Buffer.from(`${JSON.stringify(input.sign(manifestBytes), null, 2)}\n`, 'utf8')),
      { mtime },
    ];
  const zipped = zipSync(zippable, { level: 6 });
  return { bytes: Buffer.from(zipped), manifest };
};

const invalid = (message: string, details?: Array<{ field: string; message: string }>) =>
  new AppError('PACKAGE_INVALID', { message, ...(details ? { details } : {}) });

/** The first text holding NUL or broken Unicode (which the database cannot store), with its path. */
const unsafeTextIn = (value: unknown, path: string): { path: string; problem: string } | null => {
  if (typeof value === 'string') {
    const problem = unsafeTextProblem(value);
    return problem ? { path, problem } : null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unsafeTextIn(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
};

const parseJson = <T extends z.ZodType>(bytes: Uint8Array, name: string, schema: T): z.output<T> => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw invalid(`Gói không hợp lệ: tệp ${name} không phải JSON đọc được.`);
  }
  const unsafe = unsafeTextIn(value, '');
  if (unsafe)
    throw invalid(`Gói không hợp lệ: tệp ${name}, trường ${unsafe.path || '(gốc)'} ${unsafe.problem}.`, [
      { field: `${name}:${unsafe.path}`, message: `Nội dung ${unsafe.problem}` },
    ]);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 10).map((issue) => ({
      field: `${name}:${issue.path.join('.') || '(gốc)'}`,
      message: issue.message,
    }));
    throw invalid(
      `Gói không hợp lệ: tệp ${name} không đúng lược đồ phiên bản ${SUBMISSION_SCHEMA_VERSION} (${details
        .map((detail) => `${detail.field}: ${detail.message}`)
        .join('; ')}).`,
      details,
    );
  }
  return parsed.data;
};

/**
 * Unpacks and checks a package: a ZIP within the limits, a manifest of the known schema, every file it
 * lists present with its size and SHA-256, no file it does not list, the checksum of the whole, and
 * figures.json of the known schema agreeing with the manifest.
 *
 * @throws AppError FILE_TOO_LARGE, PACKAGE_INVALID (422, the message names the file and the problem)
 */
export const readSubmissionPackage = (
  bytes: Buffer,
): {
  manifest: TSubmissionManifest;
  figures: TSubmissionFigures;
  figuresSha256: string;
  /** The exact bytes the signature is over. */
  manifestBytes: Uint8Array;
  /** signature.json, or null when the package is not signed (checked by the importer). */
  signature: TSubmissionSignature | null;
} => {
  if (bytes.length > MAX_PACKAGE_BYTES)
    throw new AppError('FILE_TOO_LARGE', { message: 'Tệp quá lớn: gói báo cáo tối đa 20 MB.' });
  let entries: Record<string, Uint8Array>;
  let declared = 0;
  let count = 0;
  try {
    entries = unzipSync(new Uint8Array(bytes), {
      filter: (file) => {
        count += 1;
        declared += file.originalSize;
        if (count > MAX_ENTRIES || declared > MAX_UNPACKED_BYTES) throw new RangeError('too large');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof RangeError)
      throw invalid(
        `Gói không hợp lệ: có quá nhiều tệp (tối đa ${MAX_ENTRIES}) hoặc tổng dung lượng giải nén quá 60 MB.`,
      );
    throw invalid('Tệp gửi lên không phải gói báo cáo (.zip) đọc được.');
  }
  const manifestBytes = entries[MANIFEST_FILE];
  if (!manifestBytes) throw invalid(`Gói không hợp lệ: thiếu tệp ${MANIFEST_FILE}.`);
  const manifest = parseJson(manifestBytes, MANIFEST_FILE, ZSubmissionManifest);
  const listed = new Set(manifest.files.map((file) => file.path));
  const extra = Object.keys(entries).filter(
    (path) => path !== MANIFEST_FILE && path !== SIGNATURE_FILE && !listed.has(path),
  );
  if (extra.length)
    throw invalid(`Gói không hợp lệ: có tệp không ghi trong ${MANIFEST_FILE}: ${extra.join(', ')}.`);
  for (const file of manifest.files) {
    const content = entries[file.path];
    if (!content) throw invalid(`Gói không hợp lệ: thiếu tệp ${file.path} ghi trong ${MANIFEST_FILE}.`);
    if (content.length !== file.bytes || sha256(content) !== file.sha256)
      throw invalid(
        `Gói đã bị thay đổi: tệp ${file.path} không khớp mã kiểm tra SHA-256 ghi trong ${MANIFEST_FILE}. Hãy xin lại gói gốc từ địa phương gửi.`,
      );
  }
  if (checksumOf(manifest.files) !== manifest.checksum)
    throw invalid(
      `Gói đã bị thay đổi: mã kiểm tra của cả gói (checksum) không khớp danh sách tệp trong ${MANIFEST_FILE}.`,
    );
  const figuresBytes = entries[FIGURES_FILE];
  if (!figuresBytes) throw invalid(`Gói không hợp lệ: thiếu tệp ${FIGURES_FILE}.`);
  const figures = parseJson(figuresBytes, FIGURES_FILE, ZSubmissionFigures);
  if (
    figures.locality.code !== manifest.localityCode ||
    figures.period.key !== manifest.periodKey ||
    figures.approval.version !== manifest.reportVersion ||
    figures.catalogVersion !== manifest.catalogVersion
  )
    throw invalid(
      `Gói không hợp lệ: ${FIGURES_FILE} và ${MANIFEST_FILE} ghi khác nhau về địa phương, kỳ, phiên bản hoặc phiên bản danh mục.`,
    );
  const signatureBytes = entries[SIGNATURE_FILE];
  const signature = signatureBytes ? parseJson(signatureBytes, SIGNATURE_FILE, ZSubmissionSignature) : null;
  return { manifest, figures, figuresSha256: sha256(figuresBytes), manifestBytes, signature };
};

/**
 * The exchange with the levels above (docs/open-data.md, "Gói báo cáo gửi cấp trên"): the figures.json
 * and manifest.json of a submission package, and what a province's instance answers when it imports one.
 */
import { z } from 'zod';
import { INDICATOR_STATUSES, TASK_STATUSES, TIMELINESS } from '../domain/evaluation';

export const SUBMISSION_FIGURES_SCHEMA = 'lotrinh.submission-figures';
export const SUBMISSION_MANIFEST_SCHEMA = 'lotrinh.submission-package';
/** Raised when a field changes meaning or is removed; a new optional field keeps the version. */
export const SUBMISSION_SCHEMA_VERSION = 1;
export const SUBMISSION_SIGNATURE_SCHEMA = 'lotrinh.submission-signature';

const zDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD');
const zCount = z.number().int().min(0);

/** One indicator of the approved report, by catalog code (or the plan's own code when unmapped). */
export const ZSubmissionIndicator = z.object({
  code: z.string().min(1).max(200),
  catalogMapped: z.boolean(),
  catalogCode: z.string().max(200).nullable(),
  planCode: z.string().max(200).nullable(),
  name: z.string().max(2000),
  unit: z.string().max(200).nullable(),
  groupName: z.string().max(2000).nullable(),
  target: z.string().max(2000).nullable(),
  expected: z.number().nullable(),
  value: z.number().nullable(),
  /**
   * The numerator and denominator behind a rate, as the unit reported them (absent in packages made before
   * they were sent, null when not reported): the province rebuilds its rate as Σ numerators / Σ denominators.
   */
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  assessment: z.enum(['achieved', 'not_achieved']).nullable(),
  status: z.enum(INDICATOR_STATUSES),
});
export type TSubmissionIndicator = z.infer<typeof ZSubmissionIndicator>;

const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((key) => [key, zCount])) as Record<T[number], typeof zCount>);

/** figures.json: the approved report's figures, by catalog code, with what identifies them. */
export const ZSubmissionFigures = z.object({
  schema: z.literal(SUBMISSION_FIGURES_SCHEMA),
  schemaVersion: z.literal(SUBMISSION_SCHEMA_VERSION),
  catalogVersion: z.string().min(1).max(50),
  locality: z.object({
    code: z.string().min(1).max(50),
    name: z.string().max(500),
    kind: z.string().max(100),
    level: z.enum(['nation', 'province', 'commune']),
    parentCode: z.string().max(50).nullable(),
    parentName: z.string().max(500).nullable(),
  }),
  plan: z.object({
    id: z.uuid(),
    number: z.string().max(200).nullable(),
    title: z.string().max(2000),
    issuedDate: zDate.nullable(),
  }),
  period: z.object({
    key: z.string().min(1).max(100),
    dhis2: z.string().max(20).nullable(),
    label: z.string().max(500),
    periodStart: zDate,
    periodEnd: zDate,
    dataFrom: zDate,
    dataTo: zDate,
    dueDate: zDate,
  }),
  approval: z.object({
    version: z.number().int().min(1),
    approvedAt: z.string().max(40),
    approvedOn: zDate,
    /** False for a report approved before approvals were frozen: its figures are those at download. */
    frozen: z.boolean(),
  }),
  score: z.number().nullable(),
  colour: z.enum(['green', 'yellow', 'red', 'none']),
  indicators: z.array(ZSubmissionIndicator).max(5000),
  indicatorCounts: counts(INDICATOR_STATUSES),
  tasks: z.object({
    total: zCount,
    counts: counts(TASK_STATUSES),
    /** Share of tasks done (0–100), null without tasks. */
    completion: z.number().nullable(),
  }),
  timeliness: z.object({
    /** Units scored in the period. */
    units: zCount,
    counts: counts(TIMELINESS),
  }),
});
export type TSubmissionFigures = z.infer<typeof ZSubmissionFigures>;

/** manifest.json: every other file of the package with its SHA-256, and a checksum of them all. */
export const ZSubmissionManifest = z.object({
  schema: z.literal(SUBMISSION_MANIFEST_SCHEMA),
  schemaVersion: z.literal(SUBMISSION_SCHEMA_VERSION),
  generatedAt: z.string().max(40),
  generator: z.string().max(200),
  catalogVersion: z.string().max(50),
  localityCode: z.string().max(50),
  periodKey: z.string().max(100),
  reportVersion: z.number().int().min(1),
  files: z
    .array(
      z.object({
        path: z.string().min(1).max(200),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Mã SHA-256 phải là 64 chữ số hệ 16 viết thường'),
        bytes: zCount,
        contentType: z.string().max(200),
      }),
    )
    .min(1)
    .max(20),
  /** Files the package could not include, with the reason (the PDF when LibreOffice is missing). */
  missing: z.array(z.object({ path: z.string().max(200), reason: z.string().max(1000) })).max(20),
  /** SHA-256 of the lines "<sha256>  <path>\n" of `files`, in their order (sha256sum's format). */
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TSubmissionManifest = z.infer<typeof ZSubmissionManifest>;

/** A package received by this instance, as a province officer reads it. */
export const ZReceivedPackage = z.object({
  id: z.uuid(),
  localityId: z.uuid(),
  localityCode: z.string(),
  localityName: z.string(),
  periodKey: z.string(),
  periodDhis2: z.string().nullable(),
  periodLabel: z.string(),
  reportVersion: z.number().int(),
  approvedOn: z.string(),
  planNumber: z.string().nullable(),
  planTitle: z.string(),
  catalogVersion: z.string(),
  checksum: z.string(),
  fileName: z.string(),
  receivedAt: z.string(),
  receivedByName: z.string().nullable(),
  figures: ZSubmissionFigures,
});
export type TReceivedPackage = z.infer<typeof ZReceivedPackage>;

export const ZImportPackageResult = z.object({
  /** `created`: stored now; `already_received`: the same package was imported before, nothing changed. */
  outcome: z.enum(['created', 'already_received']),
  message: z.string(),
  /** `verified`: signed by a key registered for the commune (or by this instance's own key). */
  signature: z.literal('verified'),
  /** The fingerprint of the key that signed the package. */
  keyFingerprint: z.string(),
  /**
   * Set when the package was made with another version of the standard catalog than this instance's:
   * its figures are counted by code all the same, and the sentence says so.
   */
  catalogWarning: z.string().nullable(),
  package: ZReceivedPackage,
});
export type TImportPackageResult = z.infer<typeof ZImportPackageResult>;

export const API_KEY_SCOPES = ['read', 'submit'] as const;

export const ZCreateApiKeyRequest = z.object({
  name: z
    .string({ error: 'Tên kết nối là bắt buộc' })
    .trim()
    .min(1, 'Tên kết nối là bắt buộc')
    .max(200, 'Tên kết nối tối đa 200 ký tự'),
  scope: z.enum(API_KEY_SCOPES, {
    error: 'Quyền của khóa phải là "read" (chỉ đọc) hoặc "submit" (chỉ gửi gói báo cáo)',
  }),
});
export type TCreateApiKeyRequest = z.infer<typeof ZCreateApiKeyRequest>;

/** An API key as listed: never the key itself, only its first characters. */
export const ZApiKey = z.object({
  id: z.uuid(),
  localityId: z.uuid(),
  name: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  prefix: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

/** The answer to creating a key: the key itself, shown this once. */
export const ZCreatedApiKey = z.object({ key: ZApiKey, token: z.string() });

/** signature.json of a package: the instance's Ed25519 signature over the exact bytes of manifest.json. */
export const ZSubmissionSignature = z.object({
  schema: z.literal(SUBMISSION_SIGNATURE_SCHEMA),
  schemaVersion: z.literal(SUBMISSION_SCHEMA_VERSION),
  algorithm: z.literal('Ed25519'),
  keyFingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'phải là 64 chữ số hệ 16 viết thường'),
  signedFile: z.literal('manifest.json'),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'phải là chữ ký Ed25519 mã hóa base64 (88 ký tự)'),
});
export type TSubmissionSignature = z.infer<typeof ZSubmissionSignature>;

/** This instance's public key, to register at the province's instance (never the private key). */
export const ZInstanceSigningKey = z.object({
  algorithm: z.literal('Ed25519'),
  /** SPKI, PEM. */
  publicKey: z.string(),
  /** SHA-256 of the DER SPKI, 64 lower-case hex digits. */
  fingerprint: z.string(),
  createdAt: z.string(),
});
export type TInstanceSigningKey = z.infer<typeof ZInstanceSigningKey>;

export const ZRegisterSigningKeyRequest = z.object({
  name: z
    .string({ error: 'Tên hệ thống của xã là bắt buộc' })
    .trim()
    .min(1, 'Tên hệ thống của xã là bắt buộc')
    .max(200, 'Tên hệ thống của xã tối đa 200 ký tự'),
  publicKey: z
    .string({ error: 'Khóa công khai là bắt buộc' })
    .trim()
    .min(1, 'Khóa công khai là bắt buộc')
    .max(2000, 'Khóa công khai tối đa 2000 ký tự'),
});
export type TRegisterSigningKeyRequest = z.infer<typeof ZRegisterSigningKeyRequest>;

/** A commune instance's public key registered at this (the province's) instance. */
export const ZRegisteredSigningKey = z.object({
  id: z.uuid(),
  localityId: z.uuid(),
  name: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
});
export type TRegisteredSigningKey = z.infer<typeof ZRegisteredSigningKey>;

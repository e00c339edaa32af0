/**
 * The draft a plan importer produces from a document (DOCX, PDF, scan or plain text), before a person
 * reviews it. The shape follows the gold-label schema of the seed documents
 * (`server/test/fixtures/seeds/SCHEMA.md`) so that drafts can be scored against hand-made labels; the
 * review flags are extra fields the review screen uses to show which rows need a person's eye.
 */
import { z } from 'zod';
import { TextLimits } from '../validations';
import { refuseUnsafeStrings, zId, zOptionalText, zText } from './common.schemas';

/** Why a row may need a person's review, and whether the importer trusts what it read. */
export const ZImportReview = z.object({
  /** False when the importer guessed (damaged OCR text, ambiguous table layout, no catalog match). */
  confident: z.boolean(),
  /** Short Vietnamese explanations shown to the reviewer, e.g. "Tên chỉ tiêu bị lỗi nhận dạng (OCR)". */
  reasons: z.array(z.string()),
});
export type TImportReview = z.infer<typeof ZImportReview>;

/** A document cited by the plan: its number, date and issuing body, each null when not printed. */
export const ZImportedDocumentRef = z.object({
  /** Number/symbol as printed and normalised ("57-NQ/TW", "155/KH-UBND"), null when unnumbered. */
  number: z.string().nullable(),
  /** ISO date of the cited document, null when not printed. */
  date: z.string().nullable(),
  /** Issuing body ("Bộ Chính trị", "UBND tỉnh Thái Nguyên"), null when not printed. */
  issuer: z.string().nullable(),
});
export type TImportedDocumentRef = z.infer<typeof ZImportedDocumentRef>;

/** A document the plan replaces ("Kế hoạch này thay thế Kế hoạch số 12/KH-UBND ngày 29/7/2025"). */
export const ZImportedReplacedDoc = z.object({
  /** Number/symbol of the replaced document. */
  number: z.string().nullable(),
  /** ISO date of the replaced document, null when not printed. */
  date: z.string().nullable(),
});

export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'semiannual', 'annual', 'adhoc'] as const;

/** One line of the reporting regime the plan sets (who reports, how often, by when, to whom). */
export const ZImportedReporting = z.object({
  /** How often reports are due. */
  frequency: z.enum(REPORTING_FREQUENCIES),
  /** Due day as "MM-DD" ("trước ngày 30/11" → "11-30"), null when not stated. */
  due: z.string().nullable(),
  /** Recipient as printed, e.g. "UBND phường (qua Phòng Văn hóa - Xã hội)", null when not stated. */
  to: z.string().nullable(),
});

/** The plan document itself: number, issuer, locality, date, title, signer and cited documents. */
export const ZImportedPlanHeader = z.object({
  /** Document number/symbol as printed ("54/KH-UBND", "30-KH/ĐU"), null when blank. */
  number: z.string().nullable(),
  /** Issuing body, e.g. "UBND xã Dân Tiến", "Đảng ủy xã Tân Lập". */
  issuer: z.string().nullable(),
  /** "party" for Đảng ủy / Ban Thường vụ plans, "government" for UBND plans. */
  issuerKind: z.enum(['government', 'party']).nullable(),
  /** The commune-level locality the plan belongs to. */
  locality: z.object({
    /** Name without its level word ("Dân Tiến"). */
    name: z.string().nullable(),
    /** Level word: xã, phường or đặc khu. */
    level: z.enum(['xã', 'phường', 'đặc khu']).nullable(),
    /** Province when the document states it, else null. */
    province: z.string().nullable(),
  }),
  /** ISO date from "…, ngày dd tháng mm năm yyyy", null when not legible. */
  issuedDate: z.string().nullable(),
  /** The full title line(s) after "KẾ HOẠCH". */
  title: z.string().nullable(),
  /** Who signed, and in which position ("Chủ tịch", "Phó Chủ tịch", "Bí thư"). */
  signer: z.object({ name: z.string().nullable(), position: z.string().nullable() }).nullable(),
  /** Documents the plan implements or cites as basis, in order of first mention. */
  basis: z.array(ZImportedDocumentRef),
  /** Documents this plan replaces. */
  replaces: z.array(ZImportedReplacedDoc),
  /** The unit that coordinates, monitors and consolidates, e.g. "Phòng Văn hóa - Xã hội". */
  standingAgency: z.string().nullable(),
  /** The reporting regime stated in the plan. */
  reporting: z.array(ZImportedReporting),
});
export type TImportedPlanHeader = z.infer<typeof ZImportedPlanHeader>;

export const IMPORTED_TARGET_OPS = ['>=', '>', '<=', '<', '=', 'range', 'qualitative'] as const;

/** One target of an indicator for a year or stage column. */
export const ZImportedTarget = z.object({
  /** The year (2025…2030) or stage year (2035, 2040, 2045) of the column. */
  year: z.number().int(),
  /** The cell as printed ("≥ 60%", "Duy trì 100%", "Mở rộng ứng dụng"), null for an empty cell. */
  raw: z.string().nullable(),
  /** Comparator; a plain "70%" is ">=". */
  op: z.enum(IMPORTED_TARGET_OPS),
  /** The number, [low, high] for a range, null for a qualitative target. */
  value: z.union([z.number(), z.tuple([z.number(), z.number()])]).nullable(),
});
export type TImportedTarget = z.infer<typeof ZImportedTarget>;

/** One indicator row of the plan's indicator table (or a quantified "Mục tiêu" bullet). */
export const ZImportedIndicator = z.object({
  /** Numbering as printed: section roman + row ("I.1"), or null. */
  code: z.string().nullable(),
  /** Group heading the row sits under. */
  group: z.string().nullable(),
  /** Indicator name in proper Vietnamese (restored when OCR damaged it and the repair was confident). */
  name: z.string(),
  /** Unit as printed or inferred from the cells ("%", "Báo cáo"), null when none. */
  unit: z.string().nullable(),
  /** One entry per year/stage column that has a value. */
  targets: z.array(ZImportedTarget),
  /** The year of the column the table marks as baseline ("Cơ sở"), else null. */
  baselineYear: z.number().int().nullable(),
  /** Unit in charge of the indicator. */
  lead: z.string().nullable(),
  /** Person or agency that carries it out. */
  executor: z.string().nullable(),
  /** Coordinating units, in printed order. */
  coordinating: z.array(z.string()),
  /** The leader assigned to direct it, or null. */
  leader: z.string().nullable(),
  /** Output/evidence column, or null. */
  evidence: z.string().nullable(),
  /** Code of the matching standard catalog indicator, null when none matched confidently. */
  catalogCode: z.string().nullable().optional(),
  /** Review flags for the review screen. */
  review: ZImportReview.optional(),
});
export type TImportedIndicator = z.infer<typeof ZImportedIndicator>;

/** A deadline's meaning, as read from the printed text. */
export const ZImportedDeadline = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('by'), /** ISO due date. */ date: z.string() }),
  z.object({
    kind: z.literal('recurring'),
    /** How often. */ every: z.enum(['year', 'half', 'quarter', 'month']),
  }),
  z.object({ kind: z.literal('ongoing') }),
  z.object({ kind: z.literal('onRequest') }),
  z.object({ kind: z.literal('schedule') }),
]);
export type TImportedDeadline = z.infer<typeof ZImportedDeadline>;

/** One task: a task-table row, or a bullet of the "Nhiệm vụ và giải pháp" section. */
export const ZImportedTask = z.object({
  /** Numbering as printed, or null. */
  code: z.string().nullable(),
  /** Group heading the task sits under. */
  group: z.string().nullable(),
  /** What must be done. */
  name: z.string(),
  /** Unit in charge, as printed, or null when the text names none. */
  lead: z.string().nullable(),
  /** Coordinating units. */
  coordinating: z.array(z.string()),
  /** The leader assigned to direct it, or null. */
  leader: z.string().nullable(),
  /** Expected product/result, or null. */
  output: z.string().nullable(),
  /** Deadline as printed, or null. */
  deadlineRaw: z.string().nullable(),
  /** Meaning of the deadline, or null when none is stated. */
  deadline: ZImportedDeadline.nullable(),
  /** Review flags for the review screen. */
  review: ZImportReview.optional(),
});
export type TImportedTask = z.infer<typeof ZImportedTask>;

/**
 * The locality the importer proposes for the plan: the unit of the national register the header names
 * (issuer, date line), matched without accents, by kind and province, or through the units merged in
 * the 2025 reform (then `formerName` says which former unit the document names).
 */
export const ZImportedLocalityMatch = z.object({
  /** Official code of the commune, ward or special zone. */
  code: z.string(),
  /** Name without its kind ("Thành Đông"). */
  name: z.string(),
  /** xã, phường or đặc khu. */
  kind: z.string(),
  /** Province name ("Hải Phòng") and code. */
  province: z.string(),
  provinceCode: z.string(),
  /** high: one unit of that name; medium: through a former unit; low: several candidates. */
  confidence: z.enum(['high', 'medium', 'low']),
  /** The former unit the document names, when matched through the 2025 merger ("xã Dân Tiến"). */
  formerName: z.string().nullable(),
  /** How many units of the register fit the document's words. */
  candidates: z.number().int(),
  /** Why this unit, in Vietnamese. */
  note: z.string(),
  /** The locality of this installation with that code, when the register is loaded; else null. */
  localityId: z.uuid().nullable(),
});
export type TImportedLocalityMatch = z.infer<typeof ZImportedLocalityMatch>;

/** The whole draft of an imported plan. */
export const ZImportedPlanDraft = z.object({
  /** Name of the source file, when known. */
  source: z.string().optional(),
  /** The plan header. */
  plan: ZImportedPlanHeader,
  /** Indicators from the indicator table (or "Mục tiêu" bullets). */
  indicators: z.array(ZImportedIndicator),
  /** Tasks from the task table (or "Nhiệm vụ và giải pháp" bullets). */
  tasks: z.array(ZImportedTask),
  /** Notes, in Vietnamese, on what could not be read with confidence. */
  uncertain: z.array(z.string()),
  /** The locality proposed from the header (set by the import job), null when none matched. */
  localityMatch: ZImportedLocalityMatch.nullable().optional(),
});
export type TImportedPlanDraft = z.infer<typeof ZImportedPlanDraft>;

/** The largest plan document accepted, in bytes (a scanned 60-page plan at 200 dpi fits). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * File name endings the review screen offers to upload. The server decides from the bytes, never from
 * the name; this list only lets the browser refuse an obviously wrong file (.doc, .xlsx) before sending it.
 */
export const IMPORT_FILE_EXTENSIONS = ['.docx', '.pdf', '.png', '.jpg', '.jpeg', '.txt'] as const;

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/**
 * An import job: a document being read into a draft in the background. Poll it until `status` is
 * `done` (then `draft` and `sourceText` are set), `failed` (then `message` says why) or `cancelled`.
 */
export const ZImportJob = z.object({
  id: z.uuid(),
  /** queued → running → done | failed | cancelled. */
  status: z.enum(IMPORT_JOB_STATUSES),
  /** The uploaded file's name. */
  fileName: z.string(),
  /** The locality chosen at upload, or null. */
  localityId: z.uuid().nullable(),
  /** Pages read by OCR: `done` of `total`; 0 of 0 for a file with a text layer (no page-by-page reading). */
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  /** Why the job failed or was cancelled, in Vietnamese; null otherwise. */
  message: z.string().nullable(),
  /** The draft to review, once done. */
  draft: ZImportedPlanDraft.nullable(),
  /** The text the reader extracted, once done, to show beside the draft. */
  sourceText: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TImportJob = z.infer<typeof ZImportJob>;

/** Query of the upload: the locality the plan will belong to, when already chosen. */
export const ZStartImportQuery = z.object({
  localityId: zId('Địa phương').optional(),
});

/** What a unit name printed in the draft becomes: an existing unit of the locality, or a new one. */
export const ZUnitMappingEntry = z.union(
  [
    z.object({ unitId: zId('Đơn vị') }).strict(),
    z
      .object({
        create: z.object({
          name: zText('Tên đơn vị', TextLimits.short),
          kind: zOptionalText('Loại đơn vị', TextLimits.short),
          isExternal: z.boolean({ error: 'Đơn vị bên ngoài phải là true hoặc false' }).default(false),
        }),
      })
      .strict(),
  ],
  { error: 'Mỗi tên đơn vị phải được gán { unitId } (đơn vị có sẵn) hoặc { create: { name, isExternal } }' },
);
export type TUnitMappingEntry = z.infer<typeof ZUnitMappingEntry>;

/**
 * Saves a reviewed draft as a plan: the draft after the officer's edits, in the locality chosen, with
 * every unit name the draft prints (standing agency, lead and coordinating units) mapped to a unit.
 */
export const ZSavePlanDraftRequest = z
  .object({
    /** The locality the plan belongs to. */
    localityId: zId('Địa phương'),
    /** The reviewed draft. */
    draft: ZImportedPlanDraft,
    /** Printed unit name → existing unit, or a unit to create in the locality. */
    unitMapping: z.record(z.string(), ZUnitMappingEntry).default({}),
    /**
     * Set after the officer confirmed saving into a locality the document does not name (or when it
     * names none); without it such a save is refused with LOCALITY_CONFIRMATION_REQUIRED (409).
     */
    confirmLocality: z.boolean({ error: 'Xác nhận địa phương phải là true hoặc false' }).optional(),
  })
  // The draft shares its shape with the importer's answer: its texts are checked here, all at once.
  .superRefine((request, context) => refuseUnsafeStrings(request, context));
export type TSavePlanDraftRequest = z.infer<typeof ZSavePlanDraftRequest>;

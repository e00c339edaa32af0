import { z } from 'zod';
import { TextLimits } from '../validations';
import { zOptionalText, zRevision, zText } from './common.schemas';
import { ZPlanDashboard } from './dashboard.schemas';

export const CONSOLIDATED_STATUSES = ['draft', 'sent', 'approved', 'returned'] as const;

/** What the units wrote in their accepted reports, by unit. */
export const ZUnitNarrative = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  reportId: z.uuid(),
  nothingArose: z.boolean(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
});

/** A unit report the consolidated figures were built from: its id and version. */
export const ZConsolidatedSource = z.object({
  reportId: z.uuid(),
  unitId: z.uuid(),
  periodId: z.uuid(),
  version: z.number().int(),
});

/** The scan of the signed paper of an approved version. */
export const ZSignedScan = z.object({
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});

/** An approved version of the report, kept readable and downloadable after a supplementary one starts. */
export const ZApprovedVersion = z.object({
  version: z.number().int(),
  approvedAt: z.string(),
  approvedByName: z.string().nullable(),
  signedScan: ZSignedScan.nullable(),
});

/**
 * The head of the consolidated report's Word file as approved: the plan it reports on (number, date,
 * title) and who issues it (the locality, its province, the issuer kind and the signer). Frozen with the
 * figures, so renaming the plan or changing its signer later does not change the approved document.
 */
export const ZConsolidatedDocumentHead = z.object({
  plan: z.object({ number: z.string().nullable(), issuedDate: z.string().nullable(), title: z.string() }),
  issuerKind: z.enum(['government', 'party']),
  locality: z.object({ name: z.string(), kind: z.string() }),
  province: z.object({ name: z.string(), kind: z.string() }).nullable(),
  signer: z.object({ name: z.string().nullable(), position: z.string().nullable() }),
  standingAgencyName: z.string().nullable(),
});
export type TConsolidatedDocumentHead = z.infer<typeof ZConsolidatedDocumentHead>;

/**
 * What approval freezes (stored as jsonb in consolidated_report_version): the report as the leader
 * approved it. Its Word and PDF are made from this forever after.
 */
export const ZConsolidatedSnapshot = z.object({
  version: z.number().int(),
  narrative: z.string().nullable(),
  shortcomings: z.string().nullable(),
  nextSteps: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentByName: z.string().nullable(),
  decidedAt: z.string(),
  decidedByName: z.string().nullable(),
  /** The day of approval (Vietnam), the date the document carries. */
  approvedOn: z.string(),
  dashboard: ZPlanDashboard,
  units: z.array(ZUnitNarrative),
  /** Every accepted unit report (id and version) the figures were built from. */
  sources: z.array(ZConsolidatedSource),
  /** The document's head as approved; absent in snapshots taken before it was kept with them. */
  documentHead: ZConsolidatedDocumentHead.optional(),
});
export type TConsolidatedSnapshot = z.infer<typeof ZConsolidatedSnapshot>;

export const ZConsolidatedReport = z.object({
  /** Null until the standing agency first saves it. */
  id: z.uuid().nullable(),
  periodId: z.uuid(),
  /** The version shown: 1, then one more for each supplementary report ("báo cáo bổ sung"). */
  version: z.number().int(),
  status: z.enum(CONSOLIDATED_STATUSES).nullable(),
  revision: z.number().int(),
  /** Kết quả thực hiện (tình hình chung). */
  narrative: z.string().nullable(),
  /** Tồn tại, hạn chế và nguyên nhân. */
  shortcomings: z.string().nullable(),
  /** Phương hướng, nhiệm vụ kỳ tới. */
  nextSteps: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  returnReason: z.string().nullable(),
  /**
   * Set when what is shown is an approved version, read from its frozen snapshot (not recomputed): the
   * unit reports it was built from and the signed scan.
   */
  approval: z
    .object({
      version: z.number().int(),
      approvedAt: z.string(),
      approvedByName: z.string().nullable(),
      sources: z.array(ZConsolidatedSource),
      signedScan: ZSignedScan.nullable(),
      /** The Word file's head as approved (null for a snapshot taken before the head was kept). */
      documentHead: ZConsolidatedDocumentHead.nullable(),
    })
    .nullable(),
  /**
   * Approved before approvals were frozen (no snapshot was stored): what is shown, and its Word/PDF, are
   * the figures as they stand now, and say so ("phê duyệt trước khi chốt số liệu").
   */
  approvedBeforeFreezing: z.boolean(),
  /**
   * The accepted unit reports changed since this approved version was built (a report accepted later, a
   * new version): "Có số liệu mới sau khi duyệt"; a supplementary report can be started.
   */
  hasNewData: z.boolean(),
  /** Every approved version, oldest first. */
  versions: z.array(ZApprovedVersion),
  /** The figures: the dashboard of the period, the same numbers the leader sees there. */
  dashboard: ZPlanDashboard,
  units: z.array(ZUnitNarrative),
  can: z.object({ edit: z.boolean(), decide: z.boolean() }),
  /** The standing agency may start a supplementary report on the approved one. */
  canStartVersion: z.boolean(),
  /** The standing agency or the leader may attach the signed scan of an approved version. */
  canAttachScan: z.boolean(),
});
export type TConsolidatedReport = z.infer<typeof ZConsolidatedReport>;

/** `?version=N`: an approved version of the report instead of the current one. */
export const ZConsolidatedVersionQuery = z.object({
  version: z.coerce.number({ error: 'Phiên bản không hợp lệ' }).int().min(1).max(2_147_483_647).optional(),
});
export const ZConsolidatedVersionParams = z.object({
  id: z.uuid({ error: 'Mã báo cáo không hợp lệ' }),
  version: z.coerce.number({ error: 'Phiên bản không hợp lệ' }).int().min(1).max(2_147_483_647),
});

export const ZSaveConsolidatedRequest = z.object({
  revision: zRevision,
  narrative: zOptionalText('Nội dung báo cáo', TextLimits.note * 10),
  /** Left out: kept as stored. */
  shortcomings: zOptionalText('Tồn tại, hạn chế và nguyên nhân', TextLimits.note * 10).optional(),
  /** Left out: kept as stored. */
  nextSteps: zOptionalText('Phương hướng, nhiệm vụ kỳ tới', TextLimits.note * 10).optional(),
});
export type TSaveConsolidatedRequest = z.infer<typeof ZSaveConsolidatedRequest>;
export const ZConsolidatedActionRequest = z.object({ revision: zRevision });
export const ZReturnConsolidatedRequest = z.object({
  revision: zRevision,
  reason: zText('Lý do trả lại', TextLimits.note),
});

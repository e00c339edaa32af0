/**
 * The scan of the signed paper of an approved consolidated report (PDF or image): attached by the
 * standing agency or the leader, downloaded by whoever may read the report. The bytes live in the file
 * store (by random key), the row of the approved version says where.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import { findPeriodById } from '../../shared/report-reads';
import type { FileStore } from '../../storage';
import { loadPlanInScope } from '../plan/plan.service';
import { canDecideConsolidated, canEditConsolidated } from './consolidation.policy';
import { findApprovedVersion, findConsolidatedById, updateApprovedVersion } from './consolidation.repository';

/** A scanned report of a few pages: 20 MB at most. */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;

/** What a signed scan may be, told by its first bytes, never by its name. */
const SCAN_KINDS: Array<{ contentType: string; extension: string; test: (b: Uint8Array) => boolean }> = [
  {
    contentType: 'application/pdf',
    extension: 'pdf',
    test: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46,
  },
  {
    contentType: 'image/png',
    extension: 'png',
    test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  },
  {
    contentType: 'image/jpeg',
    extension: 'jpg',
    test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
];

type SignedScanServiceDeps = { db: Database; clock: Clock; storage: FileStore };

export const createSignedScanService = ({ db, clock, storage }: SignedScanServiceDeps) => {
  /** The report, its approved version and the scope, or 404 outside the actor's scope. */
  const load = async (context: RequestContext, reportId: string, version: number) => {
    const report = await findConsolidatedById(db, reportId);
    if (!report) throw new AppError('REPORT_NOT_FOUND');
    const period = await findPeriodById(db, report.periodId);
    if (!period) throw new AppError('REPORT_NOT_FOUND');
    const { plan, chain } = await loadPlanInScope(
      db,
      context.actor,
      period.planId,
      'read',
      'PERIOD_NOT_FOUND',
    ).catch(() => {
      throw new AppError('REPORT_NOT_FOUND');
    });
    const approved = await findApprovedVersion(db, reportId, version);
    return { report, plan, chain, approved };
  };

  /**
   * Attaches (or replaces) the signed scan of an approved version. The file it replaces stays in the
   * store and in the audit log.
   *
   * @throws AppError REPORT_NOT_FOUND, FORBIDDEN, FILE_TOO_LARGE, FILE_TYPE_REFUSED
   */
  const attach = async (
    context: RequestContext,
    reportId: string,
    version: number,
    file: { bytes: Uint8Array; fileName: string },
  ) => {
    const { plan, chain, approved } = await load(context, reportId, version);
    if (!canEditConsolidated(context.actor, chain) && !canDecideConsolidated(context.actor, chain))
      throw new AppError('FORBIDDEN');
    if (!approved) {
      throw new AppError('REPORT_NOT_FOUND', {
        message: `Báo cáo tổng hợp chưa có phiên bản ${version} đã được phê duyệt.`,
      });
    }
    if (file.bytes.length > MAX_SCAN_BYTES)
      throw new AppError('FILE_TOO_LARGE', { message: 'Tệp quá lớn: bản chụp báo cáo đã ký tối đa 20 MB.' });
    const kind = file.bytes.length ? SCAN_KINDS.find((candidate) => candidate.test(file.bytes)) : undefined;
    if (!kind) {
      throw new AppError('FILE_TYPE_REFUSED', {
        message: 'Bản chụp báo cáo đã ký phải là tệp PDF hoặc ảnh (PNG, JPEG).',
      });
    }
    // The bytes go to the store first; if the database write fails, an orphan file is harmless.
    const storageKey = await storage.put(file.bytes);
    const name = file.fileName.normalize('NFC').trim().slice(0, 200);
    await db.transaction(async (tx) => {
      const after = await updateApprovedVersion(tx, approved.id, {
        scanStorageKey: storageKey,
        scanFileName: name || `bao-cao-da-ky.${kind.extension}`,
        scanContentType: kind.contentType,
        scanSizeBytes: file.bytes.length,
        scanSha256: createHash('sha256').update(file.bytes).digest('hex'),
        scanUploadedAt: clock.now(),
        scanUploadedBy: context.actor.kind === 'user' ? context.actor.userId : null,
      });
      const scanOf = (row: typeof approved) => ({
        version: row.version,
        scanFileName: row.scanFileName,
        scanContentType: row.scanContentType,
        scanSizeBytes: row.scanSizeBytes,
        scanSha256: row.scanSha256,
        scanStorageKey: row.scanStorageKey,
      });
      await recordAudit(tx, context, clock.now(), {
        entityType: 'consolidated_report',
        entityId: reportId,
        parentEntityId: approved.id,
        planId: plan.id,
        localityId: plan.localityId,
        action: 'update',
        before: scanOf(approved),
        after: scanOf(after),
      });
    });
  };

  /** The signed scan of an approved version. @throws AppError REPORT_NOT_FOUND */
  const read = async (context: RequestContext, reportId: string, version: number) => {
    const { approved } = await load(context, reportId, version);
    if (!approved?.scanStorageKey) {
      throw new AppError('REPORT_NOT_FOUND', {
        message: 'Chưa có bản chụp báo cáo đã ký của phiên bản này.',
      });
    }
    return {
      bytes: await storage.get(approved.scanStorageKey),
      contentType: approved.scanContentType ?? 'application/octet-stream',
      fileName: approved.scanFileName ?? 'bao-cao-da-ky',
    };
  };

  return { attach, read };
};

export type SignedScanService = ReturnType<typeof createSignedScanService>;

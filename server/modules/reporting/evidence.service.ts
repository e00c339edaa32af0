/**
 * Evidence files of a unit report ("minh chứng"): attached while the report is being written (checked by
 * content, not by name, and linked to one of the unit's indicators or tasks, or as the scan of a paper
 * report entered on the unit's behalf), read by whoever may read the plan, removed before submission.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import type { AttachmentRow } from '../../shared/report-reads';
import type { FileStore } from '../../storage';
import type { Actor } from '../auth/access';
import type { PeriodService } from './period.service';
import type { ReportingDirectory } from './reporting.directory';
import { canEditUnitReport } from './reporting.policy';
import { deleteAttachment, findAttachmentById, insertAttachment } from './reporting.repository';
import type { UnitReportForms } from './unit-report-form';

export type EvidenceServiceDeps = {
  db: Database;
  clock: Clock;
  storage: FileStore;
  directory: Pick<ReportingDirectory, 'recordAudit'>;
  periods: Pick<PeriodService, 'loadReportInScope'>;
  forms: Pick<UnitReportForms, 'getUnitReport'>;
};

/** Evidence files: at most 10 MB, of the kinds offices exchange (checked by content, not by name). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const FILE_KINDS: Array<{ contentType: string; test: (bytes: Uint8Array) => boolean }> = [
  {
    contentType: 'application/pdf',
    test: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46,
  },
  { contentType: 'image/png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { contentType: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  // DOCX and XLSX are zip files; the extension decides which, the signature that it is one.
  {
    contentType: 'application/zip',
    test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04,
  },
];
const OFFICE_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

export const createEvidenceService = ({
  db,
  clock,
  storage,
  directory,
  periods,
  forms,
}: EvidenceServiceDeps) => {
  const { recordAudit } = directory;
  const { loadReportInScope } = periods;
  const { getUnitReport } = forms;

  /**
   * Attaches an evidence file to a report being written.
   *
   * @throws AppError REPORT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED, FILE_TOO_LARGE, FILE_TYPE_REFUSED, VALIDATION_FAILED
   */
  const addAttachment = async (
    context: RequestContext,
    reportId: string,
    file: { bytes: Uint8Array; fileName: string },
    link: { indicatorId?: string; taskId?: string; paperReport?: boolean },
  ): Promise<AttachmentRow> => {
    if (file.bytes.length === 0) throw new AppError('FILE_TYPE_REFUSED', { message: 'Tệp rỗng.' });
    if (file.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('FILE_TOO_LARGE');
    const kind = FILE_KINDS.find((candidate) => candidate.test(file.bytes));
    const extension = file.fileName.toLowerCase().split('.').pop() ?? '';
    const contentType = kind?.contentType === 'application/zip' ? OFFICE_TYPES[extension] : kind?.contentType;
    if (!contentType) throw new AppError('FILE_TYPE_REFUSED');
    const { report, chain } = await loadReportInScope(db, context.actor, reportId);
    if (!canEditUnitReport(context.actor, chain, report.unitId, report)) throw new AppError('FORBIDDEN');
    if (link.paperReport && !report.enteredOnBehalfBy) {
      throw new AppError('VALIDATION_FAILED', {
        details: [
          { field: 'paperReport', message: 'Chỉ báo cáo nhập thay mới đính kèm bản chụp báo cáo giấy' },
        ],
      });
    }
    if (report.status !== 'draft' && report.status !== 'returned') {
      throw new AppError('REPORT_LOCKED', {
        message: 'Chỉ đính kèm minh chứng khi báo cáo đang soạn hoặc bị trả lại.',
      });
    }
    const form = await getUnitReport(context, report.periodId, report.unitId);
    if (link.indicatorId && !form.indicators.some((item) => item.row.id === link.indicatorId)) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'indicatorId', message: 'Chỉ tiêu này không do đơn vị chủ trì' }],
      });
    }
    if (link.taskId && !form.tasks.some((row) => row.id === link.taskId)) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'taskId', message: 'Nhiệm vụ này không do đơn vị chủ trì' }],
      });
    }
    // The bytes go to the store first; if the database write fails, an orphan file is harmless, a row without its file is not.
    const storageKey = await storage.put(file.bytes);
    return db.transaction(async (tx) => {
      const { plan } = await loadReportInScope(tx, context.actor, reportId);
      const row = await insertAttachment(tx, {
        reportId,
        indicatorId: link.indicatorId ?? null,
        taskId: link.taskId ?? null,
        fileName: file.fileName.normalize('NFC').slice(0, 200),
        contentType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
        uploadedBy: userIdOf(context.actor),
        uploadedAt: clock.now(),
        isPaperReport: link.paperReport ?? false,
      });
      await recordAudit(tx, context, clock.now(), {
        entityType: 'attachment',
        entityId: row.id,
        parentEntityId: reportId,
        planId: plan.id,
        localityId: plan.localityId,
        action: 'create',
        after: row,
      });
      return row;
    });
  };

  /** The bytes of an evidence file, for someone who may read the plan. @throws AppError ATTACHMENT_NOT_FOUND */
  const readAttachment = async (context: RequestContext, attachmentId: string) => {
    const row = await findAttachmentById(db, attachmentId);
    if (!row) throw new AppError('ATTACHMENT_NOT_FOUND');
    await loadReportInScope(db, context.actor, row.reportId).catch(() => {
      throw new AppError('ATTACHMENT_NOT_FOUND');
    });
    return { row, bytes: await storage.get(row.storageKey) };
  };

  /** @throws AppError ATTACHMENT_NOT_FOUND, FORBIDDEN, REPORT_LOCKED */
  const removeAttachment = (context: RequestContext, attachmentId: string) =>
    db.transaction(async (tx) => {
      const row = await findAttachmentById(tx, attachmentId);
      if (!row) throw new AppError('ATTACHMENT_NOT_FOUND');
      const { report, chain, plan } = await loadReportInScope(tx, context.actor, row.reportId);
      if (!canEditUnitReport(context.actor, chain, report.unitId, report)) throw new AppError('FORBIDDEN');
      if (report.status !== 'draft' && report.status !== 'returned') {
        throw new AppError('REPORT_LOCKED', {
          message: 'Không gỡ được minh chứng của báo cáo đã nộp hoặc đã chấp nhận.',
        });
      }
      // The file stays in the store: an earlier, accepted version may still point at it.
      await deleteAttachment(tx, attachmentId);
      await recordAudit(tx, context, clock.now(), {
        entityType: 'attachment',
        entityId: row.id,
        parentEntityId: row.reportId,
        planId: plan.id,
        localityId: plan.localityId,
        action: 'delete',
        before: row,
      });
    });

  return { addAttachment, readAttachment, removeAttachment };
};

export type EvidenceService = ReturnType<typeof createEvidenceService>;

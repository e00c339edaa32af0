/**
 * The exchange with the levels above: a commune's instance packs an approved consolidated report into a
 * submission package (and a DHIS2 data value set); the province's instance imports packages of its
 * communes, checked, once each, audited, and lists what it received (docs/open-data.md).
 */

import { CATALOG_VERSION } from '@core/catalog/standard-catalog';
import { vietnamDateOf } from '@core/domain/deadlines';
import { toDataValueSet } from '@core/domain/dhis2';
import {
  type TReceivedPackage,
  type TSubmissionFigures,
  ZSubmissionFigures,
} from '@core/schemas/exchange.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { renderSubmissionXlsx } from '../../documents/export/excel-submission';
import type { PdfConverter } from '../../documents/export/pdf-converter';
import { AppError } from '../../errors';
import type { RequestContext, Upload } from '../../http/request-context';
import { namesOfUsers } from '../../shared/accounts';
import { recordAudit } from '../../shared/audit-log';
import {
  findLocalityByCode,
  findLocalityById,
  findLocalityChain,
  findLocalitySubtreeIds,
} from '../../shared/localities';
import { catalogCodesOf, findPlanById } from '../../shared/plan-contents';
import { listValues } from '../../shared/report-reads';
import { actorUserId } from '../auth/access';
import type { CatalogService } from '../catalog/catalog.service';
import type { ConsolidationService } from '../consolidation/consolidation.service';
import {
  DOCX_TYPE,
  type ExportedFile,
  type ExportService,
  PDF_TYPE,
  XLSX_TYPE,
} from '../export/export.service';
import { canDownloadPackage, canImportPackageOf, canReadReceived } from './exchange.policy';
import {
  findSubmissionPackage,
  insertSubmissionPackage,
  listSubmissionPackages,
  type SubmissionPackageRow,
} from './exchange.repository';
import { catalogWarningOf, checkPackageSignature } from './package-checks';
import { signManifest } from './package-signature';
import type { SigningKeyService } from './signing-key.service';
import { submissionFiguresOf } from './submission-figures';
import { buildSubmissionPackage, type PackageFile, readSubmissionPackage } from './submission-package';

type ExchangeServiceDeps = {
  db: Database;
  clock: Clock;
  consolidation: Pick<ConsolidationService, 'get'>;
  exporter: Pick<ExportService, 'consolidatedDocx'>;
  pdf: PdfConverter;
  signingKeys: Pick<SigningKeyService, 'instanceKey'>;
  catalog: Pick<CatalogService, 'has'>;
};

/** The names of the files inside a package (docs/open-data.md). */
export const PACKAGE_FILES = {
  docx: 'bao-cao-tong-hop.docx',
  pdf: 'bao-cao-tong-hop.pdf',
  xlsx: 'chi-tieu.xlsx',
} as const;

const safeName = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'ky';

export const createExchangeService = ({
  db,
  clock,
  consolidation,
  exporter,
  pdf,
  signingKeys,
  catalog,
}: ExchangeServiceDeps) => {
  /**
   * The approved report of the period: the version asked for, else the current one when approved, else
   * the latest approved version (while a supplementary report is under way).
   * @throws AppError PERIOD_NOT_FOUND, REPORT_NOT_FOUND, REPORT_NOT_APPROVED
   */
  const approvedReport = async (context: RequestContext, periodId: string, version?: number) => {
    const report = await consolidation.get(context, periodId, version);
    if (report.status === 'approved') return report;
    const latest = report.versions.at(-1);
    if (!latest)
      throw new AppError('REPORT_NOT_APPROVED', {
        message:
          'Báo cáo tổng hợp của kỳ chưa được lãnh đạo phê duyệt nên chưa có gói gửi cấp trên. Gói chỉ được lập từ báo cáo đã phê duyệt.',
      });
    return consolidation.get(context, periodId, latest.version);
  };

  /**
   * The numerator and denominator behind each approved value, from the unit report the value comes from,
   * only while that report still gives the same value (a figure is never paired with another's fraction).
   */
  const fractionsOf = async (
    indicators: ReadonlyArray<{ id: string; value: number | null; source: { reportId: string } | null }>,
  ) => {
    const sourced = indicators.filter((item) => item.source != null && item.value != null);
    const values = await listValues(db, [...new Set(sourced.map((item) => item.source!.reportId))]);
    const byKey = new Map(values.map((row) => [`${row.reportId}:${row.indicatorId}`, row]));
    const fractions = new Map<string, { numerator: number | null; denominator: number | null }>();
    for (const item of sourced) {
      const row = byKey.get(`${item.source!.reportId}:${item.id}`);
      if (!row || row.value !== item.value) continue;
      if (row.numerator == null || row.denominator == null) continue;
      fractions.set(item.id, { numerator: row.numerator, denominator: row.denominator });
    }
    return fractions;
  };

  /** The figures of the period's approved report. @throws as approvedReport */
  const figuresOf = async (context: RequestContext, periodId: string, version?: number) => {
    const report = await approvedReport(context, periodId, version);
    const plan = (await findPlanById(db, report.dashboard.planId))!;
    const chain = await findLocalityChain(db, plan.localityId);
    if (!canDownloadPackage(context.actor, chain)) throw new AppError('PERIOD_NOT_FOUND');
    const locality = (await findLocalityById(db, plan.localityId))!;
    const parent = locality.parentId ? ((await findLocalityById(db, locality.parentId)) ?? null) : null;
    const approvedAt = report.approval?.approvedAt ?? report.decidedAt ?? clock.now().toISOString();
    const figures = submissionFiguresOf({
      report,
      locality,
      parent: parent && parent.level !== 'nation' ? parent : null,
      catalogCodes: await catalogCodesOf(
        db,
        report.dashboard.indicators.map((item) => item.id),
      ),
      fractions: await fractionsOf(report.dashboard.indicators),
      issuedDate: report.approval?.documentHead?.plan.issuedDate ?? plan.issuedDate,
      catalogVersion: CATALOG_VERSION,
      approvedOn: vietnamDateOf(new Date(approvedAt)),
    });
    return { report, figures };
  };

  /**
   * The submission package of the period's approved report: DOCX, PDF (when LibreOffice is installed;
   * otherwise the manifest says it is missing and why), the catalog-layout Excel sheet, figures.json and
   * manifest.json.
   *
   * @throws AppError PERIOD_NOT_FOUND, REPORT_NOT_FOUND, REPORT_NOT_APPROVED
   */
  const submissionPackage = async (
    context: RequestContext,
    periodId: string,
    version?: number,
  ): Promise<ExportedFile> => {
    const { report, figures } = await figuresOf(context, periodId, version);
    // A report approved before approvals were frozen has no version to ask for: its current view prints.
    const docx = await exporter.consolidatedDocx(
      context,
      periodId,
      report.approval ? report.version : undefined,
    );
    const files: PackageFile[] = [{ path: PACKAGE_FILES.docx, bytes: docx.bytes, contentType: DOCX_TYPE }];
    const missing: Array<{ path: string; reason: string }> = [];
    const pdfProblem = 'Máy chủ lập gói chưa cài LibreOffice nên chưa có bản PDF; bản Word có cùng nội dung.';
    if (await pdf.isAvailable()) {
      try {
        files.push({
          path: PACKAGE_FILES.pdf,
          bytes: await pdf.docxToPdf(docx.bytes),
          contentType: PDF_TYPE,
        });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'PDF_UNAVAILABLE')) throw error;
        missing.push({ path: PACKAGE_FILES.pdf, reason: pdfProblem });
      }
    } else missing.push({ path: PACKAGE_FILES.pdf, reason: pdfProblem });
    files.push({
      path: PACKAGE_FILES.xlsx,
      bytes: await renderSubmissionXlsx(figures),
      contentType: XLSX_TYPE,
    });
    const key = await signingKeys.instanceKey();
    const { bytes } = buildSubmissionPackage({
      files,
      figures,
      missing,
      generatedAt: clock.now().toISOString(),
      generator: 'Lộ trình',
      sign: (manifestBytes) => signManifest(manifestBytes, key),
    });
    return {
      bytes,
      contentType: 'application/zip',
      fileName: `goi-bao-cao-${figures.locality.code}-${safeName(figures.period.key)}-v${figures.approval.version}.zip`,
    };
  };

  /** The DHIS2 payload of figures. @throws AppError DHIS2_UNSUPPORTED */
  const dataValueSetOf = (figures: TSubmissionFigures) => {
    if (!figures.period.dhis2)
      throw new AppError('DHIS2_UNSUPPORTED', {
        message: `Kỳ "${figures.period.label}" (${figures.period.periodStart} – ${figures.period.periodEnd}) không phải một năm, nửa năm, quý hay tháng trọn vẹn nên không có ký hiệu kỳ DHIS2. Hãy dùng tệp figures.json của gói báo cáo.`,
      });
    const { set, duplicates } = toDataValueSet({
      period: figures.period.dhis2,
      orgUnit: figures.locality.code,
      completeDate: figures.approval.approvedOn,
      figures: figures.indicators,
    });
    if (duplicates.length)
      throw new AppError('DHIS2_UNSUPPORTED', {
        message: `Nhiều chỉ tiêu của kế hoạch cùng gắn mã ${duplicates.join(', ')} và đều có số liệu; DHIS2 chỉ nhận một giá trị cho mỗi mã. Hãy sửa việc gắn mã danh mục của kế hoạch.`,
      });
    return set;
  };

  /**
   * The period's approved figures as a DHIS2 `dataValueSets` JSON file.
   * @throws AppError PERIOD_NOT_FOUND, REPORT_NOT_FOUND, REPORT_NOT_APPROVED, DHIS2_UNSUPPORTED
   */
  const dataValueSet = async (
    context: RequestContext,
    periodId: string,
    version?: number,
  ): Promise<ExportedFile> => {
    const { figures } = await figuresOf(context, periodId, version);
    const set = dataValueSetOf(figures);
    return {
      bytes: Buffer.from(`${JSON.stringify(set, null, 2)}\n`, 'utf8'),
      contentType: 'application/json; charset=utf-8',
      fileName: `dhis2-${figures.locality.code}-${set.period}.json`,
    };
  };

  const present = (
    row: SubmissionPackageRow,
    locality: { name: string; kind: string },
    names: Map<string, string>,
  ): TReceivedPackage => {
    const figures = ZSubmissionFigures.parse(row.figures);
    return {
      id: row.id,
      localityId: row.localityId,
      localityCode: row.localityCode,
      localityName: `${locality.kind.charAt(0).toUpperCase()}${locality.kind.slice(1)} ${locality.name}`,
      periodKey: row.periodKey,
      periodDhis2: figures.period.dhis2,
      periodLabel: figures.period.label,
      reportVersion: row.reportVersion,
      approvedOn: figures.approval.approvedOn,
      planNumber: figures.plan.number,
      planTitle: figures.plan.title,
      catalogVersion: figures.catalogVersion,
      checksum: row.checksum,
      fileName: row.fileName,
      receivedAt: row.receivedAt.toISOString(),
      receivedByName: row.receivedBy ? (names.get(row.receivedBy) ?? null) : null,
      figures,
    };
  };

  /**
   * Imports a commune's package at the province's instance: checked (see readSubmissionPackage), the
   * commune found by its official code in this instance's register under the importing user's province,
   * signed by a key registered for the commune (package-checks.ts; a refusal is audited), its catalog
   * codes known here (another catalog version is accepted and said), stored once (the same package again
   * changes nothing and says so), audited.
   *
   * @throws AppError FILE_TOO_LARGE, PACKAGE_INVALID (also a signature refused, an unknown catalog code),
   *   FORBIDDEN, DUPLICATE (same report version with other figures)
   */
  const importPackage = async (context: RequestContext, upload: Upload) => {
    const { manifest, figures, figuresSha256, manifestBytes, signature } = readSubmissionPackage(
      upload.bytes,
    );
    const { code, name } = figures.locality;
    if (figures.locality.level !== 'commune')
      throw new AppError('PACKAGE_INVALID', {
        message: `Gói của ${name} (mã ${code}) không phải gói của một xã, phường, đặc khu: cấp tỉnh chỉ nhận gói của cấp xã.`,
      });
    const commune = await findLocalityByCode(db, code);
    if (commune?.level !== 'commune')
      throw new AppError('PACKAGE_INVALID', {
        message: `Mã đơn vị hành chính ${code} (${name}) trong gói không phải một xã, phường, đặc khu trong danh mục đơn vị hành chính của hệ thống này.`,
      });
    const chain = await findLocalityChain(db, commune.id);
    const province = commune.parentId ? await findLocalityById(db, commune.parentId) : undefined;
    if (!canImportPackageOf(context.actor, chain))
      throw new AppError('FORBIDDEN', {
        message: `Bạn không nhận được gói của ${commune.kind} ${commune.name} (mã ${code}): địa phương này không thuộc tỉnh, thành phố bạn phụ trách, hoặc vai trò của bạn không được nhận gói báo cáo.`,
      });
    if (figures.locality.parentCode && province && figures.locality.parentCode !== province.code)
      throw new AppError('PACKAGE_INVALID', {
        message: `Gói ghi ${name} thuộc tỉnh mã ${figures.locality.parentCode}, nhưng danh mục của hệ thống này ghi ${commune.kind} ${commune.name} thuộc ${province.kind} ${province.name} (mã ${province.code}).`,
      });
    const keyFingerprint = await checkPackageSignature(db, context, clock.now(), {
      commune,
      signature,
      manifestBytes,
      figures,
      fileName: upload.fileName,
      ownKey: await signingKeys.instanceKey(),
    });
    const catalogWarning = catalogWarningOf(figures, catalog);
    const key = {
      localityId: commune.id,
      sourcePlanId: figures.plan.id,
      periodKey: figures.period.key,
      reportVersion: figures.approval.version,
    };
    const described = `${commune.kind} ${commune.name}, ${figures.period.label}, phiên bản ${figures.approval.version}`;
    const received = (existing: SubmissionPackageRow) => {
      if (existing.figuresSha256 !== figuresSha256)
        throw new AppError('DUPLICATE', {
          message: `Đã nhận gói báo cáo của ${described} với số liệu khác gói này. Một báo cáo bổ sung phải mang phiên bản mới; hãy liên hệ địa phương gửi.`,
        });
      return existing;
    };
    const outcome = await db
      .transaction(async (tx) => {
        const existing = await findSubmissionPackage(tx, key);
        if (existing) return { outcome: 'already_received' as const, row: received(existing) };
        const now = clock.now();
        const row = await insertSubmissionPackage(tx, {
          ...key,
          localityCode: code,
          figures,
          figuresSha256,
          checksum: manifest.checksum,
          fileName: upload.fileName,
          sizeBytes: upload.bytes.length,
          receivedAt: now,
          receivedBy: actorUserId(context.actor),
          signatureFingerprint: keyFingerprint,
        });
        await recordAudit(tx, context, now, {
          entityType: 'submission_package',
          entityId: row.id,
          localityId: commune.id,
          action: 'create',
          after: {
            localityCode: code,
            periodKey: key.periodKey,
            reportVersion: key.reportVersion,
            checksum: manifest.checksum,
            fileName: upload.fileName,
            indicators: figures.indicators.length,
            keyFingerprint,
            catalogVersion: figures.catalogVersion,
          },
        });
        return { outcome: 'created' as const, row };
      })
      .catch(async (error: unknown) => {
        // The same package imported twice at once: the other import stored it.
        const existing = isUniqueViolation(error) ? await findSubmissionPackage(db, key) : undefined;
        if (!existing) throw error;
        return { outcome: 'already_received' as const, row: received(existing) };
      });
    const names = await namesOfUsers(db, [outcome.row.receivedBy]);
    return {
      outcome: outcome.outcome,
      message: `${
        outcome.outcome === 'created'
          ? `Đã nhận gói báo cáo của ${described} (chữ ký số hợp lệ).`
          : `Gói báo cáo của ${described} đã được nhận trước đó; không có gì thay đổi.`
      }${catalogWarning ? ` ${catalogWarning}` : ''}`,
      signature: 'verified' as const,
      keyFingerprint,
      catalogWarning,
      package: present(outcome.row, commune, names),
    };
  };

  /**
   * The packages received for a locality and the communes under it, with their figures.
   * @throws AppError LOCALITY_NOT_FOUND (also outside the actor's scope)
   */
  const listReceived = async (context: RequestContext, localityId: string): Promise<TReceivedPackage[]> => {
    const chain = await findLocalityChain(db, localityId);
    if (!chain.length || !canReadReceived(context.actor, chain)) throw new AppError('LOCALITY_NOT_FOUND');
    const rows = await listSubmissionPackages(db, await findLocalitySubtreeIds(db, [localityId]));
    const names = await namesOfUsers(
      db,
      rows.map((item) => item.row.receivedBy),
    );
    return rows.map((item) => present(item.row, { name: item.localityName, kind: item.localityKind }, names));
  };

  return { submissionPackage, dataValueSet, importPackage, listReceived, figuresOf };
};

export type ExchangeService = ReturnType<typeof createExchangeService>;

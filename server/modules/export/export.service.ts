/**
 * Downloads and the template upload: builds the view of each document from the services that already
 * answer the screens (plan detail, consolidated report, period status, unit report), renders it, and reads
 * a filled template back into a unit report through the reporting service, so every reporting rule applies.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import { TIMELINESS_LABELS } from '@core/domain/evaluation';
import { reportWorkflowText } from '@core/domain/report-status';
import { formatTarget } from '@core/domain/targets';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import {
  renderIndicatorMatrixXlsx,
  renderPeriodStatusXlsx,
  renderTaskListXlsx,
} from '../../documents/export/excel-exporter';
import type { TemplateLimits } from '../../documents/export/guarded-template-reader';
import type { PdfConverter } from '../../documents/export/pdf-converter';
import {
  type DocumentIssuer,
  describeIssuer,
  provinceCommitteeOf,
} from '../../documents/export/state-document';
import { renderConsolidatedReportDocx, renderPlanDocx } from '../../documents/export/word-exporter';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { findLocalityById, findLocalityChain, type LocalityRow } from '../../shared/localities';
import type { ConsolidationService } from '../consolidation/consolidation.service';
import type { PlanDetailData } from '../plan/plan.presenter';
import type { PlanService } from '../plan/plan.service';
import type { ReportingService } from '../reporting/reporting.service';
import { DOCX_TYPE, type ExportedFile, PDF_TYPE, slug, XLSX_TYPE } from './export.files';
import { canDownloadFromPlan } from './export.policy';
import { createTemplateExport } from './template-export';

type ExportServiceDeps = {
  db: Database;
  clock: Clock;
  plan: Pick<PlanService, 'get'>;
  consolidation: Pick<ConsolidationService, 'get'>;
  reporting: Pick<ReportingService, 'getPeriod' | 'getUnitReport' | 'saveDraft'>;
  pdf: PdfConverter;
  /** How an uploaded template is bounded while it is read (TEMPLATE_LIMITS unless a test narrows them). */
  templateLimits?: TemplateLimits;
};

export { DOCX_TYPE, type ExportedFile, MAX_TEMPLATE_BYTES, PDF_TYPE, XLSX_TYPE } from './export.files';

const FREQUENCY_TEXTS = {
  monthly: 'báo cáo hằng tháng',
  quarterly: 'báo cáo hằng quý',
  semiannual: 'báo cáo 6 tháng',
  annual: 'báo cáo hằng năm',
  adhoc: 'báo cáo đột xuất theo yêu cầu',
} as const;

/** The printed target of every year of an indicator. */
const printedTargets = (
  targets: Array<{
    year: number;
    op: Parameters<typeof formatTarget>[0]['op'];
    value: number | null;
    valueHigh: number | null;
    rawText: string | null;
  }>,
  unit: string | null,
) => Object.fromEntries(targets.map((target) => [target.year, target.rawText ?? formatTarget(target, unit)]));

const targetYearsOf = (indicators: PlanDetailData['indicators']) =>
  [...new Set(indicators.flatMap((row) => row.targets.map((target) => target.year)))].sort((a, b) => a - b);

export const createExportService = ({
  db,
  clock,
  plan,
  consolidation,
  reporting,
  pdf,
  templateLimits,
}: ExportServiceDeps) => {
  const today = () => vietnamDateOf(clock.now());

  const issuerOf = async (
    locality: LocalityRow,
    kind: 'government' | 'party',
    signer: { name: string | null; position: string | null },
  ): Promise<{ issuer: DocumentIssuer; provinceText: string | null }> => {
    const parent = locality.parentId ? await findLocalityById(db, locality.parentId) : undefined;
    const province = parent && parent.level === 'province' ? parent : null;
    return {
      issuer: describeIssuer({ kind, locality, province, signer }),
      provinceText: province ? `${province.kind} ${province.name}` : null,
    };
  };

  /** Loads the plan as its page shows it, after the read check of the plan's scope. @throws AppError PLAN_NOT_FOUND */
  const planDetail = async (context: RequestContext, planId: string) => {
    const detail = await plan.get(context, planId);
    if (!canDownloadFromPlan(context.actor, await findLocalityChain(db, detail.plan.localityId)))
      throw new AppError('PLAN_NOT_FOUND');
    const unitName = new Map(detail.units.map((unit) => [unit.id, unit.name]));
    const names = (ids: string[]) => ids.map((id) => unitName.get(id) ?? '').filter(Boolean);
    return { detail, unitName, names };
  };

  /**
   * The plan as a Word document in the state format, with its indicator and task appendices.
   *
   * @throws AppError PLAN_NOT_FOUND
   */
  const planDocx = async (context: RequestContext, planId: string): Promise<ExportedFile> => {
    const { detail, unitName, names } = await planDetail(context, planId);
    const row = detail.plan;
    const { issuer, provinceText } = await issuerOf(detail.locality, row.issuerKind, {
      name: row.signerName,
      position: row.signerPosition,
    });
    const bytes = await renderPlanDocx({
      issuer,
      number: row.number,
      issuedDate: row.issuedDate ?? today(),
      title: row.title,
      basis: detail.references.filter((reference) => reference.kind === 'basis'),
      standingAgencyName: row.standingAgencyUnitId ? (unitName.get(row.standingAgencyUnitId) ?? null) : null,
      reporting: detail.reporting.map((regime) => ({
        frequencyText: FREQUENCY_TEXTS[regime.frequency],
        due: regime.due,
        receiver: regime.receiver,
      })),
      targetYears: targetYearsOf(detail.indicators),
      indicators: detail.indicators.map((indicator) => ({
        code: indicator.code,
        groupName: indicator.groupName,
        name: indicator.name,
        unit: indicator.unit,
        targets: printedTargets(indicator.targets, indicator.unit),
        leadUnitName: indicator.leadUnitId ? (unitName.get(indicator.leadUnitId) ?? null) : null,
        coordinatingUnitNames: names(indicator.coordinatingUnitIds),
      })),
      tasks: detail.tasks.map((task) => ({
        code: task.code,
        groupName: task.groupName,
        name: task.name,
        leadUnitName: task.leadUnitId ? (unitName.get(task.leadUnitId) ?? null) : null,
        coordinatingUnitNames: names(task.coordinatingUnitIds),
        output: task.output,
        deadlineText: task.deadlineText,
      })),
      recipients: [
        ...(provinceText
          ? [
              issuer.kind === 'party'
                ? `- ${provinceCommitteeOf(provinceText)} (b/c);`
                : `- UBND ${provinceText} (b/c);`,
            ]
          : []),
        '- Các đơn vị có liên quan;',
        issuer.kind === 'party' ? '- Lưu Văn phòng Đảng ủy.' : '- Lưu: VT.',
      ],
    });
    return { bytes, contentType: DOCX_TYPE, fileName: `ke-hoach-${slug(row.number, 'chua-so')}.docx` };
  };

  /** @throws AppError PLAN_NOT_FOUND */
  const indicatorsXlsx = async (context: RequestContext, planId: string): Promise<ExportedFile> => {
    const { detail, unitName, names } = await planDetail(context, planId);
    const bytes = await renderIndicatorMatrixXlsx({
      planTitle: `${detail.plan.number ? `${detail.plan.number}: ` : ''}${detail.plan.title}`,
      targetYears: targetYearsOf(detail.indicators),
      indicators: detail.indicators.map((indicator) => ({
        code: indicator.code,
        groupName: indicator.groupName,
        name: indicator.name,
        unit: indicator.unit,
        catalogCode: indicator.catalogCode,
        baselineYear: indicator.baselineYear,
        targets: printedTargets(indicator.targets, indicator.unit),
        leadUnitName: indicator.leadUnitId ? (unitName.get(indicator.leadUnitId) ?? null) : null,
        coordinatingUnitNames: names(indicator.coordinatingUnitIds),
      })),
    });
    return {
      bytes,
      contentType: XLSX_TYPE,
      fileName: `chi-tieu-${slug(detail.plan.number, 'ke-hoach')}.xlsx`,
    };
  };

  /** @throws AppError PLAN_NOT_FOUND */
  const tasksXlsx = async (context: RequestContext, planId: string): Promise<ExportedFile> => {
    const { detail, unitName, names } = await planDetail(context, planId);
    const bytes = await renderTaskListXlsx({
      planTitle: `${detail.plan.number ? `${detail.plan.number}: ` : ''}${detail.plan.title}`,
      tasks: detail.tasks.map((task) => ({
        code: task.code,
        groupName: task.groupName,
        name: task.name,
        leadUnitName: task.leadUnitId ? (unitName.get(task.leadUnitId) ?? null) : null,
        coordinatingUnitNames: names(task.coordinatingUnitIds),
        leader: task.leader,
        output: task.output,
        deadlineText: task.deadlineText,
      })),
    });
    return {
      bytes,
      contentType: XLSX_TYPE,
      fileName: `nhiem-vu-${slug(detail.plan.number, 'ke-hoach')}.xlsx`,
    };
  };

  /**
   * The consolidated report of a period as a Word document: every figure is the consolidated report's
   * (the period's dashboard; for an approved version, the snapshot frozen at approval, dated the day of
   * approval).
   *
   * @throws AppError PERIOD_NOT_FOUND
   */
  const consolidatedDocx = async (
    context: RequestContext,
    periodId: string,
    version?: number,
  ): Promise<ExportedFile> => {
    const report = await consolidation.get(context, periodId, version);
    const { detail } = await planDetail(context, report.dashboard.planId).catch(() => {
      throw new AppError('PERIOD_NOT_FOUND');
    });
    const period = report.dashboard.period!;
    // An approved version prints the head frozen with it; a snapshot taken before the head was kept has
    // the plan's number and title of the approval (its dashboard), the rest as the plan stands.
    const head = report.approval?.documentHead ?? {
      plan: report.approval
        ? {
            number: report.dashboard.planNumber,
            issuedDate: detail.plan.issuedDate,
            title: report.dashboard.planTitle,
          }
        : { number: detail.plan.number, issuedDate: detail.plan.issuedDate, title: detail.plan.title },
      issuerKind: detail.plan.issuerKind,
      locality: detail.locality,
      province: null,
      signer: { name: detail.plan.signerName, position: detail.plan.signerPosition },
      standingAgencyName:
        detail.units.find((unit) => unit.id === detail.plan.standingAgencyUnitId)?.name ?? null,
    };
    const locality = head.locality;
    const { issuer, provinceText } = report.approval?.documentHead
      ? {
          issuer: describeIssuer({
            kind: head.issuerKind,
            locality,
            province: head.province,
            signer: head.signer,
          }),
          provinceText: head.province ? `${head.province.kind} ${head.province.name}` : null,
        }
      : await issuerOf(detail.locality, head.issuerKind, head.signer);
    const standingAgency = head.standingAgencyName;
    const bytes = await renderConsolidatedReportDocx({
      issuer,
      number: null,
      date:
        report.decidedAt && report.status === 'approved'
          ? vietnamDateOf(new Date(report.decidedAt))
          : today(),
      plan: head.plan,
      period: { label: period.label, dataFrom: period.dataFrom, dataTo: period.dataTo },
      version: report.version,
      narrative: report.narrative,
      shortcomings: report.shortcomings,
      nextSteps: report.nextSteps,
      dashboard: report.dashboard,
      units: report.units,
      approvedBeforeFreezing: report.approvedBeforeFreezing,
      recipients:
        issuer.kind === 'party'
          ? [
              ...(provinceText ? [`- ${provinceCommitteeOf(provinceText)} (b/c);`] : []),
              '- Các đồng chí Đảng ủy viên;',
              `- UBND ${locality.kind};`,
              '- Lưu Văn phòng Đảng ủy.',
            ]
          : [
              ...(provinceText ? [`- Sở Khoa học và Công nghệ ${provinceText} (b/c);`] : []),
              `- Thường trực Đảng ủy, HĐND ${locality.kind};`,
              `- Chủ tịch, các Phó Chủ tịch UBND ${locality.kind};`,
              '- Các đơn vị có liên quan;',
              `- Lưu: VT${standingAgency ? `, ${standingAgency}` : ''}.`,
            ],
    });
    const suffix = report.version > 1 ? `-bo-sung-${report.version - 1}` : '';
    return {
      bytes,
      contentType: DOCX_TYPE,
      fileName: `bao-cao-tong-hop-${slug(period.key, 'ky')}${suffix}.docx`,
    };
  };

  /**
   * The consolidated report as PDF (LibreOffice).
   *
   * @throws AppError PERIOD_NOT_FOUND, PDF_UNAVAILABLE (503) when LibreOffice is not installed
   */
  const consolidatedPdf = async (
    context: RequestContext,
    periodId: string,
    version?: number,
  ): Promise<ExportedFile> => {
    const docx = await consolidatedDocx(context, periodId, version);
    const bytes = await pdf.docxToPdf(docx.bytes);
    return { bytes, contentType: PDF_TYPE, fileName: docx.fileName.replace(/\.docx$/, '.pdf') };
  };

  /** Who must report in the period and where each stands. @throws AppError PERIOD_NOT_FOUND */
  const statusXlsx = async (context: RequestContext, periodId: string): Promise<ExportedFile> => {
    const { period, plan: planRow, obligations } = await reporting.getPeriod(context, periodId);
    const bytes = await renderPeriodStatusXlsx({
      planTitle: `${planRow.number ? `${planRow.number}: ` : ''}${planRow.title}`,
      periodLabel: period.label,
      dueDate: period.dueDate,
      obligations: obligations.map((row) => ({
        unitName: row.unitName,
        indicatorCount: row.indicatorCount,
        taskCount: row.taskCount,
        statusText: reportWorkflowText(row),
        version: row.report?.version ?? null,
        submittedOn: row.report?.submittedAt ? vietnamDateOf(row.report.submittedAt) : null,
        timelinessText: TIMELINESS_LABELS[row.timeliness],
      })),
    });
    return { bytes, contentType: XLSX_TYPE, fileName: `tinh-hinh-bao-cao-${slug(period.key, 'ky')}.xlsx` };
  };

  // The unit's entry template, down and up (template-export.ts).
  const { templateXlsx, importTemplate } = createTemplateExport({ db, reporting, templateLimits });

  return {
    planDocx,
    indicatorsXlsx,
    tasksXlsx,
    consolidatedDocx,
    consolidatedPdf,
    statusXlsx,
    templateXlsx,
    importTemplate,
    isPdfAvailable: () => pdf.isAvailable(),
  };
};

export type ExportService = ReturnType<typeof createExportService>;

/**
 * Downloads and the template upload: builds the view of each document from the services that already
 * answer the screens (plan detail, consolidated report, period status, unit report), renders it, and reads
 * a filled template back into a unit report through the reporting service, so every reporting rule applies.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import { TIMELINESS_LABELS } from '@core/domain/evaluation';
import { reportWorkflowText } from '@core/domain/report-status';
import { formatTarget } from '@core/domain/targets';
import { foldText } from '@core/domain/text';
import type { TSaveReportRequest } from '@core/schemas/reporting.schemas';
import { ZSaveReportRequest } from '@core/schemas/reporting.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import {
  renderIndicatorMatrixXlsx,
  renderPeriodStatusXlsx,
  renderTaskListXlsx,
  renderTemplateXlsx,
  TEMPLATE,
} from '../../documents/export/excel-exporter';
import { cellLabel, type ImportedTemplate, templateInvalid } from '../../documents/export/excel-importer';
import { readGuardedTemplateXlsx, type TemplateLimits } from '../../documents/export/guarded-template-reader';
import type { PdfConverter } from '../../documents/export/pdf-converter';
import {
  type DocumentIssuer,
  describeIssuer,
  provinceCommitteeOf,
} from '../../documents/export/state-document';
import { renderConsolidatedReportDocx, renderPlanDocx } from '../../documents/export/word-exporter';
import { AppError, type ErrorDetail } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { findLocalityById, findLocalityChain, type LocalityRow } from '../../shared/localities';
import type { ConsolidationService } from '../consolidation/consolidation.service';
import type { PlanDetailData } from '../plan/plan.presenter';
import type { PlanService } from '../plan/plan.service';
import type { ReportingService } from '../reporting/reporting.service';
import { canDownloadFromPlan, canImportTemplate } from './export.policy';

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

/** A file to download. */
export type ExportedFile = { bytes: Buffer; contentType: string; fileName: string };

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';
/** A filled template is a few hundred kilobytes at most. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

const FREQUENCY_TEXTS = {
  monthly: 'báo cáo hằng tháng',
  quarterly: 'báo cáo hằng quý',
  semiannual: 'báo cáo 6 tháng',
  annual: 'báo cáo hằng năm',
  adhoc: 'báo cáo đột xuất theo yêu cầu',
} as const;

/** An ASCII file name part: "54/KH-UBND" → "54-kh-ubnd". */
const slug = (text: string | null | undefined, fallback: string) =>
  foldText(text ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || fallback;

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

  /**
   * The entry template of a unit for a period, pre-filled with its current report.
   *
   * @throws AppError PERIOD_NOT_FOUND, UNIT_NOT_FOUND
   */
  const templateXlsx = async (
    context: RequestContext,
    periodId: string,
    unitId: string,
  ): Promise<ExportedFile> => {
    const form = await reporting.getUnitReport(context, periodId, unitId);
    const { plan: planRow } = await reporting.getPeriod(context, periodId);
    const values = new Map(form.values.map((row) => [row.indicatorId, row]));
    const updates = new Map(form.updates.map((row) => [row.taskId, row]));
    const bytes = await renderTemplateXlsx({
      periodId,
      unitId,
      unitName: form.unit.name,
      periodLabel: form.period.label,
      dataFrom: form.period.dataFrom,
      dataTo: form.period.dataTo,
      planTitle: `${planRow.number ? `${planRow.number}: ` : ''}${planRow.title}`,
      indicators: form.indicators.map(({ row, targetText }) => {
        const value = values.get(row.id);
        return {
          id: row.id,
          code: row.code,
          name: row.name,
          unit: row.unit,
          targetText,
          value: value?.value ?? null,
          numerator: value?.numerator ?? null,
          denominator: value?.denominator ?? null,
          assessment: value?.assessment ?? null,
          note: value?.note ?? null,
        };
      }),
      tasks: form.tasks.map((row) => {
        const update = updates.get(row.id);
        return {
          id: row.id,
          code: row.code,
          name: row.name,
          deadlineText: row.deadlineText,
          status: update?.status ?? null,
          progress: update?.progress ?? null,
          completedOn: update?.completedOn ?? null,
          result: update?.result ?? null,
        };
      }),
    });
    return {
      bytes,
      contentType: XLSX_TYPE,
      fileName: `bieu-mau-${slug(form.unit.name, 'don-vi')}-${slug(form.period.key, 'ky')}.xlsx`,
    };
  };

  /** Points a `values.3.note`-style field of the reporting rules at the template cell it came from. */
  const cellOfField = (
    field: string,
    input: { values: Array<{ rowNumber: number | null }>; taskUpdates: Array<{ rowNumber: number | null }> },
  ): string => {
    const match = /^(values|taskUpdates)\.(\d+)\.(\w+)$/.exec(field);
    if (!match) return field;
    const [, list, index, name] = match as unknown as [string, 'values' | 'taskUpdates', string, string];
    const rowNumber = input[list][Number(index)]?.rowNumber;
    const columns: Record<string, string> =
      list === 'values' ? TEMPLATE.indicatorColumns : TEMPLATE.taskColumns;
    const column = columns[name === 'indicatorId' || name === 'taskId' ? 'id' : name];
    if (!rowNumber || !column) return field;
    return cellLabel(
      list === 'values' ? TEMPLATE.indicatorSheet : TEMPLATE.taskSheet,
      `${column}${rowNumber}`,
    );
  };

  const cellErrors = (details: ErrorDetail[], input: Parameters<typeof cellOfField>[1]) => {
    const mapped = details.map((detail) => ({
      field: cellOfField(detail.field, input),
      message: detail.message,
    }));
    return templateInvalid(mapped);
  };

  /**
   * Reads a filled template and saves it as the unit's draft, at the current revision, through the
   * reporting service. Indicators and tasks without a row in the file keep what the report holds.
   *
   * @throws AppError PERIOD_NOT_FOUND, UNIT_NOT_FOUND, FORBIDDEN, FILE_TOO_LARGE, UNREADABLE_DOCUMENT,
   *   SERVER_BUSY (see readGuardedTemplateXlsx), TEMPLATE_INVALID (one detail per wrong cell; nothing is
   *   written), REPORT_LOCKED, REPORT_CHANGED
   */
  const importTemplate = async (context: RequestContext, periodId: string, unitId: string, bytes: Buffer) => {
    const form = await reporting.getUnitReport(context, periodId, unitId);
    const { plan: planRow } = await reporting.getPeriod(context, periodId);
    if (!canImportTemplate(context.actor, await findLocalityChain(db, planRow.localityId), unitId))
      throw new AppError('FORBIDDEN');
    if (bytes.length > MAX_TEMPLATE_BYTES)
      throw new AppError('FILE_TOO_LARGE', { message: 'Tệp quá lớn: biểu mẫu nhập số liệu tối đa 5 MB.' });
    const imported: ImportedTemplate = await readGuardedTemplateXlsx(
      bytes,
      {
        periodId,
        unitId,
        unitName: form.unit.name,
        periodLabel: form.period.label,
        indicators: new Map(form.indicators.map(({ row }) => [row.id, { code: row.code, unit: row.unit }])),
        taskIds: new Set(form.tasks.map((row) => row.id)),
      },
      templateLimits,
    );
    const importedValues = new Map(imported.values.map((row) => [row.indicatorId, row]));
    const importedUpdates = new Map(imported.taskUpdates.map((row) => [row.taskId, row]));
    // The file decides for every row it holds (an emptied row clears the value); the others keep theirs.
    const values = [
      ...imported.values,
      ...form.values
        .filter((row) => !imported.indicatorRows.has(row.indicatorId) && !importedValues.has(row.indicatorId))
        .map((row) => ({ ...row, rowNumber: null })),
    ];
    const taskUpdates = [
      ...imported.taskUpdates,
      ...form.updates
        .filter((row) => !imported.taskRows.has(row.taskId) && !importedUpdates.has(row.taskId))
        .map((row) => ({ ...row, rowNumber: null })),
    ];
    const located = { values, taskUpdates };
    const parsed = ZSaveReportRequest.safeParse({
      revision: form.report?.revision ?? 0,
      nothingArose: form.report?.nothingArose ?? false,
      difficulties: form.report?.difficulties ?? null,
      proposals: form.report?.proposals ?? null,
      values: values.map((row) => ({
        indicatorId: row.indicatorId,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
        assessment: row.assessment,
        note: row.note,
        // A row the file does not hold keeps its "Chưa có số liệu" reason.
        missingReason: 'missingReason' in row ? row.missingReason : null,
      })),
      taskUpdates: taskUpdates.map((row) => ({
        taskId: row.taskId,
        status: row.status,
        progress: row.progress,
        completedOn: row.completedOn,
        result: row.result,
      })),
    });
    if (!parsed.success) {
      throw cellErrors(
        parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
        located,
      );
    }
    const input: TSaveReportRequest = parsed.data;
    try {
      return await reporting.saveDraft(context, periodId, unitId, input);
    } catch (error) {
      if (error instanceof AppError && error.code === 'VALIDATION_FAILED' && error.details)
        throw cellErrors(error.details, located);
      throw error;
    }
  };

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

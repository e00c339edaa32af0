/**
 * The unit's entry template of the export module: the .xlsx to fill in, pre-filled with what the unit's
 * report holds, and the filled file read back into a draft through the reporting service, so every
 * reporting rule applies; a wrong value is named by its sheet and cell.
 */
import type { TSaveReportRequest } from '@core/schemas/reporting.schemas';
import { ZSaveReportRequest } from '@core/schemas/reporting.schemas';
import type { Database } from '../../db/client';
import { cellLabel, type ImportedTemplate, templateInvalid } from '../../documents/export/excel-importer';
import { renderTemplateXlsx, TEMPLATE } from '../../documents/export/excel-template';
import { readGuardedTemplateXlsx, type TemplateLimits } from '../../documents/export/guarded-template-reader';
import { AppError, type ErrorDetail } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { findLocalityChain } from '../../shared/localities';
import { presentEnteredValue, presentTaskUpdate } from '../reporting/reporting.presenter';
import type { ReportingService } from '../reporting/reporting.service';
import { type ExportedFile, MAX_TEMPLATE_BYTES, slug, XLSX_TYPE } from './export.files';
import { canImportTemplate } from './export.policy';

type TemplateExportDeps = {
  db: Database;
  reporting: Pick<ReportingService, 'getPeriod' | 'getUnitReport' | 'saveDraft'>;
  /** How an uploaded template is bounded while it is read (TEMPLATE_LIMITS unless a test narrows them). */
  templateLimits?: TemplateLimits;
};

/** The template download and upload of the export service (see createExportService). */
export const createTemplateExport = ({ db, reporting, templateLimits }: TemplateExportDeps) => {
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
      indicators: form.indicators.map(({ row, targetText }) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        unit: row.unit,
        targetText,
        ...presentEnteredValue(values.get(row.id)),
      })),
      tasks: form.tasks.map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        deadlineText: row.deadlineText,
        ...presentTaskUpdate(updates.get(row.id)),
      })),
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

  return { templateXlsx, importTemplate };
};

import { ZIdParams } from '@core/schemas/common.schemas';
import { ZConsolidatedVersionQuery } from '@core/schemas/consolidation.schemas';
import { ZPeriodUnitParams, ZUnitReport } from '@core/schemas/reporting.schemas';
import { defineRoute, serviceRoute } from '../../http/route';
import { presentUnitReport } from '../reporting/reporting.presenter';

const tags = ['Xuất, nhập tệp'];

/** A download answers bytes, so its 200 has no JSON schema. */
const download = { 200: null };

export const exportRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:id/export.docx',
    operationId: 'exportPlanDocx',
    summary: 'Kế hoạch dạng Word (NĐ 30/2020), kèm phụ lục chỉ tiêu và nhiệm vụ',
    tags,
    permission: 'plan:read',
    schema: { params: ZIdParams, response: download },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      file: await services.export.planDocx(meta, params.id),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:id/indicators.xlsx',
    operationId: 'exportPlanIndicatorsXlsx',
    summary: 'Bảng chỉ tiêu của kế hoạch (Excel), một cột cho mỗi năm mục tiêu',
    tags,
    permission: 'plan:read',
    schema: { params: ZIdParams, response: download },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      file: await services.export.indicatorsXlsx(meta, params.id),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:id/tasks.xlsx',
    operationId: 'exportPlanTasksXlsx',
    summary: 'Danh sách nhiệm vụ của kế hoạch (Excel)',
    tags,
    permission: 'plan:read',
    schema: { params: ZIdParams, response: download },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      file: await services.export.tasksXlsx(meta, params.id),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id/consolidated-report.docx',
    operationId: 'exportConsolidatedReportDocx',
    summary:
      'Báo cáo tổng hợp của kỳ dạng Word (NĐ 30/2020); bản đã phê duyệt in từ bản lưu lúc duyệt (?version=N: một phiên bản đã phê duyệt)',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams, query: ZConsolidatedVersionQuery, response: download },
    handler: async ({ params, query, meta }, { services }) => ({
      status: 200,
      file: await services.export.consolidatedDocx(meta, params.id, query.version),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id/consolidated-report.pdf',
    operationId: 'exportConsolidatedReportPdf',
    summary: 'Báo cáo tổng hợp của kỳ dạng PDF (503 khi máy chủ chưa cài LibreOffice)',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams, query: ZConsolidatedVersionQuery, response: download },
    handler: async ({ params, query, meta }, { services }) => ({
      status: 200,
      file: await services.export.consolidatedPdf(meta, params.id, query.version),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id/status.xlsx',
    operationId: 'exportPeriodStatusXlsx',
    summary: 'Tình hình báo cáo của các đơn vị trong kỳ (Excel)',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams, response: download },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      file: await services.export.statusXlsx(meta, params.id),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id/units/:unitId/template.xlsx',
    operationId: 'exportReportTemplateXlsx',
    summary: 'Biểu mẫu Excel nhập số liệu của một đơn vị cho một kỳ',
    tags,
    permission: 'report:read',
    schema: { params: ZPeriodUnitParams, response: download },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      file: await services.export.templateXlsx(meta, params.id, params.unitId),
    }),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/reporting-periods/:id/units/:unitId/template.xlsx',
    operationId: 'importReportTemplateXlsx',
    summary:
      'Gửi biểu mẫu Excel đã nhập: kiểm tra từng ô, lưu vào bản nháp báo cáo của đơn vị (không lưu gì nếu có ô sai)',
    tags,
    permission: 'report:write',
    upload: true,
    schema: { params: ZPeriodUnitParams },
    data: ZUnitReport,
    handler: async ({ params, meta, upload }, { services }) =>
      presentUnitReport(await services.export.importTemplate(meta, params.id, params.unitId, upload!.bytes)),
  }),
];

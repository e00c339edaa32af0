import { ZConsolidatedVersionQuery } from '@core/schemas/consolidation.schemas';
import { ZPeriodUnitParams, ZUnitReport } from '@core/schemas/reporting.schemas';
import { routesOf } from '../../http/route-shapes';
import { presentUnitReport } from '../reporting/reporting.presenter';

const route = routesOf(['Xuất, nhập tệp']);

export const exportRoutes = [
  route.download({
    path: '/api/v1/plans/:id/export.docx',
    operationId: 'exportPlanDocx',
    summary: 'Kế hoạch dạng Word (NĐ 30/2020), kèm phụ lục chỉ tiêu và nhiệm vụ',
    permission: 'plan:read',
    call: ({ params, meta }, services) => services.export.planDocx(meta, params.id),
  }),
  route.download({
    path: '/api/v1/plans/:id/indicators.xlsx',
    operationId: 'exportPlanIndicatorsXlsx',
    summary: 'Bảng chỉ tiêu của kế hoạch (Excel), một cột cho mỗi năm mục tiêu',
    permission: 'plan:read',
    call: ({ params, meta }, services) => services.export.indicatorsXlsx(meta, params.id),
  }),
  route.download({
    path: '/api/v1/plans/:id/tasks.xlsx',
    operationId: 'exportPlanTasksXlsx',
    summary: 'Danh sách nhiệm vụ của kế hoạch (Excel)',
    permission: 'plan:read',
    call: ({ params, meta }, services) => services.export.tasksXlsx(meta, params.id),
  }),
  route.download({
    path: '/api/v1/reporting-periods/:id/consolidated-report.docx',
    operationId: 'exportConsolidatedReportDocx',
    summary:
      'Báo cáo tổng hợp của kỳ dạng Word (NĐ 30/2020); bản đã phê duyệt in từ bản lưu lúc duyệt (?version=N: một phiên bản đã phê duyệt)',
    permission: 'report:read',
    query: ZConsolidatedVersionQuery,
    call: ({ params, query, meta }, services) =>
      services.export.consolidatedDocx(meta, params.id, query.version),
  }),
  route.download({
    path: '/api/v1/reporting-periods/:id/consolidated-report.pdf',
    operationId: 'exportConsolidatedReportPdf',
    summary: 'Báo cáo tổng hợp của kỳ dạng PDF (503 khi máy chủ chưa cài LibreOffice)',
    permission: 'report:read',
    query: ZConsolidatedVersionQuery,
    call: ({ params, query, meta }, services) =>
      services.export.consolidatedPdf(meta, params.id, query.version),
  }),
  route.download({
    path: '/api/v1/reporting-periods/:id/status.xlsx',
    operationId: 'exportPeriodStatusXlsx',
    summary: 'Tình hình báo cáo của các đơn vị trong kỳ (Excel)',
    permission: 'report:read',
    call: ({ params, meta }, services) => services.export.statusXlsx(meta, params.id),
  }),
  route.download({
    path: '/api/v1/reporting-periods/:id/units/:unitId/template.xlsx',
    operationId: 'exportReportTemplateXlsx',
    summary: 'Biểu mẫu Excel nhập số liệu của một đơn vị cho một kỳ',
    permission: 'report:read',
    params: ZPeriodUnitParams,
    call: ({ params, meta }, services) => services.export.templateXlsx(meta, params.id, params.unitId),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/reporting-periods/:id/units/:unitId/template.xlsx',
    operationId: 'importReportTemplateXlsx',
    summary:
      'Gửi biểu mẫu Excel đã nhập: kiểm tra từng ô, lưu vào bản nháp báo cáo của đơn vị (không lưu gì nếu có ô sai)',
    permission: 'report:write',
    upload: true,
    params: ZPeriodUnitParams,
    data: ZUnitReport,
    call: async ({ params, meta, upload }, services) =>
      presentUnitReport(await services.export.importTemplate(meta, params.id, params.unitId, upload!.bytes)),
  }),
];

import { ZIdParams } from '@core/schemas/common.schemas';
import {
  ZConsolidatedActionRequest,
  ZConsolidatedReport,
  ZConsolidatedVersionParams,
  ZConsolidatedVersionQuery,
  ZReturnConsolidatedRequest,
  ZSaveConsolidatedRequest,
} from '@core/schemas/consolidation.schemas';
import { defineRoute, serviceRoute } from '../../http/route';

const tags = ['Báo cáo tổng hợp'];

export const consolidationRoutes = [
  serviceRoute({
    method: 'GET',
    path: '/api/v1/reporting-periods/:id/consolidated-report',
    operationId: 'getConsolidatedReport',
    summary:
      'Báo cáo tổng hợp của kỳ: số liệu, kết quả nhiệm vụ, khó khăn và kiến nghị của các đơn vị; bản đã phê duyệt đọc từ bản lưu lúc duyệt (?version=N: một phiên bản đã phê duyệt)',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams, query: ZConsolidatedVersionQuery },
    data: ZConsolidatedReport,
    handler: ({ params, query, meta }, { services }) =>
      services.consolidation.get(meta, params.id, query.version),
  }),
  serviceRoute({
    method: 'PUT',
    path: '/api/v1/reporting-periods/:id/consolidated-report',
    operationId: 'saveConsolidatedReport',
    summary: 'Lưu nội dung báo cáo tổng hợp (cơ quan thường trực)',
    tags,
    permission: 'report:write',
    schema: { params: ZIdParams, body: ZSaveConsolidatedRequest },
    data: ZConsolidatedReport,
    handler: ({ params, body, meta }, { services }) => services.consolidation.save(meta, params.id, body),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/send',
    operationId: 'sendConsolidatedReport',
    summary: 'Trình lãnh đạo báo cáo tổng hợp',
    tags,
    permission: 'report:write',
    schema: { params: ZIdParams, body: ZConsolidatedActionRequest },
    data: ZConsolidatedReport,
    handler: ({ params, body, meta }, { services }) =>
      services.consolidation.send(meta, params.id, body.revision),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/approve',
    operationId: 'approveConsolidatedReport',
    summary: 'Lãnh đạo phê duyệt báo cáo tổng hợp',
    tags,
    permission: 'report:decide',
    schema: { params: ZIdParams, body: ZConsolidatedActionRequest },
    data: ZConsolidatedReport,
    handler: ({ params, body, meta }, { services }) =>
      services.consolidation.approve(meta, params.id, body.revision),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/return',
    operationId: 'returnConsolidatedReport',
    summary: 'Lãnh đạo trả lại báo cáo tổng hợp kèm lý do',
    tags,
    permission: 'report:decide',
    schema: { params: ZIdParams, body: ZReturnConsolidatedRequest },
    data: ZConsolidatedReport,
    handler: ({ params, body, meta }, { services }) =>
      services.consolidation.returnReport(meta, params.id, body.revision, body.reason),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/versions',
    operationId: 'startConsolidatedReportVersion',
    summary:
      'Lập báo cáo bổ sung trên báo cáo tổng hợp đã phê duyệt: phiên bản mới, đi lại từ đầu quy trình; bản đã duyệt vẫn xem và tải được',
    tags,
    permission: 'report:write',
    schema: { params: ZIdParams, body: ZConsolidatedActionRequest },
    data: ZConsolidatedReport,
    status: 201,
    handler: ({ params, body, meta }, { services }) =>
      services.consolidation.startVersion(meta, params.id, body.revision),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/versions/:version/signed-scan',
    operationId: 'attachConsolidatedSignedScan',
    summary:
      'Đính kèm bản chụp báo cáo đã ký (PDF hoặc ảnh) của một phiên bản đã phê duyệt (cơ quan thường trực hoặc lãnh đạo; tên tệp trong tiêu đề X-File-Name)',
    tags,
    // Read is the coarse gate: the leader does not write reports; the service asks the policy.
    permission: 'report:read',
    upload: true,
    schema: { params: ZConsolidatedVersionParams },
    data: ZConsolidatedReport,
    handler: async ({ params, upload, meta }, { services }) => {
      await services.signedScan.attach(meta, params.id, params.version, upload!);
      const report = await services.consolidation.getById(meta, params.id, params.version);
      return report;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/consolidated-reports/:id/versions/:version/signed-scan',
    operationId: 'downloadConsolidatedSignedScan',
    summary: 'Tải bản chụp báo cáo tổng hợp đã ký của một phiên bản đã phê duyệt',
    tags,
    permission: 'report:read',
    schema: { params: ZConsolidatedVersionParams, response: { 200: null } },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      file: await services.signedScan.read(meta, params.id, params.version),
    }),
  }),
];

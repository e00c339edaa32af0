import {
  ZConsolidatedActionRequest,
  ZConsolidatedReport,
  ZConsolidatedVersionParams,
  ZConsolidatedVersionQuery,
  ZReturnConsolidatedRequest,
  ZSaveConsolidatedRequest,
} from '@core/schemas/consolidation.schemas';
import { routesOf } from '../../http/route-shapes';

const route = routesOf(['Báo cáo tổng hợp'], { answers: ZConsolidatedReport });

export const consolidationRoutes = [
  route.read({
    path: '/api/v1/reporting-periods/:id/consolidated-report',
    operationId: 'getConsolidatedReport',
    summary:
      'Báo cáo tổng hợp của kỳ: số liệu, kết quả nhiệm vụ, khó khăn và kiến nghị của các đơn vị; bản đã phê duyệt đọc từ bản lưu lúc duyệt (?version=N: một phiên bản đã phê duyệt)',
    permission: 'report:read',
    query: ZConsolidatedVersionQuery,
    call: ({ params, query, meta }, { consolidation }) => consolidation.get(meta, params.id, query.version),
  }),
  route.change({
    method: 'PUT',
    path: '/api/v1/reporting-periods/:id/consolidated-report',
    operationId: 'saveConsolidatedReport',
    summary: 'Lưu nội dung báo cáo tổng hợp (cơ quan thường trực)',
    permission: 'report:write',
    body: ZSaveConsolidatedRequest,
    call: ({ params, body, meta }, { consolidation }) => consolidation.save(meta, params.id, body),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/send',
    operationId: 'sendConsolidatedReport',
    summary: 'Trình lãnh đạo báo cáo tổng hợp',
    permission: 'report:write',
    body: ZConsolidatedActionRequest,
    call: ({ params, body, meta }, { consolidation }) => consolidation.send(meta, params.id, body.revision),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/approve',
    operationId: 'approveConsolidatedReport',
    summary: 'Lãnh đạo phê duyệt báo cáo tổng hợp',
    permission: 'report:decide',
    body: ZConsolidatedActionRequest,
    call: ({ params, body, meta }, { consolidation }) =>
      consolidation.approve(meta, params.id, body.revision),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/return',
    operationId: 'returnConsolidatedReport',
    summary: 'Lãnh đạo trả lại báo cáo tổng hợp kèm lý do',
    permission: 'report:decide',
    body: ZReturnConsolidatedRequest,
    call: ({ params, body, meta }, { consolidation }) =>
      consolidation.returnReport(meta, params.id, body.revision, body.reason),
  }),
  route.create({
    path: '/api/v1/consolidated-reports/:id/versions',
    operationId: 'startConsolidatedReportVersion',
    summary:
      'Lập báo cáo bổ sung trên báo cáo tổng hợp đã phê duyệt: phiên bản mới, đi lại từ đầu quy trình; bản đã duyệt vẫn xem và tải được',
    permission: 'report:write',
    body: ZConsolidatedActionRequest,
    call: ({ params, body, meta }, { consolidation }) =>
      consolidation.startVersion(meta, params.id, body.revision),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/versions/:version/signed-scan',
    operationId: 'attachConsolidatedSignedScan',
    summary:
      'Đính kèm bản chụp báo cáo đã ký (PDF hoặc ảnh) của một phiên bản đã phê duyệt (cơ quan thường trực hoặc lãnh đạo; tên tệp trong tiêu đề X-File-Name)',
    // Read is the coarse gate: the leader does not write reports; the service asks the policy.
    permission: 'report:read',
    upload: true,
    params: ZConsolidatedVersionParams,
    call: async ({ params, upload, meta }, { signedScan, consolidation }) => {
      await signedScan.attach(meta, params.id, params.version, upload!);
      return consolidation.getById(meta, params.id, params.version);
    },
  }),
  route.download({
    path: '/api/v1/consolidated-reports/:id/versions/:version/signed-scan',
    operationId: 'downloadConsolidatedSignedScan',
    summary: 'Tải bản chụp báo cáo tổng hợp đã ký của một phiên bản đã phê duyệt',
    permission: 'report:read',
    params: ZConsolidatedVersionParams,
    call: ({ params, meta }, { signedScan }) => signedScan.read(meta, params.id, params.version),
  }),
];

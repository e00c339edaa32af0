import { ZConsolidatedVersionParams } from '@core/schemas/consolidation.schemas';
import { ZPublishRequest, ZReportPublications, ZWithdrawRequest } from '@core/schemas/publication.schemas';
import { routesOf } from '../../http/route-shapes';

const route = routesOf(['Công khai'], { answers: ZReportPublications });

export const publicationRoutes = [
  route.read({
    path: '/api/v1/consolidated-reports/:id/publications',
    operationId: 'listReportPublications',
    summary: 'Các lần công khai báo cáo tổng hợp (và gỡ xuống, kèm lý do), mới nhất trước',
    permission: 'report:read',
    call: ({ params, meta }, { publication }) => publication.list(meta, params.id),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/versions/:version/publish',
    operationId: 'publishConsolidatedReport',
    summary:
      'Lãnh đạo công khai một phiên bản đã phê duyệt của báo cáo tổng hợp trên trang công khai (/cong-khai); phiên bản đang công khai trước đó được gỡ',
    permission: 'report:decide',
    params: ZConsolidatedVersionParams,
    body: ZPublishRequest,
    call: ({ params, body, meta }, { publication }) =>
      publication.publish(meta, params.id, params.version, body),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/withdraw',
    operationId: 'withdrawConsolidatedReport',
    summary: 'Lãnh đạo gỡ báo cáo tổng hợp khỏi trang công khai, kèm lý do (lịch sử vẫn công khai)',
    permission: 'report:decide',
    body: ZWithdrawRequest,
    call: ({ params, body, meta }, { publication }) => publication.withdraw(meta, params.id, body.reason),
  }),
];

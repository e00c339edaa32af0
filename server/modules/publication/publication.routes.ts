import { ZIdParams } from '@core/schemas/common.schemas';
import { ZConsolidatedVersionParams } from '@core/schemas/consolidation.schemas';
import { ZPublishRequest, ZReportPublications, ZWithdrawRequest } from '@core/schemas/publication.schemas';
import { serviceRoute } from '../../http/route';

const tags = ['Công khai'];

export const publicationRoutes = [
  serviceRoute({
    method: 'GET',
    path: '/api/v1/consolidated-reports/:id/publications',
    operationId: 'listReportPublications',
    summary: 'Các lần công khai báo cáo tổng hợp (và gỡ xuống, kèm lý do), mới nhất trước',
    tags,
    permission: 'report:read',
    schema: { params: ZIdParams },
    data: ZReportPublications,
    handler: ({ params, meta }, { services }) => services.publication.list(meta, params.id),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/versions/:version/publish',
    operationId: 'publishConsolidatedReport',
    summary:
      'Lãnh đạo công khai một phiên bản đã phê duyệt của báo cáo tổng hợp trên trang công khai (/cong-khai); phiên bản đang công khai trước đó được gỡ',
    tags,
    permission: 'report:decide',
    schema: { params: ZConsolidatedVersionParams, body: ZPublishRequest },
    data: ZReportPublications,
    handler: ({ params, body, meta }, { services }) =>
      services.publication.publish(meta, params.id, params.version, body),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/consolidated-reports/:id/withdraw',
    operationId: 'withdrawConsolidatedReport',
    summary: 'Lãnh đạo gỡ báo cáo tổng hợp khỏi trang công khai, kèm lý do (lịch sử vẫn công khai)',
    tags,
    permission: 'report:decide',
    schema: { params: ZIdParams, body: ZWithdrawRequest },
    data: ZReportPublications,
    handler: ({ params, body, meta }, { services }) =>
      services.publication.withdraw(meta, params.id, body.reason),
  }),
];
